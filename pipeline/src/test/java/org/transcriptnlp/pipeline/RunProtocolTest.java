package org.transcriptnlp.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptnlp.testing.Fixtures;

/**
 * The run protocol when the output is not as the job left it (issue 18): damaged runs, manifest
 * and table files, and the markers of runs that are still writing. In this JVM ({@link Cli});
 * JarIT stops real processes.
 */
class RunProtocolTest {
  @TempDir Path dir;


  private static Cli.Result job(Path in, Path out) {
    return Cli.run("--input=" + in + "/*", "--output=" + out, "--annotators=none");
  }

  private static Cli.Result ok(Path in, Path out) {
    Cli.Result r = job(in, out);
    assertEquals(0, r.code(), r.out() + r.err());
    return r;
  }

  /** The three samples in {@code in}: the first two, or all three. */
  private Path samples(String name, int count) throws IOException {
    Path in = Files.createDirectories(dir.resolve(name));
    try (Stream<Path> files = Files.list(Fixtures.path("samples/transcripts"))) {
      for (Path f : files.sorted().limit(count).toList()) {
        Files.copy(f, in.resolve(f.getFileName()));
      }
    }
    return in;
  }

  /** Every file under a folder with its size (not the lock): equal when nothing was written or deleted. */
  private static Map<String, Long> tree(Path out) throws IOException {
    Map<String, Long> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(out)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        if (!p.getFileName().toString().equals("_lock")) {
          files.put(out.relativize(p).toString(), Files.size(p));
        }
      }
    }
    return files;
  }

  private static Path onlyFile(Path tableFolder) throws IOException {
    List<String> files = MainTest.parquetFiles(tableFolder);
    assertEquals(1, files.size(), files.toString());
    return tableFolder.resolve(files.get(0));
  }

  private static String runOf(Path file) {
    return file.getParent().getFileName().toString().substring("run_id=".length());
  }


  private static void assertOneLine(Cli.Result r, int code, String line) {
    assertEquals(code, r.code(), r.out() + r.err());
    assertEquals(line, r.err().strip(), "one line, no stack trace");
    assertEquals("", r.out());
  }

  @Test
  void aDamagedRunsOrManifestFileStopsTheRunWithOneLineThatNamesItAndTouchesNothing() throws Exception {
    Path in = samples("in", 1);
    Path base = dir.resolve("base");
    ok(in, base);
    record Damage(String table, String name, byte[] bytes, String problem) {}
    byte[] good = Files.readAllBytes(onlyFile(base.resolve("runs")));
    byte[] garbage = new byte[300];
    Arrays.fill(garbage, (byte) 'x');
    byte[] manifest = Files.readAllBytes(onlyFile(base.resolve("manifest")));
    for (Damage d : List.of(
        new Damage("runs", "truncated", Arrays.copyOf(good, good.length / 2),
            "truncated (" + good.length / 2 + " bytes, no Parquet footer at its end)"),
        new Damage("runs", "garbage", garbage, "not a Parquet file (300 bytes that do not start with PAR1)"),
        new Damage("runs", "empty", new byte[0], "empty (0 bytes)"),
        new Damage("manifest", "truncated", Arrays.copyOf(manifest, 100), "truncated (100 bytes, no Parquet footer at its end)"))) {
      Path out = dir.resolve(d.table() + "-" + d.name());
      IncrementalRunsTest.copyTree(base, out);
      Path file = onlyFile(out.resolve(d.table()));
      Files.write(file, d.bytes());
      Map<String, Long> before = tree(out);
      Cli.Result r = job(in, out);
      String fix = d.table().equals("runs")
          ? "run " + runOf(file) + " then counts as not committed (the next run deletes its rows and processes its files again as needed)"
          : "the files run " + runOf(file) + " processed are then processed again as needed";
      assertOneLine(r, TranscriptNlp.USAGE, "transcript-nlp: " + file + " is " + d.problem() + ": the " + d.table()
          + " table cannot be read, so nothing was done; put back a good copy of the file, or move it out of " + out
          + " and run again: " + fix);
      assertEquals(before, tree(out), d + ": nothing written or deleted");
      assertTrue(MainTest.lockIsFree(out));

      // As the line says: moved out, the run's file is processed again and the views read.
      Files.move(file, dir.resolve(d.table() + "-" + d.name() + ".parquet"));
      Cli.Result again = ok(in, out);
      assertTrue(again.out().contains("matched: 1 files = 1 new + 0 changed + 0 unchanged"), again.out());
      assertEquals(Duck.currentRows(base), Duck.currentRows(out), d.toString());
    }
  }

  @Test
  void aTruncatedTableFileIsQuarantinedAndItsFilesProcessedAgainByTheNextRun() throws Exception {
    Path in = samples("in", 2);
    Path out = dir.resolve("out");
    ok(in, out);
    try (Stream<Path> files = Files.list(Fixtures.path("samples/transcripts"))) {
      Path third = files.sorted().toList().get(2);
      Files.copy(third, in.resolve(third.getFileName()));
    }
    ok(in, out);
    Path ref = dir.resolve("ref");
    ok(in, ref);
    Map<String, List<String>> expected = Duck.currentRows(ref);
    // The first run's answers file (both of its files have answers), cut short.
    Path answers;
    List<String> firstRunFiles;
    try (Duck duck = new Duck(out)) {
      String first = (String) duck.one("SELECT min(run_id) FROM runs");
      answers = out.resolve("answers").resolve(MainTest.parquetFiles(out.resolve("answers")).stream()
          .filter(f -> f.contains(first)).findFirst().orElseThrow());
      firstRunFiles = duck.column("SELECT source_path FROM current_manifest WHERE run_id = '" + first + "' AND answers > 0 ORDER BY 1")
          .stream().map(String::valueOf).toList();
    }
    assertEquals(2, firstRunFiles.size());
    byte[] bytes = Files.readAllBytes(answers);
    Files.write(answers, Arrays.copyOf(bytes, bytes.length - 100));
    assertThrows(java.sql.SQLException.class, () -> Duck.currentRows(out), "the views fail on the truncated file");
    Path crashed = dir.resolve("crashed");
    IncrementalRunsTest.copyTree(out, crashed);

    Path quarantined = out.resolve("_quarantine").resolve(out.relativize(answers));
    Cli.Result repaired = ok(in, out);
    assertTrue(repaired.out().contains("matched: 3 files = 0 new + 2 changed + 1 unchanged"), repaired.out());
    assertFalse(Files.exists(answers));
    assertEquals(bytes.length - 100, Files.size(quarantined), "moved to the quarantine, as it was");
    assertEquals(expected, Duck.currentRows(out), "the views read, and hold every row once");
    try (Duck duck = new Duck(out)) {
      assertEquals(firstRunFiles, duck.column("SELECT source_path FROM current_manifest WHERE change = 'repair' ORDER BY 1")
          .stream().map(String::valueOf).toList());
    }
    assertTrue(ok(in, out).out().contains("matched: 3 files = 0 new + 0 changed + 3 unchanged"), "repaired once");

    // A run that died after moving the file: the next run finds what to repair in the quarantine.
    Path crashedQuarantine = crashed.resolve("_quarantine").resolve(out.relativize(answers));
    Files.createDirectories(crashedQuarantine.getParent());
    Files.move(crashed.resolve(out.relativize(answers)), crashedQuarantine);
    Cli.Result afterCrash = ok(in, crashed);
    assertTrue(afterCrash.out().contains("matched: 3 files = 0 new + 2 changed + 1 unchanged"), afterCrash.out());
    assertEquals(expected, Duck.currentRows(crashed));
  }

  // --- runs that are still writing ---

  private static final String OTHER = "20260101-000000-000-abcdef";

  /** The marker of run {@link #OTHER}, naming this host and a pid with the start time of its JVM, written {@code ago} before now. */
  private static Path marker(Path out, String host, long pid, String jvmStarted, long agoMillis) throws IOException {
    Path m = Files.createDirectories(out.resolve("_staging")).resolve("run-" + OTHER + ".alive");
    Files.writeString(m, "run=" + OTHER + " pid=" + pid + " host=" + host + " jvm_started=" + jvmStarted + " beat=3 at=" + Instant.now() + "\n");
    Files.setLastModifiedTime(m, FileTime.fromMillis(System.currentTimeMillis() - agoMillis));
    return m;
  }

  /** What run {@link #OTHER} had written: a staged file and a partition (a copy of {@code turns}), not committed. */
  private static List<Path> otherRunsFiles(Path out, byte[] turns) throws IOException {
    Path staged = Files.createDirectories(out.resolve("_staging/run-" + OTHER + "/turns")).resolve("0a1b.parquet");
    Path partition = Files.createDirectories(out.resolve("turns/run_date=2026-01-01/run_id=" + OTHER))
        .resolve("part-00000-of-00001-" + OTHER + ".parquet");
    Files.write(staged, turns);
    Files.write(partition, turns);
    return List.of(staged, partition);
  }

  private static String thisHost() throws IOException {
    return InetAddress.getLocalHost().getHostName();
  }

  private static String jvmStarted() {
    return ProcessHandle.current().info().startInstant().orElseThrow().toString();
  }

  private void assertRefused(Path in, Path out, String who) throws Exception {
    Map<String, Long> before = tree(out);
    Cli.Result r = job(in, out);
    assertEquals(TranscriptNlp.LOCKED, r.code(), r.out() + r.err());
    String expected = Pattern.quote("transcript-nlp: another run is writing to " + out + " (run " + OTHER + ", " + who
        + ", its marker run-" + OTHER + ".alive written ") + "\\d+" + Pattern.quote(" s ago); try again when it has finished");
    assertTrue(Pattern.matches(expected, r.err().strip()), r.err() + " is not " + expected);
    assertEquals(before, tree(out), "nothing written or deleted, not even its own marker");
  }

  @Test
  void aRunRefusesWhileAnotherRunsMarkerIsLiveEvenWithoutTheLockAndRemovesOnlyDeadRunsFiles() throws Exception {
    Path in = samples("in", 1);
    Path out = dir.resolve("out");
    ok(in, out);
    byte[] turns = Files.readAllBytes(onlyFile(out.resolve("turns")));
    List<Path> theirs = otherRunsFiles(out, turns);

    // A run in a process that is alive on this host (this JVM stands for it): refused, whatever the marker's age.
    Path m = marker(out, thisHost(), ProcessHandle.current().pid(), jvmStarted(), 600_000);
    assertRefused(in, out, "pid " + ProcessHandle.current().pid() + " on " + thisHost());
    // On another host: alive while its marker is fresh.
    marker(out, "elsewhere.invalid", 4242, "2026-01-01T00:00:00Z", 5_000);
    assertRefused(in, out, "pid 4242 on elsewhere.invalid");
    assertTrue(theirs.stream().allMatch(Files::exists));

    // The pid of a dead process on this host, or a pid that started at another time: dead, at once.
    Process done = new ProcessBuilder("true").start();
    done.waitFor();
    for (String[] dead : List.of(new String[] {String.valueOf(done.pid()), jvmStarted()},
        new String[] {String.valueOf(ProcessHandle.current().pid()), "2020-01-01T00:00:00Z"},
        new String[] {"4242", "2026-01-01T00:00:00Z", "elsewhere.invalid"})) {
      theirs = otherRunsFiles(out, turns);
      if (dead.length == 3) {
        marker(out, dead[2], Long.parseLong(dead[0]), dead[1], LiveRun.STALE.toMillis() + 60_000); // another host, stale
      } else {
        marker(out, thisHost(), Long.parseLong(dead[0]), dead[1], 0);
      }
      Cli.Result r = ok(in, out);
      assertTrue(r.out().contains("matched: 1 files = 0 new + 0 changed + 1 unchanged"), r.out());
      assertTrue(theirs.stream().noneMatch(Files::exists), Arrays.toString(dead) + ": the dead run's files are removed");
      assertFalse(Files.exists(m), "and its marker");
      assertFalse(Files.exists(out.resolve("_staging")), "no marker or staging left: " + tree(out));
    }
  }
}
