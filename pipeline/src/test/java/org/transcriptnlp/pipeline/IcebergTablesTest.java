package org.transcriptnlp.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptnlp.pipeline.runs.Maintenance;
import org.transcriptnlp.pipeline.runs.RunCommit;
import org.transcriptnlp.tables.IcebergTables;
import org.transcriptnlp.tables.Table;
import org.transcriptnlp.testing.Fixtures;

/**
 * The output as Iceberg tables (issue 19), end to end on real transcripts: incremental runs and a
 * full run give the rows of one run over the archive as it is, read with DuckDB over the current
 * snapshot's files and with Iceberg's generic reader; the settings check; what each snapshot's
 * summary says; --export; --mode=maintain; a JDBC catalog.
 */
class IcebergTablesTest {
  @TempDir Path dir;

  private static final String CORPUS = "transforms/src/test/resources/corpus/";

  /**
   * Plain-text transcripts of the corpus (also in /work/shared/corpus) and the seed: one of them
   * has no speech.
   */
  private static final List<String> FIRST =
      List.of(
          "tv-interview/wh_2025-02-16_fox-sports_trump_short.md",
          "air-to-ground/spacelog_a13_MEDIA_image-blocks-no-speech.txt");

  private static final List<String> LATER =
      List.of(
          "press-briefing/wh_2024-10-22_gaggle_air-force-one.md",
          "air-to-ground/spacelog_mr4_liberty-bell-7_ATG.txt");
  private static final String CHANGED = "wh_2025-02-16_fox-sports_trump_short.md";

  private static void copy(List<String> corpusFiles, Path in) throws IOException {
    Files.createDirectories(in);
    for (String f : corpusFiles) {
      Path from = Fixtures.path(CORPUS + f);
      Files.copy(from, in.resolve(from.getFileName()));
    }
  }

  private static void copySeed(Path in) throws IOException {
    Files.createDirectories(in);
    Files.copy(Fixtures.seed(), in.resolve("interview-tokayev-2024.txt"));
  }

  /** Adds a question and answer to the interview, before its end. */
  private static void change(Path in) throws IOException {
    Path file = in.resolve(CHANGED);
    String text = Files.readString(file);
    int last = text.lastIndexOf('\n', text.indexOf("Mr. President, enjoy your time.")) + 1;
    Files.writeString(
        file,
        text.substring(0, last)
            + "Q    One more question, about Kazakhstan?\n\n"
            + "THE PRESIDENT:  A short answer about Astana.\n\n"
            + text.substring(last));
  }

  private static Cli.Result job(Path in, Path out, String... more) {
    String[] args =
        Stream.concat(Stream.of("--input=" + in + "/*", "--output=" + out), Stream.of(more))
            .toArray(String[]::new);
    Cli.Result r = Cli.run(args);
    assertEquals(0, r.code(), r.out() + r.err());
    return r;
  }

  private static void assertPrinted(Cli.Result r, String expected) {
    assertTrue(r.out().contains(expected), "'" + expected + "' not in:\n" + r.out());
  }

  /** The manifest's entries without what tells runs apart (run_id, change). */
  private static List<String> manifest(Path out) throws Exception {
    try (Duck duck = new Duck(out)) {
      return duck.rows("SELECT * EXCLUDE (run_id, change) FROM manifest").stream()
          .map(Object::toString)
          .sorted()
          .toList();
    }
  }

