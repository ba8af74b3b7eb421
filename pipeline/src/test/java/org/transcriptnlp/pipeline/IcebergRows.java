package org.transcriptnlp.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Types;
import org.transcriptnlp.pipeline.runs.Maintenance;
import org.transcriptnlp.pipeline.runs.TableCommit;
import org.transcriptnlp.pipeline.runs.Warehouse;
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

  /**
   * The rows of a table as of a snapshot (null: the current one), as text without run_id, sorted.
   */
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
    return IcebergTables.currentFiles(table(t)).stream()
        .map(f -> Path.of(Warehouse.beamPath(f)))
        .toList();
  }

  /**
   * The files under a table's data folder (whatever references them), as paths relative to it,
   * sorted.
   */
  static List<String> filesOnDisk(Path output, Table t) throws IOException {
    Path data = output.resolve(IcebergTables.NAMESPACE).resolve(t.folder()).resolve("data");
    if (!Files.isDirectory(data)) {
      return List.of();
    }
    try (Stream<Path> all = Files.walk(data)) {
      return all.filter(Files::isRegularFile)
          .map(p -> data.relativize(p).toString())
          .sorted()
          .toList();
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

  // Helpers of the run-protocol tests (static, on a fresh catalog each).

  /** Runs {@code f} on the Hadoop catalog in {@code output} (closed after). */
  static <T> T withCatalog(Path output, Function<Catalog, T> f) {
    Catalog c = IcebergTables.catalog(output.toAbsolutePath().toString(), "hadoop");
    try {
      return f.apply(c);
    } finally {
      IcebergTables.close(c);
    }
  }

  /** A table of the output, freshly loaded. */
  static org.apache.iceberg.Table table(Catalog c, Table t) {
    return c.loadTable(IcebergTables.identifier(t));
  }

  /**
   * Every current row of a table by Iceberg's generic reader, as text without the run_id column,
   * sorted: equal for two outputs that hold the same rows, whichever runs wrote them.
   */
  static List<String> rowsWithoutRun(Catalog c, Table t) {
    if (!c.tableExists(IcebergTables.identifier(t))) {
      return List.of();
    }
    org.apache.iceberg.Table table = table(c, t);
    List<String> rows = new ArrayList<>();
    List<Types.NestedField> fields = table.schema().columns();
    try (CloseableIterable<Record> all = IcebergGenerics.read(table).build()) {
      for (Record r : all) {
        List<String> values = new ArrayList<>();
        for (Types.NestedField f : fields) {
          if (!f.name().equals("run_id")) {
            values.add(f.name() + "=" + r.getField(f.name()));
          }
        }
        rows.add(String.join(", ", values));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    rows.sort(null);
    return rows;
  }

  /** The run_id of every row of the runs table: the committed runs. */
  static Set<String> committedRuns(Path output) {
    return withCatalog(
        output,
        c -> {
          Set<String> runs = new TreeSet<>();
          if (!c.tableExists(IcebergTables.identifier(Table.RUNS))) {
            return runs;
          }
          try (CloseableIterable<Record> all = IcebergGenerics.read(table(c, Table.RUNS)).build()) {
            all.forEach(r -> runs.add(String.valueOf(r.getField("run_id"))));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          return runs;
        });
  }

  /**
   * The run id in the summary of each table's current snapshot ("none" for a table without a
   * snapshot or run id).
   */
  static Map<String, String> currentSnapshotRuns(Path output) {
    return withCatalog(
        output,
        c -> {
          Map<String, String> runs = new TreeMap<>();
          for (Table t : Table.values()) {
            Snapshot s = table(c, t).currentSnapshot();
            String run = s == null ? null : s.summary().get(IcebergTables.RUN_ID);
            runs.put(t.folder(), run == null ? "none" : run);
          }
          return runs;
        });
  }

  /** The files under each table's data/ folder that no snapshot of the table references. */
  static List<String> unreferencedDataFiles(Path output) {
    return withCatalog(
        output,
        c -> {
          List<String> left = new ArrayList<>();
          for (Table t : Table.values()) {
            Path data = output.resolve(IcebergTables.NAMESPACE).resolve(t.folder()).resolve("data");
            if (!Files.isDirectory(data)) {
              continue;
            }
            Set<String> referenced = Maintenance.referenced(table(c, t));
            try (Stream<Path> files = Files.walk(data)) {
              files
                  .filter(Files::isRegularFile)
                  .filter(p -> !referenced.contains(p.toAbsolutePath().toString()))
                  .forEach(p -> left.add(output.relativize(p).toString()));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
          left.sort(null);
          return left;
        });
  }

  /**
   * Commits to a table as run {@code run} would, without a runs row (as a run killed in its commit
   * phase leaves it): the table emptied, or its first current data file copied to {@code
   * data/run-RUN/} and added again (its rows twice). Returns the snapshot's time.
   */
  static java.time.Instant commitAsRun(Path output, Table t, String run, boolean empty) {
    return withCatalog(
        output,
        c -> {
          org.apache.iceberg.Table table = table(c, t);
          if (empty) {
            table
                .newDelete()
                .deleteFromRowFilter(org.apache.iceberg.expressions.Expressions.alwaysTrue())
                .set(IcebergTables.RUN_ID, run)
                .commit();
          } else {
            Path from = Path.of(Warehouse.beamPath(IcebergTables.currentFiles(table).get(0)));
            Path copy =
                output
                    .resolve(IcebergTables.NAMESPACE)
                    .resolve(t.folder())
                    .resolve("data/run-" + run)
                    .resolve("part-00000-of-00001-" + run + ".parquet");
            try {
              Files.createDirectories(copy.getParent());
              Files.copy(from, copy);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            table
                .newAppend()
                .appendFile(
                    TableCommit.dataFile(
                        table, copy.toString(), org.apache.iceberg.MetricsConfig.forTable(table)))
                .set(IcebergTables.RUN_ID, run)
                .commit();
          }
          table.refresh();
          return java.time.Instant.ofEpochMilli(table.currentSnapshot().timestampMillis());
        });
  }

  /**
   * Every file under a folder (relative path) with its size: equal when nothing was written or
   * deleted.
   */
  static Map<String, Long> tree(Path folder) throws IOException {
    Map<String, Long> files = new TreeMap<>();
    if (!Files.exists(folder)) {
      return files;
    }
    try (Stream<Path> all = Files.walk(folder)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        files.put(folder.relativize(p).toString(), Files.size(p));
      }
    }
    return files;
  }

  /**
   * What every reader must see after a crashed or overlapped run and the run after it: exactly the
   * rows of {@code reference} (one clean run over the same input) by DuckDB over the current
   * snapshots' files and by Iceberg's generic reader; each table's current snapshot made by a run
   * that has a runs row (no partial commit visible); and no data file that no snapshot references.
   */
  static void assertOneCleanRun(Path reference, Path output, String what) throws Exception {
    Map<String, List<String>> duck = Duck.currentRows(reference);
    assertEquals(
        duck, Duck.currentRows(output), what + ": DuckDB over the current snapshots' files");
    Map<String, List<String>> iceberg = currentRows(reference);
    assertEquals(iceberg, currentRows(output), what + ": Iceberg's generic reader");
    for (String t : duck.keySet()) {
      assertEquals(
          duck.get(t).size(),
          iceberg.get(t).size(),
          what + ": " + t + ", the two readers count the same rows");
    }
    Set<String> committed = committedRuns(output);
    currentSnapshotRuns(output)
        .forEach(
            (table, run) ->
                assertEquals(
                    true,
                    committed.contains(run),
                    what
                        + ": the current snapshot of "
                        + table
                        + " is run "
                        + run
                        + "'s, which has no runs row (committed: "
                        + committed
                        + ")"));
    assertEquals(
        List.of(), unreferencedDataFiles(output), what + ": data files no snapshot references");
  }
}
