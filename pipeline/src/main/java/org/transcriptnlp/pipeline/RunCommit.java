package org.transcriptnlp.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.transcriptnlp.beam.WriteTable;
import org.transcriptnlp.tables.FilePlan;
import org.transcriptnlp.tables.ParquetFiles;
import org.transcriptnlp.tables.Table;

/**
 * Commits a run: counts the rows it wrote per source file and table, writes its manifest entries,
 * then its {@code runs} row. The runs row is written last and whole (under a hidden name, then
 * renamed): until it exists the run's partitions are not current, and the next run deletes them.
 * So a run killed at any point leaves either all of its rows current or none of them.
 */
final class RunCommit {
  private RunCommit() {}

  /** Rows a run wrote, per source file and table ({@link Table#PIPELINE} order), read back from its files. */
  record Counts(Map<String, long[]> bySource, Map<String, String> transcriptIds, long[] totals,
      Set<String> retry, List<String> files, long[] filesPerTable) {
    static final Counts NONE = new Counts(Map.of(), Map.of(), new long[Table.PIPELINE.size()], Set.of(), List.of(),
        new long[Table.PIPELINE.size()]);

    /** The run's files of a table. */
    long files(Table table) {
      return filesPerTable[Table.PIPELINE.indexOf(table)];
    }

    long of(String source, Table table) {
      long[] c = bySource.get(source);
      return c == null ? 0 : c[Table.PIPELINE.indexOf(table)];
    }

    long total(Table table) {
      return totals[Table.PIPELINE.indexOf(table)];
    }
  }

  /** The run's outcome: what the runs row holds, and the files that are in no table. */
  record Report(RunId run, JobConfig.Mode mode, long matched, long added, long changed, long unchanged,
      long moved, long rejected, List<String> unaccounted, Counts counts) {}