  /**
   * Each table's current snapshot names the run that made it (a committed run: its runs row) with
   * that run's settings fingerprint, pipeline version and mode; after a run that processed files,
   * every table's current snapshot is that run's.
   */
  static void assertSnapshotsNameTheirRuns(
      Path out, String catalog, boolean everyTableIsTheLastRuns) throws Exception {
    try (Duck duck = new Duck(out, catalog);
        IcebergRows tables = new IcebergRows(out, catalog)) {
      Map<String, List<Object>> runs = new HashMap<>();
      for (List<Object> r :
          duck.rows("SELECT run_id, settings_fingerprint, pipeline_version, mode FROM runs")) {
        runs.put((String) r.get(0), r.subList(1, 4));
      }
      String last = (String) duck.one("SELECT max(run_id) FROM runs");
      assertEquals(
          last,
          tables.current(Table.RUNS).summary().get(IcebergTables.RUN_ID),
          "the runs table's commit is the last run's");
      for (Table t : Table.values()) {
        Map<String, String> s = tables.current(t).summary();
        String run = s.get(IcebergTables.RUN_ID);
        assertTrue(
            runs.containsKey(run),
            t.folder() + ": " + run + " is a committed run " + runs.keySet());
        assertEquals(
            runs.get(run),
            List.of(
                s.get(IcebergTables.SETTINGS_FINGERPRINT),
                s.get(IcebergTables.PIPELINE_VERSION),
                s.get(IcebergTables.MODE)),
            t.folder());
        if (everyTableIsTheLastRuns) {
          assertEquals(last, run, t.folder());
        }
      }
      assertEquals(RunCommit.pipelineVersion(), runs.get(last).get(1));
    }
  }

  static void assertSnapshotsNameTheirRuns(Path out, boolean everyTableIsTheLastRuns)
      throws Exception {
    assertSnapshotsNameTheirRuns(out, "hadoop", everyTableIsTheLastRuns);
  }

  /**
   * What DuckDB and Iceberg's reader read from an output, and what one run over the archive gives.
   */
  private static void assertSameRowsAsOneRun(Path out, Path reference, String what)
      throws Exception {
    Map<String, List<String>> duck = Duck.currentRows(reference);
    assertEquals(duck, Duck.currentRows(out), what + " (DuckDB)");
    Map<String, List<String>> iceberg = IcebergRows.currentRows(reference);
    assertEquals(iceberg, IcebergRows.currentRows(out), what + " (Iceberg's generic reader)");
    duck.forEach(
        (t, rows) ->
            assertEquals(
                rows.size(), iceberg.get(t).size(), t + ": both readers see as many rows"));
    assertEquals(manifest(reference), manifest(out), what + ": the manifest's entries");
  }

