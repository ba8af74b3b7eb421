package org.transcriptnlp.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptnlp.pipeline.runs.TableCommit;
import org.transcriptnlp.pipeline.runs.Warehouse;
import org.transcriptnlp.tables.IcebergTables;
import org.transcriptnlp.tables.Table;
import org.transcriptnlp.testing.Fixtures;

/**
 * Scheduled runs over a growing archive (issue 6): incremental runs process only new and changed
 * files, each table's current snapshot holds every current row exactly once, and what a killed run
 * committed is rolled back by a later run. Read with DuckDB over the current snapshot's data files
 * ({@link Duck}) and with Iceberg's generic reader ({@link IcebergRows}).
 */
class IncrementalRunsTest {
  @TempDir Path dir;

  /**
   * Small real transcripts (see samples/SOURCES.md and the corpus MANIFEST): the first three, then
   * two more.
   */
  private static final List<String> FIRST =
      List.of(
          "json-speakers/podcastns_example_segments.json",
          "captions/podcastns_example_voice-tags.vtt",
          "air-to-ground/spacelog_a13_MEDIA_image-blocks-no-speech.txt");

  private static final List<String> LATER =
      List.of(
          "tv-interview/wh_2025-02-16_fox-sports_trump_short.md",
          "hearing/irancontra_1987_opening-statements_label-own-paragraph.html");

