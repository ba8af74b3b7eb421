package org.transcriptnlp.pipeline.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.transcriptnlp.pipeline.options.JobConfig;

/** Which files a run processes: plain logic, no pipeline. */
class RunPlanTest {
  private static final RunId EARLIER = RunId.parse("20261128-030000-000-0a0b0c");
  private static final RunHistory.Entry SEEN =
      new RunHistory.Entry("/a/x.txt", "sha-1", "fp-1", EARLIER);

  @Test
  void incrementalProcessesNewAndChangedFilesOnly() {
    JobConfig.Mode inc = JobConfig.Mode.INCREMENTAL;
    assertEquals(RunPlan.NEW, RunPlan.decide("sha-1", null, inc));
    assertNull(RunPlan.decide("sha-1", SEEN, inc), "same bytes: not processed");
    assertEquals(RunPlan.CONTENT, RunPlan.decide("sha-2", SEEN, inc));
    assertEquals(
        RunPlan.CONTENT,
        RunPlan.decide(
            RunPlan.UNREADABLE,
            new RunHistory.Entry("/a/x.txt", RunPlan.UNREADABLE, "fp-1", EARLIER),
            inc),
        "an unreadable file is tried again");
  }

  @Test
  void fullProcessesEveryFile() {
    assertEquals(RunPlan.FULL, RunPlan.decide("sha-1", SEEN, JobConfig.Mode.FULL));
    assertEquals(RunPlan.FULL, RunPlan.decide("sha-1", null, JobConfig.Mode.FULL));
  }

  @Test
  void fingerprintsDifferWithTheSettings() {
    assertEquals(16, RunPlan.fingerprint("a=1").length());
    assertEquals(RunPlan.fingerprint("a=1"), RunPlan.fingerprint("a=1"));
    assertFalse(RunPlan.fingerprint("a=1").equals(RunPlan.fingerprint("a=2")));
  }

  @Test
  void aFilesRelativePathIsTakenFromTheBaseOfItsGlob() {
    assertEquals("/data/archive/2024", InputBase.base("/data/archive/2024/*.txt"));
    assertEquals("/data/archive", InputBase.base("/data/archive/*/*.txt"));
    assertEquals(
        "/data/archive", InputBase.base("/data/archive/x.txt"), "a plain file: its folder");
    assertEquals("hdfs://nn:8020/archive", InputBase.base("hdfs://nn:8020/archive/**"));
    assertEquals(
        java.nio.file.Path.of("samples").toAbsolutePath().toString(), InputBase.base("samples/*"));
    List<String> globs = InputBase.bases(List.of("/mnt/new/archive/*/*.txt", "/other/*.md"));
    assertEquals("2024/a.txt", InputBase.relative("/mnt/new/archive/2024/a.txt", globs));
    assertEquals("b.md", InputBase.relative("/other/b.md", globs));
    assertEquals(
        "c.txt",
        InputBase.relative("/elsewhere/c.txt", globs),
        "outside every base: the file name");
  }

  @Test
  void aFileTakesOverOnlyAGonePathsEntryWithTheSameContentPreferringTheSameRelativePath(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path base = java.nio.file.Files.createDirectories(dir.resolve("new/2024"));
    java.nio.file.Path a = java.nio.file.Files.writeString(base.resolve("a.txt"), "Q: a?\nA: a.\n");
    java.nio.file.Path b = java.nio.file.Files.writeString(base.resolve("b.txt"), "Q: b?\nA: b.\n");
    java.nio.file.Path c = java.nio.file.Files.writeString(base.resolve("c.txt"), "Q: c?\nA: c.\n");
    String shaA = RunPlan.sha256(meta(a));
    String shaB = RunPlan.sha256(meta(b));
    java.util.Map<String, RunHistory.Entry> current = new java.util.TreeMap<>();
    // a's content was current at two gone paths: the one with the same relative path is taken.
    String fp = RunPlan.fingerprint("s");
    current.put(
        "/old/x/2024/a.txt",
        new RunHistory.Entry("/old/x/2024/a.txt", shaA, fp, EARLIER, "x/2024/a.txt"));
    current.put(
        "/old/2024/a.txt",
        new RunHistory.Entry("/old/2024/a.txt", shaA, fp, EARLIER, "2024/a.txt"));
    // b's content is current at a path that still exists: a copy, not a move.
    current.put("/kept/b.txt", new RunHistory.Entry("/kept/b.txt", shaB, fp, EARLIER, "b.txt"));
    // c's name was current at a gone path, with other content: c is new.
    current.put(
        "/old/2024/c.txt",
        new RunHistory.Entry("/old/2024/c.txt", "other", fp, EARLIER, "2024/c.txt"));
    RunPlan plan =
        RunPlan.of(
            List.of(meta(a), meta(b), meta(c)),
            List.of(dir.resolve("new") + "/*/*.txt"),
            current,
            "s",
            JobConfig.Mode.INCREMENTAL,
            p -> p.startsWith("/kept/"));
    java.util.Map<String, RunPlan.Decision> by = new java.util.TreeMap<>();
    plan.decisions()
        .forEach(d -> by.put(java.nio.file.Path.of(d.path()).getFileName().toString(), d));
    // The same content at a gone path: a move, not processed.
    assertEquals(RunPlan.MOVED, by.get("a.txt").change());
    assertEquals("/old/2024/a.txt", by.get("a.txt").movedFrom().sourcePath());
    assertEquals("2024/a.txt", by.get("a.txt").relativePath());
    assertEquals(RunPlan.NEW, by.get("b.txt").change());
    assertNull(by.get("b.txt").movedFrom());
    assertEquals(RunPlan.NEW, by.get("c.txt").change());
    assertNull(by.get("c.txt").movedFrom());
    // Two files with that content: each old entry is taken once.
    RunPlan same =
        RunPlan.of(
            List.of(meta(a), meta(a)),
            List.of(dir.resolve("new") + "/*/*.txt"),
            current,
            "s",
            JobConfig.Mode.INCREMENTAL,
            p -> false);
    assertEquals(
        List.of(RunPlan.MOVED, RunPlan.MOVED),
        same.decisions().stream().map(RunPlan.Decision::change).toList());
    assertEquals(
        java.util.Set.of("/old/2024/a.txt", "/old/x/2024/a.txt"),
        java.util.Set.copyOf(
            same.decisions().stream().map(d -> d.movedFrom().sourcePath()).toList()),
        "each old entry taken once");
    assertEquals(
        List.of(RunPlan.FULL, RunPlan.FULL, RunPlan.FULL),
        RunPlan.of(
                List.of(meta(a), meta(b), meta(c)),
                List.of(),
                current,
                "s",
                JobConfig.Mode.FULL,
                p -> false)
            .decisions()
            .stream()
            .map(RunPlan.Decision::change)
            .toList(),
        "no takeover in a full run");
  }

  private static org.apache.beam.sdk.io.fs.MatchResult.Metadata meta(java.nio.file.Path file)
      throws java.io.IOException {
    return org.apache.beam.sdk.io.fs.MatchResult.Metadata.builder()
        .setResourceId(org.apache.beam.sdk.io.FileSystems.matchNewResource(file.toString(), false))
        .setSizeBytes(java.nio.file.Files.size(file))
        .setIsReadSeekEfficient(true)
        .setLastModifiedMillis(0)
        .build();
  }
}