  /**
   * Three runs (3 files; 2 more; one file changed), then a full run: after the third and after the
   * full run the tables hold exactly the rows of one run over the final archive in a fresh output.
   */
  @Test
  void threeIncrementalRunsThenAFullRunEqualOneRunOverTheFinalArchive() throws Exception {
    Path in = dir.resolve("in");
    Path out = dir.resolve("out");
    copy(FIRST, in);
    copySeed(in);
    Cli.Result first = job(in, out, "--annotators=none");
    assertPrinted(first, "matched: 3 files = 3 new + 0 changed + 0 unchanged");
    assertPrinted(first, "processed: 3 files = 2 parsed + 1 rejected");
    assertSnapshotsNameTheirRuns(out, true);

    copy(LATER, in);
    Cli.Result second = job(in, out, "--annotators=none");
    assertPrinted(second, "matched: 5 files = 2 new + 0 changed + 3 unchanged");
    assertPrinted(second, "processed: 2 files = 2 parsed + 0 rejected");
    assertSnapshotsNameTheirRuns(out, true);

    change(in);
    Cli.Result third = job(in, out, "--annotators=none");
    assertPrinted(third, "matched: 5 files = 0 new + 1 changed + 4 unchanged");
    assertPrinted(third, "processed: 1 files = 1 parsed + 0 rejected");
    assertSnapshotsNameTheirRuns(out, true);
    try (IcebergRows tables = new IcebergRows(out)) {
      Map<String, String> s = tables.current(Table.ANSWERS).summary();
      long changedAnswers =
          tables.records(Table.ANSWERS, null).stream()
              .filter(r -> ((String) r.getField("source_path")).endsWith(CHANGED))
              .count();
      assertEquals(
          String.valueOf(changedAnswers),
          s.get(IcebergTables.ROWS_ADDED),
          "the changed file's answers, made again");
      assertEquals(
          String.valueOf(changedAnswers - 1),
          s.get("transcript-nlp.rows-replaced"),
          "its old answers, one fewer");
      assertEquals("1", s.get(IcebergTables.FILES_PROCESSED));
      assertEquals("incremental", s.get(IcebergTables.MODE));
    }

    Path fresh = dir.resolve("fresh");
    job(in, fresh, "--annotators=none");
    assertSameRowsAsOneRun(out, fresh, "3 files, 2 more, 1 changed = one run over the 5");

    Cli.Result full = job(in, out, "--annotators=none", "--mode=full");
    assertPrinted(full, "matched: 5 files, all processed (--mode=full)");
    assertSnapshotsNameTheirRuns(out, true);
    assertSameRowsAsOneRun(out, fresh, "then a full run = one run over the 5");
    try (Duck duck = new Duck(out);
        IcebergRows tables = new IcebergRows(out)) {
      String fullRun = (String) duck.one("SELECT max(run_id) FROM runs");
      assertEquals(
          List.of(List.of("full", fullRun)),
          duck.rows("SELECT DISTINCT change, run_id FROM manifest"));
      assertEquals(
          List.of("incremental", "incremental", "incremental", "full"),
          duck.column("SELECT mode FROM runs ORDER BY run_id"));
      for (Table t : Table.values()) {
        assertEquals("full", tables.current(t).summary().get(IcebergTables.MODE), t.folder());
      }
      for (Table t : List.of(Table.ANSWERS, Table.TURNS, Table.REJECTS)) {
        assertEquals(
            List.of(fullRun), duck.column("SELECT DISTINCT run_id FROM " + t.folder()), t.folder());
      }
    }
  }

  /**
   * The same with both annotators, on small files: the sentences and entities tables, and the
   * copy-on-write rewrite of files that hold rows of a changed file beside others.
   */
  @Test
  void withAnnotatorsIncrementalRunsAndAFullRunEqualOneRunOverTheFinalArchive() throws Exception {
    Path in = dir.resolve("in");
    Path out = dir.resolve("out");
    copy(FIRST, in);
    copy(List.of("json-speakers/podcastns_example_segments.json"), in);
    job(in, out);
    copy(List.of("captions/podcastns_example_voice-tags.vtt"), in);
    assertPrinted(job(in, out), "matched: 4 files = 1 new + 0 changed + 3 unchanged");
    change(in);
    Cli.Result third = job(in, out);
    assertPrinted(third, "matched: 4 files = 0 new + 1 changed + 3 unchanged");
    assertSnapshotsNameTheirRuns(out, true);
    try (IcebergRows tables = new IcebergRows(out)) {
      // The first run's turns file held the changed file's turns and the JSON's: rewritten without
      // the former.
      assertEquals(
          "1", tables.current(Table.TURNS).summary().get("transcript-nlp.files-rewritten"));
      assertEquals(
          1,
          tables.currentFiles(Table.TURNS).stream()
              .filter(f -> f.getFileName().toString().startsWith("rewrite-"))
              .count(),
          tables.currentFiles(Table.TURNS).toString());
      // The JSON has no answer: the first run's answers and sentences were all the changed file's,
      // their files dropped whole.
      assertEquals(
          "0", tables.current(Table.ANSWERS).summary().get("transcript-nlp.files-rewritten"));
      assertEquals(
          "0", tables.current(Table.SENTENCES).summary().get("transcript-nlp.files-rewritten"));
    }
    Path fresh = dir.resolve("fresh");
    job(in, fresh);
    assertSameRowsAsOneRun(
        out, fresh, "annotated: 3 files, 1 more, 1 changed = one run over the 4");
    try (Duck duck = new Duck(out)) {
      assertTrue(
          duck.count("SELECT count(*) FROM entities WHERE text = 'Astana'") > 0,
          "the changed file's new answer is annotated");
      assertEquals(
          duck.count("SELECT count(*) FROM answers WHERE sentence_count > 0"),
          duck.count("SELECT count(*) FROM answers WHERE sentiment_score IS NOT NULL"));
    }
    job(in, out, "--mode=full");
    assertSnapshotsNameTheirRuns(out, true);
    assertSameRowsAsOneRun(out, fresh, "annotated: then a full run = one run over the 4");
  }

