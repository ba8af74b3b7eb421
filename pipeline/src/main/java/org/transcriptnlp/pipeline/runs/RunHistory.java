package org.transcriptnlp.pipeline.runs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.iceberg.data.Record;
import org.transcriptnlp.tables.Table;

/**
 * What earlier runs left in an output: the committed runs (the rows of the {@code runs} table,
 * whose commit is each run's last) and the current {@code manifest} entry of each source file.
 */
public final class RunHistory {
  /** A committed run: its id, mode and row-shaping settings. */
  public record Committed(RunId id, String mode, String settings, String settingsFingerprint) {}

  /**
   * A file's manifest entry, as far as deciding whether to process it again goes. {@code
   * relativePath} is null in entries written before the manifest recorded it.
   */
  public record Entry(
      String sourcePath,
      String sha256,
      String settingsFingerprint,
      RunId run,
      String relativePath) {
    Entry(String sourcePath, String sha256, String settingsFingerprint, RunId run) {
      this(sourcePath, sha256, settingsFingerprint, run, null);
    }
  }

  private final List<Committed> committed;
  private final Map<String, Entry> current;
  private final Map<String, Record> manifest;

  RunHistory(List<Committed> committed, Map<String, Entry> current) {
    this(committed, current, Map.of());
  }

  private RunHistory(
      List<Committed> committed, Map<String, Entry> current, Map<String, Record> manifest) {
    this.committed = committed;
    this.current = current;
    this.manifest = manifest;
  }

  public static RunHistory read(Warehouse w) {
    List<Committed> committed = new ArrayList<>();
    for (Record r : w.rows(Table.RUNS)) {
      committed.add(
          new Committed(
              RunId.parse(str(r, "run_id")),
              str(r, "mode"),
              str(r, "settings"),
              str(r, "settings_fingerprint")));
    }
    committed.sort(Comparator.comparing(c -> c.id().value()));
    Map<String, Entry> current = new TreeMap<>();
    Map<String, Record> manifest = new TreeMap<>();
    for (Record r : w.rows(Table.MANIFEST)) {
      String path = str(r, "source_path");
      manifest.put(path, r);
      String run = str(r, "run_id");
      current.put(
          path,
          new Entry(
              path,
              str(r, "content_sha256"),
              str(r, "settings_fingerprint"),
              run == null ? null : RunId.parse(run),
              str(r, "relative_path")));
    }
    return new RunHistory(List.copyOf(committed), current, manifest);
  }

  private static String str(Record r, String field) {
    Object v = r.getField(field);
    return v == null ? null : v.toString();
  }

  /** A path's current manifest row, or null. */
  Record manifestRow(String path) {
    return manifest.get(path);
  }

  /** The last committed run, or null when there is none. */
  public RunId last() {
    return committed.isEmpty() ? null : committed.get(committed.size() - 1).id();
  }

  public List<Committed> committed() {
    return java.util.Collections.unmodifiableList(committed);
  }

  /** Each source file's current manifest entry, by source path. */
  public Map<String, Entry> current() {
    return java.util.Collections.unmodifiableMap(current);
  }

  /**
   * The settings (key=value;...) a committed run with this fingerprint ran under, or null when none
   * is known.
   */
  String settingsOf(String fingerprint) {
    for (int i = committed.size() - 1; i >= 0; i--) {
      if (committed.get(i).settingsFingerprint().equals(fingerprint)) {
        return committed.get(i).settings();
      }
    }
    return null;
  }
}
