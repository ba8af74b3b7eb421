package org.transcriptnlp.beam;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.transcriptnlp.model.AnnotatedAnswer;
import org.transcriptnlp.model.AnswerUnit;
import org.transcriptnlp.model.Failure;
import org.transcriptnlp.nlp.AnnotatorSettings;

/**
 * The annotators, one after the other: every answer comes out once ({@link #ANSWERS}), with what
 * the annotators found; their rejects come out as one collection ({@link #FAILURES}).
 *
 * <ul>
 *   <li>{@code CheckAnswerLength}: an answer over {@code --maxAnswerChars} skips both annotators
 *       (one reject, answer_too_long);
 *   <li>{@code AnnotateSentiment}, then {@code AnnotateEntities} (those that are on), each passing
 *       the answer on with its result, so the rows need no join;
 *   <li>{@code WithUnannotated}: the annotated answers and the skipped ones, together.
 * </ul>
 *
 * With both annotators off, every answer goes on as it is ({@code Unannotated}) and there are no
 * failures ({@code NoFailures}).
 */
public final class Annotate extends PTransform<PCollection<AnswerUnit>, PCollectionTuple> {
  /** Every input answer, annotated or not. */
  public static final TupleTag<AnnotatedAnswer> ANSWERS = new TupleTag<>() {};

  /** The length check's and the annotators' rejects. */
  public static final TupleTag<Failure> FAILURES = new TupleTag<>() {};

  private final AnnotatorSettings settings;

  public Annotate(AnnotatorSettings settings) {
    this.settings = settings;
  }

  @Override
  public PCollectionTuple expand(PCollection<AnswerUnit> answers) {
    if (!settings.any()) {
      PCollection<AnnotatedAnswer> unannotated =
          answers
              .apply(
                  "Unannotated",
                  MapElements.into(TypeDescriptor.of(AnnotatedAnswer.class))
                      .via(AnnotatedAnswer::of))
              .setCoder(SerializableCoder.of(AnnotatedAnswer.class));
      PCollection<Failure> none =
          answers
              .getPipeline()
              .apply("NoFailures", Create.empty(SerializableCoder.of(Failure.class)));
      return PCollectionTuple.of(ANSWERS, unannotated).and(FAILURES, none);
    }
    List<PCollection<Failure>> failures = new ArrayList<>();
    PCollectionTuple checked =
        answers.apply("CheckAnswerLength", new CheckAnswerLength(settings.maxAnswerChars()));
    failures.add(checked.get(CheckAnswerLength.FAILURES));
    PCollection<AnnotatedAnswer> annotated = checked.get(CheckAnswerLength.ANNOTATE);
    if (settings.sentiment()) {
      annotated = annotate(annotated, AnnotateAnswers.sentiment(settings), failures);
    }
    if (settings.entities()) {
      annotated = annotate(annotated, AnnotateAnswers.entities(settings), failures);
    }
    PCollection<AnnotatedAnswer> all =
        PCollectionList.of(annotated)
            .and(checked.get(CheckAnswerLength.UNANNOTATED))
            .apply("WithUnannotated", Flatten.pCollections());
    PCollection<Failure> rejects =
        PCollectionList.of(failures)
            .apply("AllFailures", Flatten.pCollections())
            .setCoder(SerializableCoder.of(Failure.class));
    return PCollectionTuple.of(ANSWERS, all).and(FAILURES, rejects);
  }

  /** Applies one annotating step under its own name; adds its failures to {@code failures}. */
  private static PCollection<AnnotatedAnswer> annotate(
      PCollection<AnnotatedAnswer> answers,
      AnnotateAnswers<?> step,
      List<PCollection<Failure>> failures) {
    PCollectionTuple out = answers.apply(step.stepName(), step);
    failures.add(out.get(AnnotateAnswers.FAILURES));
    return out.get(AnnotateAnswers.ANNOTATED);
  }
}
