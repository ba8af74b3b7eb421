package org.transcriptnlp.pipeline.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A run id's format, parsing, refusal and order. */
class RunIdTest {
  @Test
  void parseReadsTheStartTimeInUtcToTheMillisecond() {
    RunId id = RunId.parse("20261129-030405-678-0a1b2c");
    assertEquals(Instant.parse("2026-11-29T03:04:05.678Z"), id.started());
    assertEquals("20261129-030405-678-0a1b2c", id.value());
    assertEquals("20261129-030405-678-0a1b2c", id.toString());
    assertEquals("2026-11-29", id.date());
    assertEquals(new RunId("20261129-030405-678-0a1b2c", id.started()), id);
  }

  @Test
  void nextIsNowInUtcTruncatedToTheMillisecondThenSixHexDigits() {
    RunId id = RunId.next(Instant.parse("2026-01-02T23:59:58.999999999Z"), null);
    assertEquals(Instant.parse("2026-01-02T23:59:58.999Z"), id.started());
    assertTrue(id.value().matches("20260102-235958-999-[0-9a-f]{6}"), id.value());
    assertEquals(id, RunId.parse(id.value()), "an id parses back to itself");
  }

  @Test
  void nextIsOneMillisecondAfterALastRunThatStartedLater() {
    RunId last = RunId.parse("20270101-000000-999-ffffff");
    RunId id = RunId.next(Instant.parse("2026-06-01T00:00:00Z"), last);
    assertEquals(Instant.parse("2027-01-01T00:00:01.000Z"), id.started());
    assertTrue(id.value().startsWith("20270101-000001-000-"), id.value());
    assertTrue(id.compareTo(last) > 0);
  }

  @Test
  void refusesWhatIsNotARunId() {
    for (String bad :
        new String[] {
          "",
          "run-1",
          "20261129-030405-678",
          "20261129-030405-678-0A1B2C",
          "20261129-030405-678-0a1b2",
          " 20261129-030405-678-0a1b2c",
          "20261129-030405-678-0a1b2c/..",
          "2026112-0304050-678-0a1b2c"
        }) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> RunId.parse(bad), bad);
      assertEquals("not a run id: '" + bad + "'", e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> new RunId(bad, Instant.EPOCH), bad);
    }
    assertEquals(
        "not a run id: 'null'",
        assertThrows(IllegalArgumentException.class, () -> RunId.parse(null)).getMessage());
    assertThrows(
        DateTimeException.class,
        () -> RunId.parse("20261329-030405-678-0a1b2c"),
        "the pattern, but no 13th month");
  }

  @Test
  void idsSortByTheirValueWhichIsTheirStart() {
    List<RunId> ids = new ArrayList<>();
    ids.add(RunId.parse("20261129-030405-678-ffffff"));
    ids.add(RunId.parse("20251231-235959-999-000000"));
    ids.add(RunId.parse("20261129-030405-678-000001"));
    ids.add(RunId.parse("20261129-030405-679-000000"));
    ids.sort(null);
    assertEquals(
        List.of(
            "20251231-235959-999-000000",
            "20261129-030405-678-000001",
            "20261129-030405-678-ffffff",
            "20261129-030405-679-000000"),
        ids.stream().map(RunId::value).toList());
    assertNotEquals(
        RunId.parse("20261129-030405-678-000001"), RunId.parse("20261129-030405-678-ffffff"));
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
}
