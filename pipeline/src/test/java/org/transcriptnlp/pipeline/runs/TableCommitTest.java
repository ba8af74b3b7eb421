package org.transcriptnlp.pipeline.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.generic.GenericRecord;
import org.apache.iceberg.Snapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptnlp.pipeline.options.JobConfig;
import org.transcriptnlp.tables.IcebergTables;
import org.transcriptnlp.tables.Table;

/**
 * A run's commit: one snapshot per table in order, the runs table last, copy-on-write replacement
 * of the rows its files replace, a conflict with another run rolled back, and its files deleted
 * only when nothing of it is current.
 */
class TableCommitTest {
  private static final RunId FIRST = RunId.parse("20261201-120000-000-0a0b0c");
  private static final RunId SECOND = RunId.parse("20261202-120000-000-0d0e0f");
  private static final RunId THIRD = RunId.parse("20261203-120000-000-101112");

  @TempDir Path out;

  private static List<GenericRecord> rows(Table t, RunId run, String... sources) {
    List<GenericRecord> rows = new ArrayList<>();
    for (String s : sources) {
      rows.add(RunTables.of(t, s, run));
    }
    return rows;
  }

  /** The first run: turns of a (2) and b (1) in one file, and a reject of c. */
  private static void first(Warehouse w) {
    RunTables.commit(
        w,
        FIRST,
        Map.of(
            Table.TURNS, rows(Table.TURNS, FIRST, "/a", "/a", "/b"),
            Table.REJECTS, rows(Table.REJECTS, FIRST, "/c")),
        TableCommit.Replacement.NONE,
        List.of(
            RunTables.entry("/a", "sha-a", FIRST),
            RunTables.entry("/b", "sha-b", FIRST),
            RunTables.entry("/c", "sha-c", FIRST)),
        w.snapshotIds(),
        false);
    w.refresh();
  }

  @Test
  void aRunCommitsEachTableInOrderWithItsSummaryTheRunsTableLast() {
    try (Warehouse w = Warehouse.open(out.toString(), "hadoop")) {
      first(w);
      for (String key :
          List.of(
              IcebergTables.RUN_ID,
              IcebergTables.SETTINGS_FINGERPRINT,
              IcebergTables.PIPELINE_VERSION,
              IcebergTables.MODE,
              IcebergTables.FILES_PROCESSED)) {
        Map<Table, String> by = RunTables.summaries(w, key);
        assertEquals(Set.of(Table.values()), by.keySet(), "every table has a snapshot: " + key);
      }
      assertEquals(
          Set.of(FIRST.value()), Set.copyOf(RunTables.summaries(w, IcebergTables.RUN_ID).values()));
      assertEquals("3", RunTables.summaries(w, IcebergTables.ROWS_ADDED).get(Table.TURNS));
      assertEquals("0", RunTables.summaries(w, IcebergTables.ROWS_ADDED).get(Table.ANSWERS));
      assertEquals("1", RunTables.summaries(w, IcebergTables.ROWS_ADDED).get(Table.RUNS));
      assertEquals("incremental", RunTables.summaries(w, IcebergTables.MODE).get(Table.RUNS));
      assertEquals(
          List.of("/a@" + FIRST, "/a@" + FIRST, "/b@" + FIRST), RunTables.current(w, Table.TURNS));
      assertEquals(List.of("/c@" + FIRST), RunTables.current(w, Table.REJECTS));
      long previous = Long.MIN_VALUE;
      for (Table t : Table.values()) {
        long at = w.table(t).currentSnapshot().timestampMillis();
        assertTrue(at >= previous, t.folder() + " committed after the table before it");
        previous = at;
      }
      // A later run that changes no row of a table leaves it alone (its snapshot stays).
      Map<Table, Long> before = w.snapshotIds();
      RunTables.commitEntries(w, SECOND);
      for (Table t : Table.PIPELINE) {
        assertEquals(before.get(t), w.snapshotIds().get(t), t.folder());
      }
      assertFalse(before.get(Table.RUNS).equals(w.snapshotIds().get(Table.RUNS)));
      assertEquals(
          List.of(FIRST, SECOND),
          RunHistory.read(w).committed().stream().map(RunHistory.Committed::id).toList());
    }
  }

