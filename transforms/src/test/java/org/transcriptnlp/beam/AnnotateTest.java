package org.transcriptnlp.beam;

import java.util.List;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.transcriptnlp.model.AnnotatedAnswer;
import org.transcriptnlp.model.AnswerUnit;
import org.transcriptnlp.nlp.AnnotatorSettings;
import org.transcriptnlp.nlp.EntityAnnotator;
import org.transcriptnlp.nlp.SentimentAnnotator;
import org.transcriptnlp.testing.BeamTest;
import org.transcriptnlp.testing.FailureLines;

/** The annotation chain as the job applies it, asserting exact contents. */
class AnnotateTest {
  private static final AnswerUnit SHORT =
      new AnswerUnit(
          "t-a0000", "t", "f.txt", 0, 0, 1, "Q", "Where?", "A", "I met Marie in Paris.", false);
  private static final AnswerUnit LONG =
      new AnswerUnit(
          "t-a0001",
          "t",
          "f.txt",
          1,
          2,
          3,
          "Q",
          "And then?",
          "A",
          "Then I flew to Berlin with Lufthansa, and stayed a week.",
          false);

  /** The job's defaults with another length limit (the CoreNLP settings, hence models, alike). */
  private static AnnotatorSettings maxAnswerChars(AnnotatorSettings s, int chars) {
    return new AnnotatorSettings(
        s.sentiment(),
        s.entities(),
        s.parser(),
        s.parseMaxLength(),
        s.nerFineGrained(),
        s.nerNumeric(),
        s.nerSutime(),
        chars,
        s.maxAnswerSeconds());
  }

  private static PCollectionTuple annotate(
      org.apache.beam.sdk.Pipeline p, AnnotatorSettings settings) {
    return p.apply(
            "Answers",
            Create.of(List.of(SHORT, LONG)).withCoder(SerializableCoder.of(AnswerUnit.class)))
        .apply("Annotate", new Annotate(settings));
  }

  @Test
  void withTheAnnotatorsOffEveryAnswerGoesOnUnannotatedWhateverItsLength() {
    AnnotatorSettings none =
        maxAnswerChars(AnnotatorSettings.defaults(), 10).withAnnotators(false, false);
    BeamTest.run(
        getClass(),
        "withTheAnnotatorsOffEveryAnswerGoesOnUnannotatedWhateverItsLength",
        p -> {
          PCollectionTuple out = annotate(p, none);
          PAssert.that(out.get(Annotate.ANSWERS))
              .containsInAnyOrder(AnnotatedAnswer.of(SHORT), AnnotatedAnswer.of(LONG));
          PAssert.that(out.get(Annotate.FAILURES)).empty();
          p.run().waitUntilFinish();
        });
  }

  @Test
  void anAnswerOverTheLimitSkipsBothAnnotatorsAndIsRejectedOnce() {
    AnnotatorSettings settings = maxAnswerChars(AnnotatorSettings.defaults(), 30);
    AnnotatedAnswer annotated =
        AnnotatedAnswer.of(SHORT)
            .withSentiment(new SentimentAnnotator(settings).annotate(SHORT.answerText()))
            .withEntities(new EntityAnnotator(settings).annotate(SHORT.answerText()));
    BeamTest.run(
        getClass(),
        "anAnswerOverTheLimitSkipsBothAnnotatorsAndIsRejectedOnce",
        p -> {
          PCollectionTuple out = annotate(p, settings);
          PAssert.that(out.get(Annotate.ANSWERS))
              .containsInAnyOrder(annotated, AnnotatedAnswer.of(LONG));
          PAssert.that(FailureLines.of("Why", out.get(Annotate.FAILURES)))
              .containsInAnyOrder(
                  "f.txt|annotate|answer_too_long|t-a0001|"
                      + LONG.answerText()
                      + "|the answer has 56 characters, over the limit of 30 (--maxAnswerChars);"
                      + " it is in the answers and turns tables, unannotated");
          p.run().waitUntilFinish();
        });
  }
}
