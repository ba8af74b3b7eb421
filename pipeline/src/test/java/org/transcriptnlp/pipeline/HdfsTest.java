package org.transcriptnlp.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptnlp.beam.ReadTranscripts;
import org.transcriptnlp.testing.Fixtures;

/**
 * Input and output on HDFS: a NameNode and a DataNode in this JVM (MiniDFSCluster), the job's
 * paths {@code hdfs://...} through Beam's Hadoop file system. Incremental runs there, then the
 * tables copied out and compared with DuckDB against the same runs on a local folder.
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

  private static Cli.Result job(String input, String output) {
    Cli.Result r = Cli.run("--input=" + input, "--output=" + output, "--annotators=none",
        "--hdfsConfiguration=[{\"fs.defaultFS\": \"" + root + "\"}]");
    assertEquals(0, r.code(), r.out() + r.err());
    return r;
  }

  private static void assertPrinted(Cli.Result r, String expected) {
    assertTrue(r.out().contains(expected), "'" + expected + "' not in:\n" + r.out());
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
      hdfs.copyFromLocalFile(new org.apache.hadoop.fs.Path(f.toString()), new org.apache.hadoop.fs.Path(in + "/" + f.getFileName()));
      Files.copy(f, localIn.resolve(f.getFileName()));
    }
    String input = root + in + "/*";
    String output = root + "/tables";
    assertPrinted(job(input, output), "matched: 2 files = 2 new + 0 changed + 0 unchanged");
    assertPrinted(job(input, output), "matched: 2 files = 0 new + 0 changed + 2 unchanged");
    Path third = samples.get(2);
    hdfs.copyFromLocalFile(new org.apache.hadoop.fs.Path(third.toString()), new org.apache.hadoop.fs.Path(in + "/" + third.getFileName()));
    Files.copy(third, localIn.resolve(third.getFileName()));
    assertPrinted(job(input, output), "matched: 3 files = 1 new + 0 changed + 2 unchanged");
    org.apache.hadoop.fs.Path staging = new org.apache.hadoop.fs.Path("/tables/_staging");
    assertTrue(!hdfs.exists(staging) || !hdfs.listFiles(staging, true).hasNext(), "no staged file left");

    // The same runs on a local folder, and one full run, against the tables copied out of HDFS.
    Path local = dir.resolve("local-out");
    job(localIn + "/*", local.toString());
    Path copied = dir.resolve("copied");
    hdfs.copyToLocalFile(false, new org.apache.hadoop.fs.Path("/tables"), new org.apache.hadoop.fs.Path(copied.toString()), true);
    try (Duck fromHdfs = new Duck(copied); Duck reference = new Duck(local)) {
      for (String table : List.of("answers", "turns", "rejects")) {
        assertEquals(
            reference.rowsWithoutRun(table).stream().map(r -> r.replace(localIn.toString(), "IN")).toList(),
            fromHdfs.rowsWithoutRun(table).stream().map(r -> r.replace(root + in.replace(" ", "%20"), "IN")
                .replace(root + in, "IN")).sorted().toList(),
            table);
      }
      assertEquals(3, fromHdfs.count("SELECT count(*) FROM runs"));
      assertEquals(3, fromHdfs.count("SELECT count(*) FROM current_manifest"));
      assertTrue(fromHdfs.count("SELECT count(*) FROM answers") > 0);
    }
  }

  /** The report of an output on HDFS, written to a local folder and to HDFS: the same pages. */
  @Test
  void aReportOfAnOutputOnHdfs() throws Exception {
    Map<String, Integer> answers = new TreeMap<>();
    try (var files = Files.list(Fixtures.path("samples/transcripts"))) {
      for (Path f : files.toList()) {
        hdfs.copyFromLocalFile(new org.apache.hadoop.fs.Path(f.toString()), new org.apache.hadoop.fs.Path("/report-in/" + f.getFileName()));
        answers.put(ReadTranscripts.transcriptId(Files.readAllBytes(f)) + ".html", 0);
      }
    }
    String output = root + "/report-tables";
    Cli.Result r = Cli.run("--input=" + root + "/report-in/*", "--output=" + output, "--annotators=none",
        "--hdfsConfiguration=[{\"fs.defaultFS\": \"" + root + "\"}]");
    assertEquals(0, r.code(), r.out() + r.err());

    Path local = dir.resolve("report");
    List<String> written = HtmlReport.write(output, local.toString());
    assertEquals(4, written.size());
    String seed = ReadTranscripts.transcriptId(Files.readAllBytes(Fixtures.seed())) + ".html";
    String page = Files.readString(local.resolve(seed));
    assertTrue(page.contains("<div class=\"k\">Answers</div><div class=\"v\">26</div>"), page);
    assertTrue(page.contains("<div class=\"k\">Turns</div><div class=\"v\">52</div>"), page);
    assertTrue(page.contains("No sentiment scores"), "--annotators=none: no scores");
    assertTrue(page.contains((root + "/report-in/interview-tokayev-2024.txt").replace("/", "/<wbr>")), "the source path on HDFS");
    String index = Files.readString(local.resolve("index.html"));
    for (String name : answers.keySet()) {
      assertTrue(Files.exists(local.resolve(name)), name);
      assertTrue(index.contains("<a href=\"" + name + "\">"), name);
    }

    List<String> onHdfs = HtmlReport.write(output, root + "/report");
    assertEquals(root + "/report/index.html", onHdfs.get(0));
    assertEquals(4, onHdfs.size());
    for (String file : onHdfs) {
      String name = file.substring(file.lastIndexOf('/') + 1);
      String copy;
      try (var in = hdfs.open(new org.apache.hadoop.fs.Path("/report/" + name))) {
        copy = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      String same = Files.readString(local.resolve(name));
      assertEquals(same.replaceAll("Generated [^<.]+", ""), copy.replaceAll("Generated [^<.]+", ""), name);
    }
  }

  /**
   * No lock on HDFS: the runs' markers in _staging/ keep a run from starting while another writes
   * (here a run on another host whose marker is fresh), and once that marker is stale the next run
   * removes what that run left.
   */
  @Test
  void aRunRefusesWhileAnotherRunsMarkerIsFreshAndRemovesItsStagingOnceStale() throws Exception {
    hdfs.copyFromLocalFile(new org.apache.hadoop.fs.Path(Fixtures.seed().toString()), new org.apache.hadoop.fs.Path("/marker-in/seed.txt"));
    String input = root + "/marker-in/*";
    String output = root + "/marker-tables";
    job(input, output);
    String other = "20260101-000000-000-abcdef";
    org.apache.hadoop.fs.Path marker = new org.apache.hadoop.fs.Path("/marker-tables/_staging/run-" + other + LiveRun.SUFFIX);
    org.apache.hadoop.fs.Path staged = new org.apache.hadoop.fs.Path("/marker-tables/_staging/run-" + other + "/turns/0a1b.parquet");
    try (var out = hdfs.create(marker)) {
      out.write(("run=" + other + " pid=4242 host=elsewhere.invalid jvm_started=2026-01-01T00:00:00Z beat=7 at=2026-01-01T00:00:35Z\n")
          .getBytes(StandardCharsets.UTF_8));
    }
    try (var out = hdfs.create(staged)) {
      out.write("staged rows".getBytes(StandardCharsets.UTF_8));
    }
    Cli.Result refused = Cli.run("--input=" + input, "--output=" + output, "--annotators=none",
        "--hdfsConfiguration=[{\"fs.defaultFS\": \"" + root + "\"}]");
    assertEquals(TranscriptNlp.LOCKED, refused.code(), refused.out() + refused.err());
    assertTrue(refused.err().strip().matches(java.util.regex.Pattern.quote("transcript-nlp: another run is writing to " + output + " (run "
        + other + ", pid 4242 on elsewhere.invalid, its marker run-" + other + ".alive written ") + "\\d+"
        + java.util.regex.Pattern.quote(" s ago); try again when it has finished")), refused.err());
    assertTrue(hdfs.exists(staged) && hdfs.exists(marker), "nothing of the other run is removed");
    assertEquals(List.of(marker.getName()), Stream.of(hdfs.listStatus(new org.apache.hadoop.fs.Path("/marker-tables/_staging")))
        .map(st -> st.getPath().getName()).filter(n -> n.endsWith(LiveRun.SUFFIX)).toList(), "and the refused run's own marker is gone");

    hdfs.setTimes(marker, System.currentTimeMillis() - LiveRun.STALE.toMillis() - 60_000, -1);
    assertPrinted(job(input, output), "matched: 1 files = 0 new + 0 changed + 1 unchanged");
    assertTrue(!hdfs.exists(staged) && !hdfs.exists(marker), "the stale run's staged file and marker are removed");
  }
}