  @Test
  void replacedRowsGoCopyOnWriteAndMovedRowsAreRewrittenUnderTheirNewPath() {
    try (Warehouse w = Warehouse.open(out.toString(), "hadoop")) {
      first(w);
      String firstTurns = w.currentFiles(Table.TURNS).get(0);
      // b changed (its rows go, new ones come) and a moved to /a2 (its rows are kept, renamed).
      TableCommit.Replacement r =
          new TableCommit.Replacement(Set.of("/b"), Map.of("/a", "/a2"), false, Set.of());
      String newTurns = RunTables.write(w, Table.TURNS, SECOND, 0, rows(Table.TURNS, SECOND, "/b"));
      TableCommit.Change c = TableCommit.prepare(w, Table.TURNS, SECOND, List.of(newTurns), r);
      assertEquals(Table.TURNS, c.table());
      assertEquals(1, c.rowsAdded());
      assertEquals(1, c.rowsDropped(), "b's old row; a's two rows are kept");
      assertEquals(1, c.filesRewritten());
      assertEquals(
          List.of(firstTurns),
          c.deletes().stream().map(f -> Warehouse.beamPath(f.location())).toList());
      assertEquals(2, c.adds().size());
      String rewrite = Warehouse.beamPath(c.adds().get(1).location());
      assertTrue(rewrite.startsWith(w.runFolder(Table.TURNS, SECOND) + "/rewrite-00000-"), rewrite);
      assertEquals(2, c.adds().get(1).recordCount());
      // The rejects file holds only c: nothing of it changes.
      TableCommit.Change rejects = TableCommit.prepare(w, Table.REJECTS, SECOND, List.of(), r);
      assertTrue(rejects.isEmpty());
      TableCommit.commit(
          w,
          List.of(c, rejects),
          w.snapshotIds(),
          TableCommit.summary(SECOND, "fp", "test", JobConfig.Mode.INCREMENTAL, 1),
          SECOND,
          false);
      assertEquals(
          List.of("/a2@" + FIRST, "/a2@" + FIRST, "/b@" + SECOND),
          RunTables.current(w, Table.TURNS),
          "a's rows keep their run under the new path");
      Snapshot s = w.table(Table.TURNS).currentSnapshot();
      assertEquals("1", s.summary().get("transcript-nlp.rows-replaced"));
      assertEquals("1", s.summary().get("transcript-nlp.files-rewritten"));
      assertEquals(List.of("/c@" + FIRST), RunTables.current(w, Table.REJECTS));
    }
  }

  @Test
  void aFullReplacementKeepsOnlyTheRowsOfTheKeptPaths() {
    try (Warehouse w = Warehouse.open(out.toString(), "hadoop")) {
      first(w);
      TableCommit.Change all =
          TableCommit.prepare(
              w,
              Table.TURNS,
              SECOND,
              List.of(),
              new TableCommit.Replacement(Set.of(), Map.of(), true, Set.of()));
      assertEquals(3, all.rowsDropped());
      assertEquals(0, all.filesRewritten(), "every row goes: the file is dropped, not read");
      assertEquals(List.of(), all.adds());
      TableCommit.Change keep =
          TableCommit.prepare(
              w,
              Table.TURNS,
              SECOND,
              List.of(),
              new TableCommit.Replacement(Set.of(), Map.of(), true, Set.of("/b")));
      assertEquals(2, keep.rowsDropped());
      assertEquals(1, keep.filesRewritten());
      assertEquals(1, keep.adds().get(0).recordCount());
    }
  }

  @Test
  void replacementFates() {
    TableCommit.Replacement some =
        new TableCommit.Replacement(Set.of("/b"), Map.of("/a", "/a2"), false, Set.of());
    assertEquals("/a2", some.fate("/a"));
    assertNull(some.fate("/b"));
    assertEquals("/c", some.fate("/c"));
    assertTrue(some.touchesAnything());
    TableCommit.Replacement all =
        new TableCommit.Replacement(Set.of(), Map.of(), true, Set.of("/k"));
    assertNull(all.fate("/c"));
    assertEquals("/k", all.fate("/k"));
    assertFalse(TableCommit.Replacement.NONE.touchesAnything());
    assertEquals("/c", TableCommit.Replacement.NONE.fate("/c"));
  }