  /**
   * A quick look with --annotators=none at an annotated output costs nothing: the run stops with
   * one line (exit 2) before committing anything, and the annotated rows stay current. A full run
   * rebuilds every table without annotations.
   */
  @Test
  void annotatorsNoneOnAnAnnotatedOutputStopsAndKeepsTheAnnotatedRowsUntilAFullRun()
      throws Exception {
    Path in = dir.resolve("in");
    Path out = dir.resolve("out");
    copy(
        List.of(
            "tv-interview/wh_2025-02-16_fox-sports_trump_short.md",
            "json-speakers/podcastns_example_segments.json"),
        in);
    job(in, out, "--annotators=sentiment,entities");
    Map<String, List<String>> annotated = Duck.currentRows(out);
    Map<String, List<String>> annotatedIceberg = IcebergRows.currentRows(out);
    Map<Table, Long> snapshots;
    Map<Table, Integer> counts = new TreeMap<>();
    try (IcebergRows tables = new IcebergRows(out)) {
      snapshots = tables.snapshotIds();
      for (Table t : Table.values()) {
        counts.put(t, tables.snapshotCount(t));
      }
    }
    assertFalse(
        annotated.get("sentences").isEmpty() || annotated.get("entities").isEmpty(),
        annotated.toString());

    Cli.Result none = Cli.run("--input=" + in + "/*", "--output=" + out, "--annotators=none");
    assertEquals(TranscriptNlp.USAGE, none.code(), none.out() + none.err());
    assertEquals(
        "transcript-nlp: the current rows of 2 file(s) were made with other settings (annotators:"
            + " sentiment,entities -> none): nothing was done. Run with --mode=full to rebuild"
            + " every table with these settings, or give another --output to keep both\n",
        none.err());
    assertEquals("", none.out());
    assertEquals(annotated, Duck.currentRows(out));
    assertEquals(annotatedIceberg, IcebergRows.currentRows(out));
    try (Duck duck = new Duck(out);
        IcebergRows tables = new IcebergRows(out)) {
      assertEquals(snapshots, tables.snapshotIds(), "no new snapshot in any table");
      for (Table t : Table.values()) {
        assertEquals(counts.get(t), tables.snapshotCount(t), t.folder());
      }
      assertEquals(
          duck.count("SELECT count(*) FROM answers WHERE sentence_count > 0"),
          duck.count(
              "SELECT count(*) FROM answers WHERE sentiment_score IS NOT NULL AND entity_count IS"
                  + " NOT NULL"));
      assertTrue(duck.count("SELECT count(*) FROM answers WHERE sentiment_score IS NOT NULL") > 0);
      assertEquals(1, duck.count("SELECT count(*) FROM runs"));
    }

    Cli.Result full = job(in, out, "--mode=full", "--annotators=none");
    assertPrinted(full, "matched: 2 files, all processed (--mode=full)");
    Path fresh = dir.resolve("fresh");
    job(in, fresh, "--annotators=none");
    assertEquals(Duck.currentRows(fresh), Duck.currentRows(out), "rebuilt without annotations");
    assertEquals(IcebergRows.currentRows(fresh), IcebergRows.currentRows(out));
    try (Duck duck = new Duck(out)) {
      assertEquals(
          0,
          duck.count(
              "SELECT count(*) FROM answers WHERE sentiment_score IS NOT NULL OR entity_count IS"
                  + " NOT NULL"));
      assertEquals(
          0,
          duck.count("SELECT count(*) FROM sentences")
              + duck.count("SELECT count(*) FROM entities"));
      assertEquals(annotated.get("answers").size(), duck.count("SELECT count(*) FROM answers"));
    }
    assertSnapshotsNameTheirRuns(out, true);
    // Now the settings are none: an incremental run with them has nothing to do.
    assertPrinted(
        job(in, out, "--annotators=none"), "matched: 2 files = 0 new + 0 changed + 2 unchanged");
    assertSnapshotsNameTheirRuns(out, false);
  }

