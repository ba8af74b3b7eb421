package org.transcriptnlp.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.transcriptnlp.testing.Fixtures;

/**
 * The job on a Flink session cluster started by {@code run-configs/flink/cluster.sh} (a JobManager
 * and a TaskManager JVM on 127.0.0.1), submitted as the README says. Runs in the {@code -Pflink}
 * build (the jar must have the Flink runner).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 20, unit = java.util.concurrent.TimeUnit.MINUTES)
class FlinkClusterIT {
  private static final Path CLUSTER = Fixtures.path("pipeline/target/it-clusters/flink");
  private static final ClusterScript SCRIPT =
      new ClusterScript(
          "flink",
          Map.of(
              "FLINK_CLUSTER_DIR", CLUSTER.toString(),
              "FLINK_RPC_PORT", "16123",
              "FLINK_REST_PORT", "18082"));
  private static final Path TM_LOG = CLUSTER.resolve("logs/taskmanager.log");

  @BeforeAll
  static void startTheCluster() throws Exception {
    DirectReference.tables(); // before the cluster takes its memory
    SCRIPT.stopQuietly(); // a cluster an interrupted run left up, before its pid files go
    Fixtures.deleteTree(CLUSTER);
    String out = SCRIPT.run("start");
    assertTrue(out.contains("Flink session cluster: REST 127.0.0.1:18082"), out);
    SparkClusterIT.assertListensOnLoopbackOnly(
        List.of(
            ClusterScript.pid(CLUSTER, "jobmanager"), ClusterScript.pid(CLUSTER, "taskmanager")));
  }

  @AfterAll
  static void stopTheCluster() throws Exception {
    String out = SCRIPT.run("stop");
    assertFalse(
        Files.exists(CLUSTER.resolve("jobmanager.pid"))
            || Files.exists(CLUSTER.resolve("taskmanager.pid")),
        out);
  }

  /**
   * Where the TaskManager's log stood when a test began: its file, its length, and the files of
   * earlier logs.
   */
  private record LogMark(Object fileKey, long offset, List<Object> earlier) {}

  private static List<Path> taskManagerLogFiles() throws IOException {
    try (Stream<Path> all = Files.list(CLUSTER.resolve("logs"))) {
      return all.filter(p -> p.getFileName().toString().matches("taskmanager(\\.\\d+)?\\.log"))
          .sorted()
          .toList();
    }
  }

  private static LogMark mark() throws IOException {
    BasicFileAttributes a = Files.readAttributes(TM_LOG, BasicFileAttributes.class);
    List<Object> earlier = new java.util.ArrayList<>();
    for (Path p : taskManagerLogFiles()) {
      earlier.add(Files.readAttributes(p, BasicFileAttributes.class).fileKey());
    }
    return new LogMark(a.fileKey(), a.size(), earlier);
  }

  /**
   * The lines each TaskManager logged since the mark, by log file: the one running then (the script
   * moves a dead TaskManager's log aside as taskmanager.TIME.log when it starts another) from where
   * it stood, and any started since then from its start.
   */
  private static Map<String, String> taskManagerLogs(LogMark mark) throws IOException {
    Map<String, String> logs = new LinkedHashMap<>();
    for (Path p : taskManagerLogFiles()) {
      Object key = Files.readAttributes(p, BasicFileAttributes.class).fileKey();
      if (key.equals(mark.fileKey())) {
        logs.put(p.getFileName().toString(), ClusterScript.from(p, mark.offset()));
      } else if (!mark.earlier().contains(key)) {
        logs.put(p.getFileName().toString(), ClusterScript.from(p, 0));
      }
    }
    return logs;
  }

  private static ClusterScript.Run submit(Path out, Path log, ClusterScript.During during)
      throws Exception {
    return SCRIPT.submitSamples(
        out,
        log,
        "client",
        pids -> {
          pids.putIfAbsent("jobmanager", ClusterScript.pid(CLUSTER, "jobmanager"));
          long tm = ClusterScript.pid(CLUSTER, "taskmanager");
          pids.putIfAbsent("taskmanager pid " + tm, tm);
        },
        during);
  }

  private static Map<String, List<String>> loadsPerTaskManager(LogMark mark) throws IOException {
    Map<String, List<String>> loads = new LinkedHashMap<>();
    taskManagerLogs(mark).forEach((name, text) -> loads.put(name, ClusterScript.modelLoads(text)));
    return loads;
  }

  /**
   * The TaskManager killed with SIGKILL once it has loaded a model set, and a new one started with
   * {@code cluster.sh taskmanager}: the cluster's restart strategy (fixed-delay, settings.env)
   * restarts the job on the new TaskManager, and it completes. Every row is in the tables once.
   * First of the two tests, so that the job starts on a TaskManager that has no model loaded.
   */
  @Test
  @Order(1)
  void aTaskManagerKilledMidJobIsReplacedAndTheJobRestartsAndCompletesWithEveryRowOnce()
      throws Exception {
    LogMark mark = mark();
    Path out = CLUSTER.resolve("out-killed");
    Path log = CLUSTER.resolve("logs/submit-killed.log");
    long[] killed = new long[1];
    ClusterScript.Run run =
        submit(
            out,
            log,
            (job, jobLog) -> {
              ClusterScript.waitFor(
                  () -> ClusterScript.modelsLoaded(ClusterScript.from(TM_LOG, mark.offset())),
                  job,
                  jobLog,
                  300,
                  "TaskManager that loaded the models");
              killed[0] = ClusterScript.pid(CLUSTER, "taskmanager");
              ProcessHandle tm = ProcessHandle.of(killed[0]).orElseThrow();
              assertTrue(tm.destroyForcibly(), "kill -9 the TaskManager");
              tm.onExit().get();
              String started = SCRIPT.run("taskmanager");
              assertTrue(started.contains("taskmanager pid"), started);
            });
    String printed = Files.readString(log);
    assertEquals(
        0, run.exit(), "the job was restarted on the new TaskManager and completed: " + printed);
    assertTrue(
        ClusterScript.readQuietly(CLUSTER.resolve("logs/jobmanager.log")).contains("RESTARTING"),
        "the JobManager restarted the job");
    assertTrue(printed.contains("processed: 3 files = 3 parsed + 0 rejected"), printed);
    DirectReference.assertSameTables(out, "Flink cluster, TaskManager killed");
    Map<String, List<String>> loads = loadsPerTaskManager(mark);
    assertEquals(2, loads.size(), "the killed TaskManager and its successor: " + loads);
    for (Map.Entry<String, List<String>> e : loads.entrySet()) {
      assertEquals(
          e.getValue().stream().distinct().toList(),
          e.getValue(),
          e.getKey() + " loaded each model set once");
    }
    try (Duck duck = new Duck(out)) {
      assertEquals(1, duck.count("SELECT count(*) FROM runs"));
    }
    ClusterReport.add(
        "Flink session", "TaskManager " + killed[0] + " killed", run.seconds(), loads, run.rssMb());
  }

  /**
   * The samples on the TaskManager that replaced the killed one: the Direct Runner's tables. That
   * TaskManager loaded the models during the restarted job; in this second job it loads none, as
   * the models' holder lives in the cluster's class path, once per TaskManager JVM, not per job.
   */
  @Test
  @Order(2)
  void theSamplesGiveTheDirectRunnersTables() throws Exception {
    LogMark mark = mark();
    Path out = CLUSTER.resolve("out-samples");
    Path log = CLUSTER.resolve("logs/submit-samples.log");
    ClusterScript.Run run = submit(out, log, null);
    String printed = Files.readString(log);
    assertEquals(0, run.exit(), printed);
    assertTrue(printed.contains("processed: 3 files = 3 parsed + 0 rejected"), printed);
    DirectReference.assertSameTables(out, "Flink cluster");
    Map<String, List<String>> loads = loadsPerTaskManager(mark);
    assertEquals(1, loads.size(), "one TaskManager: " + loads);
    assertEquals(
        List.of(),
        loads.values().iterator().next(),
        "a second job on the TaskManager loads no model again");
    List<String> life = ClusterScript.modelLoads(TM_LOG);
    assertFalse(life.isEmpty(), "the TaskManager loaded the models");
    assertEquals(
        life.stream().distinct().toList(),
        life,
        "each model set loaded once in the TaskManager JVM, over both jobs");
    ClusterReport.add(
        "Flink session", "samples, same TaskManager", run.seconds(), loads, run.rssMb());
  }
}