  /** Reads the source_path column of each table's files in the run's partition and counts. */
  static Counts count(String output, RunId run) {
    Map<String, long[]> bySource = new TreeMap<>();
    Map<String, String> ids = new HashMap<>();
    Set<String> retry = new TreeSet<>();
    List<String> files = new ArrayList<>();
    long[] totals = new long[Table.PIPELINE.size()];
    long[] filesPerTable = new long[Table.PIPELINE.size()];
    for (int t = 0; t < Table.PIPELINE.size(); t++) {
      Table table = Table.PIPELINE.get(t);
      final int index = t;
      // The rejects table has no transcript_id (a file may be rejected before it is read) but a reason.
      final boolean rejects = table == Table.REJECTS;
      Schema projection = rejects
          ? ParquetFiles.projection(table, "source_path", "reason")
          : ParquetFiles.projection(table, "source_path", "transcript_id");
      try {
        for (ResourceId f : OutputFolder.tableFiles(OutputFolder.partition(output, table, run))) {
          files.add(f.toString());
          filesPerTable[index]++;
          ParquetFiles.read(f, projection, row -> {
            String source = String.valueOf(row.get("source_path"));
            bySource.computeIfAbsent(source, s -> new long[Table.PIPELINE.size()])[index]++;
            totals[index]++;
            if (rejects) {
              if (TRANSIENT.contains(String.valueOf(row.get("reason")))) {
                retry.add(source);
              }
            } else if (row.get("transcript_id") != null) {
              ids.putIfAbsent(source, String.valueOf(row.get("transcript_id")));
            }
          });
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read back the run's " + table.folder() + " files: " + e.getMessage(), e);
      }
    }
    return new Counts(bySource, ids, totals, retry, List.copyOf(files), filesPerTable);
  }

  /**
   * Reject reasons that may not happen again (an I/O error while reading): the file's manifest
   * entry records no hash ({@link RunPlan#UNREADABLE}), so the next run processes it again.
   */
  static final Set<String> TRANSIENT = Set.of("unreadable");

  /**
   * The run's outcome from its plan and counts. A processed file is {@code processed} when it gave
   * turns, {@code rejected} when it gave none but has rejects rows, and unaccounted otherwise (it
   * gets no manifest entry, so the next run processes it again).
   */
  static Report report(RunId run, JobConfig.Mode mode, RunPlan plan, Counts counts) {
    long rejected = 0;
    List<String> unaccounted = new ArrayList<>();
    for (RunPlan.Decision d : plan.processed()) {
      if (counts.of(d.path(), Table.TURNS) > 0) {
        continue;
      }
      if (counts.of(d.path(), Table.REJECTS) > 0) {
        rejected++;
      } else {
        unaccounted.add(d.path());
      }
    }
    long changed = plan.count(RunPlan.CONTENT) + plan.count(RunPlan.SETTINGS) + plan.count(RunPlan.REPAIR);
    long added = plan.count(RunPlan.NEW) + plan.count(RunPlan.FULL);
    return new Report(run, mode, plan.decisions().size(), added, changed, plan.unchanged(), plan.moved().size(), rejected,
        List.copyOf(unaccounted), counts);
  }

  /** Writes the manifest entries (if the run processed any file), then the runs row: the commit. */
  static void commit(String output, JobConfig config, RunPlan plan, Report report, Instant started,
      double seconds, String runner) {
    String settings = config.settings();
    String fingerprint = plan.fingerprint();
    String version = pipelineVersion();
    RunId run = report.run();
    Schema manifest = Table.MANIFEST.schema();
    List<GenericRecord> entries = new ArrayList<>();
    Counts c = report.counts();
    for (RunPlan.Decision d : plan.decisions()) {
      if (d.change() == null || report.unaccounted().contains(d.path())) {
        continue;
      }
      GenericRecord r = new GenericData.Record(manifest);
      r.put("source_path", d.path());
      r.put("content_sha256", c.retry().contains(d.path()) ? RunPlan.UNREADABLE : d.sha256());
      r.put("size_bytes", d.file().sizeBytes());
      r.put("transcript_id", c.transcriptIds().get(d.path()));
      r.put("change", d.change());
      r.put("status", c.of(d.path(), Table.TURNS) > 0 ? "processed" : "rejected");
      r.put("settings_fingerprint", fingerprint);
      r.put("pipeline_version", version);
      r.put("relative_path", d.relativePath());
      r.put("moved_from", d.movedFrom() == null ? null : d.movedFrom().sourcePath());
      for (Table t : Table.PIPELINE) {
        r.put(t.folder(), c.of(d.path(), t));
      }
      entries.add(r);
    }
    for (RunPlan.Decision d : plan.movedFrom()) {
      if (report.unaccounted().contains(d.path())) {
        continue; // the file at its new path is processed again next run; its old path stays as it was
      }
      // The old path: nothing is current under it any more.
      RunHistory.Entry old = d.movedFrom();
      GenericRecord r = new GenericData.Record(manifest);
      r.put("source_path", old.sourcePath());
      r.put("content_sha256", old.sha256());
      r.put("size_bytes", 0L);
      r.put("transcript_id", null);
      r.put("change", RunPlan.MOVED);
      r.put("status", RunHistory.MOVED);
      r.put("settings_fingerprint", old.settingsFingerprint());
      r.put("pipeline_version", version);
      r.put("relative_path", old.relativePath());
      r.put("moved_from", null);
      for (Table t : Table.PIPELINE) {
        r.put(t.folder(), 0L);
      }
      entries.add(r);
    }
    if (!entries.isEmpty()) {
      writeWhole(output, Table.MANIFEST, run, entries);
    }
    HaltPoint.reach("manifest-written");
    checkUnchanged(output, run, report.counts());
    GenericRecord row = new GenericData.Record(Table.RUNS.schema());
    row.put("mode", report.mode().value());
    row.put("started_at", started.toEpochMilli());
    row.put("finished_at", Instant.now().toEpochMilli());
    row.put("seconds", seconds);
    row.put("input", String.join(",", config.patterns()));
    row.put("files_matched", report.matched());
    row.put("files_new", report.added());
    row.put("files_changed", report.changed());
    row.put("files_unchanged", report.unchanged());
    row.put("files_moved", report.moved());
    row.put("files_rejected", report.rejected());
    for (Table t : Table.PIPELINE) {
      row.put(t.folder(), report.counts().total(t));
    }
    row.put("settings", settings);
    row.put("settings_fingerprint", fingerprint);
    row.put("pipeline_version", version);
    row.put("runner", runner);
    writeWhole(output, Table.RUNS, run, List.of(row));
  }

  /**
   * The run's table files are still those it counted. On a local output the run lock guarantees
   * it; on other file systems nothing stops a second, overlapping run from deleting this run's
   * partitions as those of a crashed run, and the commit would then record rows that are gone.
   */
  private static void checkUnchanged(String output, RunId run, Counts counts) {
    List<String> now = new ArrayList<>();
    try {
      for (Table t : Table.PIPELINE) {
        OutputFolder.tableFiles(OutputFolder.partition(output, t, run)).forEach(f -> now.add(f.toString()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the run's table files before its commit: " + e.getMessage(), e);
    }
    if (!now.equals(counts.files())) {
      throw new IllegalStateException("the run's table files changed before its commit (another run on the same output?): "
          + "not committed; run again");
    }
  }

  private static void writeWhole(String output, Table table, RunId run, List<GenericRecord> rows) {
    String name = WriteTable.tagged(FilePlan.name(0, 1), run.value());
    ResourceId file = FileSystems.matchNewResource(WriteTable.folder(OutputFolder.partition(output, table, run), name), false);
    try {
      ParquetFiles.writeWhole(table, file, rows);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the " + table.folder() + " table: " + e.getMessage(), e);
    }
  }

  private static volatile Properties build;

  /** What Maven filled into version.properties: the project's version, Beam's and CoreNLP's. Read once. */
  static Properties buildProperties() {
    Properties p = build;
    if (p == null) {
      p = new Properties();
      try (InputStream in = RunCommit.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          p.load(in);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      build = p;
    }
    return p;
  }

  /** The project version the jar was built from (version.properties, filled in by Maven). */
  static String pipelineVersion() {
    return buildProperties().getProperty("version", "unknown");
  }

}
