package org.transcriptnlp.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.transcriptnlp.beam.Metric;
import org.transcriptnlp.model.Ids;
import org.transcriptnlp.pipeline.console.RunSummary;
import org.transcriptnlp.pipeline.options.TranscriptNlpOptions;
import org.transcriptnlp.pipeline.runs.RunCommit;
import org.transcriptnlp.pipeline.runs.RunPlan;
import org.transcriptnlp.tables.IcebergTables;
import org.transcriptnlp.tables.Rows;
import org.transcriptnlp.tables.Table;
import org.transcriptnlp.testing.Fixtures;

/**
 * The main job, through the same {@code run(options)} as the jar, on the seed interview with both
 * annotators; every table read back with DuckDB.
 */
class SeedEndToEndTest {
  private static Path output;
  private static RunSummary summary;
  private static Duck duck;

  @BeforeAll
  static void runJob() throws Exception {
    output = Files.createTempDirectory("transcript-nlp-e2e");
    TranscriptNlpOptions options =
        PipelineOptionsFactory.fromArgs(
                "--input=" + Fixtures.seed(),
                "--output=" + output,
                "--annotators=sentiment,entities")
            .withValidation()
            .as(TranscriptNlpOptions.class);
    summary = TranscriptNlp.run(options);
    duck = new Duck(output);
  }

  @AfterAll
  static void close() throws Exception {
    if (duck != null) {
      duck.close();
    }
  }

  @Test
  void summaryAccountsForTheFile() {
    assertEquals(1, summary.get(Metric.FILES_MATCHED));
    assertEquals(1, summary.get(Metric.FILES_PARSED));
    assertEquals(0, summary.get(Metric.FILES_REJECTED));
    assertEquals(26, summary.get(Metric.ANSWERS));
    assertEquals(0, summary.get(Metric.ANNOTATION_FAILURES));
    assertTrue(summary.accountedFor());
  }

  @Test
  void everyRowCountedIsInTheTablesAndEachTableIsOneFileWithNoStagingLeft() throws Exception {
    for (Table t : Table.PIPELINE) {
      long rows = duck.count("SELECT count(*) FROM " + t.folder());
      assertEquals(rows, summary.get(Metric.rowsWritten(t.folder())), t.folder());
      // A table without rows (rejects, here) gets no data file: its snapshot has none.
      assertEquals(rows > 0 ? 1 : 0, summary.get(Metric.filesWritten(t.folder())), t.folder());
    }
    assertEquals(0, summary.get(Metric.rowsWritten("rejects")));
    assertEquals(summary.get(Metric.ANSWERS), summary.get(Metric.rowsWritten("answers")));
    assertEquals(summary.get(Metric.SENTENCES), summary.get(Metric.rowsWritten("sentences")));
    assertEquals(summary.get(Metric.ENTITIES), summary.get(Metric.rowsWritten("entities")));
    assertEquals(summary.get(Metric.TURNS), summary.get(Metric.rowsWritten("turns")));
    assertTrue(summary.get(Metric.filesStaged("sentences")) >= 1);
    assertTrue(Files.notExists(output.resolve("_staging")), "the run's staging folder is removed");
  }

  @Test
  void twentySixAnswersAllByTokayevToDikhan() throws Exception {
    assertEquals(26, duck.count("SELECT count(*) FROM answers"));
    assertEquals(
        List.of("Kassym-Jomart Tokayev"),
        duck.column("SELECT DISTINCT answer_speaker FROM answers"));
    assertEquals(
        List.of("Dikhan Kamzabekuly"),
        duck.column("SELECT DISTINCT question_speaker FROM answers"));
    assertEquals(
        java.util.stream.IntStream.range(0, 26).boxed().toList(),
        duck.column("SELECT answer_index FROM answers ORDER BY answer_index"));
    assertEquals(2, duck.count("SELECT count(*) FROM answers WHERE speaker_inferred"));
  }

