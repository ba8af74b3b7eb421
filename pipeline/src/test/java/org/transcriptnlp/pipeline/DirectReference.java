package org.transcriptnlp.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.transcriptnlp.tables.IcebergTables;
import org.transcriptnlp.testing.Fixtures;

/**
 * The Direct Runner's tables of the samples with both annotators, made once per test JVM by the jar
 * itself, and the comparison that the cluster tests make with them.
 */
final class DirectReference {
  /** The tables a run on another runner must give row for row. */
  static final List<String> TABLES =
      List.of("answers", "sentences", "entities", "turns", "rejects");

  private static Path tables;

  private DirectReference() {}

  /** The Direct Runner's output folder (made on first use). */
  static synchronized Path tables() throws Exception {
    if (tables == null) {
      Path out = Fixtures.path("pipeline/target/it-clusters/direct");
      Fixtures.deleteTree(out);
      Path log = Files.createDirectories(out.getParent()).resolve("direct.log");
      Process p =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Xmx4g",
                  "-jar",
                  ClusterScript.jar().toString(),
                  ClusterScript.samples(),
                  "--output=" + out)
              .directory(new File(Fixtures.root().toString()))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      long start = System.nanoTime();
      try (ClusterScript.PeakRss rss =
          new ClusterScript.PeakRss(() -> Map.of("job (driver and worker)", p.pid()))) {
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
          p.destroyForcibly();
          throw new AssertionError(
              "the Direct Runner's run did not end:\n" + Files.readString(log));
        }
        assertEquals(0, p.exitValue(), Files.readString(log));
        ClusterReport.add(
            "Direct",
            "samples",
            (System.nanoTime() - start) / 1e9,
            Map.of("job", ClusterScript.modelLoads(log)),
            rss.megabytes());
      }
      tables = out;
    }
    return tables;
  }

  /**
   * The current rows of {@code out} equal the Direct Runner's, table by table (DuckDB over each
   * table's current data files, ignoring the run id), each row exactly once: as many rows as the
   * table's current snapshot says it holds (Iceberg's total-records), all of one run, from data
   * files all in that run's folder of the table (no file of another attempt was committed).
   */
  static void assertSameTables(Path out, String what) throws Exception {
    org.apache.iceberg.catalog.Catalog catalog = IcebergTables.catalog(out.toString(), "hadoop");
    try (Duck ref = new Duck(tables());
        Duck duck = new Duck(out)) {
      for (String table : TABLES) {
        List<String> rows = duck.rowsWithoutRun(table);
        assertEquals(
            ref.rowsWithoutRun(table), rows, what + ": " + table + " equals the Direct Runner's");
        org.apache.iceberg.Table t =
            catalog.loadTable(
                org.apache.iceberg.catalog.TableIdentifier.of(IcebergTables.NAMESPACE, table));
        assertEquals(
            String.valueOf(rows.size()),
            t.currentSnapshot().summary().get("total-records"),
            what + ": " + table + ": the rows its snapshot says it holds");
        if (!rows.isEmpty()) {
          List<Object> runs = duck.column("SELECT DISTINCT run_id FROM " + table);
          assertEquals(1, runs.size(), what + ": " + table + " holds rows of one run: " + runs);
          for (String f : IcebergTables.currentFiles(t)) {
            assertTrue(
                f.contains("/transcripts/" + table + "/data/run-" + runs.get(0) + "/"),
                what + ": " + f);
          }
        }
      }
      assertTrue(
          duck.count("SELECT count(*) FROM entities") > 0
              && duck.count("SELECT count(*) FROM sentences") > 0,
          what + ": both annotators ran");
      assertEquals(
          0, duck.count("SELECT count(*) FROM rejects"), what + ": the samples have no rejects");
    } finally {
      IcebergTables.close(catalog);
    }
  }
}
