package org.transcriptnlp.tables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.avro.AvroSchemaUtil;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.hadoop.HadoopCatalog;

/**
 * The output as Apache Iceberg tables: one Iceberg table per {@link Table}, in the namespace
 * {@value #NAMESPACE} of a catalog. The Avro schemas of {@code schemas/} stay the source of truth:
 * each table's Iceberg schema is converted from its {@code .avsc}.
 *
 * <p>The catalog is, by default, a file-system (Hadoop) catalog whose warehouse is the job's {@code
 * --output}: the table {@code answers} is the folder {@code OUTPUT/transcripts/answers} ({@code
 * metadata/} and {@code data/}), which Spark, Trino, DuckDB's {@code iceberg_scan} and PyIceberg
 * read as it is. Another catalog is named by a URI: {@code jdbc:...} (Iceberg's JDBC catalog, e.g.
 * {@code jdbc:sqlite:/path/catalog.db}) or {@code http(s)://...} (a REST catalog); the data files
 * are still written under {@code --output}.
 */
public final class IcebergTables {
  /** The namespace (database) of the tables. */
  public static final String NAMESPACE = "transcripts";

  /** Keys of a snapshot's summary that the job sets on every commit. */
  public static final String RUN_ID = "transcript-nlp.run-id";

  public static final String SETTINGS_FINGERPRINT = "transcript-nlp.settings-fingerprint";
  public static final String PIPELINE_VERSION = "transcript-nlp.pipeline-version";
  public static final String MODE = "transcript-nlp.mode";
  public static final String ROWS_ADDED = "transcript-nlp.rows-added";
  public static final String FILES_PROCESSED = "transcript-nlp.files-processed";

  /** The catalog name the job registers its catalog under (Spark users pick their own). */
  public static final String CATALOG_NAME = "transcript_nlp";

  /**
   * Hadoop settings beside Hadoop's defaults for every catalog opened ({@link #setHadoopSettings}).
   */
  private static volatile Configuration hadoopSettings = new Configuration(false);

  private IcebergTables() {}

  /**
   * The Hadoop settings every catalog on a Hadoop file system ({@code hdfs://...}, not a local
   * output) is opened with from now on (in this JVM), beside Hadoop's defaults: those Beam's Hadoop
   * file system has (--hdfsConfiguration, or the files of HADOOP_CONF_DIR), so that the tables'
   * metadata is read and written with the settings the data files are, e.g. an {@code
   * hdfs:///tables} output whose NameNode is fs.defaultFS.
   */
  public static void setHadoopSettings(Configuration settings) {
    hadoopSettings = new Configuration(settings);
  }

  /**
   * The Iceberg schema of a table, converted from its Avro schema, with the field ids a new table
   * gets (1, 2, ... in field order, as Iceberg assigns them when it creates a table). Data files
   * are written with the schema of the table itself ({@link DataFileWriter}), which is this one
   * until the schema evolves.
   */
  public static Schema schema(Table table) {
    java.util.concurrent.atomic.AtomicInteger last =
        new java.util.concurrent.atomic.AtomicInteger();
    return org.apache.iceberg.types.TypeUtil.assignFreshIds(
        AvroSchemaUtil.toIceberg(table.schema()), last::incrementAndGet);
  }

  public static TableIdentifier identifier(Table table) {
    return TableIdentifier.of(Namespace.of(NAMESPACE), table.folder());
  }

  /**
   * The warehouse root: the output folder without a trailing slash; a local folder as an absolute
   * {@code file:} location, so that neither the working folder nor a cluster's {@code fs.defaultFS}
   * (a {@code core-site.xml} on the class path) changes where its tables are.
   */
  public static String warehouse(String output) {
    String w = output.strip();
    while (w.length() > 1 && w.endsWith("/")) {
      w = w.substring(0, w.length() - 1);
    }
    if (!w.contains("://") && !w.startsWith("file:")) {
      w = "file:" + java.nio.file.Path.of(w).toAbsolutePath().normalize();
    }
    return w;
  }

  /**
   * A data file's path as Iceberg records it: a local path (as Beam names it, without a scheme)
   * with {@code file:}, any other as it is.
   */
  public static String location(String path) {
    return path.startsWith("/") ? "file:" + path : path;
  }

