package org.transcriptnlp.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.transcriptnlp.pipeline.Cli.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.FileSystems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptnlp.pipeline.runs.HaltPoint;
import org.transcriptnlp.tables.ParquetFiles;
import org.transcriptnlp.tables.Table;
import org.transcriptnlp.testing.Fixtures;

/**
 * The command line: exit codes, one-line errors, rejects, reruns. Turn parsing only (no CoreNLP).
 */
class MainTest {
  @TempDir Path dir;

  private static void assertOneLineError(Cli.Result r, String expected) {
    assertEquals(TranscriptNlp.USAGE, r.code(), r.err());
    String first = r.err().lines().findFirst().orElse("");
    assertTrue(first.startsWith("transcript-nlp: "), r.err());
    assertTrue(first.contains(expected), "'" + first + "' should contain '" + expected + "'");
    assertTrue(r.err().lines().count() <= 2, "no stack trace: " + r.err());
  }

  @Test
  void helpListsEveryOptionWithItsDefault() {
    Cli.Result r = run("--help");
    assertEquals(0, r.code());
    for (String option :
        List.of(
            "--input",
            "--output",
            "--annotators",
            "--parser",
            "--parseMaxLength",
            "--nerFineGrained",
            "--nerNumeric",
            "--nerSutime",
            "--questioners",
            "--respondents",
            "--maxFileMegabytes",
            "--targetFileMegabytes",
            "--runner")) {
      assertTrue(r.out().contains(option), option + " missing from --help");
    }
    assertTrue(r.out().contains("Default: sentiment,entities"), r.out());
  }

  @Test
  void noFileMatched() {
    assertOneLineError(
        run("--input=" + dir + "/nothing-here/*.txt", "--output=" + dir.resolve("out")),
        "no file matched");
  }

  @Test
  void outputThatIsAFile() throws Exception {
    Path file = Files.writeString(dir.resolve("taken"), "x");
    assertOneLineError(
        run("--input=" + Fixtures.seed(), "--output=" + file, "--annotators=none"), "is a file");
  }

  @Test
  void outputThatCannotBeCreated() throws Exception {
    Path file = Files.writeString(dir.resolve("plain-file"), "x");
    assertOneLineError(
        run(
            "--input=" + Fixtures.seed(),
            "--output=" + file.resolve("tables"),
            "--annotators=none"),
        "is not writable");
  }

  @Test
  void conflictingAndOutOfRangeOptions() {
    assertOneLineError(
        run(
            "--input=" + Fixtures.seed(),
            "--output=" + dir,
            "--questioners=Smith",
            "--respondents=Smith,Jones"),
        "given both in --questioners and --respondents");
    assertOneLineError(
        run("--input=" + Fixtures.seed(), "--output=" + dir, "--maxAnswerSeconds=-1"),
        "--maxAnswerSeconds");
    assertOneLineError(
        run("--input=" + Fixtures.seed(), "--output=" + dir, "--parseMaxLength=100000"),
        "--parseMaxLength must be 5 to 250 tokens");
    assertOneLineError(
        run("--input=" + Fixtures.seed(), "--output=" + dir, "--maxFileMegabytes=0"),
        "--maxFileMegabytes");
    assertOneLineError(
        run("--input=" + Fixtures.seed(), "--output=" + dir, "--targetFileMegabytes=0"),
        "--targetFileMegabytes");
    assertOneLineError(
        run("--input=" + Fixtures.seed(), "--output=" + dir, "--targetFileMegabytes=NaN"),
        "--targetFileMegabytes");
  }

  @Test
  void unknownAnnotatorAndUnknownOption() {
    assertOneLineError(
        run("--input=" + Fixtures.seed(), "--output=" + dir, "--annotators=sarcasm"),
        "unknown annotator 'sarcasm'");
    assertOneLineError(
        run("--input=" + Fixtures.seed(), "--output=" + dir, "--annotators=none,sentiment"),
        "cannot be combined");
    assertOneLineError(run("--input=" + Fixtures.seed(), "--output=" + dir, "--bogus=1"), "bogus");
  }

