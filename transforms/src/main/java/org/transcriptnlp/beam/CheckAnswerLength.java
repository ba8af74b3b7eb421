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
import org.transcriptnlp.model.AnnotatedAnswer;
import org.transcriptnlp.model.AnswerUnit;
import org.transcriptnlp.model.Failure;

/**
 * Lets through to annotation the answers of at most {@code maxChars} characters. A longer one (a
 * runaway "answer", a whole unlabelled book) becomes one {@link Failure} (annotate,
 * answer_too_long) whatever the number of annotators, and goes to {@link #UNANNOTATED}: it still
 * gets its row in the answers table, with null annotation columns.
 */
public class CheckAnswerLength extends PTransform<PCollection<AnswerUnit>, PCollectionTuple> {
  public static final TupleTag<AnnotatedAnswer> ANNOTATE = new TupleTag<>() {};
  public static final TupleTag<AnnotatedAnswer> UNANNOTATED = new TupleTag<>() {};
  public static final TupleTag<Failure> FAILURES = new TupleTag<>() {};

  private final int maxChars;

  public CheckAnswerLength(int maxChars) {
    this.maxChars = maxChars;
  }

  @Override
  public PCollectionTuple expand(PCollection<AnswerUnit> answers) {
    PCollectionTuple out =
        answers.apply(
            "CheckEach",
            ParDo.of(new CheckFn(maxChars))
                .withOutputTags(ANNOTATE, TupleTagList.of(UNANNOTATED).and(FAILURES)));
    out.get(ANNOTATE).setCoder(SerializableCoder.of(AnnotatedAnswer.class));
    out.get(UNANNOTATED).setCoder(SerializableCoder.of(AnnotatedAnswer.class));
    out.get(FAILURES).setCoder(SerializableCoder.of(Failure.class));
    return out;
  }

  static class CheckFn extends DoFn<AnswerUnit, AnnotatedAnswer> {
    private final int maxChars;
    private final Counter failed = Metric.counter(Metric.ANNOTATION_FAILURES);

    CheckFn(int maxChars) {
      this.maxChars = maxChars;
    }

    @ProcessElement
    public void process(@Element AnswerUnit answer, MultiOutputReceiver out) {
      int length = answer.answerText().length();
      if (length <= maxChars) {
        out.get(ANNOTATE).output(AnnotatedAnswer.of(answer));
        return;
      }
      failed.inc();
      out.get(UNANNOTATED).output(AnnotatedAnswer.of(answer));
      out.get(FAILURES)
          .output(
              new Failure(
                  answer.sourcePath(),
                  "annotate",
                  "answer_too_long",
                  "the answer has "
                      + length
                      + " characters, over the limit of "
                      + maxChars
                      + " (--maxAnswerChars); it is in the answers and turns tables, unannotated",
                  answer.answerId(),
                  Failure.excerpt(answer.answerText())));
    }
  }
}