  /**
   * Opens the catalog: the Hadoop catalog in {@code output} when {@code catalog} is empty or {@code
   * hadoop}, else the catalog its URI names.
   */
  public static Catalog catalog(String output, String catalog) {
    String warehouse = warehouse(output);
    Configuration conf = new Configuration();
    if (warehouse.contains("://") && !warehouse.startsWith("file:")) {
      // Only for an output on a Hadoop file system: a local output's paths (and those of its data
      // files, as Beam names them) have no scheme, which the settings' fs.defaultFS would resolve
      // to the cluster.
      for (Map.Entry<String, String> setting : hadoopSettings) {
        conf.set(setting.getKey(), setting.getValue());
      }
    }
    // Local files without Hadoop's .crc checksum files beside them (readers do not expect them).
    conf.set("fs.file.impl", "org.apache.hadoop.fs.RawLocalFileSystem");
    conf.setBoolean("fs.file.impl.disable.cache", true);
    String uri = catalog == null ? "" : catalog.strip();
    if (uri.isEmpty() || uri.equals("hadoop")) {
      HadoopCatalog hadoop = new HadoopCatalog();
      hadoop.setConf(conf);
      hadoop.initialize(CATALOG_NAME, Map.of(CatalogProperties.WAREHOUSE_LOCATION, warehouse));
      return hadoop;
    }
    Map<String, String> props = new HashMap<>();
    props.put(CatalogProperties.WAREHOUSE_LOCATION, warehouse);
    props.put(CatalogProperties.URI, uri);
    String impl;
    if (uri.startsWith("jdbc:")) {
      impl = "org.apache.iceberg.jdbc.JdbcCatalog";
      // The schema with views and a record type column; created when the catalog's tables are.
      props.put("jdbc.schema-version", "V1");
    } else if (uri.startsWith("http://") || uri.startsWith("https://")) {
      impl = "org.apache.iceberg.rest.RESTCatalog";
    } else {
      throw new IllegalArgumentException(
          "--catalog="
              + uri
              + ": give hadoop (the default), a jdbc: URL or an http(s):// REST catalog URI");
    }
    return CatalogUtil.loadCatalog(impl, CATALOG_NAME, props, conf);
  }

  /** The table properties every output table is created with. */
  static Map<String, String> properties(Table table) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put(TableProperties.FORMAT_VERSION, "2");
    p.put(TableProperties.PARQUET_COMPRESSION, "snappy");
    // Exact bounds of source_path, so that a changed file's rows are found without reading every
    // file.
    if (table.schema().getField("source_path") != null) {
      p.put(TableProperties.METRICS_MODE_COLUMN_CONF_PREFIX + "source_path", "full");
    }
    p.put(TableProperties.METADATA_DELETE_AFTER_COMMIT_ENABLED, "true");
    p.put(TableProperties.METADATA_PREVIOUS_VERSIONS_MAX, "50");
    return p;
  }

  /** Loads a table, creating it (and the namespace) when it does not exist yet. */
  public static org.apache.iceberg.Table loadOrCreate(Catalog catalog, Table table) {
    TableIdentifier id = identifier(table);
    if (catalog.tableExists(id)) {
      return catalog.loadTable(id);
    }
    if (catalog instanceof SupportsNamespaces ns && !ns.namespaceExists(id.namespace())) {
      try {
        ns.createNamespace(id.namespace());
      } catch (AlreadyExistsException raced) {
        // another run created it meanwhile
      }
    }
    try {
      return catalog.createTable(
          id, schema(table), PartitionSpec.unpartitioned(), properties(table));
    } catch (AlreadyExistsException | org.apache.iceberg.exceptions.CommitFailedException raced) {
      return catalog.loadTable(id); // another run created it meanwhile
    }
  }

  /** Loads every table the job writes, creating those that do not exist yet. */
  public static Map<Table, org.apache.iceberg.Table> loadOrCreateAll(Catalog catalog) {
    Map<Table, org.apache.iceberg.Table> tables = new LinkedHashMap<>();
    for (Table t : Table.values()) {
      tables.put(t, loadOrCreate(catalog, t));
    }
    return tables;
  }

  /** The tables that exist, without creating any. */
  public static Map<Table, org.apache.iceberg.Table> loadExisting(Catalog catalog) {
    Map<Table, org.apache.iceberg.Table> tables = new LinkedHashMap<>();
    for (Table t : Table.values()) {
      TableIdentifier id = identifier(t);
      if (catalog.tableExists(id)) {
        tables.put(t, catalog.loadTable(id));
      }
    }
    return tables;
  }

  /**
   * The paths of the data files of a table's current snapshot: exactly its current rows
   * (copy-on-write).
   */
  public static List<String> currentFiles(org.apache.iceberg.Table table) {
    List<String> files = new java.util.ArrayList<>();
    if (table.currentSnapshot() == null) {
      return files;
    }
    try (var tasks = table.newScan().planFiles()) {
      tasks.forEach(t -> files.add(t.file().location()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    files.sort(null);
    return files;
  }

  /** Reads every row of one data file of a table, in order, with Iceberg's Parquet reader. */
  public static org.apache.iceberg.io.CloseableIterable<org.apache.iceberg.data.Record> readFile(
      org.apache.iceberg.Table table, String location) {
    return readFile(table, location, table.schema());
  }

  /**
   * Reads these columns ({@code table.schema().select(...)}) of every row of one data file of a
   * table.
   */
  public static org.apache.iceberg.io.CloseableIterable<org.apache.iceberg.data.Record> readFile(
      org.apache.iceberg.Table table, String location, Schema schema) {
    return org.apache.iceberg.parquet.Parquet.read(table.io().newInputFile(location))
        .project(schema)
        .createReaderFunc(
            fileSchema ->
                org.apache.iceberg.data.parquet.GenericParquetReaders.buildReader(
                    schema, fileSchema))
        .build();
  }

  /** Closes a catalog that holds resources (JDBC connections, HTTP clients). */
  public static void close(Catalog catalog) {
    if (catalog instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception e) {
        // nothing more to do with it
      }
    }
  }
}
