package org.transcriptnlp.beam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptnlp.model.AnnotatedAnswer;
import org.transcriptnlp.model.AnswerUnit;
import org.transcriptnlp.model.EntityMention;
import org.transcriptnlp.model.EntityResult;
import org.transcriptnlp.model.Failure;
import org.transcriptnlp.model.Ids;
import org.transcriptnlp.model.QaPair;
import org.transcriptnlp.model.SentimentResult;
import org.transcriptnlp.model.Turn;
import org.transcriptnlp.nlp.AnnotatorSettings;
import org.transcriptnlp.nlp.EntityAnnotator;
import org.transcriptnlp.nlp.SentimentAnnotator;
import org.transcriptnlp.parse.QaPairer;
import org.transcriptnlp.parse.TurnParser;
import org.transcriptnlp.testing.BeamTest;
import org.transcriptnlp.testing.FailureLines;

/** The composite transforms wired together on the Direct Runner, asserting exact contents. */
class TranscriptTransformsTest {
  private static final String INTERVIEW =
      "An interview\n"
          + "Anna Berg: What did you see in Paris last spring?\n"
          + "Tom Ruiz: I met Marie Curie's grandson near the Sorbonne. It was a wonderful day.\n"
          + "Anna Berg: And after Paris, where did you go?\n"
          + "Tom Ruiz: I flew to Berlin with Lufthansa.\n";

  @TempDir Path dir;

  private static final AnnotatorSettings SETTINGS = AnnotatorSettings.defaults();

  private static String answerLine(GenericRecord r) {
    return String.join(
        "|",
        String.valueOf(r.get("answer_id")),
        String.valueOf(r.get("answer_index")),
        String.valueOf(r.get("question_speaker")),
        String.valueOf(r.get("question_text")),
        String.valueOf(r.get("answer_speaker")),
        String.valueOf(r.get("answer_text")),
        String.valueOf(r.get("sentence_count")),
        String.valueOf(r.get("token_count")),
        String.valueOf(r.get("sentiment_label")),
        String.valueOf(r.get("entity_count")));
  }