  /** The rows of a query, as text, sorted. */
  private static List<String> sorted(Duck duck, String sql) throws Exception {
    return duck.rows(sql).stream().map(Object::toString).sorted().toList();
  }

  /**
   * Runs --export=DIR and checks that DIR holds exactly each table's current rows, run_id and all.
   */
  private static void exportAndCompare(Path out, Path export) throws Exception {
    Cli.Result r = Cli.run("--output=" + out, "--export=" + export);
    assertEquals(0, r.code(), r.out() + r.err());
    List<String> lines = new ArrayList<>();
    try (Duck duck = new Duck(out);
        IcebergRows tables = new IcebergRows(out)) {
      for (Table t : Table.values()) {
        int files = tables.currentFiles(t).size();
        long rows = duck.count("SELECT count(*) FROM " + t.folder());
        lines.add(
            t.folder()
                + ": "
                + rows
                + " row(s) in "
                + files
                + " file(s) -> "
                + export.resolve(t.folder()));
        // A table without rows gets one file with its columns and no row, so that
        // DIR/<table>/*.parquet always matches.
        List<String> exported =
            Files.isDirectory(export.resolve(t.folder()))
                ? MainTest.parquetFiles(export.resolve(t.folder()))
                : List.of();
        assertEquals(
            Math.max(files, 1),
            exported.size(),
            t.folder() + ": one exported file per current data file " + exported);
        for (String f : exported) {
          assertTrue(f.matches("part-\\d{5}-of-\\d{5}-export-[0-9a-z]+\\.parquet"), f);
        }
        if (files == 0) {
          assertEquals(0, rows, t.folder());
          continue;
        }
        assertEquals(
            sorted(duck, "SELECT * FROM " + t.folder()),
            sorted(
                duck, "SELECT * FROM read_parquet('" + export.resolve(t.folder()) + "/*.parquet')"),
            t.folder());
        if (Table.PIPELINE.contains(t)) {
          assertEquals(
              Duck.currentRows(out).get(t.folder()),
              sorted(
                  duck,
                  "SELECT * EXCLUDE (run_id) FROM read_parquet('"
                      + export.resolve(t.folder())
                      + "/*.parquet')"),
              t.folder());
        }
      }
    }
    assertEquals(String.join("\n", lines) + "\n", r.out());
  }

  /**
   * --export=DIR after several runs: plain Parquet with exactly the current rows of each table; a
   * second export replaces the first.
   */
  @Test
  void exportWritesExactlyTheCurrentRowsAndASecondExportReplacesTheFirst() throws Exception {
    Path in = dir.resolve("in");
    Path out = dir.resolve("out");
    copy(FIRST, in);
    job(in, out, "--annotators=none");
    copy(LATER, in);
    job(in, out, "--annotators=none");
    change(in);
    job(in, out, "--annotators=none");
    Path export = dir.resolve("export");
    exportAndCompare(out, export);
    List<String> firstExport = MainTest.parquetFiles(export);

    copySeed(in);
    job(in, out, "--annotators=none");
    Thread.sleep(5); // another export tag
    exportAndCompare(out, export);
    List<String> second = MainTest.parquetFiles(export);
    assertEquals(
        List.of(),
        second.stream().filter(firstExport::contains).toList(),
        "the first export's files are gone");
    try (Duck duck = new Duck(out)) {
      assertEquals(
          4,
          duck.count("SELECT count(*) FROM read_parquet('" + export + "/runs/*.parquet')"),
          "no duplicate row");
      assertEquals(
          duck.count("SELECT count(*) FROM answers"),
          duck.count("SELECT count(*) FROM read_parquet('" + export + "/answers/*.parquet')"));
    }
    // An export is no run: the tables are untouched, and without --output it is a usage error.
    Cli.Result noOutput = Cli.run("--export=" + export);
    assertEquals(TranscriptNlp.USAGE, noOutput.code(), noOutput.err());
    Cli.Result nothing = Cli.run("--output=" + dir.resolve("none"), "--export=" + export);
    assertEquals(TranscriptNlp.USAGE, nothing.code(), nothing.err());
    assertEquals(
        "transcript-nlp: --output="
            + dir.resolve("none")
            + " holds no tables of transcript-nlp (no run has committed there)\n",
        nothing.err());
  }

