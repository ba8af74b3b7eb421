package org.transcriptnlp.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptnlp.tables.IcebergTables;
import org.transcriptnlp.tables.Table;
import org.transcriptnlp.testing.Fixtures;

/**
 * Archives that move (issue 18): a file is the same file when its path relative to its glob's base,
 * or its content, is that of a current entry whose path no longer exists. Its rows are taken over
 * (not made again) and the old path stops being current; the tables then equal a full run over the
 * archive where it is now. Turn parsing only (no CoreNLP), compared with DuckDB.
 */
class MovedArchiveTest {
  @TempDir Path dir;

  private static final List<String> TABLES =
      List.of("answers", "sentences", "entities", "turns", "rejects");
  private static final List<String> FILES =
      List.of(
          "json-speakers/podcastns_example_segments.json",
          "captions/podcastns_example_voice-tags.vtt",
          "tv-interview/wh_2025-02-16_fox-sports_trump_short.md",
          "air-to-ground/spacelog_a13_MEDIA_image-blocks-no-speech.txt");

  private Path archive(String name) throws IOException {
    Path in = Files.createDirectories(dir.resolve(name).resolve("interviews"));
    for (String f : FILES) {
      Path from = Fixtures.path("transforms/src/test/resources/corpus/" + f);
      Files.copy(from, in.resolve(from.getFileName()));
    }
    return dir.resolve(name);
  }

