package org.transcriptnlp.pipeline.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptnlp.pipeline.Cli;
import org.transcriptnlp.pipeline.Duck;
import org.transcriptnlp.testing.Fixtures;

/**
 * Entries of the input folder that are not regular files go through the job to the rejects table,
 * each with its reason, and nothing waits on them: a FIFO, a link to a share that is not mounted, a
 * link loop, a folder and a link to {@code /} beside the seed, and a second pattern that matches
 * nothing (a warning). Turn parsing only (no CoreNLP).
 */
class InputEntriesTest {
  @TempDir static Path dir;
  private static Path in;
  private static Path out;
  private static String nope;
  private static Cli.Result first;
  private static String firstLog;

  @BeforeAll
  static void runOnce() throws Exception {
    in = Files.createDirectories(dir.resolve("in"));
    Files.copy(Fixtures.seed(), in.resolve("seed.txt"));
    InputFilesTest.mkfifo(in.resolve("fifo"));
    Files.createSymbolicLink(in.resolve("share"), dir.resolve("unmounted/share"));
    Files.createSymbolicLink(in.resolve("loop-a"), in.resolve("loop-b"));
    Files.createSymbolicLink(in.resolve("loop-b"), in.resolve("loop-a"));
    Files.writeString(
        Files.createDirectories(in.resolve("2024")).resolve("later.txt"),
        "Q: Not matched by in/*?\nA: No.\n");
    Files.createSymbolicLink(in.resolve("root"), Path.of("/"));
    nope = Files.createDirectories(dir.resolve("b")) + "/*.nope";
    out = dir.resolve("out");
    String[] log = new String[1];
    first =
        assertTimeoutPreemptively(
            Duration.ofMinutes(5),
            () ->
                withLog(
                    log,
                    () ->
                        Cli.run(
                            "--input=" + in + "/*," + nope,
                            "--output=" + out,
                            "--annotators=none")));
    firstLog = log[0];
  }

  /**
   * Runs a job and keeps what was logged (slf4j-simple writes to System.err as it is at the time).
   */
  private static Cli.Result withLog(String[] log, java.util.function.Supplier<Cli.Result> job) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(
        new PrintStream(
            new OutputStream() {
              @Override
              public void write(int b) {
                original.write(b);
                captured.write(b);
              }

              @Override
              public void write(byte[] b, int off, int len) {
                original.write(b, off, len);
                captured.write(b, off, len);
              }
            },
            true,
            StandardCharsets.UTF_8));
    try {
      return job.get();
    } finally {
      System.setErr(original);
      log[0] = captured.toString(StandardCharsets.UTF_8);
    }
  }

  @Test
  void everyEntryIsMatchedAndAccountedForAndTheRunSucceeds() {
    assertEquals(0, first.code(), first.err());
    assertTrue(
        first.out().contains("matched: 7 files = 7 new + 0 changed + 0 unchanged"), first.out());
    assertTrue(first.out().contains("processed: 7 files = 1 parsed + 6 rejected"), first.out());
  }

  @Test
  void eachEntryIsARejectWithItsReason() throws Exception {
    try (Duck duck = new Duck(out)) {
      assertEquals(
          List.of(
              List.of("2024/", "read", "is_directory"),
              List.of("fifo", "read", "not_a_regular_file"),
              List.of("loop-a", "read", "link_loop"),
              List.of("loop-b", "read", "link_loop"),
              List.of("root/", "read", "is_directory"),
              List.of("share", "read", "dangling_link")),
          duck.rows(
              "SELECT substr(source_path, "
                  + (in.toString().length() + 2)
                  + "), stage, reason FROM rejects ORDER BY 1"));
      assertEquals(
          "not a regular file but a FIFO (named pipe): it is not opened (reading a FIFO waits for a"
              + " writer, a device may never end)",
          duck.one("SELECT detail FROM rejects WHERE reason = 'not_a_regular_file'"));
      assertEquals(
          "a symbolic link to '"
              + dir.resolve("unmounted/share")
              + "', which does not exist (a share that is not mounted?)",
          duck.one("SELECT detail FROM rejects WHERE reason = 'dangling_link'"));
      assertEquals(
          "a symbolic link that leads back to itself ('"
              + in.resolve("loop-b")
              + "'): too many levels of symbolic links",
          duck.one("SELECT detail FROM rejects WHERE source_path LIKE '%/loop-a'"));
      assertEquals(
          List.of(
              "the input pattern matched a directory",
              "the input pattern matched a directory (through a symbolic link to '/')"),
          duck.column(
              "SELECT detail FROM rejects WHERE reason = 'is_directory' ORDER BY source_path"));
      // The seed is whole beside them, and nothing of the folders' contents was read.
      assertEquals(
          26, duck.count("SELECT count(*) FROM answers WHERE source_path LIKE '%/seed.txt'"));
      assertEquals(1, duck.count("SELECT count(DISTINCT source_path) FROM turns"));
    }
  }

  @Test
  void aPatternThatMatchedNothingIsAWarningLine() {
    assertTrue(
        firstLog
            .lines()
            .anyMatch(
                l ->
                    l.contains("WARN")
                        && l.endsWith(
                            "InputFiles - --input pattern '" + nope + "' matched no file")),
        firstLog);
  }

  @Test
  void theNextIncrementalRunRejectsThemAgainAndStillAddsUp() {
    Cli.Result again =
        assertTimeoutPreemptively(
            Duration.ofMinutes(5),
            () ->
                Cli.run(
                    "--input=" + in + "/*," + nope,
                    "--output=" + dir.resolve("out-twice"),
                    "--annotators=none"));
    assertEquals(0, again.code(), again.err());
    Cli.Result second =
        assertTimeoutPreemptively(
            Duration.ofMinutes(5),
            () ->
                Cli.run(
                    "--input=" + in + "/*",
                    "--output=" + dir.resolve("out-twice"),
                    "--annotators=none"));
    assertEquals(0, second.code(), second.err());
    // What could not be read has no hash to compare: it is tried, and rejected, again.
    assertTrue(
        second.out().contains("matched: 7 files = 0 new + 6 changed + 1 unchanged"), second.out());
    assertTrue(second.out().contains("processed: 6 files = 0 parsed + 6 rejected"), second.out());
  }

  @Test
  void hashingNeverOpensAFifo() {
    MatchResult.Metadata fifo =
        InputFiles.of("--input", List.of(in.resolve("fifo").toString())).files().get(0);
    assertEquals(
        RunPlan.UNREADABLE,
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> RunPlan.sha256(fifo)));
  }

  @Test
  void explainMatchesTheSameWayAndOpensNoneOfThem() {
    Cli.Result r =
        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> Cli.run("--explain=" + in + "/*"));
    assertEquals(0, r.code(), r.err());
    for (String line :
        List.of(
            in + "/2024/: cannot be read (is_directory): the input pattern matched a directory",
            in
                + "/fifo: cannot be read (not_a_regular_file): not a regular file but a FIFO (named"
                + " pipe)",
            in + "/loop-a: cannot be read (link_loop): a symbolic link that leads back to itself",
            in
                + "/root/: cannot be read (is_directory): the input pattern matched a directory"
                + " (through a symbolic link to '/')",
            in + "/share: cannot be read (dangling_link): a symbolic link to")) {
      assertTrue(r.out().lines().anyMatch(l -> l.startsWith(line)), line + "\n" + r.out());
    }
    assertTrue(r.out().contains("read as text; 52 turns, 26 answers"), r.out());
  }
}
