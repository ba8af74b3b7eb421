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
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptnlp.pipeline.runs.HaltPoint;
import org.transcriptnlp.pipeline.runs.OutputFolder;
import org.transcriptnlp.tables.IcebergTables;
import org.transcriptnlp.tables.Table;
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
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .directory(new File(Fixtures.root().toString()))
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the jar did not finish");
    return new Exit(p.exitValue(), out);
  }

  @Test
  void runsOnTheSamplesFromTheRepositoryRoot() throws Exception {
    assertTrue(Files.isRegularFile(jar()), "package the jar first: " + jar());
    Path out = dir.resolve("out");
    Path report = dir.resolve("report");
    Exit e =
        java(
            "--input=samples/transcripts/*",
            "--output=" + out,
            "--annotators=none",
            "--report=" + report);
    assertEquals(0, e.code(), e.out());
    assertTrue(e.out().contains("processed: 3 files = 3 parsed + 0 rejected"), e.out());
    assertFalse(
        e.out().contains("answers/s"), "no progress line when not on a terminal: " + e.out());
    // --report: the index and a page per interview, even without annotators (no sentiment, no
    // entities)
    assertTrue(
        e.out().contains("report: " + report.resolve("index.html") + " (3 interview pages)"),
        e.out());
    try (var pages = Files.list(report)) {
      assertEquals(4, pages.filter(p -> p.toString().endsWith(".html")).count());
    }
    String index = Files.readString(report.resolve("index.html"));
    assertEquals(
        3,
        index.split("href=\"[0-9a-f]{16}\\.html\"", -1).length - 1,
        "links to the 3 pages: " + index);
    // One data file per table that has rows (none for sentences and entities without annotators,
    // nor for rejects).
    Map<String, Integer> files =
        IcebergRows.withCatalog(
            out,
            c -> {
              Map<String, Integer> n = new TreeMap<>();
              for (Table t : Table.values()) {
                n.put(t.folder(), IcebergTables.currentFiles(IcebergRows.table(c, t)).size());
              }
              return n;
            });
    assertEquals(
        Map.of(
            "answers",
            1,
            "sentences",
            0,
            "entities",
            0,
            "turns",
            1,
            "rejects",
            0,
            "manifest",
            1,
            "runs",
            1),
        files);
  }

  /**
   * On a terminal (a pseudo-terminal from util-linux's script), the run shows a progress line that
   * it rewrites in place, and its last state stays on its own line above the summary.
   */
  @Test
  void onATerminalTheRunShowsALiveProgressLine() throws Exception {
    Path out = dir.resolve("out");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // script -c hands the command to a shell: each argument single-quoted (a path may hold a
    // space).
    String command =
        Stream.of(
                java,
                "-jar",
                jar().toString(),
                "--input=samples/transcripts/*",
                "--output=" + out,
                "--annotators=entities")
            .map(a -> "'" + a.replace("'", "'\\''") + "'")
            .collect(Collectors.joining(" "));
    Process p =
        new ProcessBuilder("script", "-qec", command, "/dev/null")
            .redirectErrorStream(true)
            .directory(new File(Fixtures.root().toString()))
            .start();
    String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the jar did not finish");
    assertEquals(0, p.exitValue(), printed);
    assertTrue(printed.contains("\rtranscript-nlp: "), "a line rewritten in place: " + printed);
    // the last progress line counts every answer the summary reports
    Matcher answers = Pattern.compile("left out: \\d+\\)\\s+answers: (\\d+)").matcher(printed);
    assertTrue(answers.find(), printed);
    String all = answers.group(1);
    assertTrue(
        printed.contains("| files 3/3 | answers " + all + "/" + all + " |")
            && printed.contains("writing tables\033[K"),
        printed);
    assertTrue(
        printed.indexOf("writing tables")
            < printed.indexOf("processed: 3 files = 3 parsed + 0 rejected"),
        "the summary follows the last progress line: " + printed);
    assertTrue(
        printed.contains("entity_answers") && printed.contains("counter (committed)"),
        "the table of counters: " + printed);
  }

  @Test
  void theNightlyScriptRunsTheJobLogsAndPassesTheExitCodeOn() throws Exception {
    Path out = dir.resolve("tables");
    Path script = Fixtures.path("run-configs/scheduled/nightly.sh");
    ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
    pb.environment().put("TRANSCRIPT_NLP_INPUT", Fixtures.path("samples/transcripts") + "/*");
    pb.environment().put("TRANSCRIPT_NLP_OUTPUT", out.toString());
    pb.environment().put("TRANSCRIPT_NLP_OPTIONS", "--annotators=none --targetParallelism=2");
    pb.environment()
        .put(
            "TRANSCRIPT_NLP_JAVA",
            Path.of(System.getProperty("java.home"), "bin", "java").toString());
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
    assertTrue(
        log.contains("processed: 3 files = 3 parsed + 0 rejected") && log.contains("end: exit 0"),
        log);

    // A commit of a run that has no runs row yet (a run committing, or killed while it did): exit
    // 4.
    IcebergRows.commitAsRun(out, Table.ANSWERS, "20260101-000000-000-abcdef", true);
    Process refused = pb.start();
    String line = new String(refused.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(refused.waitFor(5, TimeUnit.MINUTES));
    assertEquals(TranscriptNlp.LOCKED, refused.exitValue(), line);
    String prefix = "transcript-nlp: exit 4, see ";
    assertTrue(line.strip().startsWith(prefix + dir.resolve("logs")), line);
    // The day's log (the same file unless the runs straddle midnight) has the reason.
    assertTrue(
        Files.readString(Path.of(line.strip().substring(prefix.length())))
            .contains("transcript-nlp: run 20260101-000000-000-abcdef is committing to " + out));
  }

  /**
   * A run killed (SIGKILL) while its pipeline writes, then run again with --cleanAfterMinutes=0 (so
   * that the killed run's files count as a dead run's at once): the rows of one clean run, and no
   * file of the killed run left.
   */
  @Test
  void anIncrementalRunKilledMidWayAndRunAgainGivesEveryRowExactlyOnce() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    List<Path> samples = copyTwoOfTheSamples(in);
    Path out = dir.resolve("out");
    String input = "--input=" + in + "/*";
    Exit first = java(input, "--output=" + out, "--annotators=entities");
    assertEquals(0, first.code(), first.out());
    Files.copy(samples.get(2), in.resolve(samples.get(2).getFileName()));
    Map<String, Long> before = IcebergRows.tree(out);
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar().toString(),
                input,
                "--output=" + out,
                "--annotators=entities"));
    Process killed =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("killed.log").toFile())
            .directory(new File(Fixtures.root().toString()))
            .start();
    try {
      // Kill it once it has staged rows: the turns are staged before any answer is annotated.
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (stagedFiles(out) == 0 && killed.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertTrue(
          killed.isAlive(),
          "the run was still going: " + Files.readString(dir.resolve("killed.log")));
    } finally {
      killed.destroyForcibly();
    }
    killed.waitFor(1, TimeUnit.MINUTES);
    assertEquals(137, killed.exitValue(), "killed with SIGKILL");
    assertTrue(stagedFiles(out) > 0, "it was killed mid-way, with rows staged");
    assertEquals(before, withoutStaging(IcebergRows.tree(out)), "it had committed nothing");

    Exit again = java(input, "--output=" + out, "--annotators=entities", "--cleanAfterMinutes=0");
    assertEquals(0, again.code(), again.out());
    assertTrue(
        again.out().contains("matched: 3 files = 1 new + 0 changed + 2 unchanged"), again.out());
    Path ref = dir.resolve("ref");
    Exit reference = java(input, "--output=" + ref, "--annotators=entities");
    assertEquals(0, reference.code(), reference.out());
    IcebergRows.assertOneCleanRun(ref, out, "killed mid-way");
    assertTrue(Duck.currentRows(out).get("entities").size() > 0);
    assertEquals(2, IcebergRows.committedRuns(out).size(), "the killed run has no runs row");
    assertEquals(0, stagedFiles(out), "the killed run's staged rows are removed");
    assertFalse(Files.exists(out.resolve(OutputFolder.STAGING)));
  }

  /**
   * A tree of files without those under _staging (and without the run folders the pipeline
   * started).
   */
  private static Map<String, Long> withoutStaging(Map<String, Long> tree) {
    Map<String, Long> rest = new TreeMap<>(tree);
    rest.keySet().removeIf(f -> f.startsWith(OutputFolder.STAGING + "/"));
    return rest;
  }

  /** Each point of a run where HaltPoint can stop it, in order. */
  static final List<String> POINTS =
      List.of(
          "history-read",
          "tables-written",
          "manifest-written",
          "committed-answers",
          "committed-sentences",
          "committed-entities",
          "committed-turns",
          "committed-rejects",
          "committed-manifest",
          "committed-runs",
          "committed");

  /**
   * The points between a run's first commit and its runs row: a run stopped there left commits
   * without a runs row.
   */
  static boolean inCommitPhase(String point) {
    return point.startsWith("committed-") && !point.equals("committed-runs");
  }

  /**
   * A run stopped (as by kill -9) at each point of its protocol, then run again: until
   * --cleanAfterMinutes after a stop in its commit phase, the next run stops with one line and
   * changes nothing (the stopped run may be still committing); with --cleanAfterMinutes=0 it rolls
   * the stopped run's commits back and deletes its files at once, and every reader then sees the
   * rows of one clean run over the same input. The stopped run processes a new file, a changed one
   * (copy-on-write: its old rows are dropped from a file that keeps another file's rows) and one
   * that is rejected; last, a first run (on an empty output) stopped in its commit.
   */
  @Test
  void aRunStoppedAtEachPointAndRunAgainGivesEveryRowExactlyOnce() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    List<Path> samples = copyTwoOfTheSamples(in);
    String input = "--input=" + in + "/*";
    Path changed = in.resolve(samples.get(0).getFileName());
    String original = Files.readString(changed);
    Path added = in.resolve(samples.get(2).getFileName());
    Path rejected = in.resolve("binary.txt");
    Runnable before =
        () -> {
          try {
            Files.writeString(changed, original);
            Files.deleteIfExists(added);
            Files.deleteIfExists(rejected);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        };
    Runnable after =
        () -> {
          try {
            Files.writeString(
                changed,
                original
                    + "\nQ: One more question?\nA: One more answer, added after the first run.\n");
            Files.copy(samples.get(2), added);
            Files.write(rejected, new byte[] {0, 1, 2, 3, 0, 0, 'P', 'K', 0, 7});
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        };
    after.run();
    Path ref = dir.resolve("ref");
    ok(input, ref);
    assertEquals(1, Duck.currentRows(ref).get("rejects").size(), "the binary file is rejected");

    record Case(String point, boolean firstRun) {}
    List<Case> cases = new ArrayList<>(POINTS.stream().map(p -> new Case(p, false)).toList());
    cases.add(new Case("committed-manifest", true));
    for (Case k : cases) {
      String point = k.point();
      String what = point + (k.firstRun() ? " (first run)" : "");
      Path out = dir.resolve("out-" + point + (k.firstRun() ? "-first" : ""));
      if (!k.firstRun()) {
        before.run();
        ok(input, out);
        after.run();
      }
      Exit stopped =
          javaWith(
              List.of("-D" + HaltPoint.PROPERTY + "=" + point),
              input,
              "--output=" + out,
              "--annotators=none");
      assertEquals(137, stopped.code(), what + ": " + stopped.out());
      assertTrue(
          stopped
              .out()
              .strip()
              .endsWith("transcript-nlp: halting at " + point + " (-D" + HaltPoint.PROPERTY + ")"),
          stopped.out());
      String run = point.equals("history-read") ? null : runId(stopped.out());
      boolean committed = point.equals("committed-runs") || point.equals("committed");

      if (inCommitPhase(point)) {
        Map<String, Long> tree = IcebergRows.tree(out);
        Cli.Result refused = Cli.run(input, "--output=" + out, "--annotators=none");
        assertEquals(
            TranscriptNlp.LOCKED, refused.code(), what + ": " + refused.out() + refused.err());
        assertEquals("", refused.out());
        String line = refused.err().strip();
        assertEquals(1, line.lines().count(), line);
        assertTrue(
            line.startsWith(
                "transcript-nlp: run "
                    + run
                    + " is committing to "
                    + out
                    + " (its answers commit at "),
            line);
        assertEquals(tree, IcebergRows.tree(out), what + ": the refused run changed nothing");
      }

      Cli.Result again = ok(input, out, "--cleanAfterMinutes=0");
      String matched =
          committed
              ? "matched: 4 files = 0 new + 0 changed + 4 unchanged"
              : k.firstRun()
                  ? "matched: 4 files = 4 new + 0 changed + 0 unchanged"
                  : "matched: 4 files = 2 new + 1 changed + 1 unchanged";
      assertTrue(again.out().contains(matched), what + ": " + again.out());
      IcebergRows.assertOneCleanRun(ref, out, what);
      assertEquals(
          k.firstRun() ? 1 : committed ? 3 : 2, IcebergRows.committedRuns(out).size(), what);
      if (run != null) {
        assertEquals(committed, IcebergRows.committedRuns(out).contains(run), what);
      }
      assertFalse(Files.exists(out.resolve(OutputFolder.STAGING)), what + ": no staged file left");
    }
  }

  private static Cli.Result ok(String input, Path out, String... more) {
    List<String> args = new ArrayList<>(List.of(input, "--output=" + out, "--annotators=none"));
    args.addAll(List.of(more));
    Cli.Result r = Cli.run(args.toArray(String[]::new));
    assertEquals(0, r.code(), r.out() + r.err());
    return r;
  }

  private static String runId(String log) {
    Matcher m = Pattern.compile("run (\\d{8}-\\d{6}-\\d{3}-[0-9a-f]{6}) \\(").matcher(log);
    assertTrue(m.find(), log);
    return m.group(1);
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
    Path staging = out.resolve(OutputFolder.STAGING);
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
          if (!lib.getFileName()
              .toString()
              .contains("models")) { // --annotators=none loads no model
            linkOrCopy(lib, app.resolve(lib.getFileName()));
          }
        }
      }
      Path in = Files.createDirectories(open.resolve("in"));
      Files.copy(Fixtures.seed(), in.resolve("seed.txt"));
      Path secret = Files.writeString(in.resolve("secret.txt"), "Q: Can you read this?\nA: No.\n");
      Files.setPosixFilePermissions(secret, java.util.Set.of());
      for (Path d : List.of(open, open.resolve("app"), app, in)) {
        Files.setPosixFilePermissions(
            d, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
      }
      Path out = open.resolve("out");
      List<String> command = new ArrayList<>();
      if (root) {
        command.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
      }
      command.addAll(
          List.of(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-jar",
              open.resolve("app/transcript-nlp.jar").toString(),
              "--input=" + in + "/*",
              "--output=" + out,
              "--annotators=none"));
      Process p =
          new ProcessBuilder(command).redirectErrorStream(true).directory(open.toFile()).start();
      String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the jar did not finish");
      assertEquals(0, p.exitValue(), log);
      assertTrue(log.contains("processed: 2 files = 1 parsed + 1 rejected"), log);
      try (Duck duck = new Duck(out)) {
        assertEquals(
            List.of(List.of("secret.txt", "read", "permission_denied")),
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
