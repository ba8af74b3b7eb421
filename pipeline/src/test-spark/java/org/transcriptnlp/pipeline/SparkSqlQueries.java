package org.transcriptnlp.pipeline;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;

/**
 * Spark SQL as its users run it on the tables: a local Spark session with the settings given
 * ({@code spark.sql.catalog.nlp=org.apache.iceberg.spark.SparkCatalog}, ...), Iceberg's Spark
 * runtime jar on the class path and none of the job's jars. {@link SparkSqlReadIT} starts it in a
 * JVM of its own (the runtime jar's Iceberg classes clash with the job's iceberg-core; see the
 * spark profile in pipeline/pom.xml).
 *
 * <p>Arguments: the result file, then {@code conf:KEY=VALUE} (a Spark setting) and {@code
 * sql:NAME=STATEMENT} (a query). The result file has, for each query, a line {@code
 * columns<TAB>NAME<TAB>name:type | ...} and a line {@code row<TAB>NAME<TAB>VALUES} per row, the
 * values as {@link #canonical} writes them.
 */
public final class SparkSqlQueries {
  private SparkSqlQueries() {}

  public static void main(String[] args) throws Exception {
    SparkSession.Builder builder =
        SparkSession.builder()
            .master("local[2]")
            .appName("transcript-nlp-spark-sql")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.sql.datetime.java8API.enabled", "true");
    Map<String, String> queries = new java.util.LinkedHashMap<>();
    for (String a : List.of(args).subList(1, args.length)) {
      int eq = a.indexOf('=');
      if (a.startsWith("conf:")) {
        builder.config(a.substring(5, eq), a.substring(eq + 1));
      } else if (a.startsWith("sql:")) {
        queries.put(a.substring(4, eq), a.substring(eq + 1));
      } else {
        throw new IllegalArgumentException("neither conf: nor sql: " + a);
      }
    }
    SparkSession spark = builder.getOrCreate();
    try (PrintWriter out =
        new PrintWriter(Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8))) {
      for (Map.Entry<String, String> q : queries.entrySet()) {
        Dataset<Row> df = spark.sql(q.getValue());
        List<String> columns = new ArrayList<>();
        for (StructField f : df.schema().fields()) {
          columns.add(f.name() + ":" + f.dataType().simpleString());
        }
        out.println("columns\t" + q.getKey() + "\t" + String.join(" | ", columns));
        for (Row r : df.collectAsList()) {
          List<Object> values = new ArrayList<>();
          for (int i = 0; i < r.length(); i++) {
            values.add(r.get(i));
          }
          out.println("row\t" + q.getKey() + "\t" + canonical(values));
        }
      }
    } finally {
      spark.stop();
    }
  }

  /**
   * A value as text that is the same for the same value whichever reader gave it: Spark's (Row
   * values, Scala sequences, java.time values) or Iceberg's generic reader (Java lists,
   * OffsetDateTime). Strings are quoted and escaped, numbers in Java's notation, timestamps as
   * instants, lists in brackets.
   */
  public static String canonical(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof CharSequence s) {
      StringBuilder b = new StringBuilder("\"");
      s.chars()
          .forEach(
              c -> {
                if (c == '"' || c == '\\') {
                  b.append('\\').append((char) c);
                } else if (c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029) {
                  b.append(String.format("\\u%04x", c));
                } else {
                  b.append((char) c);
                }
              });
      return b.append('"').toString();
    }
    if (v instanceof Number || v instanceof Boolean) {
      return v.getClass().getSimpleName() + ":" + v;
    }
    if (v instanceof Instant i) {
      return "instant:" + i;
    }
    if (v instanceof OffsetDateTime t) {
      return "instant:" + t.toInstant();
    }
    if (v instanceof java.sql.Timestamp t) {
      return "instant:" + t.toInstant();
    }
    if (v instanceof LocalDateTime t) {
      return "local:" + t;
    }
    if (v instanceof LocalDate d) {
      return "date:" + d;
    }
    if (v instanceof scala.collection.Seq<?> seq) {
      return canonical(scala.collection.JavaConverters.seqAsJavaList(seq));
    }
    if (v instanceof Row r) {
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < r.length(); i++) {
        values.add(r.get(i));
      }
      return "{" + canonical(values) + "}";
    }
    if (v instanceof scala.collection.Map<?, ?> m) {
      return canonical(scala.collection.JavaConverters.mapAsJavaMap(m));
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, String> sorted = new TreeMap<>();
      m.forEach((k, x) -> sorted.put(canonical(k), canonical(x)));
      return sorted.entrySet().stream()
          .map(e -> e.getKey() + ": " + e.getValue())
          .collect(Collectors.joining(", ", "{", "}"));
    }
    if (v instanceof List<?> l) {
      return l.stream().map(SparkSqlQueries::canonical).collect(Collectors.joining(", ", "[", "]"));
    }
    throw new IllegalArgumentException(
        "no canonical text for a " + v.getClass().getName() + ": " + v);
  }
}