  private void copy(List<String> corpusFiles, Path in) throws IOException {
    Files.createDirectories(in);
    for (String f : corpusFiles) {
      Path from = Fixtures.path("transforms/src/test/resources/corpus/" + f);
      Files.copy(from, in.resolve(from.getFileName()));
    }
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

  /** The files under the data folders of every table but runs, relative to each. */
  private static Map<Table, List<String>> dataFiles(Path out) throws IOException {
    Map<Table, List<String>> files = new TreeMap<>();
    for (Table t : Table.values()) {
      if (t != Table.RUNS) {
        files.put(t, IcebergRows.filesOnDisk(out, t));
      }
    }
    return files;
  }

  @Test
  void threeThenTwoMoreThenNothingNewThenOneChangedEqualsAFullRunEachTime() throws Exception {
    Path in = dir.resolve("in");
    Path out = dir.resolve("out");
    copy(FIRST, in);
    Cli.Result first = job(in, out);
    assertPrinted(first, "matched: 3 files = 3 new + 0 changed + 0 unchanged");
    assertPrinted(first, "processed: 3 files = 2 parsed + 1 rejected");

    // Two more: only they are read and annotated.
    copy(LATER, in);
    Cli.Result second = job(in, out);
    assertPrinted(second, "matched: 5 files = 2 new + 0 changed + 3 unchanged");
    assertPrinted(second, "processed: 2 files = 2 parsed + 0 rejected");
    String secondRun;
    try (Duck duck = new Duck(out)) {
      secondRun = (String) duck.one("SELECT max(run_id) FROM runs");
      assertEquals(
          List.of(
              "irancontra_1987_opening-statements_label-own-paragraph.html",
              "wh_2025-02-16_fox-sports_trump_short.md"),
          duck.column(
              "SELECT DISTINCT regexp_extract(source_path, '[^/]+$') FROM turns WHERE run_id = '"
                  + secondRun
                  + "' ORDER BY 1"),
          "the second run read exactly the two new files");
      // The hearing's opening statements have no question, so no answer: only the interview's
      // answers are annotated.
      assertEquals(
          List.of("wh_2025-02-16_fox-sports_trump_short.md"),
          duck.column(
              "SELECT DISTINCT regexp_extract(source_path, '[^/]+$') FROM sentences WHERE run_id ="
                  + " '"
                  + secondRun
                  + "'"));
      assertEquals(
          duck.count("SELECT count(*) FROM answers WHERE run_id = '" + secondRun + "'"),
          duck.count(
              "SELECT count(DISTINCT answer_id) FROM sentences WHERE run_id = '" + secondRun + "'"),
          "each of its answers annotated");
      assertEquals(
          List.of(List.of(5L, 2L, 0L, 3L, 0L)),
          duck.rows(
              "SELECT files_matched, files_new, files_changed, files_unchanged, files_rejected FROM"
                  + " runs WHERE run_id = '"
                  + secondRun
                  + "'"));
      assertEquals(5, duck.count("SELECT count(*) FROM manifest"));
      assertEquals(
          List.of(List.of("spacelog_a13_MEDIA_image-blocks-no-speech.txt", "rejected", 0L, 1L)),
          duck.rows(
              "SELECT regexp_extract(source_path, '[^/]+$'), status, turns, rejects FROM manifest"
                  + " WHERE status <> 'processed'"));
      assertEquals(
          2,
          duck.count("SELECT count(DISTINCT run_id) FROM turns"),
          "the first run's rows of its files are still current");
    }
    Path allFive = dir.resolve("in-5");
    copy(FIRST, allFive);
    copy(LATER, allFive);
    Path reference = dir.resolve("ref-5");
    job(allFive, reference);
    // The reference reads other paths: compare with the folder part of source_path made the same.
    assertEquals(
        withFolder(Duck.currentRows(reference), allFive, in),
        Duck.currentRows(out),
        "3 then 2 = one run over 5");

    // Nothing new: no pipeline, no annotation, no data file, no snapshot but the runs table's.
    Map<Table, List<String>> filesBefore = dataFiles(out);
    Map<Table, Long> snapshotsBefore;
    try (IcebergRows tables = new IcebergRows(out)) {
      snapshotsBefore = tables.snapshotIds();
    }
    Cli.Result nothing = job(in, out);
    assertPrinted(nothing, "matched: 5 files = 0 new + 0 changed + 5 unchanged");
    assertPrinted(nothing, "processed: 0 files = 0 parsed + 0 rejected");
    assertPrinted(
        nothing,
        "iceberg: nothing new, so only the runs table was committed (its row for this run)");
    assertEquals(filesBefore, dataFiles(out), "no new data file but the runs row's");
    try (IcebergRows tables = new IcebergRows(out)) {
      Map<Table, Long> after = tables.snapshotIds();
      for (Table t : Table.values()) {
        assertEquals(
            t != Table.RUNS,
            snapshotsBefore.get(t).equals(after.get(t)),
            t + ": a new snapshot only in the runs table");
      }
    }
    try (Duck duck = new Duck(out)) {
      assertEquals(
          List.of(List.of(3L, 0L, 0L, 5L, "none", 0L)),
          duck.rows(
              "SELECT count(*) OVER (), files_new, files_changed, files_unchanged, runner, answers"
                  + " FROM runs QUALIFY run_id = max(run_id) OVER ()"));
    }

    // One transcript changes: only it is processed again; its old rows stop being current.
    Path changed = in.resolve("wh_2025-02-16_fox-sports_trump_short.md");
    String text = Files.readString(changed);
    int last = text.lastIndexOf('\n', text.indexOf("Mr. President, enjoy your time.")) + 1;
    Files.writeString(
        changed,
        text.substring(0, last)
            + "Q    One more question, about Kazakhstan?\n\n"
            + "THE PRESIDENT:  A short answer about Astana.\n\n"
            + text.substring(last));
    long answersBefore;
    try (Duck duck = new Duck(out)) {
      answersBefore =
          duck.count("SELECT count(*) FROM answers WHERE source_path = '" + changed + "'");
    }
    Cli.Result third = job(in, out);
    assertPrinted(third, "matched: 5 files = 0 new + 1 changed + 4 unchanged");
    assertPrinted(third, "processed: 1 files = 1 parsed + 0 rejected");
    try (Duck duck = new Duck(out)) {
      String thirdRun = (String) duck.one("SELECT max(run_id) FROM runs");
      assertEquals(
          List.of(changed.toString()),
          duck.column(
              "SELECT DISTINCT source_path FROM answers WHERE run_id = '" + thirdRun + "'"));
      assertEquals(
          List.of(thirdRun),
          duck.column("SELECT DISTINCT run_id FROM answers WHERE source_path = '" + changed + "'"),
          "only the new rows of the changed file are current");
      assertEquals(
          answersBefore + 1,
          duck.count("SELECT count(*) FROM answers WHERE source_path = '" + changed + "'"));
      assertEquals(
          List.of(List.of("content", thirdRun)),
          duck.rows("SELECT change, run_id FROM manifest WHERE source_path = '" + changed + "'"));
      assertEquals(1, duck.count("SELECT count(*) FROM answers WHERE answer_text LIKE '%Astana%'"));
      try (IcebergRows tables = new IcebergRows(out)) {
        // The old rows are history: the snapshot before the third run's holds them, and not the new
        // one.
        Long before = tables.current(Table.ANSWERS).parentId();
        List<org.apache.iceberg.data.Record> old =
            tables.records(Table.ANSWERS, before).stream()
                .filter(r -> changed.toString().equals(r.getField("source_path")))
                .toList();
        assertEquals(answersBefore, old.size());
        assertEquals(
            List.of(secondRun), old.stream().map(r -> r.getField("run_id")).distinct().toList());
        assertEquals(
            List.of(),
            old.stream()
                .filter(r -> String.valueOf(r.getField("answer_text")).contains("Astana"))
                .toList());
      }
    }
    Files.copy(
        changed,
        allFive.resolve(changed.getFileName()),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Path reference2 = dir.resolve("ref-5-changed");
    job(allFive, reference2);
    assertEquals(
        withFolder(Duck.currentRows(reference2), allFive, in),
        Duck.currentRows(out),
        "after the change = one run over the 5 as they are now");
    assertEquals(
        withFolder(IcebergRows.currentRows(reference2), allFive, in),
        IcebergRows.currentRows(out),
        "read with Iceberg's reader too");
  }

  /** The rows with the input folder {@code from} in source_path read as {@code to}. */
  private static Map<String, List<String>> withFolder(
      Map<String, List<String>> rows, Path from, Path to) {
    Map<String, List<String>> out = new TreeMap<>();
    rows.forEach(
        (t, list) ->
            out.put(t, list.stream().map(r -> r.replace(from + "/", to + "/")).sorted().toList()));
    return out;
  }

  /**
   * The two later transcripts in {@code in}, and a first run of them (turns only) into {@code out}.
   */
  private void firstRunOnTheLaterTwo(Path in, Path out) throws IOException {
    copy(LATER, in);
    job(in, out, "--annotators=none");
  }

  /**
   * Other row-shaping settings do not replace the current rows in an incremental run: it stops
   * (exit 2, nothing done) and says which settings differ; --mode=full rebuilds with them.
   */
  @Test
  void changedSettingsStopAnIncrementalRunAndAFullRunRebuildsWithThem() throws Exception {
    Path in = dir.resolve("in");
    Path out = dir.resolve("out");
    firstRunOnTheLaterTwo(in, out);
    assertPrinted(
        job(in, out, "--annotators=none"), "matched: 2 files = 0 new + 0 changed + 2 unchanged");
    Map<Table, Long> before;
    try (IcebergRows tables = new IcebergRows(out)) {
      before = tables.snapshotIds();
    }
    Cli.Result other =
        Cli.run(
            "--input=" + in + "/*", "--output=" + out, "--annotators=none", "--maxAnswerChars=500");
    assertEquals(TranscriptNlp.USAGE, other.code(), other.out() + other.err());
    assertEquals(
        "transcript-nlp: the current rows of 2 file(s) were made with other settings"
            + " (maxAnswerChars: 100000 -> 500): nothing was done. Run with --mode=full to rebuild"
            + " every table with these settings, or give another --output to keep both\n",
        other.err());
    try (IcebergRows tables = new IcebergRows(out)) {
      assertEquals(before, tables.snapshotIds(), "no table changed, not even the runs table");
    }
    Cli.Result full = job(in, out, "--annotators=none", "--maxAnswerChars=500", "--mode=full");
    assertPrinted(full, "matched: 2 files, all processed (--mode=full)");
    try (Duck duck = new Duck(out)) {
      assertEquals(List.of("full"), duck.column("SELECT DISTINCT change FROM manifest"));
      assertTrue(
          ((String) duck.one("SELECT settings FROM runs ORDER BY run_id DESC LIMIT 1"))
              .contains("maxAnswerChars=500"));
    }
    assertPrinted(
        job(in, out, "--annotators=none", "--maxAnswerChars=500"),
        "matched: 2 files = 0 new + 0 changed + 2 unchanged");
    // The output layout is not a row-shaping setting.
    assertPrinted(
        job(in, out, "--annotators=none", "--maxAnswerChars=500", "--targetFileMegabytes=1"),
        "matched: 2 files = 0 new + 0 changed + 2 unchanged");
  }

  /**
   * A run killed between its first commit and its runs row (here: commits of a run id that has no
   * runs row, made with Iceberg's API) leaves snapshots whose rows are visible. The next run stops
   * while they are younger than --cleanAfterMinutes (they may be a run still committing), touching
   * nothing; later it rolls them back, and their files and a crashed run's uncommitted files go.
   */
  @Test
  void aRunKilledBeforeItsRunsRowIsRolledBackByTheNextRunAndItsFilesDeleted() throws Exception {
    Path in = dir.resolve("in");
    Path out = dir.resolve("out");
    firstRunOnTheLaterTwo(in, out);
    Map<String, List<String>> committed = Duck.currentRows(out);
    Map<String, List<String>> committedIceberg = IcebergRows.currentRows(out);
    Map<Table, List<String>> filesCommitted = dataFiles(out);
    String crashed = "29991231-235959-999-abcdef";
    try (IcebergRows tables = new IcebergRows(out)) {
      for (Table t : List.of(Table.ANSWERS, Table.TURNS, Table.MANIFEST)) {
        commitCopyAs(tables.table(t), out, t, crashed);
      }
    }
    // A run that crashed before committing: a data file in its run folder, and staged rows.
    Path uncommitted =
        Files.createDirectories(
                IcebergRows.dataFolder(out, Table.SENTENCES)
                    .resolve("run-29991231-235959-998-fedcba"))
            .resolve("part-00000-of-00001-29991231-235959-998-fedcba.parquet");
    Files.writeString(uncommitted, "half a file");
    Path staged =
        Files.createDirectories(out.resolve("_staging/run-29991231-235959-998-fedcba/answers"))
            .resolve("0a1b.parquet");
    Files.writeString(staged, "staged rows");
    try (Duck duck = new Duck(out)) {
      assertEquals(
          2 * committed.get("answers").size(),
          duck.count("SELECT count(*) FROM answers"),
          "until it is rolled back, what the killed run committed is visible");
    }

    Map<Table, Long> before;
    try (IcebergRows tables = new IcebergRows(out)) {
      before = tables.snapshotIds();
    }
    Cli.Result soon = Cli.run("--input=" + in + "/*", "--output=" + out, "--annotators=none");
    assertEquals(TranscriptNlp.LOCKED, soon.code(), soon.out() + soon.err());
    assertEquals(1, soon.err().lines().count(), soon.err());
    assertTrue(
        soon.err()
            .startsWith(
                "transcript-nlp: run "
                    + crashed
                    + " is committing to "
                    + out
                    + " (its answers commit at "),
        soon.err());
    assertTrue(soon.err().contains("nothing was done; run again in a minute"), soon.err());
    try (IcebergRows tables = new IcebergRows(out)) {
      assertEquals(before, tables.snapshotIds(), "nothing was done");
    }

    Cli.Result next =
        job(in, out, "--annotators=none", "--cleanAfterMinutes=0", "--keepSnapshotsDays=0");
    assertPrinted(next, "matched: 2 files = 0 new + 0 changed + 2 unchanged");
    assertEquals(committed, Duck.currentRows(out));
    assertEquals(committedIceberg, IcebergRows.currentRows(out));
    assertEquals(
        filesCommitted,
        dataFiles(out),
        "the killed run's files, the crashed run's and the staged ones are deleted");
    assertFalse(Files.exists(out.resolve("_staging")));
    try (IcebergRows tables = new IcebergRows(out)) {
      for (Table t : Table.values()) {
        assertFalse(
            crashed.equals(tables.current(t).summary().get(IcebergTables.RUN_ID)), t.folder());
      }
    }
  }

  /**
   * Commits a copy of a table's current data file as run {@code runId} would (a snapshot with its
   * run id in the summary), in that run's folder.
   */
  static void commitCopyAs(org.apache.iceberg.Table table, Path out, Table t, String runId)
      throws IOException {
    List<String> files = IcebergTables.currentFiles(table);
    assertEquals(1, files.size(), t.folder());
    Path from = Path.of(Warehouse.beamPath(files.get(0)));
    Path to =
        Files.createDirectories(IcebergRows.dataFolder(out, t).resolve("run-" + runId))
            .resolve("part-00000-of-00001-" + runId + ".parquet");
    Files.copy(from, to);
    table
        .newAppend()
        .appendFile(
            TableCommit.dataFile(
                table, to.toString(), org.apache.iceberg.MetricsConfig.forTable(table)))
        .set(IcebergTables.RUN_ID, runId)
        .commit();
  }

  /**
   * A full run: every current row is its own, the earlier run's rows are history (the snapshot
   * before), and the runs table keeps both runs.
   */
  @Test
  void afterAFullRunOnlyItsRowsAreCurrentAndTheEarlierOnesAreHistory() throws Exception {
    Path in = dir.resolve("in");
    Path out = dir.resolve("out");
    firstRunOnTheLaterTwo(in, out);
    Map<String, List<String>> first = Duck.currentRows(out);
    String firstRun;
    try (Duck duck = new Duck(out)) {
      firstRun = (String) duck.one("SELECT run_id FROM runs");
    }
    job(in, out, "--annotators=none", "--mode=full");
    assertEquals(first, Duck.currentRows(out), "the same files, the same rows");
    try (Duck duck = new Duck(out);
        IcebergRows tables = new IcebergRows(out)) {
      String fullRun = (String) duck.one("SELECT max(run_id) FROM runs");
      assertEquals(
          List.of(List.of(firstRun, "incremental"), List.of(fullRun, "full")),
          duck.rows("SELECT run_id, mode FROM runs ORDER BY 1"));
      for (String t : List.of("answers", "turns", "manifest")) {
        assertEquals(List.of(fullRun), duck.column("SELECT DISTINCT run_id FROM " + t), t);
      }
      for (Table t : List.of(Table.ANSWERS, Table.TURNS, Table.MANIFEST)) {
        for (Path f : tables.currentFiles(t)) {
          assertEquals(
              "run-" + fullRun,
              f.getParent().getFileName().toString(),
              t.folder() + ": only the full run's files are current");
        }
        Long before = tables.current(t).parentId();
        assertEquals(
            List.of(firstRun),
            tables.records(t, before).stream().map(r -> r.getField("run_id")).distinct().toList(),
            t.folder() + ": the snapshot before holds the first run's rows");
      }
      assertEquals(
          tables.rowsWithoutRun(Table.ANSWERS),
          tables.rowsWithoutRun(Table.ANSWERS, tables.current(Table.ANSWERS).parentId()),
          "the snapshot before holds the same rows, made by the first run");
    }
  }

  /**
   * An output of transcript-nlp before Iceberg (runs/run_date=.../run_id=... folders) is refused
   * with one line: a run there would leave two formats side by side.
   */
  @Test
  void anOutputOfTheLayoutBeforeIcebergIsRefused() throws Exception {
    Path in = dir.resolve("in");
    Path out = dir.resolve("out");
    copy(LATER, in);
    Path old =
        Files.createDirectories(
                out.resolve("runs/run_date=2026-11-29/run_id=20261129-030000-000-0a0b0c"))
            .resolve("part-00000-of-00001-20261129-030000-000-0a0b0c.parquet");
    Files.writeString(old, "a runs file of version 0.1");
    Cli.Result r = Cli.run("--input=" + in + "/*", "--output=" + out, "--annotators=none");
    assertEquals(TranscriptNlp.USAGE, r.code(), r.out() + r.err());
    assertEquals(
        "transcript-nlp: --output="
            + out
            + " holds tables of the layout before Iceberg (run_date=/run_id= folders): "
            + "give a new --output (and delete the old one once you no longer need it)\n",
        r.err());
    assertTrue(Files.exists(old), "the old tables are left alone");
    assertFalse(Files.exists(out.resolve(IcebergTables.NAMESPACE)), "no table was created");
  }

  /** Copies the files of a folder tree over another. */
  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        Files.createDirectories(target.getParent());
        Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}
