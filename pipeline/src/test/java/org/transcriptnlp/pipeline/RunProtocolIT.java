package org.transcriptnlp.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptnlp.testing.Fixtures;

/**
 * The packaged jar stopped by signals and overlapped by a second run: a run paused at a point of
 * its protocol ({@code -Dtranscriptnlp.pauseAt}), then sent SIGTERM or SIGINT, or left paused while
 * a second run starts on the same output after its {@code _lock} was deleted.
 */
class RunProtocolIT {
  @TempDir Path dir;

  private static final List<String> TABLES = List.of("answers", "turns", "rejects");

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
    Process p = new ProcessBuilder(command(List.of(), args)).redirectErrorStream(true)
        .directory(new File(Fixtures.root().toString())).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the jar did not finish");
    return new Exit(p.exitValue(), out);
  }

  /** Starts the jar paused at {@code point} (until {@code resume} exists); returns once it waits there. */
  private Process pausedAt(String point, Path log, Path resume, String... args) throws Exception {
    Process p = new ProcessBuilder(command(List.of("-D" + HaltPoint.PAUSE + "=" + point, "-D" + HaltPoint.RESUME + "=" + resume), args))
        .redirectErrorStream(true).redirectOutput(log.toFile()).directory(new File(Fixtures.root().toString())).start();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (!Files.readString(log).contains("pausing at " + point) && p.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertTrue(p.isAlive() && Files.readString(log).contains("pausing at " + point), Files.readString(log));
    return p;
  }

  private static String runId(String log) {
    Matcher m = Pattern.compile("run (\\d{8}-\\d{6}-\\d{3}-[0-9a-f]{6}) \\(").matcher(log);
    assertTrue(m.find(), log);
    return m.group(1);
  }

  private Path twoSamples() throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    for (Path f : samples().subList(0, 2)) {
      Files.copy(f, in.resolve(f.getFileName()));
    }
    return in;
  }

  private static List<Path> samples() throws IOException {
    try (Stream<Path> files = Files.list(Fixtures.path("samples/transcripts"))) {
      return files.sorted().toList();
    }
  }

  private static Map<String, List<String>> rows(Path out, String prefix) throws Exception {
    Map<String, List<String>> rows = new TreeMap<>();
    try (Duck duck = new Duck(out)) {
      for (String t : TABLES) {
        rows.put(t, duck.rowsWithoutRun(prefix + t));
      }
    }
    return rows;
  }

  /**
   * SIGTERM while the run's tables are written but not committed, and SIGINT after its commit: one
   * line each that says so, the JVM's exit code, and the next run ends with every row once.
   */
  @Test
  void aRunStoppedBySigtermOrSigintSaysWhetherItCommittedAndTheNextRunCleansUp() throws Exception {
    Path in = twoSamples();
    String input = "--input=" + in + "/*";
    Path base = dir.resolve("base");
    assertEquals(0, java(input, "--output=" + base, "--annotators=none").code());
    Path third = samples().get(2);
    Files.copy(third, in.resolve(third.getFileName()));
    Path ref = dir.resolve("ref");
    assertEquals(0, java(input, "--output=" + ref, "--annotators=none").code());
    Map<String, List<String>> expected = rows(ref, "");

    record Stop(String point, String signal, int code, String line) {}
    for (Stop stop : List.of(
        new Stop("tables-written", "TERM", 143, "before its commit: nothing of it is current; the next run removes what it left"),
        new Stop("committed", "INT", 130, "after its commit: it is committed and its rows are current; the next run removes what it left"))) {
      Path out = dir.resolve("out-" + stop.point());
      IncrementalRunsTest.copyTree(base, out);
      Path log = dir.resolve(stop.point() + ".log");
      Process p = pausedAt(stop.point(), log, dir.resolve("never"), input, "--output=" + out, "--annotators=none");
      if (stop.signal().equals("TERM")) {
        p.destroy(); // SIGTERM
      } else {
        assertEquals(0, new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor());
      }
      assertTrue(p.waitFor(1, TimeUnit.MINUTES));
      String printed = Files.readString(log);
      assertEquals(stop.code(), p.exitValue(), printed);
      String line = "transcript-nlp: run " + runId(printed) + " stopped by SIG" + stop.signal() + " " + stop.line();
      assertEquals(1, printed.lines().filter(l -> l.equals(line)).count(), "'" + line + "' in:\n" + printed);
      assertTrue(printed.strip().endsWith(line), "the last line: " + printed);

      Exit again = java(input, "--output=" + out, "--annotators=none");
      assertEquals(0, again.code(), again.out());
      boolean committed = stop.point().equals("committed");
      assertTrue(again.out().contains(committed ? "0 new + 0 changed + 3 unchanged" : "1 new + 0 changed + 2 unchanged"),
          again.out());
      assertEquals(expected, rows(out, ""), stop.point());
      assertEquals(expected, rows(out, "all_"), stop.point() + ": nothing else on disk");
      assertFalse(Files.exists(out.resolve("_staging")), "no staged file or marker left");
    }
  }

  /**
   * The first run is paused with its table files written, not committed; its {@code _lock} is
   * deleted, so a second run takes a new one: the first run's marker makes it refuse, and it
   * deletes nothing. The first run then commits as usual.
   */
  @Test
  void aSecondRunRefusesWhileTheFirstRunsEvenIfItsLockFileWasDeleted() throws Exception {
    Path out = dir.resolve("out");
    Path resume = dir.resolve("resume");
    Path log = dir.resolve("first.log");
    String input = "--input=samples/transcripts/*";
    Process first = pausedAt("tables-written", log, resume, input, "--output=" + out, "--annotators=none");
    try {
      String run = runId(Files.readString(log));
      Files.delete(out.resolve("_lock"));
      Map<String, Long> before = files(out);
      Exit second = java(input, "--output=" + out, "--annotators=none");
      assertEquals(TranscriptNlp.LOCKED, second.code(), second.out());
      String expected = Pattern.quote("transcript-nlp: another run is writing to " + out + " (run " + run + ", pid " + first.pid()
          + " on " + InetAddress.getLocalHost().getHostName() + ", its marker run-" + run + ".alive written ")
          + "\\d+" + Pattern.quote(" s ago); try again when it has finished");
      assertTrue(Pattern.matches(expected, second.out().strip()), second.out());
      assertEquals(before, files(out), "the second run deleted nothing");
      assertTrue(Files.exists(out.resolve("_staging/run-" + run + LiveRun.SUFFIX)), "not even the first run's marker");

      Files.writeString(resume, "go");
      assertTrue(first.waitFor(3, TimeUnit.MINUTES));
      String printed = Files.readString(log);
      assertEquals(0, first.exitValue(), printed);
      assertTrue(printed.contains("processed: 3 files = 3 parsed + 0 rejected"), printed);
    } finally {
      first.destroyForcibly();
    }
    try (Duck duck = new Duck(out)) {
      assertEquals(1, duck.count("SELECT count(*) FROM runs"));
      assertEquals(3, duck.count("SELECT count(*) FROM current_manifest"));
      assertTrue(duck.count("SELECT count(*) FROM answers") > 0);
    }
    assertFalse(Files.exists(out.resolve("_staging")), "no staged file or marker left");
  }

  /**
   * Where _lock does not hold (deleted here; HDFS has none): a run that reads the history, then
   * waits while another (full) run commits, must not take the committed run for a crashed one
   * once it goes on. It refuses with exit 4 and the full run's rows stay current.
   */
  @Test
  void aRunThatCommittedWhileAnotherStartedIsNotTakenForACrashedOne() throws Exception {
    Path out = dir.resolve("out");
    String input = "--input=samples/transcripts/*";
    assertEquals(0, java(input, "--output=" + out, "--annotators=none").code());
    Path resumeFull = dir.resolve("resume-full");
    Path fullLog = dir.resolve("full.log");
    Process full = pausedAt("tables-written", fullLog, resumeFull, input, "--output=" + out, "--annotators=none", "--mode=full");
    Path resumeLate = dir.resolve("resume-late");
    Path lateLog = dir.resolve("late.log");
    Process late = null;
    try {
      String fullRun = runId(Files.readString(fullLog));
      Files.delete(out.resolve("_lock"));
      late = pausedAt("history-read", lateLog, resumeLate, input, "--output=" + out, "--annotators=none");
      Files.writeString(resumeFull, "go");
      assertTrue(full.waitFor(3, TimeUnit.MINUTES));
      assertEquals(0, full.exitValue(), Files.readString(fullLog));
      Files.writeString(resumeLate, "go");
      assertTrue(late.waitFor(3, TimeUnit.MINUTES));
      String printed = Files.readString(lateLog);
      assertEquals(TranscriptNlp.LOCKED, late.exitValue(), printed);
      assertTrue(printed.contains("transcript-nlp: another run (" + fullRun + ") committed to " + out
          + " while this one started; nothing was done: run again"), printed);
    } finally {
      full.destroyForcibly();
      if (late != null) {
        late.destroyForcibly();
      }
    }
    try (Duck duck = new Duck(out)) {
      assertEquals(2, duck.count("SELECT count(*) FROM runs"));
      assertEquals(3, duck.count("SELECT count(*) FROM current_manifest"));
      assertEquals(List.of("full"), duck.column("SELECT DISTINCT change FROM current_manifest"));
      assertTrue(duck.count("SELECT count(*) FROM answers") > 0);
    }
  }

  /** The files under a folder with their sizes, but the lock file and the runs' markers (rewritten every few seconds). */
  private static Map<String, Long> files(Path out) throws IOException {
    Map<String, Long> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(out)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        String name = p.getFileName().toString();
        if (!name.equals("_lock") && !name.endsWith(LiveRun.SUFFIX)) {
          files.put(out.relativize(p).toString(), Files.size(p));
        }
      }
    }
    return files;
  }
}