  @Test
  void readParsePairAnnotateJoin() throws Exception {
    Path good =
        Files.writeString(dir.resolve("good interview.txt"), INTERVIEW, StandardCharsets.UTF_8);
    Files.write(dir.resolve("empty.txt"), new byte[0]);
    Files.writeString(dir.resolve("essay.txt"), "No speakers here.\n\nJust prose.\n");
    String tid = Ids.transcriptId(Files.readAllBytes(good));

    // What the rows must hold, computed with the plain (non-Beam) classes.
    List<Turn> turns = new TurnParser().parseText(INTERVIEW).turns();
    List<QaPair> pairs = QaPairer.pair(turns);
    assertEquals(2, pairs.size());
    List<String> expectedAnswers = new ArrayList<>();
    List<String> expectedEntities = new ArrayList<>();
    int expectedSentences = 0;
    for (QaPair p : pairs) {
      SentimentResult s = new SentimentAnnotator(SETTINGS).annotate(p.answer().text());
      EntityResult e = new EntityAnnotator(SETTINGS).annotate(p.answer().text());
      String id = Ids.answerId(tid, p.answerIndex());
      expectedAnswers.add(
          String.join(
              "|",
              id,
              "" + p.answerIndex(),
              "Anna Berg",
              p.question().text(),
              "Tom Ruiz",
              p.answer().text(),
              "" + s.sentences().size(),
              "" + s.tokenCount(),
              s.label().label(),
              "" + e.mentions().size()));
      for (EntityMention m : e.mentions()) {
        expectedEntities.add(id + "|" + m.text() + "|" + m.type() + "|" + m.charBegin());
      }
      expectedSentences += s.sentences().size();
    }
    int sentenceRows = expectedSentences;

    BeamTest.run(
        getClass(),
        "readParsePairAnnotateJoin",
        p -> {
          PCollectionTuple read =
              p.apply("Read", new ReadTranscripts(List.of(dir.toString() + "/*"), 1 << 20));
          PCollectionTuple parsed = read.get(ReadTranscripts.DOCS).apply("Parse", new ParseTurns());
          PCollectionTuple paired = parsed.get(ParseTurns.PARSED).apply("Pair", new PairAnswers());
          PCollection<AnswerUnit> answers =
              paired.get(PairAnswers.ANSWERS).apply("Spread", Reshuffle.viaRandomKey());
          PCollectionTuple annotated = answers.apply("Annotate", new Annotate(SETTINGS));
          PCollectionTuple rows = annotated.get(Annotate.ANSWERS).apply("Rows", new BuildRows());
          PAssert.that(annotated.get(Annotate.FAILURES)).empty();

          PAssert.that(
                  rows.get(BuildRows.ANSWER_ROWS)
                      .apply(
                          "AnswerLines",
                          MapElements.into(TypeDescriptors.strings())
                              .via(TranscriptTransformsTest::answerLine)))
              .containsInAnyOrder(expectedAnswers);
          PAssert.that(
                  rows.get(BuildRows.ENTITY_ROWS)
                      .apply(
                          "EntityLines",
                          MapElements.into(TypeDescriptors.strings())
                              .via(
                                  (GenericRecord r) ->
                                      r.get("answer_id")
                                          + "|"
                                          + r.get("text")
                                          + "|"
                                          + r.get("type")
                                          + "|"
                                          + r.get("char_begin"))))
              .containsInAnyOrder(expectedEntities);
          PAssert.that(
                  rows.get(BuildRows.SENTENCE_ROWS)
                      .apply(
                          "SentenceIds",
                          MapElements.into(TypeDescriptors.strings())
                              .via((GenericRecord r) -> "" + r.get("answer_id"))))
              .satisfies(
                  ids -> {
                    int n = 0;
                    for (String ignored : ids) {
                      n++;
                    }
                    assertEquals(sentenceRows, n);
                    return null;
                  });
          PAssert.that(
                  parsed
                      .get(ParseTurns.PARSED)
                      .apply("TurnRows", new TurnRows())
                      .apply(
                          "TurnLines",
                          MapElements.into(TypeDescriptors.strings())
                              .via(
                                  (GenericRecord r) ->
                                      r.get("turn_index")
                                          + "|"
                                          + r.get("speaker")
                                          + "|"
                                          + r.get("role"))))
              .containsInAnyOrder(
                  "0|Anna Berg|questioner",
                  "1|Tom Ruiz|respondent",
                  "2|Anna Berg|questioner",
                  "3|Tom Ruiz|respondent");
          // Failures: the two bad files and nothing else; no pairing or annotation failure.
          PAssert.that(
                  read.get(ReadTranscripts.FAILURES)
                      .apply(
                          "ReadFailures",
                          MapElements.into(TypeDescriptors.strings())
                              .via(
                                  (Failure f) ->
                                      Path.of(f.sourcePath()).getFileName()
                                          + "|"
                                          + f.stage()
                                          + "|"
                                          + f.reason())))
              .containsInAnyOrder("empty.txt|read|empty_file");
          PAssert.that(
                  parsed
                      .get(ParseTurns.FAILURES)
                      .apply(
                          "ParseFailures",
                          MapElements.into(TypeDescriptors.strings())
                              .via(
                                  (Failure f) ->
                                      Path.of(f.sourcePath()).getFileName()
                                          + "|"
                                          + f.stage()
                                          + "|"
                                          + f.reason())))
              .containsInAnyOrder("essay.txt|parse|no_speaker_labels");
          PAssert.that(paired.get(PairAnswers.FAILURES)).empty();
          PCollection<GenericRecord> rejects =
              PCollectionList.of(read.get(ReadTranscripts.FAILURES))
                  .and(parsed.get(ParseTurns.FAILURES))
                  .apply("Rejects", new RejectRows());
          PAssert.that(
                  rejects.apply(
                      "RejectReasons",
                      MapElements.into(TypeDescriptors.strings())
                          .via((GenericRecord r) -> "" + r.get("reason"))))
              .containsInAnyOrder("empty_file", "no_speaker_labels");
          p.run().waitUntilFinish();
        });
  }

  @Test
  void aFailingAnswerGoesToFailuresAndTheOthersGoOn() {
    BeamTest.run(
        getClass(),
        "aFailingAnswerGoesToFailuresAndTheOthersGoOn",
        p -> {
          AnswerUnit ok =
              new AnswerUnit("t-a0000", "t", "f.txt", 0, 0, 1, "Q", "Why?", "A", "Because.", false);
          AnswerUnit bad =
              new AnswerUnit("t-a0001", "t", "f.txt", 1, 2, 3, "Q", "Why not?", "A", "BOOM", false);
          PCollection<Failure> failures =
              annotateOkAnd(p, new AnnotateAnswers<>(new ExplodingSentiment(), SETTINGS), ok, bad);
          PAssert.that(FailureLines.of("Why", failures))
              .containsInAnyOrder(
                  "f.txt|annotate|sentiment_failed|t-a0001|BOOM|IllegalStateException: cannot"
                      + " annotate BOOM");
          p.run().waitUntilFinish();
        });
  }

