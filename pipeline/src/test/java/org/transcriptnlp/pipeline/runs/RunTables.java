package org.transcriptnlp.pipeline.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.data.Record;
import org.transcriptnlp.io.Locations;
import org.transcriptnlp.pipeline.options.JobConfig;
import org.transcriptnlp.tables.DataFileWriter;
import org.transcriptnlp.tables.FilePlan;
import org.transcriptnlp.tables.Table;

/**
 * Small tables for the run protocol's unit tests, without a pipeline: rows of any table (every
 * column filled with a placeholder), written as a run's data files in its folder and committed as
 * the job commits them ({@link TableCommit}: the tables of rows, the manifest, the runs row last).
 */
final class RunTables {
  static final String SETTINGS = "annotators=none";
  static final String FINGERPRINT = RunPlan.fingerprint(SETTINGS);

  private RunTables() {}

  /** A row of a table: placeholders, then these columns. */
  static GenericRecord row(Table table, Map<String, Object> columns) {
    Schema schema = table.schema();
    GenericRecord r = new GenericData.Record(schema);
    for (Schema.Field f : schema.getFields()) {
      r.put(f.name(), placeholder(f.schema()));
    }
    columns.forEach(r::put);
    return r;
  }

  private static Object placeholder(Schema s) {
    return switch (s.getType()) {
      case UNION, NULL -> null;
      case STRING -> "x";
      case LONG -> 0L;
      case INT -> 0;
      case DOUBLE -> 0.0;
      case FLOAT -> 0.0f;
      case BOOLEAN -> false;
      case ARRAY -> List.of();
      default -> throw new IllegalArgumentException("no placeholder for " + s);
    };
  }

  /** A row of one of the five tables of rows, of a source file, made by a run. */
  static GenericRecord of(Table table, String source, RunId run) {
    return row(table, Map.of("source_path", source, "run_id", run.value()));
  }

  /** A manifest entry. */
  static GenericRecord entry(String source, String sha, RunId run) {
    return row(
        Table.MANIFEST,
        Map.of(
            "source_path",
            source,
            "content_sha256",
            sha,
            "settings_fingerprint",
            FINGERPRINT,
            "change",
            "new",
            "status",
            "processed",
            "relative_path",
            "rel/" + source.substring(source.lastIndexOf('/') + 1),
            "run_id",
            run.value()));
  }

  /** A runs row. */
  static GenericRecord runRow(RunId run, String mode, String settings) {
    return row(
        Table.RUNS,
        Map.of(
            "run_id",
            run.value(),
            "mode",
            mode,
            "settings",
            settings,
            "settings_fingerprint",
            RunPlan.fingerprint(settings)));
  }

  /** Writes rows as the data file number {@code n} of a table in the run's folder; its path. */
  static String write(Warehouse w, Table table, RunId run, int n, List<GenericRecord> rows) {
    String path =
        Locations.folder(
            w.runFolder(table, run), FilePlan.tagged(FilePlan.name(n, 99), run.value()));
    try (DataFileWriter writer =
        new DataFileWriter(
            w.table(table).schema(), FileSystems.matchNewResource(path, false), null)) {
      for (GenericRecord r : rows) {
        writer.write(r);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return path;
  }

  /**
   * Commits a run as the job does, validated from {@code bases}: its rows of the five tables
   * (replacing those {@code replaced} says), its manifest entries (replacing the entries of the
   * same paths) and its runs row, last.
   */
  static void commit(
      Warehouse w,
      RunId run,
      Map<Table, List<GenericRecord>> rows,
      TableCommit.Replacement replaced,
      List<GenericRecord> entries,
      Map<Table, Long> bases,
      boolean everyTable) {
    List<TableCommit.Change> changes = prepare(w, run, rows, replaced, entries);
    TableCommit.commit(
        w,
        changes,
        bases,
        TableCommit.summary(run, FINGERPRINT, "test", JobConfig.Mode.INCREMENTAL, 1),
        run,
        everyTable);
  }

  /**
   * Commits a run that adds only these manifest entries (and its runs row), validated from the
   * current snapshots; the warehouse is refreshed after.
   */
  static void commitEntries(Warehouse w, RunId run, GenericRecord... entries) {
    w.refresh();
    commit(
        w, run, Map.of(), TableCommit.Replacement.NONE, List.of(entries), w.snapshotIds(), false);
    w.refresh();
  }

  /** The changes of {@link #commit}, prepared. */
  static List<TableCommit.Change> prepare(
      Warehouse w,
      RunId run,
      Map<Table, List<GenericRecord>> rows,
      TableCommit.Replacement replaced,
      List<GenericRecord> entries) {
    List<TableCommit.Change> changes = new ArrayList<>();
    for (Table t : Table.PIPELINE) {
      List<GenericRecord> r = rows.getOrDefault(t, List.of());
      List<String> files = r.isEmpty() ? List.of() : List.of(write(w, t, run, 0, r));
      changes.add(TableCommit.prepare(w, t, run, files, replaced));
    }
    List<String> manifest =
        entries.isEmpty() ? List.of() : List.of(write(w, Table.MANIFEST, run, 0, entries));
    java.util.Set<String> paths = new java.util.HashSet<>();
    entries.forEach(e -> paths.add(String.valueOf(e.get("source_path"))));
    changes.add(
        TableCommit.prepare(
            w,
            Table.MANIFEST,
            run,
            manifest,
            new TableCommit.Replacement(paths, Map.of(), false, java.util.Set.of())));
    changes.add(
        TableCommit.prepare(
            w,
            Table.RUNS,
            run,
            List.of(write(w, Table.RUNS, run, 0, List.of(runRow(run, "incremental", SETTINGS)))),
            TableCommit.Replacement.NONE));
    return changes;
  }

  /** Each current row's source path and run, {@code path@run}, sorted. */
  static List<String> current(Warehouse w, Table t) {
    w.table(t).refresh();
    List<String> rows = new ArrayList<>();
    for (Record r : w.rows(t)) {
      rows.add(r.getField("source_path") + "@" + r.getField("run_id"));
    }
    rows.sort(null);
    return rows;
  }

  /** The current snapshot's summary key for each table that has a snapshot. */
  static Map<Table, String> summaries(Warehouse w, String key) {
    Map<Table, String> by = new TreeMap<>();
    for (Table t : Table.values()) {
      w.table(t).refresh();
      Snapshot s = w.table(t).currentSnapshot();
      if (s != null) {
        by.put(t, s.summary().get(key));
      }
    }
    return by;
  }
}
