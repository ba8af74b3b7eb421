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
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptnlp.beam.ReadTranscripts;
import org.transcriptnlp.testing.Fixtures;

/** The report of an output on HDFS (MiniDFSCluster in this JVM), written to a local folder and to HDFS. */
class HtmlReportHdfsTest {
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

  @Test
  void aReportOfAnOutputOnHdfs() throws Exception {
    Map<String, Integer> answers = new TreeMap<>();
    try (var files = Files.list(Fixtures.path("samples/transcripts"))) {
      for (Path f : files.toList()) {
        hdfs.copyFromLocalFile(new org.apache.hadoop.fs.Path(f.toString()), new org.apache.hadoop.fs.Path("/in/" + f.getFileName()));
        answers.put(ReadTranscripts.transcriptId(Files.readAllBytes(f)) + ".html", 0);
      }
    }
    String output = root + "/tables";
    Cli.Result r = Cli.run("--input=" + root + "/in/*", "--output=" + output, "--annotators=none",
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
    assertTrue(page.contains((root + "/in/interview-tokayev-2024.txt").replace("/", "/<wbr>")), "the source path on HDFS");
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
}
