package org.transcriptnlp.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptnlp.pipeline.runs.Maintenance;
import org.transcriptnlp.pipeline.runs.OutputFolder;
import org.transcriptnlp.pipeline.runs.Warehouse;
import org.transcriptnlp.tables.IcebergTables;
import org.transcriptnlp.tables.Table;
import org.transcriptnlp.testing.Fixtures;

/**
 * The run protocol when the output is not as a finished run leaves it: the commits of a run that
 * never committed its runs row (killed in its commit phase, or still committing), the files of a
 * run that never committed, and a damaged data file. In this JVM ({@link Cli}); JarIT kills real
 * processes at each point of a run, RunProtocolIT overlaps them and stops them by signals.
 */
class RunProtocolTest {
  @TempDir Path dir;

  /** A run id no run of these tests gets (they are of today). */
  private static final String OTHER = "20260101-000000-000-abcdef";

  private static Cli.Result job(Path in, Path out, String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of("--input=" + in + "/*", "--output=" + out, "--annotators=none"));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  private static Cli.Result ok(Path in, Path out, String... more) {
    Cli.Result r = job(in, out, more);
    assertEquals(0, r.code(), r.out() + r.err());
    return r;
  }

  private static List<Path> samples() throws IOException {
    try (Stream<Path> files = Files.list(Fixtures.path("samples/transcripts"))) {
      return files.sorted().toList();
    }
  }

  /** The first {@code count} of the three samples in a new folder {@code name}. */
  private Path samples(String name, int count) throws IOException {
    Path in = Files.createDirectories(dir.resolve(name));
    for (Path f : samples().subList(0, count)) {
      Files.copy(f, in.resolve(f.getFileName()));
    }
    return in;
  }

  private static void addThirdSample(Path in) throws IOException {
    Path third = samples().get(2);
    Files.copy(third, in.resolve(third.getFileName()));
  }

  private static void assertOneLine(Cli.Result r, int code, String line) {
    assertEquals(code, r.code(), r.out() + r.err());
    assertEquals(line, r.err().strip(), "one line, no stack trace");
    assertEquals("", r.out());
  }

  /**
   * Commits of a run without a runs row (answers with rows twice, turns emptied) are a run still
   * committing while younger than --cleanAfterMinutes: a run, and --mode=maintain, stop with one
   * line and change nothing. Older, they are a killed run's: the next run rolls them back, and the
   * tables hold the rows of one clean run.
   */
  @Test
  void commitsWithoutARunsRowStopARunWhileYoungAndAreRolledBackOnceOlderThanCleanAfterMinutes()
      throws Exception {
    Path in = samples("in", 2);
    Path out = dir.resolve("out");
    ok(in, out);
    addThirdSample(in);
    Instant at = IcebergRows.commitAsRun(out, Table.ANSWERS, OTHER, false);
    IcebergRows.commitAsRun(out, Table.TURNS, OTHER, true);
    Map<String, String> current = IcebergRows.currentSnapshotRuns(out);
    assertEquals(List.of(OTHER, OTHER), List.of(current.get("answers"), current.get("turns")));
    Map<String, Long> before = IcebergRows.tree(out);

    String line =
        "transcript-nlp: run "
            + OTHER
            + " is committing to "
            + out
            + " (its answers commit at "
            + at
            + " has no runs row yet), or it was killed then: nothing was done; run again in a"
            + " minute (a killed run's commits are rolled back by the first run 60 minutes after"
            + " them, see --cleanAfterMinutes)";
    assertOneLine(job(in, out), TranscriptNlp.LOCKED, line);
    assertEquals(before, IcebergRows.tree(out), "nothing written or deleted");
    assertOneLine(Cli.run("--output=" + out, "--mode=maintain"), TranscriptNlp.LOCKED, line);
    assertEquals(before, IcebergRows.tree(out), "maintain: nothing written or deleted");

    Cli.Result again = ok(in, out, "--cleanAfterMinutes=0");
    assertTrue(
        again.out().contains("matched: 3 files = 1 new + 0 changed + 2 unchanged"), again.out());
    Path ref = dir.resolve("ref");
    ok(in, ref);
    IcebergRows.assertOneCleanRun(ref, out, "rolled back");
    assertFalse(IcebergRows.committedRuns(out).contains(OTHER));
  }

  /**
   * The committed runs a run knows are those of the history it read at its start: a run that
   * committed after that (its runs row too) is not taken for a killed one, not even with
   * --cleanAfterMinutes=0 (it was: the run that had read the history first rolled back every table
   * of the committed run but its runs row). One really without a runs row still is.
   */
  @Test
  void aRunThatCommittedAfterTheHistoryWasReadIsNotRolledBack() throws Exception {
    Path in = samples("in", 2);
    Path out = dir.resolve("out");
    ok(in, out);
    Map<String, List<String>> rows = Duck.currentRows(out);
    Map<String, String> current = IcebergRows.currentSnapshotRuns(out);
    Map<String, Long> before = IcebergRows.tree(out);
    try (Warehouse w = Warehouse.open(out.toString(), "hadoop")) {
      assertEquals(
          0,
          Maintenance.rollBackUncommitted(w, java.util.Set.of(), 0),
          "a history read before the run committed");
    }
    assertEquals(current, IcebergRows.currentSnapshotRuns(out));
    assertEquals(before, IcebergRows.tree(out));
    assertEquals(rows, Duck.currentRows(out));

    IcebergRows.commitAsRun(out, Table.TURNS, OTHER, true);
    try (Warehouse w = Warehouse.open(out.toString(), "hadoop")) {
      assertEquals(1, Maintenance.rollBackUncommitted(w, java.util.Set.of(), 0));
    }
    assertEquals(current, IcebergRows.currentSnapshotRuns(out));
    assertEquals(rows, Duck.currentRows(out));
  }

