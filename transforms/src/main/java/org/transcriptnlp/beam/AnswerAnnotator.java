package org.transcriptnlp.beam;

import java.io.Serializable;
import org.apache.beam.sdk.metrics.Counter;
import org.transcriptnlp.model.AnnotatedAnswer;
import org.transcriptnlp.model.EntityResult;
import org.transcriptnlp.model.SentimentResult;
import org.transcriptnlp.nlp.AnnotatorSettings;
import org.transcriptnlp.nlp.EntityAnnotator;
import org.transcriptnlp.nlp.SentimentAnnotator;
import org.transcriptnlp.nlp.TextAnnotator;

/**
 * What one annotating step ({@link AnnotateAnswers}) does that another does not: its name, its
 * metrics, its CoreNLP annotator and where its result goes on the answer. Small and serializable:
 * it is what the step's DoFn carries to the workers, with the {@link AnnotatorSettings}.
 *
 * @param <R> the annotator's result
 */
public interface AnswerAnnotator<R extends Serializable> extends Serializable {
  /**
   * The step's name in the graph ({@code AnnotateSentiment}), in its log lines and in the detail of
   * its time-out rejects.
   */
  String name();

  /** The reason of the reject of an answer the annotator failed on ({@code sentiment_failed}). */
  String failureReason();

  /** The name of the distribution of per-answer milliseconds. */
  String millisMetric();

  /**
   * The annotator, built on a worker: its CoreNLP pipelines are the JVM-wide shared ones ({@code
   * CoreNlpHolder}), so this is cheap after the first call in a JVM.
   */
  TextAnnotator<R> annotator(AnnotatorSettings settings);

  /** The answer with this annotator's result attached. */
  AnnotatedAnswer attach(AnnotatedAnswer answer, R result);

  /** Counts what one result holds into the metrics. */
  void count(R result, AnnotatorSettings settings);

  /** Sentence-level sentiment (CoreNLP tokenize, ssplit, pos, parse, sentiment). */
  static AnswerAnnotator<SentimentResult> sentiment() {
    return new Sentiment();
  }

  /** Named-entity mentions (CoreNLP tokenize, ssplit, pos, lemma, ner). */
  static AnswerAnnotator<EntityResult> entities() {
    return new Entities();
  }

  /** Sentence-level sentiment of an answer. */
  class Sentiment implements AnswerAnnotator<SentimentResult> {
    private static final long serialVersionUID = 1L;

    private final Counter answers = Metric.counter(Metric.SENTIMENT_ANSWERS);
    private final Counter sentences = Metric.counter(Metric.SENTENCES);
    private final Counter tokens = Metric.counter(Metric.TOKENS);
    private final Counter tooLong = Metric.counter(Metric.SENTENCES_TOO_LONG);
    private final Counter runsBlanked = Metric.counter(Metric.RUNS_BLANKED);
    private final Counter tokensCut = Metric.counter(Metric.TOKENS_CUT);

    @Override
    public String name() {
      return "AnnotateSentiment";
    }

    @Override
    public String failureReason() {
      return "sentiment_failed";
    }

    @Override
    public String millisMetric() {
      return Metric.SENTIMENT_MILLIS;
    }

    @Override
    public TextAnnotator<SentimentResult> annotator(AnnotatorSettings settings) {
      return new SentimentAnnotator(settings);
    }

    @Override
    public AnnotatedAnswer attach(AnnotatedAnswer answer, SentimentResult result) {
      return answer.withSentiment(result);
    }

    @Override
    public void count(SentimentResult result, AnnotatorSettings settings) {
      answers.inc();
      sentences.inc(result.sentences().size());
      tokens.inc(result.tokenCount());
      tooLong.inc(result.unparsedCount());
      runsBlanked.inc(result.runsBlanked());
      tokensCut.inc(result.tokensCut());
    }
  }

  /** Named-entity mentions of an answer. */
  class Entities implements AnswerAnnotator<EntityResult> {
    private static final long serialVersionUID = 1L;

    private final Counter answers = Metric.counter(Metric.ENTITY_ANSWERS);
    private final Counter entities = Metric.counter(Metric.ENTITIES);
    private final Counter runsBlanked = Metric.counter(Metric.RUNS_BLANKED);
    private final Counter tokensCut = Metric.counter(Metric.TOKENS_CUT);
    private final Counter inWindows = Metric.counter(Metric.SENTENCES_IN_NER_WINDOWS);

    @Override
    public String name() {
      return "AnnotateEntities";
    }

    @Override
    public String failureReason() {
      return "entities_failed";
    }

    @Override
    public String millisMetric() {
      return Metric.ENTITY_MILLIS;
    }

    @Override
    public TextAnnotator<EntityResult> annotator(AnnotatorSettings settings) {
      return new EntityAnnotator(settings);
    }

    @Override
    public AnnotatedAnswer attach(AnnotatedAnswer answer, EntityResult result) {
      return answer.withEntities(result);
    }

    /**
     * Blanked runs and cut tokens are counted here only when sentiment does not run: both
     * annotators tokenize alike, and sentiment counts them.
     */
    @Override
    public void count(EntityResult result, AnnotatorSettings settings) {
      answers.inc();
      entities.inc(result.mentions().size());
      inWindows.inc(result.sentencesInWindows());
      if (!settings.sentiment()) {
        runsBlanked.inc(result.runsBlanked());
        tokensCut.inc(result.tokensCut());
      }
    }
  }
}
