package org.transcriptnlp.model;

import java.io.Serializable;

/**
 * An answer on its way through the annotators, with what each has found so far. A result is null
 * when its annotator is off, failed on this answer (the failure is in {@code rejects}) or was not
 * run (the answer is over {@code --maxAnswerChars}).
 */
public record AnnotatedAnswer(AnswerUnit answer, SentimentResult sentiment, EntityResult entities)
    implements Serializable {

  /** The answer before any annotator. */
  public static AnnotatedAnswer of(AnswerUnit answer) {
    return new AnnotatedAnswer(answer, null, null);
  }

  public AnnotatedAnswer withSentiment(SentimentResult result) {
    return new AnnotatedAnswer(answer, result, entities);
  }

  public AnnotatedAnswer withEntities(EntityResult result) {
    return new AnnotatedAnswer(answer, sentiment, result);
  }
}