  /**
   * Many small incremental runs leave many small files and snapshots: --mode=maintain compacts them
   * without changing a current row, and with --keepSnapshotsDays=0 expires the snapshots beyond the
   * last {@link Maintenance#KEEP_LAST}.
   */
  @Test
  void maintainCompactsSmallFilesAndExpiresOldSnapshotsWithoutChangingACurrentRow()
      throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Path out = dir.resolve("out");
    int runs = Maintenance.KEEP_LAST + 3;
    for (int i = 0; i < runs; i++) {
      Files.writeString(
          in.resolve(String.format("tiny-%02d.txt", i)),
          "Q: Question " + i + "?\nA: Answer " + i + ".\n");
      job(in, out, "--annotators=none");
    }
    Map<String, List<String>> rows = Duck.currentRows(out);
    Map<String, List<String>> rowsIceberg = IcebergRows.currentRows(out);
    Map<Table, List<String>> allRows = new TreeMap<>();
    try (IcebergRows tables = new IcebergRows(out)) {
      for (Table t : Table.values()) {
        allRows.put(t, tables.records(t, null).stream().map(Object::toString).sorted().toList());
      }
      for (Table t : List.of(Table.ANSWERS, Table.TURNS, Table.MANIFEST, Table.RUNS)) {
        assertEquals(runs, tables.currentFiles(t).size(), t.folder() + ": one small file per run");
        assertEquals(runs, tables.snapshotCount(t), t.folder());
      }
    }
    assertEquals(runs, rows.get("answers").size());

    Cli.Result maintain = Cli.run("--output=" + out, "--mode=maintain");
    assertEquals(0, maintain.code(), maintain.out() + maintain.err());
    assertEquals(
        "maintained "
            + out
            + ": "
            + 4 * runs
            + " small file(s) compacted, 0 uncommitted commit(s) rolled back, "
            + "0 unreferenced file(s) deleted; snapshots older than 7 day(s) expired\n",
        maintain.out());
    try (IcebergRows tables = new IcebergRows(out)) {
      for (Table t : Table.values()) {
        assertEquals(
            allRows.get(t),
            tables.records(t, null).stream().map(Object::toString).sorted().toList(),
            t.folder());
      }
      for (Table t : List.of(Table.ANSWERS, Table.TURNS, Table.MANIFEST, Table.RUNS)) {
        assertEquals(1, tables.currentFiles(t).size(), t.folder() + ": compacted");
        assertEquals(runs + 1, tables.snapshotCount(t), t.folder() + ": nothing expired (7 days)");
        assertEquals("maintain", tables.current(t).summary().get(IcebergTables.MODE), t.folder());
      }
    }
    assertEquals(rows, Duck.currentRows(out));
    assertEquals(rowsIceberg, IcebergRows.currentRows(out));