  /**
   * Files a run wrote and never committed (in its data folder of a table, and staged) may be a
   * running run's while younger than --cleanAfterMinutes: they are kept. Older, the next run
   * deletes them, and nothing that a snapshot references.
   */
  @Test
  void filesOfARunThatNeverCommittedAreDeletedOnceOlderThanCleanAfterMinutes() throws Exception {
    Path in = samples("in", 2);
    Path out = dir.resolve("out");
    ok(in, out);
    Map<String, List<String>> rows = Duck.currentRows(out);
    Path tables = out.resolve(IcebergTables.NAMESPACE);
    List<Path> theirs =
        List.of(
            tables.resolve(
                "turns/data/run-" + OTHER + "/part-00000-of-00002-" + OTHER + ".parquet"),
            tables.resolve(
                "answers/data/run-"
                    + OTHER
                    + "/.part-00001-of-00002-"
                    + OTHER
                    + ".parquet.inprogress"),
            out.resolve(OutputFolder.STAGING).resolve("run-" + OTHER + "/turns/0a1b.bundle"));
    for (Path f : theirs) {
      Files.createDirectories(f.getParent());
      Files.writeString(f, "rows of a run that never committed");
    }
    Map<String, Long> referenced = IcebergRows.tree(tables);
    theirs.forEach(f -> referenced.remove(tables.relativize(f).toString()));

    Cli.Result young = ok(in, out);
    assertTrue(
        young.out().contains("matched: 2 files = 0 new + 0 changed + 2 unchanged"), young.out());
    assertTrue(theirs.stream().allMatch(Files::exists), "younger than 60 minutes: kept");

    FileTime old = FileTime.from(Instant.now().minusSeconds(61 * 60));
    for (Path f : theirs) {
      Files.setLastModifiedTime(f, old);
    }
    ok(in, out);
    assertTrue(theirs.stream().noneMatch(Files::exists), "older than 60 minutes: deleted");
    assertFalse(Files.exists(tables.resolve("turns/data/run-" + OTHER)), "with their folder");
    assertFalse(Files.exists(out.resolve(OutputFolder.STAGING)), "no staged file left");
    Map<String, Long> after = IcebergRows.tree(tables);
    referenced
        .keySet()
        .forEach(f -> assertTrue(after.containsKey(f), f + " was referenced and is gone"));
    assertEquals(List.of(), IcebergRows.unreferencedDataFiles(out));
    assertEquals(rows, Duck.currentRows(out));
    assertEquals(3, IcebergRows.committedRuns(out).size());
  }

  /**
   * A damaged data file is not repaired: a run that has to read it (the runs table's, read at its
   * start; or an answers file that holds rows the run replaces) fails with a line that names it,
   * commits nothing and leaves no file behind.
   */
  @Test
  void aDamagedDataFileFailsTheRunWhichCommitsNothingAndLeavesNothing() throws Exception {
    Path in = samples("in", 2);
    for (Table table : List.of(Table.RUNS, Table.ANSWERS)) {
      Path out = dir.resolve("out-" + table.folder());
      ok(in, out);
      Path file =
          Path.of(
              Warehouse.beamPath(
                  IcebergRows.withCatalog(
                      out, c -> IcebergTables.currentFiles(IcebergRows.table(c, table)).get(0))));
      byte[] bytes = Files.readAllBytes(file);
      if (table == Table.RUNS) {
        Arrays.fill(bytes, bytes.length - 4, bytes.length, (byte) 'x'); // no PAR1 at its end
      } else {
        bytes = Arrays.copyOf(bytes, bytes.length / 2); // truncated
      }
      Files.write(file, bytes);
      // The answers file holds the rows of the first sample, which changes.
      Path first = in.resolve(samples().get(0).getFileName());
      String text = Files.readString(first);
      Files.writeString(first, text + "\nQ: One more question?\nA: One more answer.\n");
      Map<String, Long> before = IcebergRows.tree(out);
      Map<String, String> snapshots = IcebergRows.currentSnapshotRuns(out);
      Cli.Result r = job(in, out);
      Files.writeString(first, text);
      assertEquals(TranscriptNlp.FAILED, r.code(), table + ": " + r.out() + r.err());
      // The first line names the file: Parquet's message does for the runs table read at the start;
      // a rewrite adds it.
      String line = r.err().lines().findFirst().orElseThrow();
      assertTrue(
          line.startsWith(
              table == Table.RUNS
                  ? "transcript-nlp: the job failed: file:" + file + " is not a Parquet file."
                  : "transcript-nlp: the job failed: cannot rewrite the rows of file:"
                      + file
                      + " (a data file of the answers table) into the"
                      + " run's folder: "),
          line);
      assertEquals(before, IcebergRows.tree(out), table + ": nothing written or deleted");
      assertEquals(snapshots, IcebergRows.currentSnapshotRuns(out), table + ": nothing committed");
    }
  }
}