  @Test
  void idsAreContentDerived() throws Exception {
    String tid = Ids.transcriptId(Files.readAllBytes(Fixtures.seed()));
    assertEquals(List.of(tid), duck.column("SELECT DISTINCT transcript_id FROM answers"));
    assertEquals(
        0,
        duck.count(
            "SELECT count(*) FROM answers WHERE answer_id <> transcript_id || '-a' ||"
                + " lpad(answer_index::VARCHAR, 4, '0')"));
    assertEquals(26, duck.count("SELECT count(DISTINCT answer_id) FROM answers"));
  }

  @Test
  void fiftyTwoTurnsAndNoRejects() throws Exception {
    assertEquals(52, duck.count("SELECT count(*) FROM turns"));
    assertEquals(26, duck.count("SELECT count(*) FROM turns WHERE role = 'questioner'"));
    assertEquals(26, duck.count("SELECT count(*) FROM turns WHERE role = 'respondent'"));
    assertEquals(0, duck.count("SELECT count(*) FROM rejects"));
  }

  @Test
  void noAnswerHoldsTheBylineAuthorNoteOrCaption() throws Exception {
    for (String table : List.of("answers", "turns")) {
      String text = table.equals("answers") ? "answer_text || question_text" : "text";
      assertEquals(
          0,
          duck.count(
              "SELECT count(*) FROM "
                  + table
                  + " WHERE "
                  + text
                  + " LIKE '%By Dikhan Kamzabekuly%' OR "
                  + text
                  + " LIKE '%The author is%' OR "
                  + text
                  + " LIKE '%Photo:%' OR "
                  + text
                  + " LIKE '%INPS Japan%'"),
          table);
    }
  }

  @Test
  void kazakhstanAndCstoAreEntitiesWithSensibleTypes() throws Exception {
    Set<Object> kazakhstan =
        Set.copyOf(duck.column("SELECT DISTINCT type FROM entities WHERE text = 'Kazakhstan'"));
    assertTrue(
        Set.of("LOCATION", "COUNTRY").containsAll(kazakhstan) && !kazakhstan.isEmpty(),
        kazakhstan.toString());
    Set<Object> csto =
        Set.copyOf(duck.column("SELECT DISTINCT type FROM entities WHERE text = 'CSTO'"));
    assertEquals(Set.of("ORGANIZATION"), csto);
    assertTrue(duck.count("SELECT count(*) FROM entities WHERE text = 'Kazakhstan'") > 20);
  }

  @Test
  void offsetsGiveBackTheTextInDuckDb() throws Exception {
    assertTrue(duck.count("SELECT count(*) FROM entities") > 100);
    assertEquals(
        0,
        duck.count(
            "SELECT count(*) FROM entities e JOIN answers a USING (answer_id) WHERE"
                + " substr(a.answer_text, e.char_begin + 1, e.char_end - e.char_begin) <> e.text"));
    assertEquals(
        0,
        duck.count(
            "SELECT count(*) FROM sentences s JOIN answers a USING (answer_id) WHERE"
                + " substr(a.answer_text, s.char_begin + 1, s.char_end - s.char_begin) <> s.text"));
  }

  @Test
  void sentimentIsValidAndConsistentAcrossTables() throws Exception {
    assertEquals(
        0,
        duck.count(
            "SELECT count(*) FROM sentences WHERE sentiment_label NOT IN "
                + "('very_negative','negative','neutral','positive','very_positive')"));
    assertEquals(
        0,
        duck.count(
            "SELECT count(*) FROM answers WHERE sentiment_score NOT BETWEEN -2 AND 2 OR"
                + " sentiment_score IS NULL"));
    assertEquals(
        0,
        duck.count(
            "SELECT count(*) FROM answers WHERE very_negative_sentences + negative_sentences +"
                + " neutral_sentences + positive_sentences + very_positive_sentences <>"
                + " sentence_count"));
    assertEquals(
        duck.count("SELECT sum(sentence_count) FROM answers"),
        duck.count("SELECT count(*) FROM sentences"));
    assertEquals(
        0,
        duck.count(
            "SELECT count(*) FROM answers a LEFT JOIN (SELECT answer_id, count(*) n FROM entities"
                + " GROUP BY 1) e USING (answer_id) WHERE a.entity_count <> coalesce(e.n, 0)"));
    assertEquals(
        0,
        duck.count(
            "SELECT count(*) FROM sentences WHERE abs(p_very_negative + p_negative + p_neutral +"
                + " p_positive + p_very_positive - 1) > 1e-6"));
    // More than one class occurs: the model was really consulted.
    assertTrue(duck.count("SELECT count(DISTINCT sentiment_label) FROM sentences") >= 3);
  }

