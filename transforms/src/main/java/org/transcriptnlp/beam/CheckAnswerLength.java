package org.transcriptnlp.beam;

import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Lets through to annotation the answers of at most {@code maxChars} characters. A longer one (a
 * runaway "answer", a whole unlabelled book) becomes one {@link Failure} (annotate,
 * answer_too_long) whatever the number of annotators; it still gets its row in the answers table,
 * unannotated, as the join sees every answer.
 */
public class CheckAnswerLength extends PTransform<PCollection<AnswerUnit>, PCollectionTuple> {
  public static final TupleTag<AnswerUnit> ANNOTATE = new TupleTag<>() {};
  public static final TupleTag<Failure> FAILURES = new TupleTag<>() {};

  private final int maxChars;

  public CheckAnswerLength(int maxChars) {
    this.maxChars = maxChars;
  }

  @Override
  public PCollectionTuple expand(PCollection<AnswerUnit> answers) {
    PCollectionTuple out =
        answers.apply(
            "CheckEach", ParDo.of(new CheckFn(maxChars)).withOutputTags(ANNOTATE, TupleTagList.of(FAILURES)));
    out.get(ANNOTATE).setCoder(answers.getCoder());
    out.get(FAILURES).setCoder(SerializableCoder.of(Failure.class));
    return out;
  }

  static class CheckFn extends DoFn<AnswerUnit, AnswerUnit> {
    private final int maxChars;
    private final Counter failed = Metric.counter(Metric.ANNOTATION_FAILURES);

    CheckFn(int maxChars) {
      this.maxChars = maxChars;
    }

    @ProcessElement
    public void process(@Element AnswerUnit answer, MultiOutputReceiver out) {
      int length = answer.answerText().length();
      if (length <= maxChars) {
        out.get(ANNOTATE).output(answer);
        return;
      }
      failed.inc();
      out.get(FAILURES)
          .output(
              new Failure(
                  answer.sourcePath(), "annotate", "answer_too_long",
                  "the answer has " + length + " characters, over the limit of " + maxChars
                      + " (--maxAnswerChars); it is in the answers and turns tables, unannotated",
                  answer.answerId(), Failure.excerpt(answer.answerText())));
    }
  }
}
