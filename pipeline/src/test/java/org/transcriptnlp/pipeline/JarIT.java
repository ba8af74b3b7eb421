package org.transcriptnlp.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptnlp.testing.Fixtures;

/** The runnable jar as the README runs it: {@code java -jar pipeline/target/transcript-nlp.jar}. */
class JarIT {
  @TempDir Path dir;

  private static Path jar() {
    return Fixtures.path("pipeline/target/transcript-nlp.jar");
  }

  private record Exit(int code, String out) {}

  private static Exit java(String... args) throws Exception {
    return javaWith(List.of(), args);
  }

  private static Exit javaWith(List<String> jvmOptions, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar().toString());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).directory(new File(Fixtures.root().toString())).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the jar did not finish");
    return new Exit(p.exitValue(), out);
  }

  @Test
  void runsOnTheSamplesFromTheRepositoryRoot() throws Exception {
    assertTrue(Files.isRegularFile(jar()), "package the jar first: " + jar());
    Path out = dir.resolve("out");
    Path report = dir.resolve("report");
    Exit e = java("--input=samples/transcripts/*", "--output=" + out, "--annotators=none", "--report=" + report);
    assertEquals(0, e.code(), e.out());
    assertTrue(e.out().contains("processed: 3 files = 3 parsed + 0 rejected"), e.out());
    assertFalse(e.out().contains("answers/s"), "no progress line when not on a terminal: " + e.out());
    // --report: the index and a page per interview, even without annotators (no sentiment, no entities)
    assertTrue(e.out().contains("report: " + report.resolve("index.html") + " (3 interview pages)"), e.out());
    try (var pages = Files.list(report)) {
      assertEquals(4, pages.filter(p -> p.toString().endsWith(".html")).count());
    }
    String index = Files.readString(report.resolve("index.html"));
    assertEquals(3, index.split("href=\"[0-9a-f]{16}\\.html\"", -1).length - 1, "links to the 3 pages: " + index);
    for (String table : List.of("answers", "sentences", "entities", "turns", "rejects", "manifest", "runs")) {
      assertEquals(1, MainTest.parquetFiles(out.resolve(table)).size(), table);
    }
  }

  /**
   * On a terminal (a pseudo-terminal from util-linux's script), the run shows a progress line that
   * it rewrites in place, and its last state stays on its own line above the summary.
   */
  @Test
  void onATerminalTheRunShowsALiveProgressLine() throws Exception {
    Path out = dir.resolve("out");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // script -c hands the command to a shell: each argument single-quoted (a path may hold a space).
    String command = Stream.of(java, "-jar", jar().toString(), "--input=samples/transcripts/*", "--output=" + out,
        "--annotators=entities").map(a -> "'" + a.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));
    Process p = new ProcessBuilder("script", "-qec", command, "/dev/null").redirectErrorStream(true)
        .directory(new File(Fixtures.root().toString())).start();
    String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the jar did not finish");
    assertEquals(0, p.exitValue(), printed);
    assertTrue(printed.contains("\rtranscript-nlp: "), "a line rewritten in place: " + printed);
    // the last progress line counts every answer the summary reports
    Matcher answers = Pattern.compile("left out: \\d+\\)\\s+answers: (\\d+)").matcher(printed);
    assertTrue(answers.find(), printed);
    String all = answers.group(1);
    assertTrue(printed.contains("| files 3/3 | answers " + all + "/" + all + " |") && printed.contains("writing tables\033[K"), printed);
    assertTrue(printed.indexOf("writing tables") < printed.indexOf("processed: 3 files = 3 parsed + 0 rejected"),
        "the summary follows the last progress line: " + printed);
    assertTrue(printed.contains("entity_answers") && printed.contains("counter (committed)"), "the table of counters: " + printed);
  }

  @Test
  void aSecondRunOnTheSameOutputRefusesWhileTheFirstRuns() throws Exception {
    Path out = dir.resolve("out");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar().toString(), "--input=samples/transcripts/*", "--output=" + out, "--annotators=entities"));
    Process first = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("first.log").toFile()).directory(new File(Fixtures.root().toString())).start();
    try {
      checkTheSecondRunRefuses(out, first);
    } finally {
      first.destroyForcibly();
    }
  }

  private void checkTheSecondRunRefuses(Path out, Process first) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (!Files.exists(out.resolve("_lock")) && first.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertTrue(Files.exists(out.resolve("_lock")), "the first run holds the lock");
    Exit second = java("--input=samples/transcripts/*", "--output=" + out, "--annotators=none");
    assertTrue(first.isAlive(), "the first run was still going when the second one ended");
    assertEquals(TranscriptNlp.LOCKED, second.code(), second.out());
    assertTrue(second.out().strip().startsWith("transcript-nlp: another run is writing to " + out + " (pid " + first.pid()),
        second.out());
    assertTrue(first.waitFor(5, TimeUnit.MINUTES));
    assertEquals(0, first.exitValue(), Files.readString(dir.resolve("first.log")));
    assertTrue(MainTest.lockIsFree(out), "released at the end");
    assertEquals(1, MainTest.parquetFiles(out.resolve("entities")).size());
  }

  @Test
  void theNightlyScriptRunsTheJobLogsAndPassesTheExitCodeOn() throws Exception {
    Path out = dir.resolve("tables");
    Path script = Fixtures.path("run-configs/scheduled/nightly.sh");
    ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
    pb.environment().put("TRANSCRIPT_NLP_INPUT", Fixtures.path("samples/transcripts") + "/*");
    pb.environment().put("TRANSCRIPT_NLP_OUTPUT", out.toString());
    pb.environment().put("TRANSCRIPT_NLP_OPTIONS", "--annotators=none --targetParallelism=2");
    pb.environment().put("TRANSCRIPT_NLP_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    Process p = pb.start();
    String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(5, TimeUnit.MINUTES));
    assertEquals(0, p.exitValue(), printed);
    assertEquals("", printed, "quiet when it succeeds");
    List<Path> logs;
    try (var files = Files.list(dir.resolve("logs"))) {
      logs = files.toList();
    }
    assertEquals(1, logs.size());
    String log = Files.readString(logs.get(0));
    assertTrue(log.contains("processed: 3 files = 3 parsed + 0 rejected") && log.contains("end: exit 0"), log);

    MainTest.writeLock(out, ProcessHandle.current().pid());
    Process locked;
    String line;
    try (FileChannel c = FileChannel.open(out.resolve("_lock"), StandardOpenOption.WRITE); FileLock held = c.lock()) {
      locked = pb.start();
      line = new String(locked.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(locked.waitFor(5, TimeUnit.MINUTES));
    }
    assertEquals(TranscriptNlp.LOCKED, locked.exitValue(), line);
    String prefix = "transcript-nlp: exit 4, see ";
    assertTrue(line.strip().startsWith(prefix + dir.resolve("logs")), line);
    // The day's log (the same file unless the runs straddle midnight) has the reason.
    assertTrue(Files.readString(Path.of(line.strip().substring(prefix.length()))).contains("another run is writing to " + out));
  }

  @Test
  void anIncrementalRunKilledMidWayAndRunAgainGivesEveryRowExactlyOnce() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    List<Path> samples = copyTwoOfTheSamples(in);
    Path out = dir.resolve("out");
    String input = "--input=" + in + "/*";
    Exit first = java(input, "--output=" + out, "--annotators=entities");
    assertEquals(0, first.code(), first.out());
    Files.copy(samples.get(2), in.resolve(samples.get(2).getFileName()));
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar().toString(), input, "--output=" + out, "--annotators=entities"));
    Process killed = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("killed.log").toFile()).directory(new File(Fixtures.root().toString())).start();
    try {
      // Kill it once it has staged rows: the turns are staged before any answer is annotated.
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (stagedFiles(out) == 0 && killed.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertTrue(killed.isAlive(), "the run was still going: " + Files.readString(dir.resolve("killed.log")));
    } finally {
      killed.destroyForcibly();
    }
    killed.waitFor(1, TimeUnit.MINUTES);
    assertEquals(137, killed.exitValue(), "killed with SIGKILL");
    assertTrue(stagedFiles(out) > 0, "it was killed mid-way, with rows staged");

    Exit again = java(input, "--output=" + out, "--annotators=entities");
    assertEquals(0, again.code(), again.out());
    assertTrue(again.out().contains("matched: 3 files = 1 new + 0 changed + 2 unchanged"), again.out());
    Exit reference = java(input, "--output=" + dir.resolve("ref"), "--annotators=entities");
    assertEquals(0, reference.code(), reference.out());
    try (Duck duck = new Duck(out); Duck ref = new Duck(dir.resolve("ref"))) {
      for (String table : List.of("answers", "sentences", "entities", "turns", "rejects")) {
        assertEquals(ref.rowsWithoutRun(table), duck.rowsWithoutRun(table), table);
        assertEquals(duck.count("SELECT count(*) FROM " + table), duck.count("SELECT count(*) FROM all_" + table),
            table + ": no row of the killed run is left");
      }
      assertTrue(duck.count("SELECT count(*) FROM entities") > 0);
      assertEquals(2, duck.count("SELECT count(*) FROM runs"), "the killed run has no runs row");
    }
    assertEquals(0, stagedFiles(out), "the killed run's staged rows are removed");
    assertTrue(MainTest.lockIsFree(out));
  }

  /**
   * A run stopped (as by kill -9) at each step of its commit, then run again: the current rows equal
   * one clean run's, and no row of the stopped run is left beside them. The steps: its table files
   * written; its manifest written (no runs row yet); committed, in --mode=full, before deleting the
   * earlier run's partitions; and after deleting the first of them.
   */
  @Test
  void aRunStoppedAtEachStepOfItsCommitAndRunAgainGivesEveryRowExactlyOnce() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    List<Path> samples = copyTwoOfTheSamples(in);
    String input = "--input=" + in + "/*";
    Path base = dir.resolve("base");
    assertEquals(0, java(input, "--output=" + base, "--annotators=none").code());
    Files.copy(samples.get(2), in.resolve(samples.get(2).getFileName()));
    Path ref = dir.resolve("ref");
    assertEquals(0, java(input, "--output=" + ref, "--annotators=none").code());
    Map<String, List<String>> expected = new TreeMap<>();
    try (Duck duck = new Duck(ref)) {
      for (String table : List.of("answers", "turns", "rejects")) {
        expected.put(table, duck.rowsWithoutRun(table));
      }
    }
    for (String point : List.of("tables-written", "manifest-written", "committed", "deleting")) {
      Path out = dir.resolve("out-" + point);
      IncrementalRunsTest.copyTree(base, out);
      boolean full = point.equals("committed") || point.equals("deleting");
      Exit stopped = javaWith(List.of("-D" + HaltPoint.PROPERTY + "=" + point), input, "--output=" + out, "--annotators=none",
          "--mode=" + (full ? "full" : "incremental"));
      assertEquals(137, stopped.code(), point + ": " + stopped.out());
      assertTrue(stopped.out().contains("halting at " + point), stopped.out());
      Exit again = java(input, "--output=" + out, "--annotators=none");
      assertEquals(0, again.code(), point + ": " + again.out());
      // After a committed full run nothing is new; otherwise the stopped run's file is processed again.
      assertTrue(again.out().contains(full ? "0 new + 0 changed + 3 unchanged" : "1 new + 0 changed + 2 unchanged"),
          point + ": " + again.out());
      try (Duck duck = new Duck(out)) {
        for (String table : List.of("answers", "turns", "rejects")) {
          assertEquals(expected.get(table), duck.rowsWithoutRun(table), point + ", " + table);
          assertEquals(expected.get(table), duck.rowsWithoutRun("all_" + table), point + ", " + table + ": nothing else on disk");
        }
        assertEquals(3, duck.count("SELECT count(*) FROM current_manifest"), point);
      }
    }
  }

  /** Copies the first two of the three samples into {@code in}; returns the three, sorted. */
  private static List<Path> copyTwoOfTheSamples(Path in) throws IOException {
    List<Path> samples;
    try (var files = Files.list(Fixtures.path("samples/transcripts"))) {
      samples = files.sorted().toList();
    }
    Files.copy(samples.get(0), in.resolve(samples.get(0).getFileName()));
    Files.copy(samples.get(1), in.resolve(samples.get(1).getFileName()));
    return samples;
  }


  private static long stagedFiles(Path out) throws IOException {
    Path staging = out.resolve("_staging");
    if (!Files.isDirectory(staging)) {
      return 0;
    }
    try (var all = Files.walk(staging)) {
      return all.filter(p -> p.toString().endsWith(".parquet")).count();
    } catch (java.io.UncheckedIOException e) {
      return 0; // a folder removed while walking
    }
  }

  @Test
  void fatalProblemsExitNonZeroWithOneLine() throws Exception {
    Exit e = java("--input=no/such/*.txt", "--output=" + dir.resolve("out"));
    assertEquals(TranscriptNlp.USAGE, e.code());
    assertEquals("transcript-nlp: no file matched --input=no/such/*.txt", e.out().strip());
    Exit help = java("--help");
    assertEquals(0, help.code());
    assertTrue(help.out().contains("--annotators"));
  }

  /**
   * A file without read permission is rejected (permission_denied) while the others are processed.
   * Root reads any file, so as root (CI) the jar runs as user nobody through setpriv, from a copy
   * of the jar and its libraries (hard links) in a folder every user can enter.
   */
  @Test
  void anUnreadableFileIsRejectedWhileTheOthersAreProcessed() throws Exception {
    boolean root = "root".equals(System.getProperty("user.name"));
    Path open = Files.createTempDirectory("transcript-nlp-perm");
    try {
      Path app = Files.createDirectories(open.resolve("app/lib"));
      linkOrCopy(jar(), open.resolve("app/transcript-nlp.jar"));
      try (var libs = Files.list(jar().resolveSibling("lib"))) {
        for (Path lib : (Iterable<Path>) libs::iterator) {
          if (!lib.getFileName().toString().contains("models")) { // --annotators=none loads no model
            linkOrCopy(lib, app.resolve(lib.getFileName()));
          }
        }
      }
      Path in = Files.createDirectories(open.resolve("in"));
      Files.copy(Fixtures.seed(), in.resolve("seed.txt"));
      Path secret = Files.writeString(in.resolve("secret.txt"), "Q: Can you read this?\nA: No.\n");
      Files.setPosixFilePermissions(secret, java.util.Set.of());
      for (Path d : List.of(open, open.resolve("app"), app, in)) {
        Files.setPosixFilePermissions(d, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
      }
      Path out = open.resolve("out");
      List<String> command = new ArrayList<>();
      if (root) {
        command.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
      }
      command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
          open.resolve("app/transcript-nlp.jar").toString(), "--input=" + in + "/*", "--output=" + out,
          "--annotators=none"));
      Process p = new ProcessBuilder(command).redirectErrorStream(true).directory(open.toFile()).start();
      String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the jar did not finish");
      assertEquals(0, p.exitValue(), log);
      assertTrue(log.contains("processed: 2 files = 1 parsed + 1 rejected"), log);
      try (Duck duck = new Duck(out)) {
        assertEquals(List.of(List.of("secret.txt", "read", "permission_denied")),
            duck.rows("SELECT regexp_extract(source_path, '[^/]+$'), stage, reason FROM rejects"));
        assertEquals(26, duck.count("SELECT count(*) FROM answers"));
      }
    } finally {
      Fixtures.deleteTree(open);
    }
  }

  private static void linkOrCopy(Path from, Path to) throws Exception {
    try {
      Files.createLink(to, from);
    } catch (java.io.IOException | UnsupportedOperationException e) {
      Files.copy(from, to);
    }
  }
}
