package org.transcriptnlp.pipeline.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.transcriptnlp.beam.Metric;
import org.transcriptnlp.pipeline.options.UsageException;

/** The progress line: what it says, the expected answers, the rate and the time left. */
class ProgressTest {
  @Test
  void whileFilesAreParsedTheAnswersToComeAreScaledToEveryFile() {
    // 1 of 4 files parsed, 10 answers found so far: about 40 to come.
    Progress.Snapshot s = new Progress.Snapshot(1, 4, 10, 0, 0, 5);
    assertEquals(40, Progress.expectedAnswers(s));
    assertEquals(
        "transcript-nlp: 0:05 | files 1/4 | answers 0/~40 | sentences 0 | 0.0 answers/s | ETA --"
            + " (loading models)",
        Progress.line(s, 0));
    assertEquals(
        12,
        Progress.expectedAnswers(new Progress.Snapshot(4, 4, 12, 3, 0, 9)),
        "all parsed: the answers found");
  }

  @Test
  void theRateCountsFromTheFirstAnswerDoneAndGivesTheTimeLeft() {
    Progress.Rate rate = new Progress.Rate();
    assertEquals(0, rate.update(new Progress.Snapshot(2, 2, 54, 0, 0, 10)), 1e-9, "nothing done");
    assertEquals(
        0,
        rate.update(new Progress.Snapshot(2, 2, 54, 4, 40, 20)),
        1e-9,
        "the first done: the clock starts");
    double r = rate.update(new Progress.Snapshot(2, 2, 54, 24, 240, 30));
    assertEquals(2.0, r, 1e-9, "20 answers in the 10 s since, not 24 in 30 s");
    // 30 answers left at 2 per second: 15 s.
    assertEquals(
        "transcript-nlp: 0:30 | files 2/2 | answers 24/54 | sentences 240 | 2.0 answers/s | ETA"
            + " 0:15",
        Progress.line(new Progress.Snapshot(2, 2, 54, 24, 240, 30), r));
    assertTrue(
        Progress.line(new Progress.Snapshot(2, 2, 54, 54, 560, 45), r)
            .endsWith("| writing tables"));
  }

  @Test
  void itRewritesOneTerminalLineAndLeavesTheLastOnItsOwnLine() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    AtomicReference<Map<String, Long>> now =
        new AtomicReference<>(Map.of(Metric.FILES_PARSED, 1L, Metric.ANSWERS, 5L));
    try (Progress p =
        new Progress(out, now::get, 1, List.of(Metric.SENTIMENT_ANSWERS, Metric.ENTITY_ANSWERS))
            .start()) {
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (bytes.size() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(10); // the first frame, however busy the machine
      }
      now.set(
          Map.of(
              Metric.FILES_PARSED,
              1L,
              Metric.ANSWERS,
              5L,
              Metric.SENTIMENT_ANSWERS,
              5L,
              Metric.ENTITY_ANSWERS,
              5L,
              Metric.SENTENCES,
              50L));
    }
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(printed.startsWith("\rtranscript-nlp: 0:00 | files 1/1 | answers 0/5 |"), printed);
    assertTrue(
        printed.endsWith(
            "| files 1/1 | answers 5/5 | sentences 50 | 0.0 answers/s | writing tables\033[K\n"),
        printed);
    assertEquals(1, printed.chars().filter(c -> c == '\n').count(), "one line, rewritten in place");
  }

  @Test
  void withTwoAnnotatorsAnAnswerIsHalfDoneAfterTheFirst() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Map<String, Long> c =
        Map.of(
            Metric.FILES_PARSED,
            2L,
            Metric.ANSWERS,
            40L,
            Metric.SENTIMENT_ANSWERS,
            30L,
            Metric.ENTITY_ANSWERS,
            10L);
    new Progress(
            new PrintStream(bytes, true, StandardCharsets.UTF_8),
            () -> c,
            2,
            List.of(Metric.SENTIMENT_ANSWERS, Metric.ENTITY_ANSWERS))
        .close();
    assertTrue(
        bytes.toString(StandardCharsets.UTF_8).contains("| answers 20/40 |"),
        bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void modesAreAutoAlwaysNever() {
    assertTrue(Progress.wanted("always"));
    assertTrue(!Progress.wanted("never"));
    UsageException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            UsageException.class, () -> Progress.wanted("yes"));
    assertEquals("--progress must be auto, always or never, got 'yes'", e.getMessage());
  }
}
