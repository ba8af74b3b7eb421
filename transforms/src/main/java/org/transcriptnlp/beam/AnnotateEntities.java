package org.transcriptnlp.beam;

import org.apache.beam.sdk.metrics.Counter;
import org.transcriptnlp.model.AnnotatedAnswer;
import org.transcriptnlp.model.EntityResult;
import org.transcriptnlp.nlp.AnnotatorSettings;
import org.transcriptnlp.nlp.EntityAnnotator;
import org.transcriptnlp.nlp.TextAnnotator;

/** Named-entity mentions of every answer (CoreNLP tokenize, ssplit, pos, lemma, ner). */
public class AnnotateEntities extends AnnotateAnswers<EntityResult> {
  private final Counter answers = Metric.counter(Metric.ENTITY_ANSWERS);
  private final Counter entities = Metric.counter(Metric.ENTITIES);
  private final Counter runsBlanked = Metric.counter(Metric.RUNS_BLANKED);
  private final Counter tokensCut = Metric.counter(Metric.TOKENS_CUT);
  private final Counter inWindows = Metric.counter(Metric.SENTENCES_IN_NER_WINDOWS);

  /**
   * Sentiment, when it runs, counts blanked runs and cut tokens: both annotators tokenize alike.
   */
  private final boolean countTokenBounds;

  public AnnotateEntities(AnnotatorSettings settings) {
    super(settings);
    this.countTokenBounds = !settings.sentiment();
  }

  @Override
  protected TextAnnotator<EntityResult> annotator(AnnotatorSettings settings) {
    return new EntityAnnotator(settings);
  }

  @Override
  protected AnnotatedAnswer attach(AnnotatedAnswer answer, EntityResult result) {
    return answer.withEntities(result);
  }

  @Override
  protected void count(EntityResult result) {
    answers.inc();
    entities.inc(result.mentions().size());
    inWindows.inc(result.sentencesInWindows());
    if (countTokenBounds) {
      runsBlanked.inc(result.runsBlanked());
      tokensCut.inc(result.tokensCut());
    }
  }

  @Override
  protected String timingMetric() {
    return Metric.ENTITY_MILLIS;
  }

  @Override
  protected String failureReason() {
    return "entities_failed";
  }
}
