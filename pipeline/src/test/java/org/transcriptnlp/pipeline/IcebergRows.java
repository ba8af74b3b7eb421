package org.transcriptnlp.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Types;
import org.transcriptnlp.tables.IcebergTables;
import org.transcriptnlp.tables.Table;

/**
 * Reads the job's tables with Iceberg's own generic reader ({@link IcebergGenerics}), the second
 * reader beside {@link Duck}: current rows, rows as of an earlier snapshot, snapshots and their
 * summaries, and the data files of the current snapshot.
 */
final class IcebergRows implements AutoCloseable {
  private final Catalog catalog;

  IcebergRows(Path output) {
    this(output, "hadoop");
  }

  IcebergRows(Path output, String catalog) {
    this.catalog = IcebergTables.catalog(output.toAbsolutePath().toString(), catalog);
  }

  org.apache.iceberg.Table table(Table t) {
    return catalog.loadTable(IcebergTables.identifier(t));
  }

  /** Every current row of a table (generic reader), as text without its run_id, sorted. */
  List<String> rowsWithoutRun(Table t) {
    return rowsWithoutRun(t, null);
  }

  /** The rows of a table as of a snapshot (null: the current one), as text without run_id, sorted. */
  List<String> rowsWithoutRun(Table t, Long snapshot) {
    return records(t, snapshot).stream().map(IcebergRows::textWithoutRun).sorted().toList();
  }

  /** The rows of a table as of a snapshot (null: the current one). */
  List<Record> records(Table t, Long snapshot) {
    org.apache.iceberg.Table table = table(t);
    List<Record> rows = new ArrayList<>();
    if (table.currentSnapshot() == null) {
      return rows;
    }
    IcebergGenerics.ScanBuilder scan = IcebergGenerics.read(table);
    if (snapshot != null) {
      scan = scan.useSnapshot(snapshot);
    }
    try (CloseableIterable<Record> all = scan.build()) {
      all.forEach(r -> rows.add(r.copy()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  /** One column of the current rows of a table, in no particular order. */
  List<Object> column(Table t, String name) {
    return records(t, null).stream().map(r -> r.getField(name)).toList();
  }

  /** A row as text: its fields but run_id, in schema order. */
  static String textWithoutRun(Record r) {
    List<String> values = new ArrayList<>();
    for (Types.NestedField f : r.struct().fields()) {
      if (!f.name().equals("run_id")) {
        values.add(f.name() + "=" + r.getField(f.name()));
      }
    }
    return String.join(", ", values);
  }

  /** The current rows of the five tables of rows, without run ids, by table name. */
  Map<String, List<String>> currentRows() {
    Map<String, List<String>> rows = new TreeMap<>();
    for (Table t : Table.PIPELINE) {
      rows.put(t.folder(), rowsWithoutRun(t));
    }
    return rows;
  }

  static Map<String, List<String>> currentRows(Path output) {
    return currentRows(output, "hadoop");
  }

  static Map<String, List<String>> currentRows(Path output, String catalog) {
    try (IcebergRows tables = new IcebergRows(output, catalog)) {
      return tables.currentRows();
    }
  }

  /** Each table's current snapshot id (null when it has none). */
  Map<Table, Long> snapshotIds() {
    Map<Table, Long> ids = new LinkedHashMap<>();
    for (Table t : Table.values()) {
      Snapshot s = table(t).currentSnapshot();
      ids.put(t, s == null ? null : s.snapshotId());
    }
    return ids;
  }

  Snapshot current(Table t) {
    return table(t).currentSnapshot();
  }

  /** How many snapshots a table's metadata still holds. */
  int snapshotCount(Table t) {
    int n = 0;
    for (Snapshot s : table(t).snapshots()) {
      n++;
    }
    return n;
  }

  /** The data files of a table's current snapshot, as local paths. */
  List<Path> currentFiles(Table t) {
    return IcebergTables.currentFiles(table(t)).stream().map(f -> Path.of(Warehouse.beamPath(f))).toList();
  }

  /** The files under a table's data folder (whatever references them), as paths relative to it, sorted. */
  static List<String> filesOnDisk(Path output, Table t) throws IOException {
    Path data = output.resolve(IcebergTables.NAMESPACE).resolve(t.folder()).resolve("data");
    if (!Files.isDirectory(data)) {
      return List.of();
    }
    try (Stream<Path> all = Files.walk(data)) {
      return all.filter(Files::isRegularFile).map(p -> data.relativize(p).toString()).sorted().toList();
    }
  }

  /** A table's data folder. */
  static Path dataFolder(Path output, Table t) {
    return output.resolve(IcebergTables.NAMESPACE).resolve(t.folder()).resolve("data");
  }

  @Override
  public void close() {
    IcebergTables.close(catalog);
  }
}