    Cli.Result expire = Cli.run("--output=" + out, "--mode=maintain", "--keepSnapshotsDays=0");
    assertEquals(0, expire.code(), expire.out() + expire.err());
    assertTrue(
        expire.out().startsWith("maintained " + out + ": 0 small file(s) compacted"), expire.out());
    try (IcebergRows tables = new IcebergRows(out)) {
      for (Table t : Table.values()) {
        assertTrue(
            tables.snapshotCount(t) <= Maintenance.KEEP_LAST,
            t.folder() + ": " + tables.snapshotCount(t) + " snapshots");
        assertEquals(
            allRows.get(t),
            tables.records(t, null).stream().map(Object::toString).sorted().toList(),
            t.folder());
        for (Path f : tables.currentFiles(t)) {
          assertTrue(Files.exists(f), f.toString());
        }
      }
      assertEquals(Maintenance.KEEP_LAST, tables.snapshotCount(Table.ANSWERS));
      assertEquals(Maintenance.KEEP_LAST, tables.snapshotCount(Table.RUNS));
    }
    assertEquals(rows, Duck.currentRows(out));
    assertEquals(rowsIceberg, IcebergRows.currentRows(out));

    // Runs go on over the maintained tables.
    Files.writeString(in.resolve("tiny-99.txt"), "Q: Last?\nA: Yes.\n");
    assertPrinted(
        job(in, out, "--annotators=none"),
        "matched: " + (runs + 1) + " files = 1 new + 0 changed + " + runs + " unchanged");
    Path fresh = dir.resolve("fresh");
    job(in, fresh, "--annotators=none");
    assertEquals(Duck.currentRows(fresh), Duck.currentRows(out));
    assertSnapshotsNameTheirRuns(out, true);
  }

  /** A JDBC catalog in an SQLite file: the same rows as the Hadoop catalog, run after run. */
  @Test
  void aJdbcCatalogInSqliteGivesTheSameRowsAsTheHadoopCatalog() throws Exception {
    Path in = dir.resolve("in");
    copy(FIRST, in);
    Path jdbcOut = dir.resolve("jdbc-out");
    Path hadoopOut = dir.resolve("hadoop-out");
    String catalog = "jdbc:sqlite:" + dir.resolve("catalog/transcripts.db");
    Files.createDirectories(dir.resolve("catalog"));
    job(in, jdbcOut, "--annotators=none", "--catalog=" + catalog);
    job(in, hadoopOut, "--annotators=none");
    copy(LATER, in);
    change(in);
    Cli.Result second = job(in, jdbcOut, "--annotators=none", "--catalog=" + catalog);
    assertPrinted(second, "matched: 4 files = 2 new + 1 changed + 1 unchanged");
    job(in, hadoopOut, "--annotators=none");
    assertTrue(Files.size(dir.resolve("catalog/transcripts.db")) > 0);
    assertFalse(
        Files.exists(jdbcOut.resolve("transcripts/answers/metadata/version-hint.text")),
        "no Hadoop catalog there");
    assertTrue(Files.exists(hadoopOut.resolve("transcripts/answers/metadata/version-hint.text")));

    Map<String, List<String>> jdbcRows = new TreeMap<>();
    try (Duck duck = new Duck(jdbcOut, catalog)) {
      for (String t : Duck.TABLES) {
        jdbcRows.put(t, duck.rowsWithoutRun(t));
      }
      assertEquals(2, duck.count("SELECT count(*) FROM runs"));
      assertEquals(
          List.of("content"),
          duck.column("SELECT change FROM manifest WHERE source_path LIKE '%" + CHANGED + "'"));
    }
    assertEquals(Duck.currentRows(hadoopOut), jdbcRows);
    assertEquals(IcebergRows.currentRows(hadoopOut), IcebergRows.currentRows(jdbcOut, catalog));
    assertSnapshotsNameTheirRuns(jdbcOut, catalog, true);
    // The catalog names the tables, not the folder: without it the output has no tables to read.
    try (Duck duck = new Duck(jdbcOut)) {
      assertEquals(0, duck.count("SELECT count(*) FROM answers"));
    }
  }
}
