package org.transcriptnlp.pipeline.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptnlp.tables.Table;

/** What earlier runs left, read from the runs and manifest tables. */
class RunHistoryTest {
  private static final RunId FIRST = RunId.parse("20261201-120000-000-0a0b0c");
  private static final RunId SECOND = RunId.parse("20261202-120000-000-0d0e0f");

  @TempDir Path out;

  @Test
  void anOutputWithoutRunsHasNoHistory() {
    try (Warehouse w = Warehouse.open(out.toString(), "hadoop")) {
      RunHistory h = RunHistory.read(w);
      assertEquals(List.of(), h.committed());
      assertNull(h.last());
      assertEquals(Map.of(), h.current());
      assertNull(h.manifestRow("/in/a.txt"));
      assertNull(h.settingsOf(RunTables.FINGERPRINT));
    }
  }

  @Test
  void committedRunsInIdOrderAndEachFilesCurrentEntry() {
    try (Warehouse w = Warehouse.open(out.toString(), "hadoop")) {
      // The later run commits first: the history still lists the runs as they started.
      RunTables.commitEntries(
          w,
          SECOND,
          RunTables.entry("/in/b.txt", "sha-b2", SECOND),
          RunTables.entry("/in/c.txt", "sha-c", SECOND));
      RunTables.commitEntries(w, FIRST, RunTables.entry("/in/a.txt", "sha-a", FIRST));
      RunHistory h = RunHistory.read(w);
      assertEquals(
          List.of(
              new RunHistory.Committed(
                  FIRST, "incremental", RunTables.SETTINGS, RunTables.FINGERPRINT),
              new RunHistory.Committed(
                  SECOND, "incremental", RunTables.SETTINGS, RunTables.FINGERPRINT)),
          h.committed());
      assertEquals(SECOND, h.last());
      assertEquals(
          Map.of(
              "/in/a.txt",
              new RunHistory.Entry("/in/a.txt", "sha-a", RunTables.FINGERPRINT, FIRST, "rel/a.txt"),
              "/in/b.txt",
              new RunHistory.Entry(
                  "/in/b.txt", "sha-b2", RunTables.FINGERPRINT, SECOND, "rel/b.txt"),
              "/in/c.txt",
              new RunHistory.Entry(
                  "/in/c.txt", "sha-c", RunTables.FINGERPRINT, SECOND, "rel/c.txt")),
          h.current());
      assertEquals(
          List.of("/in/a.txt", "/in/b.txt", "/in/c.txt"),
          List.copyOf(h.current().keySet()),
          "by source path");
      assertEquals("sha-b2", h.manifestRow("/in/b.txt").getField("content_sha256"));
      assertEquals("processed", h.manifestRow("/in/b.txt").getField("status"));
      assertEquals(RunTables.SETTINGS, h.settingsOf(RunTables.FINGERPRINT));
      assertNull(h.settingsOf("0123456789abcdef"));
    }
  }

  @Test
  void aReplacedEntryIsNoLongerCurrentAndAnEntryWithoutRunHasNone() {
    try (Warehouse w = Warehouse.open(out.toString(), "hadoop")) {
      RunTables.commitEntries(
          w,
          FIRST,
          RunTables.entry("/in/a.txt", "sha-a", FIRST),
          RunTables.entry("/in/b.txt", "sha-b", FIRST));
      var old = RunTables.row(Table.MANIFEST, Map.of("source_path", "/in/b.txt"));
      old.put("content_sha256", "sha-b2");
      old.put("settings_fingerprint", "fp-old");
      old.put("run_id", null);
      RunTables.commitEntries(w, SECOND, old);
      RunHistory h = RunHistory.read(w);
      assertEquals(Set.of("/in/a.txt", "/in/b.txt"), h.current().keySet());
      assertEquals(
          new RunHistory.Entry("/in/b.txt", "sha-b2", "fp-old", null, null),
          h.current().get("/in/b.txt"),
          "the entry of the later run, without a run or a relative path");
      assertEquals(FIRST, h.current().get("/in/a.txt").run());
      assertEquals(2, h.committed().size());
    }
  }
}
