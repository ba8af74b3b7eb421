package org.transcriptnlp.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.util.SnapshotUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptnlp.pipeline.runs.HaltPoint;
import org.transcriptnlp.pipeline.runs.OutputFolder;
import org.transcriptnlp.tables.IcebergTables;
import org.transcriptnlp.tables.Table;
import org.transcriptnlp.testing.Fixtures;

/**
 * The packaged jar stopped by signals and overlapped by a second run on the same output: a run
 * paused at a point of its protocol ({@code -Dtranscriptnlp.pauseAt}, until the file {@code
 * -Dtranscriptnlp.resumeWhen} exists), then sent SIGTERM or SIGINT, or left paused while a second
 * run goes. Whatever the order, the tables then hold the rows of one clean run, and nothing of a
 * run that did not commit is visible.
 */
class RunProtocolIT {
  @TempDir Path dir;

  private static Path jar() {
    return Fixtures.path("pipeline/target/transcript-nlp.jar");
  }

  private static List<String> command(List<String> jvmOptions, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar().toString());
    command.addAll(List.of(args));
    return command;
  }

  private record Exit(int code, String out) {}

  private static Exit java(String... args) throws Exception {
    Process p =
        new ProcessBuilder(command(List.of(), args))
            .redirectErrorStream(true)
            .directory(new File(Fixtures.root().toString()))
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the jar did not finish");
    return new Exit(p.exitValue(), out);
  }

  /**
   * Starts the jar paused at {@code point} (until {@code resume} exists); returns once it waits
   * there.
   */
  private Process pausedAt(String point, Path log, Path resume, String... args) throws Exception {
    Process p =
        new ProcessBuilder(
                command(
                    List.of(
                        "-D" + HaltPoint.PAUSE + "=" + point,
                        "-D" + HaltPoint.RESUME + "=" + resume),
                    args))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .directory(new File(Fixtures.root().toString()))
            .start();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (!Files.readString(log).contains("pausing at " + point)
        && p.isAlive()
        && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertTrue(
        p.isAlive() && Files.readString(log).contains("pausing at " + point),
        Files.readString(log));
    return p;
  }

  /** Resumes a paused run; returns what it printed once it ended. */
  private static String resume(Process p, Path resume, Path log) throws Exception {
    Files.writeString(resume, "go");
    assertTrue(p.waitFor(3, TimeUnit.MINUTES), "the resumed run did not finish");
    return Files.readString(log);
  }

  private static String runId(String log) {
    Matcher m = Pattern.compile("run (\\d{8}-\\d{6}-\\d{3}-[0-9a-f]{6}) \\(").matcher(log);
    assertTrue(m.find(), log);
    return m.group(1);
  }

  private static List<Path> samples() throws IOException {
    try (Stream<Path> files = Files.list(Fixtures.path("samples/transcripts"))) {
      return files.sorted().toList();
    }
  }

  /**
   * A folder {@code name} with the first {@code count} samples; returns the --input option for it.
   */
  private String input(String name, int count) throws IOException {
    Path in = Files.createDirectories(dir.resolve(name));
    for (Path f : samples().subList(0, count)) {
      Files.copy(f, in.resolve(f.getFileName()));
    }
    return "--input=" + in + "/*";
  }

  /**
   * A clean run of {@code input} (in this JVM) into a new folder: what an output must hold
   * afterwards.
   */
  private Path reference(String input, String name) {
    Path ref = dir.resolve(name);
    Cli.Result r = Cli.run(input, "--output=" + ref, "--annotators=none");
    assertEquals(0, r.code(), r.out() + r.err());
    return ref;
  }

  /** The data folders a run wrote ({@code data/run-ID}) that are still there. */
  private static List<Path> runFolders(Path out, String run) {
    return Table.PIPELINE.stream()
        .map(
            t ->
                out.resolve(IcebergTables.NAMESPACE).resolve(t.folder()).resolve("data/run-" + run))
        .filter(Files::exists)
        .toList();
  }

  /**
   * SIGTERM while the run's tables are written but not committed, SIGTERM in its commit (after its
   * answers commit, with no runs row yet) and SIGINT after its commit: one line each that says so,
   * the JVM's exit code, and the next run (with --cleanAfterMinutes=0: it takes the stopped run's
   * leftovers for a dead run's at once) ends with the rows of one clean run.
   */
  @Test
  void aRunStoppedBySigtermOrSigintSaysWhetherItCommittedAndTheNextRunCleansUp() throws Exception {
    record Stop(String point, String signal, int code, String line, boolean committed) {}
    for (Stop stop :
        List.of(
            new Stop(
                "tables-written",
                "TERM",
                143,
                "before its commit: nothing of it is visible; a later run deletes the files it"
                    + " wrote",
                false),
            new Stop(
                "committed-answers",
                "TERM",
                143,
                "during its commit: it is committed only if its runs row was committed; if not,"
                    + " a later run rolls back the tables it committed",
                false),
            // A process started in the background of a shell without job control (nohup, cron,
            // `cmd &` in a script) inherits SIGINT ignored, and the job rightly leaves an ignored
            // signal alone: then this case is checked with SIGTERM.
            sigintIgnored()
                ? new Stop(
                    "committed",
                    "TERM",
                    143,
                    "after its commit: it is committed and its rows are current",
                    true)
                : new Stop(
                    "committed",
                    "INT",
                    130,
                    "after its commit: it is committed and its rows are current",
                    true))) {
      String input = input("in-" + stop.point(), 2);
      Path out = dir.resolve("out-" + stop.point());
      Cli.Result base = Cli.run(input, "--output=" + out, "--annotators=none");
      assertEquals(0, base.code(), base.out() + base.err());
      Path third = samples().get(2);
      Files.copy(third, dir.resolve("in-" + stop.point()).resolve(third.getFileName()));
      Path log = dir.resolve(stop.point() + ".log");
      Process p =
          pausedAt(
              stop.point(),
              log,
              dir.resolve("never"),
              input,
              "--output=" + out,
              "--annotators=none");
      String run = runId(Files.readString(log));
      if (stop.signal().equals("TERM")) {
        p.destroy(); // SIGTERM
      } else {
        assertEquals(
            0, new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor());
      }
      assertTrue(
          p.waitFor(2, TimeUnit.MINUTES),
          "SIG" + stop.signal() + " did not end the run: " + Files.readString(log));
      String printed = Files.readString(log);
      assertEquals(stop.code(), p.exitValue(), printed);
      String line =
          "transcript-nlp: run " + run + " stopped by SIG" + stop.signal() + " " + stop.line();
      assertEquals(
          1, printed.lines().filter(l -> l.equals(line)).count(), "'" + line + "' in:\n" + printed);
      assertTrue(printed.strip().endsWith(line), "the last line: " + printed);
      assertEquals(stop.committed(), IcebergRows.committedRuns(out).contains(run), stop.point());

      Exit again = java(input, "--output=" + out, "--annotators=none", "--cleanAfterMinutes=0");
      assertEquals(0, again.code(), again.out());
      assertTrue(
          again
              .out()
              .contains(
                  stop.committed()
                      ? "0 new + 0 changed + 3 unchanged"
                      : "1 new + 0 changed + 2 unchanged"),
          again.out());
      IcebergRows.assertOneCleanRun(reference(input, "ref-" + stop.point()), out, stop.point());
      assertEquals(stop.committed(), IcebergRows.committedRuns(out).contains(run), stop.point());
      assertFalse(Files.exists(out.resolve(OutputFolder.STAGING)), "no staged file left");
    }
  }

  /** The line of a run that lost the race to commit. */
  private static String conflict(Path out, String table, String run) {
    return "transcript-nlp: another run committed to "
        + out
        + " while this one ran (table "
        + table
        + "): nothing of run "
        + run
        + " is visible; run again";
  }

  /**
   * Two runs on one output: the first is paused with its table files written, the second runs to
   * its end, then the first goes on. Both read the output before either committed, so the first to
   * commit wins; the other finds the winner's commit in its way, exits 4 with one line and leaves
   * nothing: the tables hold the rows of one clean run.
   */
  @Test
  void ofTwoOverlappingRunsTheSecondToCommitExits4AndLeavesNothing() throws Exception {
    String input = input("in", 3);
    Path out = dir.resolve("out");
    Path resume = dir.resolve("resume");
    Path log = dir.resolve("first.log");
    Process first =
        pausedAt("tables-written", log, resume, input, "--output=" + out, "--annotators=none");
    try {
      String firstRun = runId(Files.readString(log));
      Exit second = java(input, "--output=" + out, "--annotators=none");
      assertEquals(0, second.code(), second.out());
      String secondRun = runId(second.out());
      assertTrue(
          runFolders(out, firstRun).size() > 0,
          "the first run's files are kept: they are younger than --cleanAfterMinutes");

      String printed = resume(first, resume, log);
      assertEquals(TranscriptNlp.LOCKED, first.exitValue(), printed);
      assertEquals(
          conflict(out, "answers", firstRun),
          printed.strip().lines().reduce((a, b) -> b).orElseThrow(),
          printed);
      assertEquals(
          1,
          printed.lines().filter(l -> l.startsWith("transcript-nlp: another run")).count(),
          printed);
      assertEquals(Set.of(secondRun), IcebergRows.committedRuns(out));
      assertEquals(List.of(), runFolders(out, firstRun), "the loser deleted its files");
    } finally {
      first.destroyForcibly();
    }
    IcebergRows.assertOneCleanRun(reference(input, "ref"), out, "after the overlap");
  }

  /**
   * A run that read the history, then waited while another run committed, must not take the
   * committed run for a killed one (not even with --cleanAfterMinutes=0, which rolls back a killed
   * run's commits at once): the other run's commits stay, and this run either commits after it or
   * exits 4 with the conflict line.
   */
  @Test
  void aRunThatCommittedWhileAnotherStartedIsNotTakenForAKilledOne() throws Exception {
    String input = input("in", 3);
    Path out = dir.resolve("out");
    Path resume = dir.resolve("resume");
    Path log = dir.resolve("late.log");
    Process late =
        pausedAt(
            "history-read",
            log,
            resume,
            input,
            "--output=" + out,
            "--annotators=none",
            "--cleanAfterMinutes=0");
    try {
      Exit other = java(input, "--output=" + out, "--annotators=none");
      assertEquals(0, other.code(), other.out());
      String otherRun = runId(other.out());

      String printed = resume(late, resume, log);
      assertFalse(printed.contains("rolling back"), printed);
      assertFalse(printed.contains("is committing to"), printed);
      if (late.exitValue() == TranscriptNlp.LOCKED) {
        assertEquals(Set.of(otherRun), IcebergRows.committedRuns(out), printed);
        assertTrue(printed.strip().endsWith("is visible; run again"), printed);
      } else {
        assertEquals(0, late.exitValue(), printed);
        assertEquals(Set.of(otherRun, runId(printed)), IcebergRows.committedRuns(out), printed);
      }
      assertCommitsStay(out, otherRun);
    } finally {
      late.destroyForcibly();
    }
    IcebergRows.assertOneCleanRun(reference(input, "ref"), out, "after the overlap");
  }

  /**
   * Every snapshot the run made is an ancestor of each table's current snapshot: none was rolled
   * back.
   */
  private static void assertCommitsStay(Path out, String run) {
    IcebergRows.withCatalog(
        out,
        c -> {
          for (Table t : Table.values()) {
            org.apache.iceberg.Table table = IcebergRows.table(c, t);
            List<Long> ancestors =
                SnapshotUtil.ancestorIds(table.currentSnapshot(), table::snapshot);
            int made = 0;
            for (Snapshot s : table.snapshots()) {
              if (run.equals(s.summary().get(IcebergTables.RUN_ID))) {
                made++;
                assertTrue(
                    ancestors.contains(s.snapshotId()),
                    t + ": run " + run + "'s commit was rolled back");
              }
            }
            assertEquals(1, made, t + ": one commit of run " + run);
          }
          return null;
        });
  }

  /**
   * A run paused in its commit (answers to turns committed, no runs row yet): a second run on the
   * output stops with one line and changes nothing (the commits are younger than
   * --cleanAfterMinutes); the first then ends as usual.
   */
  @Test
  void aRunStartedWhileAnotherCommitsStopsWithOneLineAndChangesNothing() throws Exception {
    String input = input("in", 3);
    Path out = dir.resolve("out");
    Path resume = dir.resolve("resume");
    Path log = dir.resolve("first.log");
    Process first =
        pausedAt("committed-turns", log, resume, input, "--output=" + out, "--annotators=none");
    try {
      String firstRun = runId(Files.readString(log));
      Map<String, Long> before = IcebergRows.tree(out);
      Exit second = java(input, "--output=" + out, "--annotators=none");
      assertEquals(TranscriptNlp.LOCKED, second.code(), second.out());
      String line = second.out().strip();
      assertEquals(1, line.lines().filter(l -> l.startsWith("transcript-nlp:")).count(), line);
      String last = line.lines().reduce((a, b) -> b).orElseThrow();
      assertTrue(
          last.startsWith(
              "transcript-nlp: run "
                  + firstRun
                  + " is committing to "
                  + out
                  + " (its answers commit at "),
          line);
      assertEquals(before, IcebergRows.tree(out), "the second run changed nothing");

      String printed = resume(first, resume, log);
      assertEquals(0, first.exitValue(), printed);
      assertEquals(Set.of(firstRun), IcebergRows.committedRuns(out));
    } finally {
      first.destroyForcibly();
    }
    IcebergRows.assertOneCleanRun(reference(input, "ref"), out, "after the second run stopped");
  }

  /**
   * With --cleanAfterMinutes=0 a second run takes a run paused in its commit for a killed one: it
   * rolls back the first run's commits and deletes its files, then commits. The first run, resumed,
   * finds the second's commit in its way: it exits 4, and none of its commits stays visible.
   */
  @Test
  void aRunTakenForAKilledOneWhileItCommitsLeavesNothingVisible() throws Exception {
    String input = input("in", 3);
    Path out = dir.resolve("out");
    Path resume = dir.resolve("resume");
    Path log = dir.resolve("first.log");
    Process first =
        pausedAt("committed-turns", log, resume, input, "--output=" + out, "--annotators=none");
    try {
      String firstRun = runId(Files.readString(log));
      Exit second = java(input, "--output=" + out, "--annotators=none", "--cleanAfterMinutes=0");
      assertEquals(0, second.code(), second.out());
      assertTrue(second.out().contains("rolling back answers: run " + firstRun), second.out());
      String secondRun = runId(second.out());

      String printed = resume(first, resume, log);
      assertEquals(TranscriptNlp.LOCKED, first.exitValue(), printed);
      assertTrue(
          printed.strip().endsWith("nothing of run " + firstRun + " is visible; run again"),
          printed);
      assertEquals(Set.of(secondRun), IcebergRows.committedRuns(out));
      assertEquals(
          Map.of(),
          Maps.without(IcebergRows.currentSnapshotRuns(out), secondRun),
          "every current snapshot is the second run's");
    } finally {
      first.destroyForcibly();
    }
    IcebergRows.assertOneCleanRun(reference(input, "ref"), out, "after the overlap");
  }

  private static final class Maps {
    /** The entries whose value is not {@code value}. */
    static Map<String, String> without(Map<String, String> m, String value) {
      Map<String, String> rest = new java.util.TreeMap<>(m);
      rest.values().removeIf(value::equals);
      return rest;
    }
  }

  /** Whether this JVM (and so the jar it starts) was started with SIGINT ignored (Linux only). */
  private static boolean sigintIgnored() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) {
      return false;
    }
    return Files.readAllLines(status).stream()
        .filter(l -> l.startsWith("SigIgn:"))
        .map(l -> Long.parseUnsignedLong(l.substring("SigIgn:".length()).strip(), 16))
        .anyMatch(mask -> (mask & (1L << (2 - 1))) != 0); // SIGINT is signal 2
  }
}