  @Test
  void aRunThatLosesARaceRollsBackWhatItCommittedAndDeletesItsFiles() {
    try (Warehouse w = Warehouse.open(out.toString(), "hadoop")) {
      first(w);
      Map<Table, Long> bases = w.snapshotIds(); // both runs read these
      // The loser commits answers (nobody else does) and then turns, which the winner changed.
      List<TableCommit.Change> loser =
          RunTables.prepare(
              w,
              THIRD,
              Map.of(
                  Table.ANSWERS, rows(Table.ANSWERS, THIRD, "/d"),
                  Table.TURNS, rows(Table.TURNS, THIRD, "/d")),
              TableCommit.Replacement.NONE,
              List.of(RunTables.entry("/d", "sha-d", THIRD)));
      RunTables.commit(
          w,
          SECOND,
          Map.of(Table.TURNS, rows(Table.TURNS, SECOND, "/e")),
          TableCommit.Replacement.NONE,
          List.of(RunTables.entry("/e", "sha-e", SECOND)),
          bases,
          false);
      w.refresh();
      Map<Table, Long> winner = w.snapshotIds();
      TableCommit.Conflict e =
          assertThrows(
              TableCommit.Conflict.class,
              () ->
                  TableCommit.commit(
                      w,
                      loser,
                      bases,
                      TableCommit.summary(THIRD, "fp", "test", JobConfig.Mode.INCREMENTAL, 1),
                      THIRD,
                      false));
      assertEquals(
          "another run committed to "
              + out
              + " while this one ran (table turns): nothing of run "
              + THIRD
              + " is visible; run again",
          e.getMessage());
      w.refresh();
      assertEquals(winner, w.snapshotIds(), "its answers commit rolled back, runs never reached");
      assertEquals(List.of(), RunTables.current(w, Table.ANSWERS));
      assertEquals(
          List.of("/a@" + FIRST, "/a@" + FIRST, "/b@" + FIRST, "/e@" + SECOND),
          RunTables.current(w, Table.TURNS));
      assertEquals(2, RunHistory.read(w).committed().size());
      String folder = w.runFolder(Table.ANSWERS, THIRD);
      assertTrue(Files.exists(Path.of(folder)));
      TableCommit.deleteRunFiles(w, THIRD);
      for (Table t : Table.values()) {
        assertFalse(Files.exists(Path.of(w.runFolder(t, THIRD))), t.folder());
        assertTrue(Files.exists(Path.of(w.runFolder(Table.RUNS, SECOND))), "the winner's stay");
      }
    }
  }

  @Test
  void twoRunsThatChangeNoRowBothCommit() {
    try (Warehouse w = Warehouse.open(out.toString(), "hadoop")) {
      first(w);
      Map<Table, Long> bases = w.snapshotIds();
      RunTables.commit(w, SECOND, Map.of(), TableCommit.Replacement.NONE, List.of(), bases, false);
      RunTables.commit(w, THIRD, Map.of(), TableCommit.Replacement.NONE, List.of(), bases, false);
      assertEquals(
          List.of(FIRST, SECOND, THIRD),
          RunHistory.read(w).committed().stream().map(RunHistory.Committed::id).toList());
    }
  }

  @Test
  void aRunsFilesAreKeptWhileATablesCurrentSnapshotIsItsAndRolledBackByUndo() {
    try (Warehouse w = Warehouse.open(out.toString(), "hadoop")) {
      first(w);
      // A run killed after its answers commit: the answers table's current snapshot is its.
      List<TableCommit.Change> killed =
          RunTables.prepare(
              w,
              SECOND,
              Map.of(Table.ANSWERS, rows(Table.ANSWERS, SECOND, "/d")),
              TableCommit.Replacement.NONE,
              List.of());
      TableCommit.commit(
          w,
          killed.subList(0, 1),
          w.snapshotIds(),
          TableCommit.summary(SECOND, "fp", "test", JobConfig.Mode.INCREMENTAL, 1),
          SECOND,
          false);
      Path answers = Path.of(w.runFolder(Table.ANSWERS, SECOND));
      TableCommit.deleteRunFiles(w, SECOND);
      assertTrue(Files.exists(answers), "the committed file stays");
      assertTrue(Files.exists(Path.of(w.runFolder(Table.RUNS, SECOND))), "and every other");
      assertEquals(List.of("/d@" + SECOND), RunTables.current(w, Table.ANSWERS));
      // Rolled back (its snapshot's parent is the first run's).
      TableCommit.rollBack(w, List.of(Table.ANSWERS, Table.TURNS), SECOND);
      assertEquals(List.of(), RunTables.current(w, Table.ANSWERS));
      assertEquals(
          FIRST.value(),
          w.table(Table.ANSWERS).currentSnapshot().summary().get(IcebergTables.RUN_ID));
      TableCommit.deleteRunFiles(w, SECOND);
      assertFalse(Files.exists(answers));
    }
  }

  @Test
  void undoingATablesFirstSnapshotLeavesItEmpty() {
    try (Warehouse w = Warehouse.open(out.toString(), "hadoop")) {
      first(w);
      org.apache.iceberg.Table turns = w.table(Table.TURNS);
      Snapshot s = turns.currentSnapshot();
      assertNull(s.parentId());
      TableCommit.undo(turns, s);
      turns.refresh();
      assertEquals(List.of(), RunTables.current(w, Table.TURNS));
      assertEquals("rollback", turns.currentSnapshot().summary().get(IcebergTables.MODE));
    }
  }
}
