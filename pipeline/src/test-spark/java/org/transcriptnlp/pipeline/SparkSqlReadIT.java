package org.transcriptnlp.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.apache.avro.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.transcriptnlp.tables.IcebergTables;
import org.transcriptnlp.tables.Table;
import org.transcriptnlp.testing.Fixtures;

/**
 * The output read by Spark SQL as its users do, through Iceberg: a Spark session with Iceberg's
 * Spark runtime and the catalog {@code nlp} set to the output's Hadoop catalog ({@code
 * spark.sql.catalog.nlp=org.apache.iceberg.spark.SparkCatalog}, {@code .type=hadoop}, {@code
 * .warehouse=<output>}), then {@code SELECT ... FROM nlp.transcripts.answers}. Every table's
 * columns are the {@code .avsc} fields in order with the Spark types of their Avro types; its rows
 * are exactly those Iceberg's generic reader gives (every column, run_id too), and as many as
 * DuckDB reads. On the samples (both annotators) and on two files after an incremental run that
 * replaced a changed file's rows: one row per answer, the earlier rows in the earlier snapshot
 * (time travel).
 *
 * <p>Spark runs in a JVM of its own with the runtime jar and without the job's Iceberg jars ({@link
 * SparkSqlQueries}; why: the spark profile in pipeline/pom.xml). Compiled and run in the {@code
 * -Pspark} build only.
 */
class SparkSqlReadIT {
  private static final String FOX = "wh_2025-02-16_fox-sports_trump_short.md";
  private static final List<Table> TABLES = List.of(Table.values());

  private static Path samples;
  private static Path seedOut;
  private static List<String> seedRuns;
  private static long firstAnswersSnapshot;
  private static Map<String, Result> spark;

  /**
   * A query's result as Spark gave it: its columns (name:type) and rows (canonical text, in Spark's
   * order).
   */
  record Result(List<String> columns, List<String> rows) {
    List<String> sorted() {
      return rows.stream().sorted().toList();
    }
  }

  @BeforeAll
  static void runTheJobAndSparkSql() throws Exception {
    samples = DirectReference.tables();

    // Two files, then the seed changed (one question and answer more): an incremental run replaces
    // its rows, copy-on-write, in the data file it shares with the other file's rows.
    Path dir = Fixtures.path("pipeline/target/it-spark-sql");
    Fixtures.deleteTree(dir);
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.copy(Fixtures.seed(), in.resolve("seed.txt"));
    Files.copy(Fixtures.path("samples/transcripts/" + FOX), in.resolve(FOX));
    seedOut = dir.resolve("out");
    String first =
        jar(
            dir.resolve("run-1.log"),
            "--input=" + in + "/*",
            "--output=" + seedOut,
            "--annotators=none");
    assertTrue(first.contains("matched: 2 files = 2 new + 0 changed + 0 unchanged"), first);
    List<String> lines =
        new ArrayList<>(Files.readAllLines(in.resolve("seed.txt"), StandardCharsets.UTF_8));
    int at = 0;
    while (!lines.get(at).startsWith("DK: What are your expectations")) {
      at++;
    }
    lines.addAll(
        at,
        List.of("DK: One more question, about Astana?", "Tokayev: A short answer about Astana."));
    Files.write(in.resolve("seed.txt"), lines, StandardCharsets.UTF_8);
    String second =
        jar(
            dir.resolve("run-2.log"),
            "--input=" + in + "/*",
            "--output=" + seedOut,
            "--annotators=none");
    assertTrue(second.contains("matched: 2 files = 0 new + 1 changed + 1 unchanged"), second);
    Catalog catalog = IcebergTables.catalog(seedOut.toString(), "hadoop");
    try {
      org.apache.iceberg.Table answers = catalog.loadTable(IcebergTables.identifier(Table.ANSWERS));
      seedRuns = new ArrayList<>();
      for (Snapshot s : answers.snapshots()) {
        seedRuns.add(s.summary().get(IcebergTables.RUN_ID));
      }
      assertEquals(2, seedRuns.size(), seedRuns.toString());
      firstAnswersSnapshot = answers.snapshots().iterator().next().snapshotId();
      assertEquals(
          "1",
          answers.currentSnapshot().summary().get("transcript-nlp.files-rewritten"),
          "the second run rewrote the data file of both files without the seed's rows");
    } finally {
      IcebergTables.close(catalog);
    }

    List<String> args = new ArrayList<>();
    for (Map.Entry<String, Path> c : Map.of("nlp", samples, "nlp_seed", seedOut).entrySet()) {
      args.add("conf:spark.sql.catalog." + c.getKey() + "=org.apache.iceberg.spark.SparkCatalog");
      args.add("conf:spark.sql.catalog." + c.getKey() + ".type=hadoop");
      args.add("conf:spark.sql.catalog." + c.getKey() + ".warehouse=" + c.getValue());
    }
    for (Table t : TABLES) {
      args.add("sql:" + t.folder() + "=SELECT * FROM nlp.transcripts." + t.folder());
      args.add("sql:seed." + t.folder() + "=SELECT * FROM nlp_seed.transcripts." + t.folder());
    }
    args.add(
        "sql:answer-sums=SELECT sum(sentiment_score), sum(entity_count), count(DISTINCT"
            + " answer_speaker), count(*), count(DISTINCT answer_id) FROM nlp.transcripts.answers");
    args.add(
        "sql:stage-directions=SELECT count(*) FROM nlp.transcripts.turns WHERE"
            + " size(stage_directions) > 0");
    args.add(
        "sql:seed.answers-twice=SELECT answer_id, count(*) FROM nlp_seed.transcripts.answers GROUP"
            + " BY answer_id HAVING count(*) > 1");
    args.add(
        "sql:seed.answers-by-file=SELECT regexp_extract(source_path, '[^/]+$', 0) AS file, run_id,"
            + " count(*), count(DISTINCT answer_id) FROM nlp_seed.transcripts.answers GROUP BY 1, 2"
            + " ORDER BY 1");
    args.add(
        "sql:seed.snapshots=SELECT summary['transcript-nlp.run-id'] FROM"
            + " nlp_seed.transcripts.answers.snapshots ORDER BY committed_at");
    args.add(
        "sql:seed.first-snapshot=SELECT regexp_extract(source_path, '[^/]+$', 0) AS file, count(*)"
            + " FROM nlp_seed.transcripts.answers VERSION AS OF "
            + firstAnswersSnapshot
            + " GROUP BY 1 ORDER BY 1");
    spark = sparkSql(dir, args);
  }

