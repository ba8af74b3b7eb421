package org.transcriptnlp.pipeline.runs;

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
import org.transcriptnlp.pipeline.options.JobConfig;
import org.transcriptnlp.tables.ParquetFiles;
import org.transcriptnlp.tables.Table;

/**
 * What a run commits besides its rows: it counts the rows it wrote per source file and table, and
 * makes its manifest entries and its {@code runs} row ({@link TableCommit} commits them, the runs
 * row last).
 */
public final class RunCommit {
  private RunCommit() {}

  /**
   * Rows a run wrote, per source file and table ({@link Table#PIPELINE} order), read back from its
   * files.
   */
  public record Counts(
      Map<String, long[]> bySource,
      Map<String, String> transcriptIds,
      long[] totals,
      Set<String> retry,
      List<String> files,
      long[] filesPerTable) {
    public static final Counts NONE =
        new Counts(
            Map.of(),
            Map.of(),
            new long[Table.PIPELINE.size()],
            Set.of(),
            List.of(),
            new long[Table.PIPELINE.size()]);

    /** The run's files of a table. */
    public long files(Table table) {
      return filesPerTable[Table.PIPELINE.indexOf(table)];
    }

    long of(String source, Table table) {
      long[] c = bySource.get(source);
      return c == null ? 0 : c[Table.PIPELINE.indexOf(table)];
    }

    public long total(Table table) {
      return totals[Table.PIPELINE.indexOf(table)];
    }
  }

  /** The run's outcome: what the runs row holds, and the files that are in no table. */
  public record Report(
      RunId run,
      JobConfig.Mode mode,
      long matched,
      long added,
      long changed,
      long unchanged,
      long moved,
      long rejected,
      List<String> unaccounted,
      Counts counts) {}

  /** Reads the source_path column of each table's new files (those the run wrote) and counts. */
  public static Counts count(Map<Table, List<String>> runFiles) {
    Map<String, long[]> bySource = new TreeMap<>();
    Map<String, String> ids = new HashMap<>();
    Set<String> retry = new TreeSet<>();
    List<String> files = new ArrayList<>();
    long[] totals = new long[Table.PIPELINE.size()];
    long[] filesPerTable = new long[Table.PIPELINE.size()];
    for (int t = 0; t < Table.PIPELINE.size(); t++) {
      Table table = Table.PIPELINE.get(t);
      final int index = t;
      // The rejects table has no transcript_id (a file may be rejected before it is read) but a
      // reason.
      final boolean rejects = table == Table.REJECTS;
      Schema projection =
          rejects
              ? ParquetFiles.projection(table, "source_path", "reason")
              : ParquetFiles.projection(table, "source_path", "transcript_id");
      try {
        for (String path : runFiles.getOrDefault(table, List.of())) {
          ResourceId f = FileSystems.matchNewResource(path, false);
          files.add(path);
          filesPerTable[index]++;
          ParquetFiles.read(
              f,
              projection,
              row -> {
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
        throw new UncheckedIOException(
            "cannot read back the run's " + table.folder() + " files: " + e.getMessage(), e);
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
  public static Report report(RunId run, JobConfig.Mode mode, RunPlan plan, Counts counts) {
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
    long changed = plan.count(RunPlan.CONTENT);
    long added = plan.count(RunPlan.NEW) + plan.count(RunPlan.FULL);
    return new Report(
        run,
        mode,
        plan.decisions().size(),
        added,
        changed,
        plan.unchanged(),
        plan.moved().size(),
        rejected,
        List.copyOf(unaccounted),
        counts);
  }

  /**
   * The run's manifest entries: one per file it processed and accounted for, and one per file that
   * moved (under its new path, its rows kept); the entries they replace are those of the same paths
   * and of the paths the moved files left ({@link #entriesReplaced}).
   */
  public static List<GenericRecord> manifestRows(RunPlan plan, Report report, RunHistory history) {
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
      if (RunPlan.MOVED.equals(d.change())) {
        // Its rows are kept, under the new path: so is what the entry says about them.
        org.apache.iceberg.data.Record old = history.manifestRow(d.movedFrom().sourcePath());
        for (Schema.Field f : manifest.getFields()) {
          Object v = old == null ? null : old.getField(f.name());
          r.put(f.name(), v);
        }
        r.put("source_path", d.path());
        r.put("size_bytes", d.file().sizeBytes());
        r.put("change", d.change());
        r.put("relative_path", d.relativePath());
        r.put("moved_from", d.movedFrom().sourcePath());
        r.put("pipeline_version", version);
        entries.add(r);
        continue;
      }
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
      r.put("run_id", run.value());
      entries.add(r);
    }
    return entries;
  }

  /** The rows of the five tables that the run's rows replace ({@link TableCommit}). */
  public static TableCommit.Replacement rowsReplaced(RunPlan plan, Report report) {
    Set<String> unaccounted = new java.util.HashSet<>(report.unaccounted());
    Set<String> drop = new java.util.HashSet<>();
    Map<String, String> moved = new java.util.HashMap<>();
    for (RunPlan.Decision d : plan.decisions()) {
      if (RunPlan.MOVED.equals(d.change())) {
        moved.put(d.movedFrom().sourcePath(), d.path());
      } else if (d.processed() && !unaccounted.contains(d.path())) {
        drop.add(d.path());
      }
    }
    return new TableCommit.Replacement(
        drop, moved, report.mode() == JobConfig.Mode.FULL, unaccounted);
  }

  /**
   * The manifest entries that the run's entries replace: the same paths, and the paths moved files
   * left.
   */
  public static TableCommit.Replacement entriesReplaced(RunPlan plan, Report report) {
    TableCommit.Replacement rows = rowsReplaced(plan, report);
    Set<String> drop = new java.util.HashSet<>(rows.drop());
    for (Map.Entry<String, String> m : rows.moved().entrySet()) {
      drop.add(m.getKey());
      drop.add(m.getValue());
    }
    return new TableCommit.Replacement(drop, Map.of(), rows.all(), rows.keep());
  }

  /** The run's row of the runs table. */
  public static GenericRecord runRow(
      JobConfig config,
      RunPlan plan,
      Report report,
      Instant started,
      double seconds,
      String runner) {
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
    row.put("settings", config.settings());
    row.put("settings_fingerprint", plan.fingerprint());
    row.put("pipeline_version", pipelineVersion());
    row.put("runner", runner);
    row.put("run_id", report.run().value());
    return row;
  }

  private static volatile Properties build;

  /**
   * What Maven filled into version.properties: the project's version, Beam's and CoreNLP's. Read
   * once.
   */
  public static Properties buildProperties() {
    Properties p = build;
    if (p == null) {
      p = new Properties();
      try (InputStream in =
          RunCommit.class.getResourceAsStream("/org/transcriptnlp/pipeline/version.properties")) {
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
  public static String pipelineVersion() {
    return buildProperties().getProperty("version", "unknown");
  }
}
