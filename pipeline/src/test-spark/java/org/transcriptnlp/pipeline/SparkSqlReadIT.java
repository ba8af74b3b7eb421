package org.transcriptnlp.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.transcriptnlp.tables.Table;

/**
 * The output read by Spark SQL as an analyst would: {@code spark.read.parquet("<output>/answers")}
 * for every table. The columns are the {@code .avsc} fields, in order, with the Spark types of their
 * Avro types, plus the partition columns run_date (a date) and run_id; the rows and values are
 * those DuckDB reads. Compiled and run in the {@code -Pspark} build only (Spark SQL is provided).
 */
class SparkSqlReadIT {
  private static SparkSession spark;
  private static Path output;

  @BeforeAll
  static void start() throws Exception {
    output = DirectReference.tables();
    spark = SparkSession.builder().master("local[2]").appName("transcript-nlp-read")
        .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  /** The Spark type Spark SQL gives a column written from this Avro type. */
  private static DataType sparkType(Schema s) {
    if (s.getType() == Schema.Type.UNION) {
      return sparkType(s.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).findFirst().orElseThrow());
    }
    if ("timestamp-millis".equals(s.getProp("logicalType"))) {
      return DataTypes.TimestampType;
    }
    return switch (s.getType()) {
      case STRING -> DataTypes.StringType;
      case INT -> DataTypes.IntegerType;
      case LONG -> DataTypes.LongType;
      case DOUBLE -> DataTypes.DoubleType;
      case FLOAT -> DataTypes.FloatType;
      case BOOLEAN -> DataTypes.BooleanType;
      case ARRAY -> DataTypes.createArrayType(sparkType(s.getElementType()), false);
      default -> throw new AssertionError("no mapping for " + s);
    };
  }

  private static boolean sameType(DataType expected, DataType actual) {
    if (expected instanceof ArrayType e && actual instanceof ArrayType a) {
      return sameType(e.elementType(), a.elementType());
    }
    return expected.equals(actual);
  }

  @Test
  void everyTableHasTheSchemasColumnsWithTheirTypesAndDuckDbsRows() throws Exception {
    List<Table> tables = new ArrayList<>(Table.PIPELINE);
    tables.add(Table.MANIFEST);
    tables.add(Table.RUNS);
    try (Duck duck = new Duck(output)) {
      for (Table table : tables) {
        Dataset<Row> df = spark.read().parquet(output.resolve(table.folder()).toString());
        Map<String, DataType> expected = new LinkedHashMap<>();
        for (Schema.Field f : table.schema().getFields()) {
          expected.put(f.name(), sparkType(f.schema()));
        }
        expected.put("run_date", DataTypes.DateType);
        expected.put("run_id", DataTypes.StringType);
        List<String> names = new ArrayList<>();
        for (StructField f : df.schema().fields()) {
          names.add(f.name());
          assertTrue(sameType(expected.get(f.name()), f.dataType()),
              table.folder() + "." + f.name() + ": " + f.dataType() + ", expected " + expected.get(f.name()));
        }
        assertEquals(List.copyOf(expected.keySet()), names, table.folder() + ": the .avsc fields, then the partition columns");
        String view = table == Table.MANIFEST || table == Table.RUNS ? table.folder() : "all_" + table.folder();
        assertEquals(duck.count("SELECT count(*) FROM " + view), df.count(), table.folder() + ": DuckDB's rows");
      }
      Row sums = spark.read().parquet(output.resolve("answers").toString())
          .selectExpr("sum(sentiment_score)", "sum(entity_count)", "count(DISTINCT answer_speaker)").first();
      List<Object> duckSums = duck.rows("SELECT sum(sentiment_score), sum(entity_count), count(DISTINCT answer_speaker) FROM all_answers").get(0);
      assertEquals(((Number) duckSums.get(0)).doubleValue(), sums.getDouble(0), 1e-9, "the same scores");
      assertEquals(((Number) duckSums.get(1)).longValue(), sums.getLong(1), "the same entity counts");
      assertEquals(((Number) duckSums.get(2)).longValue(), sums.getLong(2));
      List<Row> turns = spark.read().parquet(output.resolve("turns").toString())
          .where("size(stage_directions) > 0").select("stage_directions").collectAsList();
      assertEquals(duck.count("SELECT count(*) FROM all_turns WHERE len(stage_directions) > 0"), turns.size(),
          "the stage directions arrays");
    }
  }
}