  @Test
  void anAnswerOverTheLengthLimitIsRejectedOnceNotAnnotated() {
    BeamTest.run(
        getClass(),
        "anAnswerOverTheLengthLimitIsRejectedOnceNotAnnotated",
        p -> {
          AnswerUnit small =
              new AnswerUnit("t-a0000", "t", "f.txt", 0, 0, 1, "Q", "Why?", "A", "Because.", false);
          AnswerUnit huge =
              new AnswerUnit(
                  "t-a0001", "t", "f.txt", 1, 2, 3, "Q", "Why not?", "A", "x".repeat(150), false);
          PCollectionTuple out =
              p.apply(
                      org.apache.beam.sdk.transforms.Create.of(List.of(small, huge))
                          .withCoder(
                              org.apache.beam.sdk.coders.SerializableCoder.of(AnswerUnit.class)))
                  .apply("Check", new CheckAnswerLength(100));
          PAssert.that(
                  out.get(CheckAnswerLength.ANNOTATE)
                      .apply(
                          "Keys",
                          MapElements.into(TypeDescriptors.strings())
                              .via(a -> a.answer().answerId())))
              .containsInAnyOrder("t-a0000");
          PAssert.that(
                  out.get(CheckAnswerLength.UNANNOTATED)
                      .apply(
                          "Skipped",
                          MapElements.into(TypeDescriptors.strings())
                              .via(a -> a.answer().answerId())))
              .containsInAnyOrder("t-a0001");
          PAssert.that(FailureLines.of("Why", out.get(CheckAnswerLength.FAILURES)))
              .containsInAnyOrder(
                  "f.txt|annotate|answer_too_long|t-a0001|"
                      + "x".repeat(150)
                      + "|the answer has 150 characters, over the limit of 100 (--maxAnswerChars);"
                      + " it is in the answers and turns tables, unannotated");
          p.run().waitUntilFinish();
        });
  }

  /**
   * The bound counters of a chain of sentiment then entities (or entities alone) over two answers.
   */
  private Map<String, Long> boundCounters(AnnotatorSettings settings) {
    Map<String, Long> counters = new java.util.TreeMap<>();
    BeamTest.run(
        getClass(),
        "boundsAreCountedOncePerAnswer" + settings.sentiment(),
        p -> {
          List<AnnotatedAnswer> in =
              List.of(
                  AnnotatedAnswer.of(
                      new AnswerUnit(
                          "t-a0000", "t", "f.txt", 0, 0, 1, "Q", "Why?", "A", "a", false)),
                  AnnotatedAnswer.of(
                      new AnswerUnit(
                          "t-a0001", "t", "f.txt", 1, 2, 3, "Q", "Why not?", "A", "b", false)));
          PCollection<AnnotatedAnswer> answers =
              p.apply(
                  org.apache.beam.sdk.transforms.Create.of(in)
                      .withCoder(
                          org.apache.beam.sdk.coders.SerializableCoder.of(AnnotatedAnswer.class)));
          if (settings.sentiment()) {
            answers =
                answers
                    .apply("Sentiment", new AnnotateAnswers<>(new BoundedSentiment(), settings))
                    .get(AnnotateAnswers.ANNOTATED);
          }
          answers.apply("Entities", new AnnotateAnswers<>(new BoundedEntities(), settings));
          org.apache.beam.sdk.PipelineResult result = p.run();
          result.waitUntilFinish();
          for (org.apache.beam.sdk.metrics.MetricResult<Long> c :
              result
                  .metrics()
                  .queryMetrics(org.apache.beam.sdk.metrics.MetricsFilter.builder().build())
                  .getCounters()) {
            String name = c.getName().getName();
            if (name.equals(Metric.RUNS_BLANKED)
                || name.equals(Metric.TOKENS_CUT)
                || name.equals(Metric.SENTENCES_IN_NER_WINDOWS)) {
              counters.merge(name, c.getAttempted(), Long::sum);
            }
          }
        });
    return counters;
  }

  @Test
  void boundsAreCountedOncePerAnswerWhateverTheAnnotators() {
    // Each annotator reports, per answer, 1 blanked run and 2 cut tokens (they tokenize alike) and
    // entities 1 sentence in windows: counted from sentiment when it runs, else from entities.
    Map<String, Long> both =
        Map.of(Metric.RUNS_BLANKED, 2L, Metric.TOKENS_CUT, 4L, Metric.SENTENCES_IN_NER_WINDOWS, 2L);
    assertEquals(both, boundCounters(SETTINGS));
    assertEquals(both, boundCounters(SETTINGS.withAnnotators(false, true)));
  }

