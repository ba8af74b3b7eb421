package org.transcriptnlp.pipeline.runs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptnlp.pipeline.options.JobConfig;
import org.transcriptnlp.pipeline.options.TranscriptNlpOptions;
import org.transcriptnlp.tables.Table;

/**
 * What a run commits besides its rows: the rows it wrote counted per source file and table, its
 * outcome ({@link RunCommit.Report}), its manifest entries, the rows and entries they replace, and
 * its runs row.
 */
class RunCommitTest {
  private static final RunId FIRST = RunId.parse("20261201-120000-000-0a0b0c");
  private static final RunId RUN = RunId.parse("20261202-120000-000-0d0e0f");

  @TempDir Path dir;
  private Path in;
  private final Map<String, String> paths = new TreeMap<>();

  private String path(String name) {
    return paths.get(name);
  }

  @BeforeEach
  void files() throws Exception {
    in = Files.createDirectories(dir.resolve("in"));
    for (String name : List.of("a", "b", "c", "d", "e", "f", "g")) {
      Path p = Files.writeString(in.resolve(name + ".txt"), "Q: " + name + "?\nA: " + name + ".\n");
      paths.put(name, p.toString());
    }
  }

  private static MatchResult.Metadata meta(String path) throws Exception {
    return MatchResult.Metadata.builder()
        .setResourceId(FileSystems.matchNewResource(path, false))
        .setSizeBytes(Files.size(Path.of(path)))
        .setIsReadSeekEfficient(true)
        .setLastModifiedMillis(0)
        .build();
  }

  private static GenericRecord turn(String source, String transcript) {
    return RunTables.row(
        Table.TURNS,
        Map.of("source_path", source, "transcript_id", transcript, "run_id", RUN.value()));
  }

  private static GenericRecord reject(String source, String reason) {
    return RunTables.row(
        Table.REJECTS, Map.of("source_path", source, "reason", reason, "run_id", RUN.value()));
  }

  /** The run's files: a (turns in two files, an answer), b (a turn), c and d rejected. */
  private Map<Table, List<String>> runFiles(Warehouse w) {
    Map<Table, List<String>> files = new LinkedHashMap<>();
    files.put(
        Table.ANSWERS,
        List.of(
            RunTables.write(
                w,
                Table.ANSWERS,
                RUN,
                0,
                List.of(
                    RunTables.row(
                        Table.ANSWERS,
                        Map.of("source_path", path("a"), "transcript_id", "t-a"))))));
    files.put(
        Table.TURNS,
        List.of(
            RunTables.write(
                w,
                Table.TURNS,
                RUN,
                0,
                List.of(turn(path("a"), "t-a"), turn(path("a"), "t-a"), turn(path("b"), "t-b"))),
            RunTables.write(w, Table.TURNS, RUN, 1, List.of(turn(path("a"), "t-a")))));
    files.put(
        Table.REJECTS,
        List.of(
            RunTables.write(
                w,
                Table.REJECTS,
                RUN,
                0,
                List.of(reject(path("c"), "unreadable"), reject(path("d"), "empty")))));
    return files;
  }

  @Test
  void countsTheRowsOfTheRunsFilesPerSourceAndTable() {
    try (Warehouse w = Warehouse.open(dir.resolve("out").toString(), "hadoop")) {
      Map<Table, List<String>> files = runFiles(w);
      RunCommit.Counts c = RunCommit.count(files);
      assertArrayEquals(new long[] {1, 0, 0, 3, 0}, c.bySource().get(path("a")));
      assertArrayEquals(new long[] {0, 0, 0, 1, 0}, c.bySource().get(path("b")));
      assertArrayEquals(new long[] {0, 0, 0, 0, 1}, c.bySource().get(path("c")));
      assertEquals(Set.of(path("a"), path("b"), path("c"), path("d")), c.bySource().keySet());
      assertArrayEquals(new long[] {1, 0, 0, 4, 2}, c.totals());
      assertEquals(4, c.total(Table.TURNS));
      assertEquals(3, c.of(path("a"), Table.TURNS));
      assertEquals(0, c.of(path("e"), Table.TURNS), "a file without rows");
      assertEquals(Map.of(path("a"), "t-a", path("b"), "t-b"), c.transcriptIds());
      assertEquals(Set.of(path("c")), c.retry(), "unreadable may not happen again");
      List<String> all = new ArrayList<>();
      files.values().forEach(all::addAll);
      assertEquals(all, c.files());
      assertArrayEquals(new long[] {1, 0, 0, 2, 1}, c.filesPerTable());
      assertEquals(2, c.files(Table.TURNS));
      for (Table t : Table.PIPELINE) {
        assertEquals(0, RunCommit.Counts.NONE.total(t));
        assertEquals(0, RunCommit.Counts.NONE.files(t));
      }
    }
  }

  /**
   * The earlier run's entries: b with other content, e unchanged, and g's content under a path that
   * is gone.
   */
  private RunHistory history(Warehouse w, Map<String, String> sha) {
    RunTables.commitEntries(
        w,
        FIRST,
        RunTables.entry(path("b"), "old", FIRST),
        RunTables.entry(path("e"), sha.get("e"), FIRST),
        RunTables.entry("/gone/g.txt", sha.get("g"), FIRST));
    return RunHistory.read(w);
  }