  @Test
  void badFilesAreRejectedWithReasonsAndGoodOnesProcessed() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.copy(Fixtures.seed(), in.resolve("seed copy ‘quoted’.txt"));
    Files.write(in.resolve("empty.txt"), new byte[0]);
    Files.writeString(in.resolve("essay.txt"), "An essay without speakers.\n\nSecond paragraph.\n");
    Files.write(
        in.resolve("image.png"),
        new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D});
    Path out = dir.resolve("out");
    Cli.Result r = run("--input=" + in + "/*", "--output=" + out, "--annotators=none");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("processed: 4 files = 1 parsed + 3 rejected"), r.out());
    try (Duck duck = new Duck(out)) {
      assertEquals(
          List.of(
              List.of("empty.txt", "read", "empty_file"),
              List.of("essay.txt", "parse", "no_speaker_labels"),
              List.of("image.png", "decode", "binary_content")),
          duck.rows(
              "SELECT regexp_extract(source_path, '[^/]+$'), stage, reason FROM rejects ORDER BY"
                  + " 1"));
      assertEquals(26, duck.count("SELECT count(*) FROM answers"));
      assertEquals(52, duck.count("SELECT count(*) FROM turns"));
      assertEquals(0, duck.count("SELECT count(*) FROM sentences"));
      assertEquals(
          0,
          duck.count(
              "SELECT count(*) FROM answers WHERE sentiment_label IS NOT NULL OR entity_count IS"
                  + " NOT NULL"));
    }
  }

  @Test
  void aFullRunReplacesTheEarlierRunsFilesAndKeepsTheIds() throws Exception {
    Path out = dir.resolve("out");
    String input = "--input=" + Fixtures.path("samples/transcripts") + "/*";
    // A 1 kB target: every staged file (one per bundle) becomes an output file of its own.
    assertEquals(
        0,
        run(input, "--output=" + out, "--annotators=none", "--targetFileMegabytes=0.001").code());
    List<Object> first;
    try (Duck duck = new Duck(out)) {
      first = duck.column("SELECT answer_id FROM answers ORDER BY answer_id");
    }
    List<Path> small;
    try (IcebergRows tables = new IcebergRows(out)) {
      small = tables.currentFiles(Table.TURNS);
    }
    assertTrue(small.size() > 1, "a small target gives several files");
    // What a run killed mid-way leaves: staged rows that are in no table (older than
    // --cleanAfterMinutes).
    Path leftover =
        Files.createDirectories(out.resolve("_staging/run-crashed/answers"))
            .resolve("0a1b.parquet");
    Files.writeString(leftover, "staged rows");
    Files.setLastModifiedTime(
        leftover,
        java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(2 * 3600)));
    Cli.Result again = run(input, "--output=" + out, "--annotators=none", "--mode=full");
    assertEquals(0, again.code(), again.err());
    assertTrue(again.out().contains("matched: 3 files, all processed (--mode=full)"), again.out());
    try (Duck duck = new Duck(out);
        IcebergRows tables = new IcebergRows(out)) {
      assertEquals(first, duck.column("SELECT answer_id FROM answers ORDER BY answer_id"));
      assertEquals(List.of("full"), duck.column("SELECT DISTINCT change FROM manifest"));
      assertEquals(2, duck.count("SELECT count(*) FROM runs"), "the runs table keeps both runs");
      String full = (String) duck.one("SELECT run_id FROM runs WHERE mode = 'full'");
      for (Table table : List.of(Table.ANSWERS, Table.TURNS, Table.MANIFEST)) {
        List<Path> files = tables.currentFiles(table);
        assertEquals(
            List.of(
                IcebergRows.dataFolder(out, table)
                    .resolve("run-" + full)
                    .resolve("part-00000-of-00001-" + full + ".parquet")),
            files,
            table.folder() + ": one file of the full run is current");
      }
      // The first run's files are history (its snapshots are kept --keepSnapshotsDays), not
      // current.
      assertTrue(small.stream().allMatch(Files::exists), "kept for the snapshots before");
      assertEquals(
          List.of(), small.stream().filter(tables.currentFiles(Table.TURNS)::contains).toList());
    }
    assertFalse(
        Files.exists(out.resolve("_staging")),
        "staging folders removed: the crashed run's and the run's own");
  }

  /** The Parquet files under a folder, as paths relative to it, sorted. */
  static List<String> parquetFiles(Path folder) throws IOException {
    try (var files = Files.walk(folder)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".parquet"))
          .map(p -> folder.relativize(p).toString())
          .sorted()
          .toList();
    }
  }

  @Test
  void anOutputPathWithGlobCharactersIsTakenLiterally() throws Exception {
    Path out = dir.resolve("tables [1] *");
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.copy(Fixtures.seed(), in.resolve("seed.txt"));
    for (int run = 0; run < 2; run++) {
      if (run == 1) {
        Files.writeString(in.resolve("more.txt"), "Q: One more?\nA: Yes.\n");
      }
      Cli.Result r = run("--input=" + in + "/*", "--output=" + out, "--annotators=none");
      assertEquals(0, r.code(), r.err());
      assertTrue(r.out().contains("processed: 1 files = 1 parsed + 0 rejected"), r.out());
      try (IcebergRows tables = new IcebergRows(out)) {
        for (Table table : List.of(Table.ANSWERS, Table.TURNS, Table.MANIFEST, Table.RUNS)) {
          assertEquals(run + 1, tables.currentFiles(table).size(), table + " after run " + run);
        }
        assertEquals(26 + run, tables.records(Table.ANSWERS, null).size());
      }
    }
    // DuckDB's read_parquet would take the brackets as a glob too; Parquet's own reader reads the
    // file.
    long[] rows = {0};
    ParquetFiles.read(
        FileSystems.matchNewResource(
            out.resolve("transcripts/answers/data")
                .resolve(parquetFiles(out.resolve("transcripts/answers/data")).get(0))
                .toString(),
            false),
        r -> rows[0]++);
    assertEquals(26, rows[0], "the first run's file, the seed's rows");
    // An export to such a folder replaces the export before, as to any other.
    Path export = dir.resolve("export [1] *");
    for (int n = 0; n < 2; n++) {
      Cli.Result r = run("--output=" + out, "--export=" + export);
      assertEquals(0, r.code(), r.err());
      assertEquals(
          List.of(2, 2, 2),
          List.of(
              parquetFiles(export.resolve("answers")).size(),
              parquetFiles(export.resolve("turns")).size(),
              parquetFiles(export.resolve("runs")).size()),
          "export " + n + ": " + parquetFiles(export));
      Thread.sleep(5); // another export tag
    }
  }

  /** A lock file as runs before Iceberg wrote it (the run lock is gone; JarIT still names it). */
  static void writeLock(Path out, long pid) throws IOException {
    Files.createDirectories(out);
    Files.writeString(
        out.resolve("_lock"),
        pid + " " + InetAddress.getLocalHost().getHostName() + " 2026-11-29T03:00:00Z\n");
  }

  /**
   * Whether the lock file of runs before Iceberg can be taken now (the run lock is gone; JarIT
   * still names it).
   */
  static boolean lockIsFree(Path out) throws IOException {
    try (FileChannel c = FileChannel.open(out.resolve("_lock"), StandardOpenOption.WRITE)) {
      FileLock lock = c.tryLock();
      if (lock == null) {
        return false;
      }
      lock.release();
      return true;
    }
  }

  /**
   * Two runs on one output: the one that commits second finds that the other committed since it
   * read the tables. It rolls back the tables it had committed and exits 4 with one line; the other
   * run's commit stands, and nothing of the stopped run is visible or left on disk.
   */
  @Test
  void aRunThatAnotherRunCommittedBeforeRollsBackAndExits4() throws Exception {
    // Glob characters in its name too: the stopped run's files are found and deleted all the same.
    Path out = dir.resolve("out [2]");
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.copy(Fixtures.seed(), in.resolve("seed.txt"));
    assertEquals(
        0, run("--input=" + in + "/seed.txt", "--output=" + out, "--annotators=none").code());
    Map<String, List<String>> before = IcebergRows.currentRows(out);
    Files.writeString(in.resolve("new.txt"), "Q: Is this new?\nA: It is.\n");
    Cli.Result[] other = new Cli.Result[1];
    Cli.Result slow =
        pausedAtTablesWritten(
            dir.resolve("resume"),
            () -> {
              // Meanwhile another run commits (nothing new: its runs row).
              other[0] = run("--input=" + in + "/seed.txt", "--output=" + out, "--annotators=none");
            },
            "--input=" + in + "/*",
            "--output=" + out,
            "--annotators=none");
    assertEquals(0, other[0].code(), other[0].err());
    // The other run changed no row (its runs row only): nothing conflicts, and both runs end well.
    assertEquals(0, slow.code(), slow.out() + slow.err());
    Path clean = dir.resolve("clean");
    assertEquals(0, run("--input=" + in + "/*", "--output=" + clean, "--annotators=none").code());
    assertEquals(
        IcebergRows.currentRows(clean), IcebergRows.currentRows(out), "the rows of one clean run");
    assertTrue(!before.equals(IcebergRows.currentRows(out)), "with the first run's new file");
    try (IcebergRows tables = new IcebergRows(out)) {
      assertEquals(
          3,
          tables.records(Table.RUNS, null).size(),
          "the first run, the one that committed meanwhile, the paused one");
    }
    assertEquals(
        List.of(),
        IcebergRows.unreferencedDataFiles(out),
        "no file of either run is left unreferenced");
  }

  /**
   * A run paused before its commit while another run commits rows: it rolls back and exits 4, and
   * leaves no file.
   */
  @Test
  void aRunThatAnotherRunCommittedRowsBeforeRollsBackAndExits4() throws Exception {
    // Glob characters in its name too: the stopped run's files are found and deleted all the same.
    Path out = dir.resolve("out [3]");
    Path in = Files.createDirectories(dir.resolve("in3"));
    Files.copy(Fixtures.seed(), in.resolve("seed.txt"));
    assertEquals(
        0, run("--input=" + in + "/seed.txt", "--output=" + out, "--annotators=none").code());
    Map<String, List<String>> before = IcebergRows.currentRows(out);
    Files.writeString(in.resolve("new.txt"), "Q: Is this new?\nA: It is.\n");
    Path in2 = Files.createDirectories(dir.resolve("in3b"));
    Files.writeString(in2.resolve("other.txt"), "Q: Is this the other one?\nA: Yes, it is.\n");
    Cli.Result[] other = new Cli.Result[1];
    Cli.Result slow =
        pausedAtTablesWritten(
            dir.resolve("resume3"),
            () -> {
              // Meanwhile another run commits rows: a file of its own.
              other[0] = run("--input=" + in2 + "/*", "--output=" + out, "--annotators=none");
            },
            "--input=" + in + "/*",
            "--output=" + out,
            "--annotators=none");
    assertEquals(0, other[0].code(), other[0].err());
    assertEquals(TranscriptNlp.LOCKED, slow.code(), slow.out() + slow.err());
    assertTrue(
        slow.err()
            .matches(
                "transcript-nlp: another run committed to "
                    + java.util.regex.Pattern.quote(out.toString())
                    + " while this one ran \\(table answers\\): nothing of run"
                    + " \\d{8}-\\d{6}-\\d{3}-[0-9a-f]{6} is visible; run again\n"),
        slow.err());
    try (IcebergRows tables = new IcebergRows(out)) {
      assertEquals(
          2,
          tables.records(Table.RUNS, null).size(),
          "the first run and the one that committed meanwhile");
      assertEquals(
          2,
          tables.column(Table.MANIFEST, "source_path").size(),
          "the seed and the other run's file");
    }
    assertEquals(
        List.of(), IcebergRows.unreferencedDataFiles(out), "the stopped run's files are deleted");
    assertTrue(!before.equals(IcebergRows.currentRows(out)));
    // The next run does what the stopped one would have done.
    Cli.Result again = run("--input=" + in + "/*", "--output=" + out, "--annotators=none");
    assertEquals(0, again.code(), again.err());
    assertTrue(
        again.out().contains("matched: 2 files = 1 new + 0 changed + 1 unchanged"), again.out());
  }

  /**
   * Runs the job with these arguments in a thread, paused at tables-written (its data files
   * written, nothing committed), runs {@code meanwhile}, then lets it go on; returns its result.
   */
  private Cli.Result pausedAtTablesWritten(Path resume, Runnable meanwhile, String... args)
      throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream stderr = System.err;
    System.setProperty(HaltPoint.PAUSE, "tables-written");
    System.setProperty(HaltPoint.RESUME, resume.toString());
    Cli.Result[] slow = new Cli.Result[1];
    Thread first = new Thread(() -> slow[0] = run(args));
    try {
      System.setErr(
          new PrintStream(
              new java.io.OutputStream() {
                @Override
                public void write(int b) {
                  err.write(b);
                  stderr.write(b);
                }
              },
              true));
      first.start();
      long deadline = System.nanoTime() + 120_000_000_000L;
      while (!err.toString().contains("pausing at tables-written")
          && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertTrue(
          err.toString().contains("pausing at tables-written"),
          "the first run wrote its files and waits");
      System.clearProperty(HaltPoint.PAUSE); // the other run does not pause
      meanwhile.run();
      Files.writeString(resume, "go");
      first.join(120_000);
    } finally {
      System.setErr(stderr);
      System.clearProperty(HaltPoint.PAUSE);
      System.clearProperty(HaltPoint.RESUME);
    }
    return slow[0];
  }

  @Test
  void explainListsTurnsAndWhyWithoutRunningTheJob() {
    Cli.Result r = run("--explain=" + Fixtures.seed());
    assertEquals(0, r.code(), r.err());
    assertTrue(
        r.out().contains("read as text; 52 turns, 26 answers, 4 non-speech paragraphs"), r.out());
    assertTrue(r.out().contains("[alias 'TOKAYEV']"), r.out());
    assertTrue(r.out().contains("[inferred: a question put to the respondent]"), r.out());
    assertTrue(r.out().contains("[inferred: an answer after a question]"), r.out());
    assertTrue(r.out().contains("- By Dikhan Kamzabekuly"), r.out());
    assertOneLineError(run("--explain=" + dir + "/none-*.txt"), "no file matched --explain");
  }

  @Test
  void unknownFormatIsAUsageError() {
    assertOneLineError(
        run("--input=" + Fixtures.seed(), "--output=" + dir, "--format=odt"),
        "unknown format 'odt'");
  }

  @Test
  void unknownParserAndSutimeWithoutNumericAreUsageErrors() {
    assertOneLineError(
        run("--input=" + Fixtures.seed(), "--output=" + dir, "--parser=lstm"),
        "--parser: unknown parser 'lstm': use sr or pcfg");
    assertOneLineError(
        run(
            "--input=" + Fixtures.seed(),
            "--output=" + dir,
            "--nerNumeric=false",
            "--nerSutime=true"),
        "--nerSutime=true needs --nerNumeric=true");
  }

  @Test
  void gzipCaptionsAndJsonInOneRun() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    try (var gz =
        new java.util.zip.GZIPOutputStream(Files.newOutputStream(in.resolve("seed.txt.gz")))) {
      gz.write(Files.readAllBytes(Fixtures.seed()));
    }
    Files.writeString(
        in.resolve("talk.vtt"),
        "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Host>How did you start?\n\n"
            + "00:00:04.500 --> 00:00:09.000\n<v Guest>I wrote my first program\n\n"
            + "00:00:09.000 --> 00:00:12.250\n<v Guest>at school. (Laughter.)\n");
    Files.writeString(
        in.resolve("stt.json"),
        "{\"segments\": [{\"speaker\": \"SPEAKER_00\", \"start\": 0.5, \"end\": 2.0, \"text\":"
            + " \"Why now?\"},{\"speaker\": \"SPEAKER_01\", \"start\": 2.5, \"end\": 4.0, \"text\":"
            + " \"Because I can.\"}]}");
    Files.writeString(in.resolve("bad.json"), "{\"title\": \"not a transcript\"}");
    Path out = dir.resolve("out");
    Cli.Result r = run("--input=" + in + "/*", "--output=" + out, "--annotators=none");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("processed: 4 files = 3 parsed + 1 rejected"), r.out());
    try (Duck duck = new Duck(out)) {
      assertEquals(
          26, duck.count("SELECT count(*) FROM answers WHERE source_path LIKE '%seed.txt.gz'"));
      assertEquals(
          List.of(
              List.of("Host", "questioner", "format", 1.0, 4.0, "How did you start?", List.of()),
              List.of(
                  "Guest",
                  "respondent",
                  "format",
                  4.5,
                  12.25,
                  "I wrote my first program at school.",
                  List.of("(Laughter.)"))),
          duck
              .rows(
                  "SELECT speaker, role, attribution, start_seconds, end_seconds, text,"
                      + " stage_directions FROM turns WHERE source_format = 'vtt' ORDER BY"
                      + " turn_index")
              .stream()
              .map(
                  row ->
                      row.stream().map(v -> v instanceof java.sql.Array a ? toList(a) : v).toList())
              .toList());
      assertEquals(
          List.of("Because I can."),
          duck.column("SELECT answer_text FROM answers WHERE source_path LIKE '%stt.json'"));
      assertEquals(
          List.of(List.of("bad.json", "parse", "unknown_json_shape")),
          duck.rows("SELECT regexp_extract(source_path, '[^/]+$'), stage, reason FROM rejects"));
    }
  }

  private static List<Object> toList(java.sql.Array a) {
    try {
      return List.of((Object[]) a.getArray());
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void wholeCorpusIsAccountedForAndOnlyTheTwoFilesWithoutSpeechAreRejected() throws Exception {
    Path out = dir.resolve("out");
    String corpus = Fixtures.path("transforms/src/test/resources/corpus").toString();
    Cli.Result r = run("--input=" + corpus + "/*/*", "--output=" + out, "--annotators=none");
    assertEquals(0, r.code(), r.err());
    long files;
    try (var all = Files.walk(Path.of(corpus))) {
      files =
          all.filter(Files::isRegularFile)
              .filter(p -> !p.getFileName().toString().equals("MANIFEST.tsv"))
              .count();
    }
    assertTrue(
        r.out()
            .contains("processed: " + files + " files = " + (files - 2) + " parsed + 2 rejected"),
        r.out());
    try (Duck duck = new Duck(out)) {
      assertEquals(
          List.of(
              List.of(
                  "spacelog_a13_MEDIA_image-blocks-no-speech.txt", "parse", "no_speaker_labels"),
              List.of("spacelog_mr4_meta_speaker-definitions.json", "parse", "unknown_json_shape")),
          duck.rows(
              "SELECT regexp_extract(source_path, '[^/]+$'), stage, reason FROM rejects ORDER BY"
                  + " 1"));
      assertEquals(
          List.of("csv", "docx", "html", "json", "pdf", "srt", "text", "tsv", "vtt", "xml"),
          duck.column("SELECT DISTINCT source_format FROM turns ORDER BY 1"));
      assertEquals(files - 2, duck.count("SELECT count(DISTINCT source_path) FROM turns"));
      assertEquals(
          0,
          duck.count(
              "SELECT count(*) FROM answers WHERE answer_text LIKE '%(Laughter.)%' OR answer_text"
                  + " LIKE '%[MUSIC]%' OR answer_text LIKE '%{vocalsound}%' OR answer_text LIKE"
                  + " '%(As interpreted.)%'"));
      assertTrue(duck.count("SELECT count(*) FROM turns WHERE start_seconds IS NOT NULL") > 200);
    }
  }

  @Test
  void gzipBombsAndTruncatedGzipAreRejectedWhileGoodFilesAreProcessed() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.copy(Fixtures.seed(), in.resolve("seed.txt"));
    try (var gz =
        new java.util.zip.GZIPOutputStream(Files.newOutputStream(in.resolve("bomb.txt.gz")))) {
      byte[] spaces = new byte[1 << 20];
      java.util.Arrays.fill(spaces, (byte) ' ');
      for (int i = 0; i < 200; i++) {
        gz.write(spaces); // 200 MB of spaces in a few hundred KB
      }
    }
    java.io.ByteArrayOutputStream whole = new java.io.ByteArrayOutputStream();
    try (var gz = new java.util.zip.GZIPOutputStream(whole)) {
      gz.write(Files.readAllBytes(Fixtures.seed()));
    }
    byte[] cut = java.util.Arrays.copyOf(whole.toByteArray(), whole.size() / 2);
    Files.write(in.resolve("cut.txt.gz"), cut);
    Files.writeString(in.resolve("big.txt"), "Q: " + "word ".repeat(300_000) + "\nA: yes\n");
    Path out = dir.resolve("out");
    Cli.Result r =
        run("--input=" + in + "/*", "--output=" + out, "--annotators=none", "--maxFileMegabytes=1");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("processed: 4 files = 1 parsed + 3 rejected"), r.out());
    try (Duck duck = new Duck(out)) {
      assertEquals(
          List.of(
              List.of("big.txt", "read", "file_too_large"),
              List.of("bomb.txt.gz", "read", "decompressed_too_large"),
              List.of("cut.txt.gz", "read", "truncated_gzip")),
          duck.rows(
              "SELECT regexp_extract(source_path, '[^/]+$'), stage, reason FROM rejects ORDER BY"
                  + " 1"));
      assertEquals(26, duck.count("SELECT count(*) FROM answers"));
    }
    // Under the default 64 MB limit the same bomb is stopped by its compression ratio, after
    // inflating at most 100 times its stored size.
    Path out2 = dir.resolve("out2");
    Cli.Result bomb =
        run("--input=" + in + "/bomb.txt.gz", "--output=" + out2, "--annotators=none");
    assertEquals(0, bomb.code(), bomb.err());
    try (Duck duck = new Duck(out2)) {
      assertEquals(
          List.of("compression_ratio_too_high"), duck.column("SELECT reason FROM rejects"));
    }
  }

  @Test
  void oddNamesDuplicatesAndAThousandTinyFilesAreAllAccountedFor() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    String seed = Files.readString(Fixtures.seed());
    Files.writeString(in.resolve("with space 'quote' \"dq\".txt"), seed);
    Files.writeString(in.resolve("интервью-tokayev.txt"), seed);
    for (int i = 0; i < 1000; i++) {
      Files.writeString(
          in.resolve(String.format("tiny-%04d.txt", i)),
          "Q: Question " + i + "?\nA: Answer " + i + ".\n");
    }
    Path out = dir.resolve("out");
    Cli.Result r = run("--input=" + in + "/*", "--output=" + out, "--annotators=none");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("processed: 1002 files = 1002 parsed + 0 rejected"), r.out());
    try (Duck duck = new Duck(out)) {
      assertEquals(1002, duck.count("SELECT count(DISTINCT source_path) FROM answers"));
      assertEquals(1000 + 2 * 26, duck.count("SELECT count(*) FROM answers"));
      // The same bytes under two names: both processed, one transcript_id, told apart by
      // source_path.
      assertEquals(
          1,
          duck.count(
              "SELECT count(DISTINCT transcript_id) FROM answers WHERE source_path NOT LIKE"
                  + " '%tiny-%'"));
      assertEquals(
          2,
          duck.count(
              "SELECT count(DISTINCT source_path) FROM answers WHERE source_path NOT LIKE"
                  + " '%tiny-%'"));
      assertEquals(
          List.of("Answer 999."),
          duck.column("SELECT answer_text FROM answers WHERE source_path LIKE '%tiny-0999.txt'"));
    }
  }

  @Test
  void aReportFolderThatIsAFileIsAUsageErrorAndAReportThatFailsAfterTheCommitExits5()
      throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
    Path out = dir.resolve("out");
    Cli.Result usage =
        run(
            "--input=" + Fixtures.seed(),
            "--output=" + out,
            "--annotators=none",
            "--report=" + file);
    assertEquals(TranscriptNlp.USAGE, usage.code(), usage.err());
    assertEquals(
        "transcript-nlp: --report=" + file + " is a file, not a folder", usage.err().strip());
    assertTrue(Files.notExists(out.resolve("transcripts")), "nothing was run");

    Cli.Result failed =
        run(
            "--input=" + Fixtures.seed(),
            "--output=" + out,
            "--annotators=none",
            "--report=" + file.resolve("sub"));
    assertEquals(TranscriptNlp.REPORT_FAILED, failed.code(), failed.err());
    assertTrue(
        failed.err().startsWith("transcript-nlp: the run is committed, but its report failed: "),
        failed.err());
    assertTrue(
        failed.out().contains("processed: 1 files = 1 parsed + 0 rejected"),
        "the summary still: " + failed.out());
    try (Duck duck = new Duck(out)) {
      assertEquals(1, duck.count("SELECT count(*) FROM runs"), "the run is committed");
      assertEquals(26, duck.count("SELECT count(*) FROM answers"));
    }
  }
}
