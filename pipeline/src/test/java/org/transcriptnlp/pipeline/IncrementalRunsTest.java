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
import org.transcriptnlp.testing.Fixtures;

/**
 * Scheduled runs over a growing archive (issue 6): incremental runs process only new and changed
 * files, the current views hold every row exactly once, and the state a crash leaves at any point
 * is cleaned up by the next run. Compared with DuckDB through samples/queries/current.sql.
 */
class IncrementalRunsTest {
  @TempDir Path dir;


  /** Small real transcripts (see samples/SOURCES.md and the corpus MANIFEST): the first three, then two more. */
  private static final List<String> FIRST = List.of(
      "json-speakers/podcastns_example_segments.json",
      "captions/podcastns_example_voice-tags.vtt",
      "air-to-ground/spacelog_a13_MEDIA_image-blocks-no-speech.txt");
  private static final List<String> LATER = List.of(
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
    String[] args = Stream.concat(Stream.of("--input=" + in + "/*", "--output=" + out), Stream.of(more)).toArray(String[]::new);
    Cli.Result r = Cli.run(args);
    assertEquals(0, r.code(), r.out() + r.err());
    return r;
  }

  private static void assertPrinted(Cli.Result r, String expected) {
    assertTrue(r.out().contains(expected), "'" + expected + "' not in:\n" + r.out());
  }


  /** Files under an output's table folders (not the runs table), relative paths. */
  private static List<String> dataFiles(Path out) throws IOException {
    try (Stream<Path> all = Files.walk(out)) {
      return all.filter(Files::isRegularFile).map(p -> out.relativize(p).toString())
          .filter(p -> !p.startsWith("runs/") && !p.equals("_lock")).sorted().toList();
    }
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
      assertEquals(List.of("irancontra_1987_opening-statements_label-own-paragraph.html", "wh_2025-02-16_fox-sports_trump_short.md"),
          duck.column("SELECT DISTINCT regexp_extract(source_path, '[^/]+$') FROM all_turns WHERE run_id = '" + secondRun + "' ORDER BY 1"),
          "the second run read exactly the two new files");
      // The hearing's opening statements have no question, so no answer: only the interview's answers are annotated.
      assertEquals(List.of("wh_2025-02-16_fox-sports_trump_short.md"),
          duck.column("SELECT DISTINCT regexp_extract(source_path, '[^/]+$') FROM all_sentences WHERE run_id = '" + secondRun + "'"));
      assertEquals(duck.count("SELECT count(*) FROM all_answers WHERE run_id = '" + secondRun + "'"),
          duck.count("SELECT count(DISTINCT answer_id) FROM all_sentences WHERE run_id = '" + secondRun + "'"),
          "each of its answers annotated");
      assertEquals(List.of(List.of(5L, 2L, 0L, 3L, 0L)),
          duck.rows("SELECT files_matched, files_new, files_changed, files_unchanged, files_rejected FROM runs WHERE run_id = '" + secondRun + "'"));
      assertEquals(5, duck.count("SELECT count(*) FROM current_manifest"));
      assertEquals(List.of(List.of("spacelog_a13_MEDIA_image-blocks-no-speech.txt", "rejected", 0L, 1L)),
          duck.rows("SELECT regexp_extract(source_path, '[^/]+$'), status, turns, rejects FROM current_manifest WHERE status <> 'processed'"));
    }
    Path allFive = dir.resolve("in-5");
    copy(FIRST, allFive);
    copy(LATER, allFive);
    Path reference = dir.resolve("ref-5");
    job(allFive, reference);
    // The reference reads other paths: compare with the folder part of source_path made the same.
    assertEquals(withFolder(Duck.currentRows(reference), allFive, in), Duck.currentRows(out), "3 then 2 = one run over 5");

    // Nothing new: no pipeline, no annotation, no table file; only a runs row.
    List<String> filesBefore = dataFiles(out);
    Cli.Result nothing = job(in, out);
    assertPrinted(nothing, "matched: 5 files = 0 new + 0 changed + 5 unchanged");
    assertPrinted(nothing, "processed: 0 files = 0 parsed + 0 rejected");
    assertPrinted(nothing, "parquet: nothing new");
    assertEquals(filesBefore, dataFiles(out), "no new data file");
    try (Duck duck = new Duck(out)) {
      assertEquals(List.of(List.of(3L, 0L, 0L, 5L, "none", 0L)),
          duck.rows("SELECT count(*) OVER (), files_new, files_changed, files_unchanged, runner, answers FROM runs "
              + "QUALIFY run_id = max(run_id) OVER ()"));
    }