  @Test
  void theReportTheManifestEntriesAndWhatTheyReplace() throws Exception {
    try (Warehouse w = Warehouse.open(dir.resolve("out").toString(), "hadoop")) {
      List<MatchResult.Metadata> matched = new ArrayList<>();
      Map<String, String> sha = new TreeMap<>();
      for (String name : paths.keySet()) {
        matched.add(meta(path(name)));
        sha.put(name, RunPlan.sha256(meta(path(name))));
      }
      RunHistory history = history(w, sha);
      RunPlan plan =
          RunPlan.of(
              matched,
              List.of(in + "/*.txt"),
              history.current(),
              RunTables.SETTINGS,
              JobConfig.Mode.INCREMENTAL,
              p -> !p.startsWith("/gone/"));
      RunCommit.Counts counts = RunCommit.count(runFiles(w));
      RunCommit.Report report = RunCommit.report(RUN, JobConfig.Mode.INCREMENTAL, plan, counts);
      // a, c, d, f new; b changed; e unchanged; g moved. c and d are rejected; f gave no row.
      assertEquals(
          new RunCommit.Report(
              RUN, JobConfig.Mode.INCREMENTAL, 7, 4, 1, 1, 1, 2, List.of(path("f")), counts),
          report);

      List<GenericRecord> entries = RunCommit.manifestRows(plan, report, history);
      Map<String, GenericRecord> by = new TreeMap<>();
      entries.forEach(e -> by.put(String.valueOf(e.get("source_path")), e));
      assertEquals(
          Set.of(path("a"), path("b"), path("c"), path("d"), path("g")),
          by.keySet(),
          "no entry for the unchanged e nor the unaccounted f");
      GenericRecord a = by.get(path("a"));
      assertEquals("new", a.get("change"));
      assertEquals("processed", a.get("status"));
      assertEquals(sha.get("a"), a.get("content_sha256"));
      assertEquals("t-a", a.get("transcript_id"));
      assertEquals("a.txt", a.get("relative_path"));
      assertEquals(RunTables.FINGERPRINT, a.get("settings_fingerprint"));
      assertEquals(RunCommit.pipelineVersion(), a.get("pipeline_version"));
      assertEquals(RUN.value(), a.get("run_id"));
      assertEquals(1L, a.get("answers"));
      assertEquals(3L, a.get("turns"));
      assertNull(a.get("moved_from"));
      assertEquals("content", by.get(path("b")).get("change"));
      assertEquals("rejected", by.get(path("c")).get("status"));
      assertEquals(RunPlan.UNREADABLE, by.get(path("c")).get("content_sha256"), "c is tried again");
      assertEquals("rejected", by.get(path("d")).get("status"));
      assertEquals(sha.get("d"), by.get(path("d")).get("content_sha256"), "d's reject is final");
      GenericRecord g = by.get(path("g"));
      assertEquals("moved", g.get("change"));
      assertEquals("/gone/g.txt", g.get("moved_from"));
      assertEquals(FIRST.value(), g.get("run_id"), "its rows were made by the first run");
      assertEquals(sha.get("g"), g.get("content_sha256"));
      assertEquals("g.txt", g.get("relative_path"));

      TableCommit.Replacement rows = RunCommit.rowsReplaced(plan, report);
      assertEquals(Set.of(path("a"), path("b"), path("c"), path("d")), rows.drop());
      assertEquals(Map.of("/gone/g.txt", path("g")), rows.moved());
      assertFalse(rows.all());
      assertEquals(Set.of(path("f")), rows.keep());
      TableCommit.Replacement replaced = RunCommit.entriesReplaced(plan, report);
      assertEquals(
          Set.of(path("a"), path("b"), path("c"), path("d"), path("g"), "/gone/g.txt"),
          replaced.drop());
      assertEquals(Map.of(), replaced.moved());
      assertTrue(
          RunCommit.rowsReplaced(plan, RunCommit.report(RUN, JobConfig.Mode.FULL, plan, counts))
              .all(),
          "a full run replaces every row");

      JobConfig config =
          JobConfig.from(
              PipelineOptionsFactory.fromArgs("--input=in/*.txt", "--output=out")
                  .as(TranscriptNlpOptions.class));
      Instant started = Instant.parse("2026-12-02T12:00:00Z");
      GenericRecord run = RunCommit.runRow(config, plan, report, started, 2.5, "DirectRunner");
      assertEquals(RUN.value(), run.get("run_id"));
      assertEquals("incremental", run.get("mode"));
      assertEquals(started.toEpochMilli(), run.get("started_at"));
      assertEquals(2.5, run.get("seconds"));
      assertEquals("in/*.txt", run.get("input"));
      assertEquals(
          List.of(7L, 4L, 1L, 1L, 1L, 2L),
          List.of(
              run.get("files_matched"),
              run.get("files_new"),
              run.get("files_changed"),
              run.get("files_unchanged"),
              run.get("files_moved"),
              run.get("files_rejected")));
      assertEquals(4L, run.get("turns"));
      assertEquals(2L, run.get("rejects"));
      assertEquals(config.settings(), run.get("settings"));
      assertEquals(plan.fingerprint(), run.get("settings_fingerprint"));
      assertEquals("DirectRunner", run.get("runner"));
    }
  }
}
