package org.transcriptnlp.pipeline.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptnlp.pipeline.options.UsageException;
import org.transcriptnlp.tables.Table;

/**
 * The tables of an output: created on the first open, refused where there are none or where the
 * layout before Iceberg is, each run's folder, and the files of the current snapshots.
 */
class WarehouseTest {
  private static final RunId RUN = RunId.parse("20261201-120000-000-0a0b0c");

  @TempDir Path dir;

  @Test
  void openCreatesEveryTableWithoutASnapshot() {
    Path out = dir.resolve("out");
    try (Warehouse w = Warehouse.open(out.toString(), "hadoop")) {
      assertEquals(out.toString(), w.output());
      Map<Table, Long> ids = w.snapshotIds();
      assertEquals(Arrays.asList(Table.values()), List.copyOf(ids.keySet()));
      assertTrue(ids.values().stream().allMatch(id -> id == null), ids.toString());
      for (Table t : Table.values()) {
        assertTrue(w.has(t));
        assertEquals(List.of(), w.currentFiles(t));
        assertEquals(List.of(), w.rows(t));
        assertTrue(
            Files.isDirectory(out.resolve("transcripts").resolve(t.folder()).resolve("metadata")),
            t.folder());
      }
    }
  }

  @Test
  void existingRefusesAnOutputWithoutTablesAndCreatesNone() {
    Path out = dir.resolve("empty");
    UsageException e =
        assertThrows(UsageException.class, () -> Warehouse.existing(out.toString(), "hadoop"));
    assertEquals(
        "--output=" + out + " holds no tables of transcript-nlp (no run has committed there)",
        e.getMessage());
    assertFalse(Files.exists(out.resolve("transcripts/answers")));
    Warehouse.open(out.toString(), "").close(); // "": the Hadoop catalog too
    try (Warehouse w = Warehouse.existing(out.toString(), "hadoop")) {
      assertEquals(Arrays.asList(Table.values()), List.copyOf(w.snapshotIds().keySet()));
    }
  }

  @Test
  void theLayoutBeforeIcebergIsRefused() throws Exception {
    Path out = dir.resolve("old");
    Path part = out.resolve("runs/run_date=2026-01-01/run_id=abc/part-0.parquet");
    Files.createDirectories(part.getParent());
    Files.writeString(part, "old");
    for (boolean existing : new boolean[] {false, true}) {
      UsageException e =
          assertThrows(
              UsageException.class,
              () ->
                  (existing
                          ? Warehouse.existing(out.toString(), "hadoop")
                          : Warehouse.open(out.toString(), "hadoop"))
                      .close());
      assertEquals(
          "--output="
              + out
              + " holds tables of the layout before Iceberg (run_date=/run_id= folders): give a"
              + " new --output (and delete the old one once you no longer need it)",
          e.getMessage());
    }
    assertFalse(Files.exists(out.resolve("transcripts")), "no table was created beside them");
  }

  @Test
  void aRunsFolderAndItsFilesUnderAnOutputWithGlobCharacters() throws Exception {
    Path out = dir.resolve("out [1]*");
    try (Warehouse w = Warehouse.open(out.toString(), "hadoop")) {
      String folder = w.runFolder(Table.TURNS, RUN);
      assertEquals(
          out.resolve("transcripts/turns/data/run-" + RUN.value()).toAbsolutePath().toString(),
          folder);
      assertEquals(List.of(), w.runFiles(Table.TURNS, RUN), "nothing written yet");
      String second =
          RunTables.write(w, Table.TURNS, RUN, 1, List.of(RunTables.of(Table.TURNS, "/b", RUN)));
      String first =
          RunTables.write(w, Table.TURNS, RUN, 0, List.of(RunTables.of(Table.TURNS, "/a", RUN)));
      Files.writeString(Path.of(folder, ".part-00002.parquet"), "in progress");
      Files.writeString(Path.of(folder, "notes.txt"), "not a data file");
      assertEquals(List.of(first, second), w.runFiles(Table.TURNS, RUN));
      assertTrue(first.startsWith(folder + "/part-00000-"), first);
      assertEquals(List.of(), w.runFiles(Table.ANSWERS, RUN), "per table");
    }
  }

  @Test
  void currentFilesAreTheCurrentSnapshotsFilesAsBeamPaths() {
    Path out = dir.resolve("out");
    try (Warehouse w = Warehouse.open(out.toString(), "hadoop");
        Warehouse other = Warehouse.open(out.toString(), "hadoop")) {
      Map<Table, Long> before = w.snapshotIds();
      RunTables.commit(
          other,
          RUN,
          Map.of(Table.TURNS, List.of(RunTables.of(Table.TURNS, "/in/a.txt", RUN))),
          TableCommit.Replacement.NONE,
          List.of(RunTables.entry("/in/a.txt", "sha-a", RUN)),
          before,
          false);
      assertEquals(before, w.snapshotIds(), "another warehouse's commits: seen after refresh");
      assertEquals(List.of(), w.currentFiles(Table.TURNS));
      w.refresh();
      for (Table t : Table.values()) {
        assertNotNull(w.snapshotIds().get(t), t.folder() + " has a snapshot");
      }
      List<String> turns = w.currentFiles(Table.TURNS);
      assertEquals(1, turns.size());
      assertTrue(
          turns.get(0).startsWith(w.runFolder(Table.TURNS, RUN) + "/part-00000-"), turns.get(0));
      assertEquals(List.of(), w.currentFiles(Table.ANSWERS), "an empty snapshot: no file");
      assertEquals(1, w.rows(Table.RUNS).size());
      assertEquals(RUN.value(), w.rows(Table.RUNS).get(0).getField("run_id"));
    }
  }

  @Test
  void beamPathsDropTheFileScheme() {
    assertEquals("/x/y.parquet", Warehouse.beamPath("file:///x/y.parquet"));
    assertEquals("/x/y.parquet", Warehouse.beamPath("file:/x/y.parquet"));
    assertEquals("/x/y.parquet", Warehouse.beamPath("/x/y.parquet"));
    assertEquals("hdfs://nn:8020/x", Warehouse.beamPath("hdfs://nn:8020/x"));
  }
}
