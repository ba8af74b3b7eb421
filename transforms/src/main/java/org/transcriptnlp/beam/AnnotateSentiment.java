package org.transcriptnlp.beam;

import org.apache.beam.sdk.metrics.Counter;
import org.transcriptnlp.model.AnnotatedAnswer;
import org.transcriptnlp.model.SentimentResult;
import org.transcriptnlp.nlp.AnnotatorSettings;
import org.transcriptnlp.nlp.SentimentAnnotator;
import org.transcriptnlp.nlp.TextAnnotator;

/** Sentence-level sentiment of every answer (CoreNLP tokenize, ssplit, pos, parse, sentiment). */
public class AnnotateSentiment extends AnnotateAnswers<SentimentResult> {
  private final Counter answers = Metric.counter(Metric.SENTIMENT_ANSWERS);
  private final Counter sentences = Metric.counter(Metric.SENTENCES);
  private final Counter tokens = Metric.counter(Metric.TOKENS);
  private final Counter tooLong = Metric.counter(Metric.SENTENCES_TOO_LONG);
  private final Counter runsBlanked = Metric.counter(Metric.RUNS_BLANKED);
  private final Counter tokensCut = Metric.counter(Metric.TOKENS_CUT);

  public AnnotateSentiment(AnnotatorSettings settings) {
    super(settings);
  }

  @Override
  protected TextAnnotator<SentimentResult> annotator(AnnotatorSettings settings) {
    return new SentimentAnnotator(settings);
  }

  @Override
  protected AnnotatedAnswer attach(AnnotatedAnswer answer, SentimentResult result) {
    return answer.withSentiment(result);
  }

  @Override
  protected void count(SentimentResult result) {
    answers.inc();
    sentences.inc(result.sentences().size());
    tokens.inc(result.tokenCount());
    tooLong.inc(result.unparsedCount());
    runsBlanked.inc(result.runsBlanked());
    tokensCut.inc(result.tokensCut());
  }

  @Override
  protected String timingMetric() {
    return Metric.SENTIMENT_MILLIS;
  }

  @Override
  protected String failureReason() {
    return "sentiment_failed";
  }
}
