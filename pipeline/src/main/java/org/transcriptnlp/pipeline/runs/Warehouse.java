package org.transcriptnlp.pipeline.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.transcriptnlp.io.Locations;
import org.transcriptnlp.pipeline.options.UsageException;
import org.transcriptnlp.tables.IcebergTables;
import org.transcriptnlp.tables.Table;

/**
 * The Iceberg tables of one output ({@link IcebergTables}): the catalog, opened once per run, and
 * each table, created on the first run. Where a run writes its new data files before its commit:
 * {@code <table location>/data/run-<id>/}.
 */
public final class Warehouse implements AutoCloseable {
  private final String output;
  private final Catalog catalog;
  private final Map<Table, org.apache.iceberg.Table> tables;

  private Warehouse(String output, Catalog catalog, Map<Table, org.apache.iceberg.Table> tables) {
    this.output = output;
    this.catalog = catalog;
    this.tables = tables;
  }

  /**
   * Opens (and on the first run creates) the tables of an output in the catalog named (empty: the
   * Hadoop catalog in the output).
   */
  public static Warehouse open(String output, String catalog) {
    refuseOldLayout(output);
    Catalog c = openCatalog(output, catalog);
    try {
      return new Warehouse(output, c, IcebergTables.loadOrCreateAll(c));
    } catch (RuntimeException e) {
      IcebergTables.close(c);
      throw new UsageException(
          "cannot open or create the tables in " + where(output, catalog) + ": " + firstLine(e));
    }
  }

  /**
   * Opens the tables of an output that a run made, without creating any; refuses when there are
   * none.
   */
  public static Warehouse existing(String output, String catalog) {
    refuseOldLayout(output);
    Catalog c = openCatalog(output, catalog);
    Map<Table, org.apache.iceberg.Table> found;
    try {
      found = IcebergTables.loadExisting(c);
    } catch (RuntimeException e) {
      IcebergTables.close(c);
      throw new UsageException(
          "cannot read the tables in " + where(output, catalog) + ": " + firstLine(e));
    }
    if (found.isEmpty()) {
      IcebergTables.close(c);
      throw new UsageException(
          "--output=" + output + " holds no tables of transcript-nlp (no run has committed there)");
    }
    return new Warehouse(output, c, found);
  }

  private static Catalog openCatalog(String output, String catalog) {
    try {
      return IcebergTables.catalog(output, catalog);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    } catch (RuntimeException e) {
      throw new UsageException(
          "cannot open the catalog of " + where(output, catalog) + ": " + firstLine(e));
    }
  }

  private static String where(String output, String catalog) {
    return catalog == null || catalog.isBlank() || catalog.strip().equals("hadoop")
        ? output
        : output + " (catalog " + catalog + ")";
  }

  private static String firstLine(Throwable e) {
    String m = e.getMessage() == null ? e.toString() : e.getMessage();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  /**
   * The tables before Iceberg (transcript-nlp 0.1: {@code runs/run_date=.../run_id=...} folders of
   * Parquet files) are not read: a run on them would leave two formats side by side.
   */
  private static void refuseOldLayout(String output) {
    // The files under runs/ (a glob matches files only, not the run_date= folders themselves).
    List<MatchResult.Metadata> old;
    try {
      old = OutputFolder.files(Locations.folder(output, Table.RUNS.folder()));
    } catch (IOException e) {
      return; // nothing there
    }
    if (old.stream().anyMatch(md -> md.resourceId().toString().contains("/run_date="))) {
      throw new UsageException(
          "--output="
              + output
              + " holds tables of the layout before Iceberg (run_date=/run_id= folders): "
              + "give a new --output (and delete the old one once you no longer need it)");
    }
  }

  /**
   * The catalogs of this JVM take the Hadoop settings of Beam's Hadoop file system from these
   * options (--hdfsConfiguration, else the files of HADOOP_CONF_DIR or YARN_CONF_DIR): called with
   * {@link FileSystems#setDefaultPipelineOptions}.
   */
  public static void useHadoopSettings(org.apache.beam.sdk.options.PipelineOptions options) {
    org.apache.hadoop.conf.Configuration settings = new org.apache.hadoop.conf.Configuration(false);
    List<org.apache.hadoop.conf.Configuration> given =
        options
            .as(org.apache.beam.sdk.io.hdfs.HadoopFileSystemOptions.class)
            .getHdfsConfiguration();
    if (given != null) {
      for (org.apache.hadoop.conf.Configuration c : given) {
        for (Map.Entry<String, String> setting : c) {
          settings.set(setting.getKey(), setting.getValue());
        }
      }
    }
    IcebergTables.setHadoopSettings(settings);
  }

  public String output() {
    return output;
  }

  Catalog catalog() {
    return catalog;
  }

  public org.apache.iceberg.Table table(Table t) {
    org.apache.iceberg.Table table = tables.get(t);
    if (table == null) {
      throw new IllegalStateException("no table " + t.folder() + " in " + output);
    }
    return table;
  }

  boolean has(Table t) {
    return tables.containsKey(t);
  }

  /** Reloads every table's metadata (another run may have committed). */
  public void refresh() {
    tables.values().forEach(org.apache.iceberg.Table::refresh);
  }

  /**
   * Each table's current snapshot id (null for a table without one): what this run's commits are
   * validated from.
   */
  public Map<Table, Long> snapshotIds() {
    Map<Table, Long> ids = new LinkedHashMap<>();
    tables.forEach(
        (t, table) -> {
          Snapshot s = table.currentSnapshot();
          ids.put(t, s == null ? null : s.snapshotId());
        });
    return ids;
  }

  /** A location of Iceberg's as a path Beam's file systems take ({@code file:/x} is {@code /x}). */
  public static String beamPath(String location) {
    if (location.startsWith("file:///")) {
      return location.substring("file://".length());
    }
    if (location.startsWith("file:/")) {
      return location.substring("file:".length());
    }
    return location;
  }

  /** The table's data folder, as a Beam path. */
  String dataFolder(Table t) {
    return Locations.folder(beamPath(table(t).location()), "data");
  }

  /** Where a run writes its new data files of a table before its commit. */
  public String runFolder(Table t, RunId run) {
    return Locations.folder(dataFolder(t), "run-" + run.value());
  }

  /**
   * The whole data files a run wrote to its folder of a table (not those still under their
   * in-progress name). A local folder is listed as it is named (an output {@code out [1]} is no
   * glob).
   */
  public List<String> runFiles(Table t, RunId run) {
    try {
      List<String> files = new ArrayList<>();
      for (MatchResult.Metadata md : OutputFolder.files(runFolder(t, run))) {
        ResourceId id = md.resourceId();
        if (id.getFilename().endsWith(".parquet") && !id.getFilename().startsWith(".")) {
          files.add(id.toString());
        }
      }
      files.sort(null);
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot list the run's " + t.folder() + " files: " + e.getMessage(), e);
    }
  }

  /** Every current row of a table (Iceberg's generic reader). */
  List<Record> rows(Table t) {
    List<Record> rows = new ArrayList<>();
    if (table(t).currentSnapshot() == null) {
      return rows;
    }
    try (CloseableIterable<Record> all = IcebergGenerics.read(table(t)).build()) {
      all.forEach(r -> rows.add(r.copy()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  /** The data files of a table's current snapshot, as Beam paths: exactly its current rows. */
  public List<String> currentFiles(Table t) {
    return IcebergTables.currentFiles(table(t)).stream().map(Warehouse::beamPath).toList();
  }

  @Override
  public void close() {
    IcebergTables.close(catalog);
  }
}
