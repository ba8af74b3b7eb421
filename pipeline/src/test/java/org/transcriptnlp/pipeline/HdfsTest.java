package org.transcriptnlp.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptnlp.model.Ids;
import org.transcriptnlp.pipeline.report.HtmlReport;
import org.transcriptnlp.pipeline.runs.HaltPoint;
import org.transcriptnlp.pipeline.runs.Warehouse;
import org.transcriptnlp.tables.IcebergTables;
import org.transcriptnlp.tables.Table;
import org.transcriptnlp.testing.Fixtures;

/**
 * Input and output on HDFS: a NameNode and a DataNode in this JVM (MiniDFSCluster), the job's paths
 * {@code hdfs://...} through Beam's Hadoop file system, its Iceberg tables in the Hadoop catalog
 * whose warehouse is the {@code hdfs://} output. Incremental runs there, read back with Iceberg's
 * generic reader over the catalog on HDFS and compared with the same runs on a local folder; the
 * report of an output on HDFS; two runs that overlap on one output.
 */
class HdfsTest {
  private static MiniDFSCluster cluster;
  private static FileSystem hdfs;
  private static String root;

  @TempDir static Path dir;

  @BeforeAll
  static void startHdfs() throws IOException {
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, dir.resolve("dfs").toString());
    cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
    cluster.waitActive();
    hdfs = cluster.getFileSystem();
    root = "hdfs://localhost:" + cluster.getNameNodePort();
  }

  @AfterAll
  static void stopHdfs() {
    if (cluster != null) {
      cluster.shutdown();
    }
  }

  private static String[] args(String input, String output) {
    return new String[] {
      "--input=" + input,
      "--output=" + output,
      "--annotators=none",
      "--hdfsConfiguration=[{\"fs.defaultFS\": \"" + root + "\"}]"
    };
  }

  private static Cli.Result job(String input, String output) {
    Cli.Result r = Cli.run(args(input, output));
    assertEquals(0, r.code(), r.out() + r.err());
    return r;
  }

  private static void assertPrinted(Cli.Result r, String expected) {
    assertTrue(r.out().contains(expected), "'" + expected + "' not in:\n" + r.out());
  }

  private static void copyToHdfs(Path local, String path) throws IOException {
    hdfs.copyFromLocalFile(
        new org.apache.hadoop.fs.Path(local.toString()), new org.apache.hadoop.fs.Path(path));
  }

  /** The tables the comparisons read: the five of rows and the manifest. */
  private static final List<Table> COMPARED =
      List.of(
          Table.ANSWERS,
          Table.SENTENCES,
          Table.ENTITIES,
          Table.TURNS,
          Table.REJECTS,
          Table.MANIFEST);

  /**
   * Every current row of the tables of an output (local or {@code hdfs://}), read with Iceberg's
   * generic reader through the Hadoop catalog whose warehouse is the output: by table, each row as
   * its fields but run_id, through {@code paths} (which writes the input folder the same way for
   * two outputs), sorted.
   */
  static Map<String, List<String>> rows(String output, UnaryOperator<String> paths)
      throws IOException {
    Map<String, List<String>> rows = new TreeMap<>();
    Catalog catalog = IcebergTables.catalog(output, "hadoop");
    try {
      for (Table t : COMPARED) {
        List<String> table = new ArrayList<>();
        try (CloseableIterable<Record> all =
            IcebergGenerics.read(catalog.loadTable(IcebergTables.identifier(t))).build()) {
          for (Record r : all) {
            StringBuilder row = new StringBuilder();
            for (Types.NestedField f : r.struct().fields()) {
              if (!f.name().equals("run_id")) {
                row.append(f.name()).append('=').append(r.getField(f.name())).append("; ");
              }
            }
            table.add(paths.apply(row.toString()));
          }
        }
        table.sort(null);
        rows.put(t.folder(), table);
      }
    } finally {
      IcebergTables.close(catalog);
    }
    return rows;
  }

  /** The run ids in a table's rows. */
  private static Set<String> runIds(org.apache.iceberg.Table table) throws IOException {
    Set<String> ids = new TreeSet<>();
    try (CloseableIterable<Record> all = IcebergGenerics.read(table).build()) {
      all.forEach(r -> ids.add(String.valueOf(r.getField("run_id"))));
    }
    return ids;
  }

  /** Every file under an HDFS folder, as hdfs:// URIs (none when it does not exist). */
  private static Set<String> filesUnder(String folder) throws IOException {
    Set<String> files = new TreeSet<>();
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(folder);
    if (!hdfs.exists(p)) {
      return files;
    }
    RemoteIterator<LocatedFileStatus> it = hdfs.listFiles(p, true);
    while (it.hasNext()) {
      files.add(it.next().getPath().toUri().toString());
    }
    return files;
  }

  @Test
  void incrementalRunsReadAndWriteHdfs() throws Exception {
    List<Path> samples;
    try (Stream<Path> files = Files.list(Fixtures.path("samples/transcripts"))) {
      samples = files.sorted().toList();
    }
    // A folder name with a space: paths on HDFS are URIs.
    String in = "/archive of transcripts";
    Path localIn = Files.createDirectories(dir.resolve("local-in"));
    for (Path f : samples.subList(0, 2)) {
      copyToHdfs(f, in + "/" + f.getFileName());
      Files.copy(f, localIn.resolve(f.getFileName()));
    }
    String input = root + in + "/*";
    String output = root + "/tables";
    assertPrinted(job(input, output), "matched: 2 files = 2 new + 0 changed + 0 unchanged");
    Cli.Result nothing = job(input, output);
    assertPrinted(nothing, "matched: 2 files = 0 new + 0 changed + 2 unchanged");
    assertPrinted(
        nothing,
        "iceberg: nothing new, so only the runs table was committed (its row for this run)");
    Path third = samples.get(2);
    copyToHdfs(third, in + "/" + third.getFileName());
    Files.copy(third, localIn.resolve(third.getFileName()));
    assertPrinted(job(input, output), "matched: 3 files = 1 new + 0 changed + 2 unchanged");
    assertEquals(Set.of(), filesUnder("/tables/_staging"), "no staged file left");

    // The same files in one run on a local folder: the same rows, read through the catalogs.
    Path local = dir.resolve("local-out");
    job(localIn + "/*", local.toString());
    Map<String, List<String>> reference =
        rows(local.toString(), r -> r.replace(localIn.toString(), "IN"));
    Map<String, List<String>> onHdfs =
        rows(output, r -> r.replace(root + in.replace(" ", "%20"), "IN").replace(root + in, "IN"));
    assertEquals(reference, onHdfs);
    assertEquals(3, reference.get("manifest").size());
    assertEquals(50, reference.get("answers").size());
    assertTrue(reference.get("turns").size() > 100, reference.get("turns").size() + " turns");
    assertEquals(List.of(), reference.get("sentences"), "--annotators=none");
    assertEquals(List.of(), reference.get("entities"), "--annotators=none");
    assertEquals(List.of(), reference.get("rejects"));
    // An independent reader of the local tables agrees with the generic reader.
    try (Duck duck = new Duck(local)) {
      assertEquals(reference.get("answers").size(), duck.count("SELECT count(*) FROM answers"));
      assertEquals(reference.get("turns").size(), duck.count("SELECT count(*) FROM turns"));
    }

    // The tables on HDFS: three runs committed; the run that found nothing new committed only its
    // runs row; every data file is in its table's folder on HDFS, and each is referenced.
    Catalog catalog = IcebergTables.catalog(output, "hadoop");
    try {
      org.apache.iceberg.Table runs = catalog.loadTable(IcebergTables.identifier(Table.RUNS));
      Set<String> ids = runIds(runs);
      assertEquals(3, ids.size(), ids.toString());
      List<String> byRun = List.copyOf(ids);
      for (Table t : Table.values()) {
        org.apache.iceberg.Table table = catalog.loadTable(IcebergTables.identifier(t));
        assertEquals(root + "/tables/transcripts/" + t.folder(), table.location());
        List<String> committedBy = new ArrayList<>();
        for (Snapshot s : table.snapshots()) {
          committedBy.add(s.summary().get(IcebergTables.RUN_ID));
        }
        assertEquals(
            t == Table.RUNS ? byRun : List.of(byRun.get(0), byRun.get(2)),
            committedBy,
            t.folder() + "'s snapshots");
        List<String> current = IcebergTables.currentFiles(table);
        for (String f : current) {
          assertTrue(f.startsWith(root + "/tables/transcripts/" + t.folder() + "/data/run-"), f);
        }
        assertEquals(
            List.of(Table.ANSWERS, Table.TURNS, Table.MANIFEST, Table.RUNS).contains(t),
            !current.isEmpty(),
            t.folder());
        assertEquals(
            new TreeSet<>(current),
            filesUnder("/tables/transcripts/" + t.folder() + "/data"),
            t.folder()
                + ": the data files on HDFS are those of the current snapshot (no run replaced"
                + " any)");
      }
    } finally {
      IcebergTables.close(catalog);
    }
  }

  /**
   * An output named without its NameNode ({@code hdfs:///tables}), the NameNode given by
   * --hdfsConfiguration (fs.defaultFS), as the README allows: the Iceberg catalog on it takes the
   * same settings as Beam's file system.
   */
  @Test
  void anOutputWithoutItsNameNodeTakesItFromTheHdfsConfiguration() throws Exception {
    copyToHdfs(Fixtures.seed(), "/default-fs-in/seed.txt");
    Cli.Result r = job("hdfs:///default-fs-in/*", "hdfs:///default-fs-tables");
    assertPrinted(r, "matched: 1 files = 1 new + 0 changed + 0 unchanged");
    assertPrinted(
        job("hdfs:///default-fs-in/*", "hdfs:///default-fs-tables"),
        "matched: 1 files = 0 new + 0 changed + 1 unchanged");
    Map<String, List<String>> rows = rows(root + "/default-fs-tables", UnaryOperator.identity());
    assertEquals(26, rows.get("answers").size());
    assertTrue(
        rows.get("answers").stream()
            .allMatch(
                a ->
                    a.contains("source_path=hdfs:///default-fs-in/seed.txt;")
                        || a.contains("source_path=" + root + "/default-fs-in/seed.txt;")),
        rows.get("answers").get(0));
  }

  /** The report of an output on HDFS, written to a local folder and to HDFS: the same pages. */
  @Test
  void aReportOfAnOutputOnHdfs() throws Exception {
    Map<String, Integer> answers = new TreeMap<>();
    try (var files = Files.list(Fixtures.path("samples/transcripts"))) {
      for (Path f : files.toList()) {
        copyToHdfs(f, "/report-in/" + f.getFileName());
        answers.put(Ids.transcriptId(Files.readAllBytes(f)) + ".html", 0);
      }
    }
    String output = root + "/report-tables";
    job(root + "/report-in/*", output);

    Path local = dir.resolve("report");
    List<String> written;
    List<String> onHdfs;
    try (Warehouse w = Warehouse.existing(output, "hadoop")) {
      written = HtmlReport.write(w, local.toString());
      onHdfs = HtmlReport.write(w, root + "/report");
    }
    assertEquals(4, written.size());
    String seed = Ids.transcriptId(Files.readAllBytes(Fixtures.seed())) + ".html";
    String page = Files.readString(local.resolve(seed));
    assertTrue(page.contains("<div class=\"k\">Answers</div><div class=\"v\">26</div>"), page);
    assertTrue(page.contains("<div class=\"k\">Turns</div><div class=\"v\">52</div>"), page);
    assertTrue(page.contains("No sentiment scores"), "--annotators=none: no scores");
    assertTrue(
        page.contains((root + "/report-in/interview-tokayev-2024.txt").replace("/", "/<wbr>")),
        "the source path on HDFS");
    String index = Files.readString(local.resolve("index.html"));
    for (String name : answers.keySet()) {
      assertTrue(Files.exists(local.resolve(name)), name);
      assertTrue(index.contains("<a href=\"" + name + "\">"), name);
    }

    assertEquals(root + "/report/index.html", onHdfs.get(0));
    assertEquals(4, onHdfs.size());
    for (String file : onHdfs) {
      String name = file.substring(file.lastIndexOf('/') + 1);
      String copy;
      try (var in = hdfs.open(new org.apache.hadoop.fs.Path("/report/" + name))) {
        copy = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      String same = Files.readString(local.resolve(name));
      assertEquals(
          same.replaceAll("Generated [^<.]+", ""), copy.replaceAll("Generated [^<.]+", ""), name);
    }
  }

  /** Whether a thread is waiting in a {@link HaltPoint} pause. */
  private static boolean pausedInHaltPoint(Thread t) {
    return Arrays.stream(t.getStackTrace())
        .anyMatch(
            f ->
                f.getClassName().equals(HaltPoint.class.getName())
                    && f.getMethodName().equals("reach"));
  }

  /**
   * No lock on HDFS (nor anywhere now): two runs started together on one output, made to overlap
   * for sure. The first pauses once it has written its data files (HaltPoint tables-written, in a
   * thread of this JVM); the second runs and commits meanwhile; then the first resumes, finds at
   * its first commit that the tables changed since it started, rolls back, deletes its files and
   * exits 4 with one line. The tables hold exactly the rows of one clean run, all of the second
   * run.
   */
  @Test
  void twoRunsThatOverlapOnOneOutputLeaveTheRowsOfOneCleanRun() throws Exception {
    overlap("overlap", "tables-written");
  }

  /**
   * The same, the first run paused right after reading the history (the committed runs and the
   * manifest), and no grace for runs still committing: the second run's commits are those of a
   * committed run (its runs row is there), which the first run must not roll back as a killed
   * run's; it finds at its first commit that the tables changed since it read the history. (Before
   * the fix the first run rolled the second's five tables and manifest back, leaving a runs row
   * whose rows were gone; with the default grace it exited 4 saying the finished run was still
   * committing.)
   */
  @Test
  void aRunThatOverlapsRightAfterReadingTheHistoryDoesNotRollBackTheOtherCommittedRun()
      throws Exception {
    overlap("overlap-history", "history-read", "--cleanAfterMinutes=0");
  }

  /**
   * Two runs on the same two files and one HDFS output: the first paused at {@code point}, the
   * second run meanwhile; the first must exit 4 with the conflict line, the tables hold exactly the
   * rows of one clean run (a run of the same files on a local folder), all of the second run.
   */
  private static void overlap(String name, String point, String... options) throws Exception {
    String inFolder = "/" + name + "-in";
    copyToHdfs(Fixtures.seed(), inFolder + "/seed.txt");
    copyToHdfs(
        Fixtures.path("samples/transcripts/wh_2025-02-16_fox-sports_trump_short.md"),
        inFolder + "/fox.md");
    String input = root + inFolder + "/*";
    String output = root + "/" + name + "-tables";
    List<String> arguments = new ArrayList<>(Arrays.asList(args(input, output)));
    arguments.addAll(Arrays.asList(options));
    String[] both = arguments.toArray(new String[0]);
    Path resume = dir.resolve(name + "-resume");
    Cli.Result first;
    Cli.Result second;
    System.setProperty(HaltPoint.PAUSE, point);
    System.setProperty(HaltPoint.RESUME, resume.toString());
    CompletableFuture<Cli.Result> running = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                running.complete(Cli.run(both));
              } catch (Throwable e) {
                running.completeExceptionally(e);
              }
            },
            "first-run");
    try {
      thread.start();
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      while (!pausedInHaltPoint(thread)) {
        assertFalse(
            running.isDone(), () -> "the first run ended before its pause: " + running.join());
        assertTrue(
            System.nanoTime() < deadline, "the first run did not reach " + point + " in 3 minutes");
        Thread.sleep(20);
      }
      // The pause has read its properties: the second run (in this thread) does not pause.
      System.clearProperty(HaltPoint.PAUSE);
      System.clearProperty(HaltPoint.RESUME);
      second = Cli.run(both);
      assertEquals(0, second.code(), second.out() + second.err());
      assertPrinted(second, "matched: 2 files = 2 new + 0 changed + 0 unchanged");
      assertTrue(thread.isAlive() && pausedInHaltPoint(thread), "the first run waited all along");
    } finally {
      System.clearProperty(HaltPoint.PAUSE);
      System.clearProperty(HaltPoint.RESUME);
      Files.writeString(resume, "go");
    }
    first = running.get(3, TimeUnit.MINUTES);
    thread.join();
    // Either the first run lost at its first commit (exit 4, one line), or, paused before it
    // planned,
    // it found the second run's rows and had nothing left to do (exit 0, only its runs row).
    boolean lost = first.code() == TranscriptNlp.LOCKED;
    String firstRun;
    if (lost) {
      assertEquals("", first.out());
      assertTrue(
          first
              .err()
              .matches(
                  "transcript-nlp: another run committed to "
                      + java.util.regex.Pattern.quote(output)
                      + " while this one ran \\(table answers\\): nothing of run"
                      + " \\d{8}-\\d{6}-\\d{3}-[0-9a-f]+ is visible; run again\\R"),
          first.err());
      firstRun = first.err().replaceAll("(?s).* nothing of run (\\S+) is visible.*", "$1");
    } else {
      assertEquals(0, first.code(), first.out() + first.err());
      assertPrinted(first, "matched: 2 files = 0 new + 0 changed + 2 unchanged");
      firstRun = first.out().replaceAll("(?s)^transcript-nlp: run (\\S+) .*", "$1");
    }

    // Exactly the rows of one clean run: the same input in one run on a local folder.
    Path localIn = Files.createDirectories(dir.resolve(name + "-local-in"));
    Files.copy(Fixtures.seed(), localIn.resolve("seed.txt"));
    Files.copy(
        Fixtures.path("samples/transcripts/wh_2025-02-16_fox-sports_trump_short.md"),
        localIn.resolve("fox.md"));
    Path local = dir.resolve(name + "-local-out");
    job(localIn + "/*", local.toString());
    Map<String, List<String>> reference =
        rows(local.toString(), r -> r.replace(localIn.toString(), "IN"));
    assertEquals(26 + 8, reference.get("answers").size());
    assertEquals(reference, rows(output, r -> r.replace(root + inFolder, "IN")));

    Catalog catalog = IcebergTables.catalog(output, "hadoop");
    try {
      Set<String> runs = runIds(catalog.loadTable(IcebergTables.identifier(Table.RUNS)));
      assertEquals(lost ? 1 : 2, runs.size(), "committed runs: " + runs);
      String secondRun = runs.stream().filter(r -> !r.equals(firstRun)).findFirst().orElseThrow();
      assertEquals(!lost, runs.contains(firstRun));
      for (Table t : Table.values()) {
        org.apache.iceberg.Table table = catalog.loadTable(IcebergTables.identifier(t));
        if (List.of(Table.ANSWERS, Table.TURNS, Table.MANIFEST)
            .contains(t)) { // the others are empty here
          assertEquals(
              Set.of(secondRun), runIds(table), t.folder() + ": every row is the second run's");
        }
        for (Snapshot s : table.snapshots()) {
          assertTrue(
              runs.contains(s.summary().get(IcebergTables.RUN_ID)),
              t.folder() + ": a snapshot of a committed run");
          if (t != Table.RUNS) {
            assertEquals(
                secondRun,
                s.summary().get(IcebergTables.RUN_ID),
                t.folder() + ": no snapshot of the first run");
          }
        }
        // The first run deleted the data files it wrote: only the current snapshot's files are
        // left.
        assertEquals(
            new TreeSet<>(IcebergTables.currentFiles(table)),
            filesUnder("/" + name + "-tables/transcripts/" + t.folder() + "/data"),
            t.folder());
      }
    } finally {
      IcebergTables.close(catalog);
    }
    assertEquals(Set.of(), filesUnder("/" + name + "-tables/_staging"), "no staged file left");

    // The next run finds everything current.
    assertPrinted(job(input, output), "matched: 2 files = 0 new + 0 changed + 2 unchanged");
  }
}