  @Test
  void parquetColumnsAreTheAvroSchemasAndEachTableIsOneFileOfTheRun() throws Exception {
    for (Table table : Table.values()) {
      List<Object> columns =
          duck.column("SELECT column_name FROM (DESCRIBE " + table.folder() + ")");
      List<String> expected = new ArrayList<>(Rows.fieldNames(table.schema()));
      assertTrue(expected.contains("run_id"), table.folder());
      assertEquals(expected, columns, table.folder());
    }
    String run = summary.report().run().value();
    try (IcebergRows tables = new IcebergRows(output)) {
      for (Table table : Table.values()) {
        if (table == Table.REJECTS) {
          assertEquals(List.of(), tables.currentFiles(table), "no rejects row, no file");
          assertEquals(List.of(), IcebergRows.filesOnDisk(output, table));
          continue;
        }
        assertEquals(
            List.of(
                IcebergRows.dataFolder(output, table)
                    .resolve("run-" + run)
                    .resolve("part-00000-of-00001-" + run + ".parquet")),
            tables.currentFiles(table),
            table.folder());
        assertEquals(
            List.of("run-" + run + "/part-00000-of-00001-" + run + ".parquet"),
            IcebergRows.filesOnDisk(output, table),
            table.folder() + ": no other file");
        assertEquals(
            List.of(run),
            tables.column(table, "run_id").stream().distinct().toList(),
            table.folder());
      }
    }
  }

  /**
   * Each table's snapshot carries the run: its id (the runs row's), settings fingerprint, pipeline
   * version, mode and counts.
   */
  @Test
  void everyTablesSnapshotSummaryNamesTheRun() throws Exception {
    List<Object> runsRow =
        duck.rows("SELECT run_id, settings_fingerprint, pipeline_version, mode FROM runs").get(0);
    assertEquals(summary.report().run().value(), runsRow.get(0));
    try (IcebergRows tables = new IcebergRows(output)) {
      for (Table table : Table.values()) {
        org.apache.iceberg.Snapshot s = tables.current(table);
        assertEquals(1, tables.snapshotCount(table), table.folder() + ": one commit");
        assertEquals(
            runsRow,
            List.of(
                s.summary().get(IcebergTables.RUN_ID),
                s.summary().get(IcebergTables.SETTINGS_FINGERPRINT),
                s.summary().get(IcebergTables.PIPELINE_VERSION),
                s.summary().get(IcebergTables.MODE)),
            table.folder());
        assertEquals("1", s.summary().get(IcebergTables.FILES_PROCESSED), table.folder());
        long rows = duck.count("SELECT count(*) FROM " + table.folder());
        assertEquals(
            String.valueOf(rows), s.summary().get(IcebergTables.ROWS_ADDED), table.folder());
        assertEquals("0", s.summary().get("transcript-nlp.rows-replaced"), table.folder());
        assertEquals("0", s.summary().get("transcript-nlp.files-rewritten"), table.folder());
      }
    }
    assertEquals(
        RunPlan.fingerprint((String) duck.one("SELECT settings FROM runs")), runsRow.get(1));
  }

