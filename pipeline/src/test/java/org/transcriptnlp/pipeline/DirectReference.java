package org.transcriptnlp.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.transcriptnlp.testing.Fixtures;

/**
 * The Direct Runner's tables of the samples with both annotators, made once per test JVM by the jar
 * itself, and the comparison that the cluster tests make with them.
 */
final class DirectReference {
  /** The tables a run on another runner must give row for row. */
  static final List<String> TABLES = List.of("answers", "sentences", "entities", "turns", "rejects");

  private static Path tables;

  private DirectReference() {}

  /** The Direct Runner's output folder (made on first use). */
  static synchronized Path tables() throws Exception {
    if (tables == null) {
      Path out = Fixtures.path("pipeline/target/it-clusters/direct");
      Fixtures.deleteTree(out);
      Path log = Files.createDirectories(out.getParent()).resolve("direct.log");
      Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx4g",
          "-jar", ClusterScript.jar().toString(), ClusterScript.samples(), "--output=" + out)
          .directory(new File(Fixtures.root().toString())).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      long start = System.nanoTime();
      try (ClusterScript.PeakRss rss = new ClusterScript.PeakRss(() -> Map.of("job (driver and worker)", p.pid()))) {
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
          p.destroyForcibly();
          throw new AssertionError("the Direct Runner's run did not end:\n" + Files.readString(log));
        }
        assertEquals(0, p.exitValue(), Files.readString(log));
        ClusterReport.add("Direct", "samples", (System.nanoTime() - start) / 1e9,
            Map.of("job", ClusterScript.modelLoads(log)), rss.megabytes());
      }
      tables = out;
    }
    return tables;
  }

  /**
   * The current rows of {@code out} (a one-run output) equal the Direct Runner's, table by table
   * (DuckDB, ignoring the run id), and every data file on disk is one of the current snapshot's:
   * each row is there exactly once.
   */
  static void assertSameTables(Path out, String what) throws Exception {
    try (Duck ref = new Duck(tables()); Duck duck = new Duck(out)) {
      for (String table : TABLES) {
        List<String> rows = duck.rowsWithoutRun(table);
        assertEquals(ref.rowsWithoutRun(table), rows, what + ": " + table + " equals the Direct Runner's");
        // A retried attempt's files left in the run's folder would be committed or lie about: every data file is current.
        try (IcebergRows tables = new IcebergRows(out)) {
          org.transcriptnlp.tables.Table t = org.transcriptnlp.tables.Table.valueOf(table.toUpperCase(java.util.Locale.ROOT));
          assertEquals(IcebergRows.filesOnDisk(out, t).stream().map(f -> IcebergRows.dataFolder(out, t).resolve(f)).toList(),
              tables.currentFiles(t), what + ": " + table + " holds no file of another attempt");
        }
      }
      assertTrue(duck.count("SELECT count(*) FROM entities") > 0 && duck.count("SELECT count(*) FROM sentences") > 0,
          what + ": both annotators ran");
      assertEquals(0, duck.count("SELECT count(*) FROM rejects"), what + ": the samples have no rejects");
    }
  }
}
