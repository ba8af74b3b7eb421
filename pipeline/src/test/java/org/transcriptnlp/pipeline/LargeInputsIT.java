package org.transcriptnlp.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptnlp.testing.Fixtures;

/**
 * The large inputs of the bad-input issue, beside the seed: a 50 MB transcript, one 5 MB paragraph
 * and one "sentence" of 5,000 tokens without punctuation. They are processed, not rejected, without
 * exhausting the test heap; with annotation the 5 MB answer is rejected once as too long and the
 * run-on sentence keeps a row without sentiment. Time is measured by
 * run-configs/bench-large-inputs.sh, not asserted here.
 */
class LargeInputsIT {
  @TempDir Path dir;

  private static final String[] WORDS = {
    "the", "people", "said", "that", "we", "will", "go", "and", "they", "like"
  };

  private static String words(int n) {
    StringBuilder sb = new StringBuilder(n * 6);
    for (int i = 0; i < n; i++) {
      sb.append(WORDS[i % WORDS.length]).append(' ');
    }
    return sb.toString().strip();
  }

  @Test
  void fiftyMegabytesFiveMegabyteParagraphAndFiveThousandTokenSentence() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    byte[] seed = Files.readAllBytes(Fixtures.seed());
    int copies = (int) Math.ceil(50e6 / seed.length);
    try (OutputStream o = Files.newOutputStream(in.resolve("fifty.txt"))) {
      for (int i = 0; i < copies; i++) {
        o.write(seed);
        o.write('\n');
      }
    }
    Files.writeString(
        in.resolve("paragraph.txt"), "Q: Tell us everything?\nA: " + words(1_100_000) + ".\n");
    Files.writeString(
        in.resolve("runon.txt"),
        "Q: What happened?\nA: "
            + words(5_000)
            + "\n\nQ: And then?\nA: We were very happy with it.\n");
    Files.copy(Fixtures.seed(), in.resolve("seed.txt"));
    assertTrue(Files.size(in.resolve("fifty.txt")) >= 50_000_000);
    assertTrue(Files.size(in.resolve("paragraph.txt")) >= 5_000_000);

    Path out = dir.resolve("out");
    Cli.Result r = Cli.run("--input=" + in + "/*", "--output=" + out, "--annotators=none");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("processed: 4 files = 4 parsed + 0 rejected"), r.out());
    try (Duck duck = new Duck(out)) {
      // Every copy of the seed gives its 26 answers (the copies follow each other in one
      // transcript).
      assertEquals(
          26L * copies,
          duck.count("SELECT count(*) FROM answers WHERE source_path LIKE '%/fifty.txt'"));
      assertEquals(
          26, duck.count("SELECT count(*) FROM answers WHERE source_path LIKE '%/seed.txt'"));
      assertEquals(
          words(1_100_000) + ".",
          duck.one("SELECT answer_text FROM answers WHERE source_path LIKE '%/paragraph.txt'"));
      assertEquals(
          2, duck.count("SELECT count(*) FROM answers WHERE source_path LIKE '%/runon.txt'"));
      assertEquals(0, duck.count("SELECT count(*) FROM rejects"));
    }

    // With annotation: the 5 MB answer is rejected once (too long), the run-on sentence is kept
    // without sentiment, its neighbour is annotated.
    Files.delete(in.resolve("fifty.txt"));
    Files.delete(in.resolve("seed.txt"));
    Path annotated = dir.resolve("annotated");
    Cli.Result a = Cli.run("--input=" + in + "/*", "--output=" + annotated);
    assertEquals(0, a.code(), a.err());
    assertTrue(
        a.out()
            .contains(
                "sentences too long to parse (no sentiment, see sentences.too_long_to_parse): 1"),
        a.out());
    try (Duck duck = new Duck(annotated)) {
      assertEquals(
          List.of(List.of("paragraph.txt", "annotate", "answer_too_long")),
          duck.rows("SELECT regexp_extract(source_path, '[^/]+$'), stage, reason FROM rejects"));
      assertEquals(
          List.of(List.of(5000, true)),
          duck.rows(
              "SELECT token_count, too_long_to_parse FROM sentences WHERE sentiment_label IS"
                  + " NULL"));
      assertEquals(
          1,
          duck.count(
              "SELECT count(*) FROM sentences WHERE NOT too_long_to_parse AND sentiment_score > 0"
                  + " AND text = 'We were very happy with it.'"));
      // The run-on answer has no parsed sentence, so no aggregate; the 5 MB one was not annotated.
      assertEquals(
          List.of(List.of("runon.txt", 1L), List.of("paragraph.txt", 0L)),
          duck.rows(
              "SELECT regexp_extract(source_path, '[^/]+$'), count(sentiment_label) FROM answers"
                  + " GROUP BY 1 ORDER BY 2 DESC"));
    }
  }
}