  @Test
  void theManifestAndRunsRowsMatchTheFileAndTheTables() throws Exception {
    String sha =
        java.util.HexFormat.of()
            .formatHex(
                java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(Fixtures.seed())));
    assertEquals(
        List.of(
            List.of(
                Fixtures.seed().toString(),
                sha,
                Files.size(Fixtures.seed()),
                "new",
                "processed",
                duck.one("SELECT DISTINCT transcript_id FROM answers"),
                duck.count("SELECT count(*) FROM answers"),
                duck.count("SELECT count(*) FROM sentences"),
                duck.count("SELECT count(*) FROM entities"),
                duck.count("SELECT count(*) FROM turns"),
                0L)),
        duck.rows(
            "SELECT source_path, content_sha256, size_bytes, change, status, transcript_id, "
                + "answers, sentences, entities, turns, rejects FROM manifest"));
    assertEquals(
        List.of(
            List.of(
                "incremental",
                1L,
                1L,
                0L,
                0L,
                0L,
                summary.get(Metric.ANSWERS),
                summary.get(Metric.SENTENCES),
                summary.get(Metric.ENTITIES),
                summary.get(Metric.TURNS),
                0L,
                "DirectRunner",
                summary.report().run().value())),
        duck.rows(
            "SELECT mode, files_matched, files_new, files_changed, files_unchanged, files_rejected,"
                + " answers, sentences, entities, turns, rejects, runner, run_id FROM runs"));
    assertTrue((Boolean) duck.one("SELECT started_at < finished_at FROM runs"));
    assertEquals(
        RunCommit.pipelineVersion(), duck.one("SELECT DISTINCT pipeline_version FROM manifest"));
    assertTrue(
        RunCommit.pipelineVersion().matches("\\d+\\.\\d+\\.\\d+.*"),
        "filled in by Maven: " + RunCommit.pipelineVersion());
  }

  @Test
  void everySampleQueryRunsOverTheCurrentRows() throws Exception {
    Map<String, Integer> rows = new TreeMap<>();
    // As the queries' headers say: an --export, and the views of export-views.sql over it.
    Path export = Files.createTempDirectory("transcript-nlp-e2e-export");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(
        0,
        TranscriptNlp.execute(
            new String[] {"--output=" + output, "--export=" + export},
            new PrintStream(out, true),
            new PrintStream(err, true)),
        err.toString());
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
        java.sql.Statement st = c.createStatement();
        var files = Files.list(Fixtures.path("samples/queries"))) {
      st.execute("SET file_search_path = '" + export.toString().replace("'", "''") + "'");
      for (String view : Duck.statements(Fixtures.path("samples/queries/export-views.sql"))) {
        st.execute(view);
      }
      for (Path sql :
          files
              .filter(f -> f.toString().endsWith(".sql") && !f.endsWith("export-views.sql"))
              .sorted()
              .toList()) {
        List<String> statements = Duck.statements(sql);
        assertEquals(1, statements.size(), sql + " is one query");
        int n = 0;
        try (java.sql.ResultSet rs = st.executeQuery(statements.get(0))) {
          while (rs.next()) {
            n++;
          }
        }
        assertEquals(
            duck.rows(statements.get(0)).size(),
            n,
            sql + ": the same over the export as over the current snapshot's files");
        rows.put(sql.getFileName().toString(), n);
      }
    }
    assertEquals(26, rows.get("answers_by_sentiment.sql"));
    assertEquals(
        (int) duck.count("SELECT count(*) FROM entities WHERE text = 'CSTO'"),
        rows.get("entity_in_context.sql"));
    assertTrue(rows.get("entity_in_context.sql") > 0);
    assertEquals(0, rows.get("rejects.sql"));
    assertEquals(30, rows.get("top_entities.sql"));
    assertEquals(26, rows.get("sentiment_arc.sql"));
    assertEquals(10, rows.get("negative_questions.sql"));
    assertEquals(2, rows.get("talk_share.sql"), "the interviewer and Tokayev");
    rows.forEach(
        (file, n) ->
            assertTrue(n > 0 || file.equals("rejects.sql"), file + " returns rows on the seed"));
    // SampleQueriesTest checks each result against the same figures computed from the plain rows.
  }
}
