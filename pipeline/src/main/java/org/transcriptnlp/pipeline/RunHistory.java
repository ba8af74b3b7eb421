package org.transcriptnlp.pipeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.transcriptnlp.tables.ParquetFiles;
import org.transcriptnlp.tables.Table;

/**
 * What earlier runs left in an output folder: the committed runs (those with a {@code runs} row,
 * written last), the current manifest entry of each source file, and the partitions that are not
 * part of the current state (a crashed run's, or a run's before the last full run). Read under the
 * run lock.
 *
 * <p>The rules, the same as the views of {@code samples/queries/current.sql}: a run is committed
 * when its {@code runs} partition holds a whole Parquet file; only committed runs from the last
 * committed full run on are live; a file's current entry is its entry in the latest live run.
 */
final class RunHistory {
  /** A committed run: its id and mode. */
  record Committed(RunId id, String mode) {}

  /**
   * A file's manifest entry, as far as deciding whether to process it again goes. {@code
   * relativePath} is null in entries written before the manifest recorded it.
   */
  record Entry(String sourcePath, String sha256, String settingsFingerprint, RunId run, String relativePath) {
    Entry(String sourcePath, String sha256, String settingsFingerprint, RunId run) {
      this(sourcePath, sha256, settingsFingerprint, run, null);
    }
  }

  /** The status of a path's entry once its file moved to another path: nothing is current under it. */
  static final String MOVED = "moved";

  private final List<Committed> committed;
  private final List<Committed> live;
  private final Map<String, Entry> current;

  private RunHistory(List<Committed> committed, List<Committed> live, Map<String, Entry> current) {
    this.committed = committed;
    this.live = live;
    this.current = current;
  }

  static RunHistory read(String output) {
    try {
      List<Committed> committed = new ArrayList<>();
      for (Map.Entry<String, List<String>> p : OutputFolder.partitions(output, Table.RUNS).entrySet()) {
        List<String> modes = new ArrayList<>();
        for (String folder : p.getValue()) {
          for (ResourceId f : OutputFolder.tableFiles(folder)) {
            read(f, ParquetFiles.projection(Table.RUNS, "mode"), row -> modes.add(String.valueOf(row.get("mode"))));
          }
        }
        if (!modes.isEmpty()) {
          committed.add(new Committed(RunId.parse(p.getKey()), modes.get(0)));
        }
      }
      int lastFull = 0;
      for (int i = 0; i < committed.size(); i++) {
        if (committed.get(i).mode().equals(JobConfig.Mode.FULL.value())) {
          lastFull = i;
        }
      }
      List<Committed> live = List.copyOf(committed.subList(lastFull, committed.size()));
      Map<String, List<String>> manifests = OutputFolder.partitions(output, Table.MANIFEST);
      Map<String, Entry> current = new TreeMap<>();
      for (Committed run : live) {
        for (String folder : manifests.getOrDefault(run.id().value(), List.of())) {
          for (ResourceId f : OutputFolder.tableFiles(folder)) {
            read(f, ParquetFiles.projection(Table.MANIFEST, "source_path", "content_sha256", "settings_fingerprint",
                "status", "relative_path"), row -> {
              String path = String.valueOf(row.get("source_path"));
              if (MOVED.equals(String.valueOf(row.get("status")))) {
                current.remove(path);
              } else {
                // Entries written before relative_path was recorded have no such column.
                Object relative = row.getSchema().getField("relative_path") == null ? null : row.get("relative_path");
                current.put(path, new Entry(path, String.valueOf(row.get("content_sha256")),
                    String.valueOf(row.get("settings_fingerprint")), run.id(), relative == null ? null : relative.toString()));
              }
            });
          }
        }
      }
      return new RunHistory(List.copyOf(committed), live, current);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the runs and manifest tables in " + output + ": " + e.getMessage(), e);
    }
  }

  private static void read(ResourceId file, org.apache.avro.Schema projection, ParquetFiles.RowSink sink) throws IOException {
    try {
      ParquetFiles.read(file, projection, sink);
    } catch (IOException | RuntimeException e) {
      throw DamagedFile.history(file, e);
    }
  }

  /** The last committed run, or null when there is none. */
  RunId last() {
    return committed.isEmpty() ? null : committed.get(committed.size() - 1).id();
  }

  List<Committed> committed() {
    return committed;
  }

  /** Each source file's current manifest entry, by source path. */
  Map<String, Entry> current() {
    return current;
  }

  /** Whether a run's partitions are part of the current state (committed, and not before the last full run). */
  boolean isLive(String runId) {
    return live.stream().anyMatch(r -> r.id().value().equals(runId));
  }

  /**
   * The partitions of every table that are not live: a crashed run's (no runs row) and, after a
   * full run, the earlier runs' (the runs table keeps every committed run's row). Deleting them
   * changes no current row.
   */
  Map<Table, List<String>> deadPartitions(String output) throws IOException {
    Map<Table, List<String>> dead = new HashMap<>();
    for (Table table : Table.values()) {
      for (Map.Entry<String, List<String>> p : OutputFolder.partitions(output, table).entrySet()) {
        boolean keep = table == Table.RUNS
            ? committed.stream().anyMatch(r -> r.id().value().equals(p.getKey()))
            : isLive(p.getKey());
        if (!keep) {
          dead.computeIfAbsent(table, t -> new ArrayList<>()).addAll(p.getValue());
        }
      }
    }
    return dead;
  }
}