    // One transcript changes: only it is processed again; its old rows stop being current.
    Path changed = in.resolve("wh_2025-02-16_fox-sports_trump_short.md");
    String text = Files.readString(changed);
    int last = text.lastIndexOf('\n', text.indexOf("Mr. President, enjoy your time.")) + 1;
    Files.writeString(changed, text.substring(0, last)
        + "Q    One more question, about Kazakhstan?\n\nTHE PRESIDENT:  A short answer about Astana.\n\n" + text.substring(last));
    Cli.Result third = job(in, out);
    assertPrinted(third, "matched: 5 files = 0 new + 1 changed + 4 unchanged");
    assertPrinted(third, "processed: 1 files = 1 parsed + 0 rejected");
    try (Duck duck = new Duck(out)) {
      String thirdRun = (String) duck.one("SELECT max(run_id) FROM runs");
      assertEquals(List.of(changed.toString()),
          duck.column("SELECT DISTINCT source_path FROM all_answers WHERE run_id = '" + thirdRun + "'"));
      assertEquals(List.of(thirdRun), duck.column("SELECT DISTINCT run_id FROM answers WHERE source_path = '" + changed + "'"),
          "only the new rows of the changed file are current");
      assertEquals(List.of(List.of("content", thirdRun)),
          duck.rows("SELECT change, run_id FROM current_manifest WHERE source_path = '" + changed + "'"));
      assertTrue(duck.count("SELECT count(*) FROM all_answers WHERE source_path = '" + changed + "' AND run_id <> '" + thirdRun + "'") > 0,
          "the old rows are still on disk, for history, but not current");
      assertEquals(1, duck.count("SELECT count(*) FROM answers WHERE answer_text LIKE '%Astana%'"));
    }
    Files.copy(changed, allFive.resolve(changed.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Path reference2 = dir.resolve("ref-5-changed");
    job(allFive, reference2);
    assertEquals(withFolder(Duck.currentRows(reference2), allFive, in), Duck.currentRows(out), "after the change = one run over the 5 as they are now");
  }

  /** The rows with the input folder {@code from} in source_path read as {@code to}. */
  private static Map<String, List<String>> withFolder(Map<String, List<String>> rows, Path from, Path to) {
    Map<String, List<String>> out = new TreeMap<>();
    rows.forEach((t, list) -> out.put(t, list.stream().map(r -> r.replace(from + "/", to + "/")).sorted().toList()));
    return out;
  }

  /** The two later transcripts in {@code in}, and a first run of them (turns only) into {@code out}. */
  private void firstRunOnTheLaterTwo(Path in, Path out) throws IOException {
    copy(LATER, in);
    job(in, out, "--annotators=none");
  }

  @Test
  void changedSettingsProcessEveryFileAgain() throws Exception {
    Path in = dir.resolve("in");
    Path out = dir.resolve("out");
    firstRunOnTheLaterTwo(in, out);
    assertPrinted(job(in, out, "--annotators=none"), "matched: 2 files = 0 new + 0 changed + 2 unchanged");
    Cli.Result other = job(in, out, "--annotators=none", "--maxAnswerChars=500");
    assertPrinted(other, "matched: 2 files = 0 new + 2 changed + 0 unchanged");
    try (Duck duck = new Duck(out)) {
      assertEquals(List.of("settings"), duck.column("SELECT DISTINCT change FROM current_manifest"));
      assertTrue(((String) duck.one("SELECT settings FROM runs ORDER BY run_id DESC LIMIT 1")).contains("maxAnswerChars=500"));
    }
    // The output layout is not a row-shaping setting.
    assertPrinted(job(in, out, "--annotators=none", "--maxAnswerChars=500", "--targetFileMegabytes=1"),
        "matched: 2 files = 0 new + 0 changed + 2 unchanged");
  }

  /**
   * A run killed after writing its table files and manifest entries but before its runs row leaves
   * partitions of an uncommitted run (made here by copying a committed run's partitions under a
   * new run id): the views ignore them, and the next run deletes them.
   */
  @Test
  void aRunKilledBeforeItsRunsRowLeavesNoCurrentRowAndIsCleanedUp() throws Exception {
    Path in = dir.resolve("in");
    Path out = dir.resolve("out");
    firstRunOnTheLaterTwo(in, out);
    Map<String, List<String>> committed = Duck.currentRows(out);
    String crashed = "29991231-235959-999-abcdef";
    copyRun(out, List.of("answers", "sentences", "entities", "turns", "rejects", "manifest"), crashed);
    // An in-progress runs file: the run died while committing.
    Path runsFolder = Files.createDirectories(out.resolve("runs/run_date=2999-12-31/run_id=" + crashed));
    Files.writeString(runsFolder.resolve(".part-00000-of-00001-" + crashed + ".parquet.inprogress"), "half a file");
    assertEquals(committed, Duck.currentRows(out), "the uncommitted run's rows are not current");
    try (Duck duck = new Duck(out)) {
      assertEquals(2 * duck.count("SELECT count(*) FROM answers"), duck.count("SELECT count(*) FROM all_answers"));
    }

    Cli.Result next = job(in, out, "--annotators=none");
    assertPrinted(next, "matched: 2 files = 0 new + 0 changed + 2 unchanged");
    assertEquals(committed, Duck.currentRows(out));
    try (Stream<Path> all = Files.walk(out)) {
      assertEquals(List.of(), all.filter(p -> p.toString().contains("2999")).toList(), "the crashed run's partitions are deleted");
    }
  }

  /**
   * A full run killed after its runs row, while deleting earlier runs' partitions, leaves them on
   * disk: the views ignore runs before the last full run, and the next run deletes them.
   */
  @Test
  void rowsOfRunsBeforeAFullRunAreNotCurrentEvenIfTheirFilesAreLeft() throws Exception {
    Path in = dir.resolve("in");
    Path out = dir.resolve("out");
    firstRunOnTheLaterTwo(in, out);
    Path saved = dir.resolve("saved");
    copyTree(out, saved);
    job(in, out, "--annotators=none", "--mode=full");
    Map<String, List<String>> afterFull = Duck.currentRows(out);
    // Put the first run's partitions back, as an interrupted delete would leave them.
    copyTree(saved, out);
    try (Duck duck = new Duck(out)) {
      assertEquals(2, duck.count("SELECT count(*) FROM runs"));
      assertEquals(2 * duck.count("SELECT count(*) FROM turns"), duck.count("SELECT count(*) FROM all_turns"));
    }
    assertEquals(afterFull, Duck.currentRows(out));
    job(in, out, "--annotators=none");
    try (Duck duck = new Duck(out)) {
      assertEquals(duck.count("SELECT count(*) FROM turns"), duck.count("SELECT count(*) FROM all_turns"), "deleted");
      assertEquals(3, duck.count("SELECT count(*) FROM runs"), "every committed run keeps its runs row");
    }
    assertEquals(afterFull, Duck.currentRows(out));
  }

  @Test
  void tablesOfTheLayoutBeforePartitionsAreRemovedByTheFirstRun() throws Exception {
    Path in = dir.resolve("in");
    Path out = dir.resolve("out");
    copy(LATER, in);
    Path old = Files.createDirectories(out.resolve("answers")).resolve("part-00000-of-00001.parquet");
    Files.writeString(old, "a table file of version 0.1");
    Path notOurs = Files.writeString(out.resolve("answers/README.txt"), "a note of the user's");
    job(in, out, "--annotators=none");
    assertFalse(Files.exists(old));
    assertTrue(Files.exists(notOurs), "files that are not Parquet are left alone");
    try (Duck duck = new Duck(out)) {
      assertTrue(duck.count("SELECT count(*) FROM answers") > 0);
    }
  }

  /** Copies the partitions of the output's (one) committed run of these tables under another run id. */
  private static void copyRun(Path out, List<String> tables, String runId) throws IOException {
    for (String table : tables) {
      List<String> files = MainTest.parquetFiles(out.resolve(table));
      assertEquals(1, files.size(), table);
      String from = files.get(0);
      String oldId = from.replaceAll(".*run_id=([^/]+)/.*", "$1");
      Path target = out.resolve(table).resolve("run_date=2999-12-31/run_id=" + runId)
          .resolve(Path.of(from).getFileName().toString().replace(oldId, runId));
      Files.createDirectories(target.getParent());
      Files.copy(out.resolve(table).resolve(from), target);
    }
  }

  /** Copies the files of a folder tree over another (not the run lock file). */
  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("_lock")).toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        Files.createDirectories(target.getParent());
        Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}
