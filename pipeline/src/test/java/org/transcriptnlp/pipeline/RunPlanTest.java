package org.transcriptnlp.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which files a run processes, and run ids: plain logic, no pipeline. */
class RunPlanTest {
  private static final RunId EARLIER = RunId.parse("20261128-030000-000-0a0b0c");
  private static final RunHistory.Entry SEEN = new RunHistory.Entry("/a/x.txt", "sha-1", "fp-1", EARLIER);

  @Test
  void incrementalProcessesNewChangedAndResettledFilesOnly() {
    JobConfig.Mode inc = JobConfig.Mode.INCREMENTAL;
    assertEquals(RunPlan.NEW, RunPlan.decide("sha-1", "fp-1", null, inc));
    assertNull(RunPlan.decide("sha-1", "fp-1", SEEN, inc), "same bytes, same settings: not processed");
    assertEquals(RunPlan.CONTENT, RunPlan.decide("sha-2", "fp-1", SEEN, inc));
    assertEquals(RunPlan.CONTENT, RunPlan.decide("sha-2", "fp-2", SEEN, inc), "content first when both changed");
    assertEquals(RunPlan.SETTINGS, RunPlan.decide("sha-1", "fp-2", SEEN, inc));
    assertEquals(RunPlan.CONTENT, RunPlan.decide(RunPlan.UNREADABLE, "fp-1",
        new RunHistory.Entry("/a/x.txt", RunPlan.UNREADABLE, "fp-1", EARLIER), inc), "an unreadable file is tried again");
  }

  @Test
  void fullProcessesEveryFile() {
    assertEquals(RunPlan.FULL, RunPlan.decide("sha-1", "fp-1", SEEN, JobConfig.Mode.FULL));
    assertEquals(RunPlan.FULL, RunPlan.decide("sha-1", "fp-1", null, JobConfig.Mode.FULL));
  }

  @Test
  void fingerprintsDifferWithTheSettings() {
    assertEquals(16, RunPlan.fingerprint("a=1").length());
    assertEquals(RunPlan.fingerprint("a=1"), RunPlan.fingerprint("a=1"));
    assertFalse(RunPlan.fingerprint("a=1").equals(RunPlan.fingerprint("a=2")));
  }

  @Test
  void runIdsSortAsRunsStartedEvenWhenTheClockGoesBack() {
    RunId first = RunId.next(Instant.parse("2026-11-29T03:00:00.123Z"), null);
    assertTrue(first.value().startsWith("20261129-030000-123-"), first.value());
    assertEquals("2026-11-29", first.date());
    assertEquals(first, RunId.parse(first.value()));
    RunId sameMilli = RunId.next(Instant.parse("2026-11-29T03:00:00.123Z"), first);
    assertTrue(sameMilli.compareTo(first) > 0, sameMilli + " after " + first);
    RunId clockBack = RunId.next(Instant.parse("2026-11-28T23:00:00Z"), sameMilli);
    assertTrue(clockBack.compareTo(sameMilli) > 0, clockBack + " after " + sameMilli);
    assertEquals("20261129-030000-125", clockBack.value().substring(0, 19));
    RunId later = RunId.next(Instant.parse("2026-11-30T00:00:00Z"), clockBack);
    assertEquals("2026-11-30", later.date());
  }

  @Test
  void onlyRunIdsAreRunIds() {
    assertTrue(RunId.isRunId("20261129-030000-123-abcdef"));
    assertFalse(RunId.isRunId("20261129-030000-123"));
    assertFalse(RunId.isRunId("20261399-030000-123-abcdef"), "no 99th of the 13th month");
    assertFalse(RunId.isRunId("../../etc"));
    assertFalse(RunId.isRunId(null));
    assertThrows(IllegalArgumentException.class, () -> RunId.parse("run-1"));
  }

  @Test
  void aFilesRelativePathIsTakenFromTheBaseOfItsGlob() {
    assertEquals("/data/archive/2024", InputBase.base("/data/archive/2024/*.txt"));
    assertEquals("/data/archive", InputBase.base("/data/archive/*/*.txt"));
    assertEquals("/data/archive", InputBase.base("/data/archive/x.txt"), "a plain file: its folder");
    assertEquals("hdfs://nn:8020/archive", InputBase.base("hdfs://nn:8020/archive/**"));
    assertEquals(java.nio.file.Path.of("samples").toAbsolutePath().toString(), InputBase.base("samples/*"));
    List<String> globs = List.of("/mnt/new/archive/*/*.txt", "/other/*.md");
    assertEquals("2024/a.txt", InputBase.relative("/mnt/new/archive/2024/a.txt", globs));
    assertEquals("b.md", InputBase.relative("/other/b.md", globs));
    assertEquals("c.txt", InputBase.relative("/elsewhere/c.txt", globs), "outside every base: the file name");
  }
}