  /**
   * Runs the packaged jar (the Direct Runner) in a JVM of its own; it must exit 0. Returns what it
   * printed.
   */
  private static String jar(Path log, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g",
                "-jar",
                ClusterScript.jar().toString()));
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command)
            .directory(Fixtures.root().toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("the job did not end:\n" + Files.readString(log));
    }
    String out = Files.readString(log);
    assertEquals(0, p.exitValue(), out);
    return out;
  }

  /**
   * The test JVM's class path (failsafe names it in surefire.test.class.path, or in its booter
   * jar's manifest).
   */
  private static List<String> testClassPath() throws IOException {
    String cp = System.getProperty("surefire.test.class.path");
    if (cp == null || cp.isBlank()) {
      cp = System.getProperty("java.class.path");
    }
    List<String> entries = new ArrayList<>(List.of(cp.split(File.pathSeparator)));
    if (entries.size() == 1
        && entries.get(0).endsWith(".jar")
        && Path.of(entries.get(0)).getFileName().toString().startsWith("surefirebooter")) {
      try (JarFile booter = new JarFile(entries.get(0))) {
        entries = new ArrayList<>();
        for (String url :
            booter.getManifest().getMainAttributes().getValue("Class-Path").split(" ")) {
          entries.add(Path.of(java.net.URI.create(url)).toString());
        }
      }
    }
    return entries;
  }

  /**
   * Runs {@link SparkSqlQueries} in a JVM with the test class path but Iceberg's Spark runtime in
   * place of the job's Iceberg jars (iceberg-*.jar, and the job's jar, whose manifest names them),
   * with Spark's Java 17 options; returns the results by query name.
   */
  private static Map<String, Result> sparkSql(Path dir, List<String> args) throws Exception {
    String runtime = System.getProperty("iceberg.spark.runtime");
    assertTrue(
        runtime != null && Files.isRegularFile(Path.of(runtime)),
        "the failsafe property iceberg.spark.runtime names the jar: " + runtime);
    List<String> cp = new ArrayList<>();
    for (String e : testClassPath()) {
      String name = Path.of(e).getFileName().toString();
      // Not the job's jar either: its manifest's Class-Path names lib/iceberg-*.jar.
      if (!name.startsWith("iceberg-") && !Path.of(e).equals(ClusterScript.jar())) {
        cp.add(e);
      }
    }
    cp.add(runtime);
    Path results = dir.resolve("spark-sql.tsv");
    Path log = dir.resolve("spark-sql.log");
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "@" + Fixtures.path("run-configs/spark/java17-options"),
                "-cp",
                String.join(File.pathSeparator, cp),
                SparkSqlQueries.class.getName(),
                results.toString()));
    command.addAll(args);
    Process p =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("Spark SQL did not end:\n" + Files.readString(log));
    }
    assertEquals(0, p.exitValue(), Files.readString(log));
    Map<String, Result> byName = new LinkedHashMap<>();
    for (String line : Files.readAllLines(results, StandardCharsets.UTF_8)) {
      String[] f = line.split("\t", 3);
      if (f[0].equals("columns")) {
        byName.put(
            f[1],
            new Result(
                f[2].isEmpty() ? List.of() : List.of(f[2].split(" \\| ")), new ArrayList<>()));
      } else {
        byName.get(f[1]).rows().add(f[2]);
      }
    }
    return byName;
  }

  /**
   * Every current row of a table with Iceberg's generic reader, as {@link
   * SparkSqlQueries#canonical} writes Spark's, sorted.
   */
  private static List<String> genericRows(Path output, Table table) throws IOException {
    Catalog catalog = IcebergTables.catalog(output.toString(), "hadoop");
    List<String> rows = new ArrayList<>();
    try (CloseableIterable<Record> all =
        IcebergGenerics.read(catalog.loadTable(IcebergTables.identifier(table))).build()) {
      for (Record r : all) {
        List<Object> values = new ArrayList<>();
        for (Types.NestedField f : r.struct().fields()) {
          values.add(r.getField(f.name()));
        }
        rows.add(SparkSqlQueries.canonical(values));
      }
    } finally {
      IcebergTables.close(catalog);
    }
    rows.sort(null);
    return rows;
  }

  /** The Spark SQL type (simpleString) of a column written from this Avro type. */
  private static String sparkType(Schema s) {
    if (s.getType() == Schema.Type.UNION) {
      return sparkType(
          s.getTypes().stream()
              .filter(t -> t.getType() != Schema.Type.NULL)
              .findFirst()
              .orElseThrow());
    }
    if ("timestamp-millis".equals(s.getProp("logicalType"))) {
      return "timestamp";
    }
    return switch (s.getType()) {
      case STRING -> "string";
      case INT -> "int";
      case LONG -> "bigint";
      case DOUBLE -> "double";
      case FLOAT -> "float";
      case BOOLEAN -> "boolean";
      case ARRAY -> "array<" + sparkType(s.getElementType()) + ">";
      default -> throw new AssertionError("no mapping for " + s);
    };
  }

  private static void assertSparkSeesTheTables(String prefix, Path output) throws Exception {
    try (Duck duck = new Duck(output)) {
      for (Table t : TABLES) {
        Result r = spark.get(prefix + t.folder());
        List<String> columns = new ArrayList<>();
        for (Schema.Field f : t.schema().getFields()) {
          columns.add(f.name() + ":" + sparkType(f.schema()));
        }
        assertEquals(
            columns, r.columns(), t.folder() + ": the .avsc fields, in order, with their types");
        assertEquals(
            genericRows(output, t),
            r.sorted(),
            t.folder() + ": Spark SQL's rows are the generic reader's");
        assertEquals(
            duck.count("SELECT count(*) FROM " + t.folder()),
            r.rows().size(),
            t.folder() + ": as many as DuckDB reads");
      }
    }
  }

  @Test
  void sparkSqlReadsEveryTableOfTheSamplesAsTheGenericReaderAndDuckDbDo() throws Exception {
    assertSparkSeesTheTables("", samples);
    assertTrue(
        spark.get("entities").rows().size() > 0 && spark.get("sentences").rows().size() > 0,
        "both annotators ran");
    assertEquals(List.of(), spark.get("rejects").rows());
    assertEquals(3, spark.get("manifest").rows().size());
    // One run made the samples' tables; ReportBrowserIT, when it runs first in this JVM, adds one
    // that found nothing new.
    assertTrue(spark.get("runs").rows().size() >= 1, "the run that made the tables");
    try (Duck duck = new Duck(samples)) {
      List<Object> sums =
          duck.rows(
                  "SELECT sum(sentiment_score), sum(entity_count), count(DISTINCT answer_speaker),"
                      + " count(*), count(DISTINCT answer_id) FROM answers")
              .get(0);
      String[] s = spark.get("answer-sums").rows().get(0).replaceAll("^\\[|\\]$", "").split(", ");
      assertEquals(
          ((Number) sums.get(0)).doubleValue(),
          Double.parseDouble(s[0].replace("Double:", "")),
          1e-9,
          "the same scores");
      assertEquals("Long:" + sums.get(1), s[1], "the same entity counts");
      assertEquals("Long:" + sums.get(2), s[2]);
      assertEquals("Long:" + sums.get(3), s[3]);
      assertEquals(s[3], s[4], "one row per answer");
      assertEquals(
          List.of(
              "[Long:"
                  + duck.count("SELECT count(*) FROM turns WHERE len(stage_directions) > 0")
                  + "]"),
          spark.get("stage-directions").rows(),
          "the stage directions arrays");
    }
  }

  @Test
  void afterAnIncrementalRunSparkSqlSeesOneRowPerAnswerAndTheFirstRunsRowsInTheEarlierSnapshot()
      throws Exception {
    assertSparkSeesTheTables("seed.", seedOut);
    assertEquals(List.of(), spark.get("seed.answers-twice").rows(), "no answer twice");
    String run1 = seedRuns.get(0);
    String run2 = seedRuns.get(1);
    assertEquals(
        List.of(
            "[\"seed.txt\", \"" + run2 + "\", Long:27, Long:27]",
            "[\"" + FOX + "\", \"" + run1 + "\", Long:8, Long:8]"),
        spark.get("seed.answers-by-file").rows(),
        "the changed file's answers are the second run's, the other's the first's");
    assertEquals(
        List.of("[\"" + run1 + "\"]", "[\"" + run2 + "\"]"), spark.get("seed.snapshots").rows());
    assertEquals(
        List.of("[\"seed.txt\", Long:26]", "[\"" + FOX + "\", Long:8]"),
        spark.get("seed.first-snapshot").rows(),
        "VERSION AS OF the first snapshot: the first run's rows");
    assertEquals(27 + 8, Duck.currentRows(seedOut).get("answers").size());
  }
}