  /** A sentiment step whose every answer had 1 run blanked and 2 tokens cut. */
  static class BoundedSentiment extends AnswerAnnotator.Sentiment {
    @Override
    public org.transcriptnlp.nlp.TextAnnotator<SentimentResult> annotator(
        AnnotatorSettings settings) {
      return text -> new SentimentResult(List.of(), 2, 1);
    }
  }

  /**
   * An entity step whose every answer had 1 run blanked, 2 tokens cut and 1 sentence in windows.
   */
  static class BoundedEntities extends AnswerAnnotator.Entities {
    @Override
    public org.transcriptnlp.nlp.TextAnnotator<EntityResult> annotator(AnnotatorSettings settings) {
      return text -> new EntityResult(List.of(), 1, 1, 2, 1, 1);
    }
  }

  /**
   * Annotates {@code ok} and {@code other} with {@code step}; asserts that both go on (to the rows)
   * and only {@code ok} carries a result, and returns the step's failures.
   */
  private static PCollection<Failure> annotateOkAnd(
      TestPipeline p, AnnotateAnswers<SentimentResult> step, AnswerUnit ok, AnswerUnit other) {
    PCollectionTuple out =
        p.apply(
                org.apache.beam.sdk.transforms.Create.of(
                        List.of(AnnotatedAnswer.of(ok), AnnotatedAnswer.of(other)))
                    .withCoder(
                        org.apache.beam.sdk.coders.SerializableCoder.of(AnnotatedAnswer.class)))
            .apply("Annotate", step);
    PAssert.that(
            out.get(AnnotateAnswers.ANNOTATED)
                .apply(
                    "Keys",
                    MapElements.into(TypeDescriptors.strings())
                        .via(a -> a.answer().answerId() + "|" + (a.sentiment() != null))))
        .containsInAnyOrder(ok.answerId() + "|true", other.answerId() + "|false");
    return out.get(AnnotateAnswers.FAILURES);
  }

  /** Set by the slow annotator when its thread is interrupted at the time limit. */
  static final java.util.concurrent.CountDownLatch INTERRUPTED =
      new java.util.concurrent.CountDownLatch(1);

  @Test
  void anAnswerOverTheTimeLimitIsInterruptedAndRejectedAndTheOthersAreAnnotated() throws Exception {
    BeamTest.run(
        getClass(),
        "anAnswerOverTheTimeLimitIsInterruptedAndRejectedAndTheOthersAreAnnotated",
        p -> {
          AnswerUnit ok =
              new AnswerUnit("t-a0000", "t", "f.txt", 0, 0, 1, "Q", "Why?", "A", "Because.", false);
          AnswerUnit slow =
              new AnswerUnit("t-a0001", "t", "f.txt", 1, 2, 3, "Q", "Why not?", "A", "SLOW", false);
          PCollection<Failure> failures =
              annotateOkAnd(
                  p,
                  new AnnotateAnswers<>(new SlowSentiment(), SETTINGS.withMaxAnswerSeconds(1)),
                  ok,
                  slow);
          PAssert.that(FailureLines.of("Why", failures))
              .containsInAnyOrder(
                  "f.txt|annotate|annotation_timeout|t-a0001|SLOW|AnnotateSentiment: no result"
                      + " within 1 s (--maxAnswerSeconds); the answer is in the answers table,"
                      + " unannotated");
          p.run().waitUntilFinish();
        });
    assertTrue(
        INTERRUPTED.await(10, java.util.concurrent.TimeUnit.SECONDS),
        "the slow annotation was interrupted");
  }

  /** A sentiment step whose annotator takes a minute on "SLOW" unless interrupted. */
  static class SlowSentiment extends AnswerAnnotator.Sentiment {
    @Override
    public org.transcriptnlp.nlp.TextAnnotator<SentimentResult> annotator(
        AnnotatorSettings settings) {
      return text -> {
        if (text.equals("SLOW")) {
          try {
            Thread.sleep(60_000);
          } catch (InterruptedException e) {
            INTERRUPTED.countDown();
            throw new IllegalStateException("interrupted", e);
          }
        }
        return new SentimentResult(List.of());
      };
    }
  }

  /** A sentiment step whose annotator fails on one input, as a real one can on odd text. */
  static class ExplodingSentiment extends AnswerAnnotator.Sentiment {
    @Override
    public org.transcriptnlp.nlp.TextAnnotator<SentimentResult> annotator(
        AnnotatorSettings settings) {
      return text -> {
        if (text.equals("BOOM")) {
          throw new IllegalStateException("cannot annotate " + text);
        }
        return new SentimentResult(List.of());
      };
    }
  }
}
