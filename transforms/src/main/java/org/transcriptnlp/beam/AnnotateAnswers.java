package org.transcriptnlp.beam;

import java.io.Serializable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transcriptnlp.model.AnnotatedAnswer;
import org.transcriptnlp.model.AnswerUnit;
import org.transcriptnlp.model.EntityResult;
import org.transcriptnlp.model.Failure;
import org.transcriptnlp.model.SentimentResult;
import org.transcriptnlp.nlp.AnnotatorSettings;
import org.transcriptnlp.nlp.TextAnnotator;

/**
 * Runs one CoreNLP annotator over every answer and passes the answer on with the result attached
 * ({@link #ANNOTATED}), so the next annotator and the rows see it without a join. An answer the
 * annotator fails on is passed on without that result and becomes a {@link Failure} (stage {@code
 * annotate}); the job goes on. Which annotator, its metrics and where its result goes are the
 * {@link AnswerAnnotator}'s ({@link #sentiment}, {@link #entities}). The annotator's CoreNLP
 * pipeline is the JVM-wide shared one ({@code CoreNlpHolder}): {@code @Setup} of each DoFn instance
 * only takes a reference to it.
 */
public final class AnnotateAnswers<R extends Serializable>
    extends PTransform<PCollection<AnnotatedAnswer>, PCollectionTuple> {
  /** Every input answer, with this annotator's result when it succeeded. */
  public static final TupleTag<AnnotatedAnswer> ANNOTATED = new TupleTag<>() {};

  /** The answers the annotator failed on or timed out on. */
  public static final TupleTag<Failure> FAILURES = new TupleTag<>() {};

  private final AnswerAnnotator<R> annotator;
  private final AnnotatorSettings settings;

  public AnnotateAnswers(AnswerAnnotator<R> annotator, AnnotatorSettings settings) {
    this.annotator = annotator;
    this.settings = settings;
  }

  /** Sentence-level sentiment of every answer. */
  public static AnnotateAnswers<SentimentResult> sentiment(AnnotatorSettings settings) {
    return new AnnotateAnswers<>(AnswerAnnotator.sentiment(), settings);
  }

  /** Named-entity mentions of every answer. */
  public static AnnotateAnswers<EntityResult> entities(AnnotatorSettings settings) {
    return new AnnotateAnswers<>(AnswerAnnotator.entities(), settings);
  }

  /** The step's name in the graph: its annotator's ({@code AnnotateSentiment}). */
  public String stepName() {
    return annotator.name();
  }

  @Override
  public PCollectionTuple expand(PCollection<AnnotatedAnswer> answers) {
    PCollectionTuple out =
        answers.apply(
            "AnnotateEach",
            ParDo.of(new AnnotateFn<>(annotator, settings))
                .withOutputTags(ANNOTATED, TupleTagList.of(FAILURES)));
    out.get(ANNOTATED).setCoder(SerializableCoder.of(AnnotatedAnswer.class));
    out.get(FAILURES).setCoder(SerializableCoder.of(Failure.class));
    return out;
  }

  /** Holds the annotator's strategy and the settings, never the transform. */
  static class AnnotateFn<R extends Serializable> extends DoFn<AnnotatedAnswer, AnnotatedAnswer> {
    private static final Logger LOG = LoggerFactory.getLogger(AnnotateAnswers.class);

    /**
     * Answers annotated in this JVM per step, for a progress line every {@link #PROGRESS_EVERY}.
     */
    private static final ConcurrentHashMap<String, AtomicLong> DONE = new ConcurrentHashMap<>();

    private static final int PROGRESS_EVERY = 50;
    private static final AtomicLong THREADS = new AtomicLong();

    /**
     * Annotation threads for the time limit, shared by every DoFn of the JVM: one per answer being
     * annotated, created as needed, daemon so a stuck one never keeps the JVM alive.
     */
    private static final ExecutorService TIMED =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "annotate-" + THREADS.incrementAndGet());
              t.setDaemon(true);
              return t;
            });

    private final AnswerAnnotator<R> step;
    private final AnnotatorSettings settings;
    private final Counter failed = Metric.counter(Metric.ANNOTATION_FAILURES);
    private final Distribution millis;
    private transient TextAnnotator<R> annotator;

    AnnotateFn(AnswerAnnotator<R> step, AnnotatorSettings settings) {
      this.step = step;
      this.settings = settings;
      this.millis = Metric.distribution(step.millisMetric());
    }

    @Setup
    public void setup() {
      annotator = step.annotator(settings);
    }

    @ProcessElement
    public void process(@Element AnnotatedAnswer in, MultiOutputReceiver out) {
      AnswerUnit answer = in.answer();
      long start = System.nanoTime();
      R result;
      try {
        result = annotateWithinLimit(answer.answerText());
      } catch (TimeoutException e) {
        failed.inc();
        LOG.warn(
            "{}: {} took over {} s; interrupted and rejected",
            step.name(),
            answer.answerId(),
            settings.maxAnswerSeconds());
        out.get(FAILURES)
            .output(
                new Failure(
                    answer.sourcePath(),
                    "annotate",
                    "annotation_timeout",
                    step.name()
                        + ": no result within "
                        + settings.maxAnswerSeconds()
                        + " s (--maxAnswerSeconds); the answer is in the answers table,"
                        + " unannotated",
                    answer.answerId(),
                    Failure.excerpt(answer.answerText())));
        out.get(ANNOTATED).output(in);
        return;
      } catch (RuntimeException | StackOverflowError e) {
        failed.inc();
        out.get(FAILURES)
            .output(
                Failure.of(
                    answer.sourcePath(),
                    "annotate",
                    step.failureReason(),
                    e,
                    answer.answerId(),
                    answer.answerText()));
        out.get(ANNOTATED).output(in);
        return;
      }
      millis.update((System.nanoTime() - start) / 1_000_000);
      step.count(result, settings);
      long done = DONE.computeIfAbsent(step.name(), k -> new AtomicLong()).incrementAndGet();
      if (done % PROGRESS_EVERY == 0) {
        LOG.info("{}: {} answers annotated in this JVM", step.name(), done);
      }
      out.get(ANNOTATED).output(step.attach(in, result));
    }

    /**
     * Runs the annotator on a thread of {@link #TIMED}, waiting at most the time limit; on time-out
     * the thread is interrupted (CoreNLP's parser and tagger check for it) and the DoFn goes on.
     */
    private R annotateWithinLimit(String text) throws TimeoutException {
      int seconds = settings.maxAnswerSeconds();
      if (seconds <= 0) {
        return annotator.annotate(text);
      }
      Future<R> future = TIMED.submit(() -> annotator.annotate(text));
      try {
        return future.get(seconds, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        future.cancel(true);
        throw e;
      } catch (InterruptedException e) {
        future.cancel(true);
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while annotating", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        if (e.getCause() instanceof StackOverflowError so) {
          throw so;
        }
        throw new IllegalStateException(String.valueOf(e.getCause()), e.getCause());
      }
    }
  }
}