  private static Cli.Result job(String input, Path out, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("--input=" + input, "--output=" + out));
    if (java.util.Arrays.stream(more).noneMatch(a -> a.startsWith("--annotators="))) {
      args.add("--annotators=none");
    }
    args.addAll(List.of(more));
    Cli.Result r = Cli.run(args.toArray(String[]::new));
    assertEquals(0, r.code(), r.out() + r.err());
    return r;
  }

  /**
   * Current rows with source_path cut to the file name (and no run columns): equal wherever the
   * archive is.
   */
  private static Map<String, List<String>> currentRows(Path out) throws Exception {
    Map<String, List<String>> rows = new TreeMap<>();
    try (Duck duck = new Duck(out)) {
      for (String t : TABLES) {
        rows.put(
            t,
            duck
                .rows(
                    "SELECT * EXCLUDE (run_id, source_path), regexp_extract(source_path, '[^/]+$')"
                        + " FROM "
                        + t)
                .stream()
                .map(Object::toString)
                .sorted()
                .toList());
      }
    }
    return rows;
  }

  @Test
  void aMovedArchiveIsTakenOverNotProcessedAgainAndItsOldPathsStopBeingCurrent() throws Exception {
    Path out = dir.resolve("out");
    Path first = archive("disk-a");
    // Both annotators: the sentences and entities rows are taken over as well.
    job(first + "/interviews/*", out, "--annotators=sentiment,entities");
    Map<String, List<String>> before = currentRows(out);
    assertTrue(
        !before.get("sentences").isEmpty() && !before.get("entities").isEmpty(), before.toString());

    // The archive is moved (a new disk): every file is where it was relative to the glob's base.
    Path moved = dir.resolve("disk-b");
    Files.move(first, moved);
    Cli.Result r = job(moved + "/interviews/*", out, "--annotators=sentiment,entities");
    assertTrue(
        r.out()
            .contains(
                "matched: 4 files = 0 new + 0 changed + 4 moved (rows taken over from their old"
                    + " paths) + 0 unchanged"),
        r.out());
    assertEquals(before, currentRows(out), "the same rows, under the new paths");
    try (Duck duck = new Duck(out)) {
      assertEquals(
          0,
          duck.count("SELECT count(*) FROM answers WHERE source_path NOT LIKE '" + moved + "/%'"));
      assertEquals(
          0, duck.count("SELECT count(*) FROM turns WHERE source_path NOT LIKE '" + moved + "/%'"));
      assertEquals(4, duck.count("SELECT count(*) FROM manifest"));
      assertEquals(
          List.of(List.of("moved", 4L)),
          duck.rows("SELECT change, count(*) FROM manifest GROUP BY change"));
      assertEquals(
          List.of(List.of(4L, 0L, 0L, 4L, "none")),
          duck.rows(
              "SELECT files_moved, files_new, files_changed, files_matched, runner FROM runs ORDER"
                  + " BY run_id DESC LIMIT 1"));
      assertEquals(
          0, duck.count("SELECT count(*) FROM manifest WHERE source_path LIKE '" + first + "/%'"));
      String firstRun = (String) duck.one("SELECT min(run_id) FROM runs");
      assertEquals(
          List.of(firstRun),
          duck.column("SELECT DISTINCT run_id FROM manifest"),
          "the entries name the run that made the rows, as the rows do");
      assertEquals(
          List.of(firstRun),
          duck.column("SELECT DISTINCT run_id FROM answers"),
          "the rows taken over keep the id of the run that made them");
    }
    try (IcebergRows tables = new IcebergRows(out)) {
      // The old paths are history: the manifest's snapshot before the move has their entries.
      List<Object> entriesBefore =
          tables.records(Table.MANIFEST, tables.current(Table.MANIFEST).parentId()).stream()
              .map(e -> e.getField("source_path"))
              .toList();
      assertEquals(4, entriesBefore.size());
      assertTrue(
          entriesBefore.stream().allMatch(p -> ((String) p).startsWith(first + "/")),
          entriesBefore.toString());
      assertEquals(
          "0",
          tables.current(Table.ANSWERS).summary().get(IcebergTables.ROWS_ADDED),
          "no row made again");
      assertEquals(
          String.valueOf(entriesBefore.size()),
          tables.current(Table.MANIFEST).summary().get(IcebergTables.ROWS_ADDED));
    }

    // One file renamed (same content, another relative path), one edited in place, nothing else.
    Path interviews = moved.resolve("interviews");
    Files.move(
        interviews.resolve("podcastns_example_voice-tags.vtt"),
        interviews.resolve("episode-2.vtt"));
    Path md = interviews.resolve("wh_2025-02-16_fox-sports_trump_short.md");
    Files.writeString(md, Files.readString(md) + "\n**Q:** One more thing?\n\n**A:** No.\n");
    r = job(moved + "/interviews/*", out, "--annotators=sentiment,entities");
    assertTrue(
        r.out()
            .contains(
                "matched: 4 files = 0 new + 1 changed + 1 moved (rows taken over from their old"
                    + " paths) + 2 unchanged"),
        r.out());
    try (Duck duck = new Duck(out)) {
      assertEquals(
          List.of(List.of(interviews.resolve("podcastns_example_voice-tags.vtt").toString())),
          duck.rows("SELECT moved_from FROM manifest WHERE source_path LIKE '%episode-2.vtt'"));
      assertEquals(
          0, duck.count("SELECT count(*) FROM turns WHERE source_path LIKE '%voice-tags.vtt'"));
    }

    // The views now hold what one full run over the archive where it is now gives.
    Path fresh = dir.resolve("fresh");
    job(moved + "/interviews/*", fresh, "--mode=full", "--annotators=sentiment,entities");
    assertEquals(currentRows(fresh), currentRows(out));
  }

  @Test
  void aFileWithOtherContentTakesOverNothingEvenUnderTheSameNameAndTheDeletedFilesRowsStayCurrent()
      throws Exception {
    Path out = dir.resolve("out");
    Path first = archive("drop-1");
    job(first + "/interviews/*", out);
    Path moved = dir.resolve("drop-2");
    Files.move(first, moved);
    // The same names, but one file is another interview now: it is new, not the old one moved.
    Path md = moved.resolve("interviews/wh_2025-02-16_fox-sports_trump_short.md");
    Files.writeString(md, Files.readString(md) + "\n**Q:** One more thing?\n\n**A:** No.\n");
    Cli.Result r = job(moved + "/interviews/*", out);
    assertTrue(r.out().contains("matched: 4 files = 1 new + 0 changed + 3 moved"), r.out());
    try (Duck duck = new Duck(out)) {
      assertEquals(
          java.util.Arrays.asList("new", null),
          duck.rows("SELECT change, moved_from FROM manifest WHERE source_path = '" + md + "'")
              .get(0));
      String old = first.resolve("interviews/wh_2025-02-16_fox-sports_trump_short.md").toString();
      assertEquals(
          List.of(List.of("processed")),
          duck.rows("SELECT status FROM manifest WHERE source_path = '" + old + "'"),
          "a deleted file's rows stay current until a full run");
      assertEquals(5, duck.count("SELECT count(*) FROM manifest"));
    }
  }

  @Test
  void aCopyIsNotAMoveWhileTheOriginalStillExists() throws Exception {
    Path out = dir.resolve("out");
    Path first = archive("disk-a");
    job(first + "/interviews/*", out);
    Path copy = archive("disk-b");
    Cli.Result r = job(copy + "/interviews/*", out);
    assertTrue(r.out().contains("matched: 4 files = 4 new + 0 changed + 0 unchanged"), r.out());
    try (Duck duck = new Duck(out)) {
      assertEquals(8, duck.count("SELECT count(*) FROM manifest"), "both copies are current");
    }
  }
}
