package org.transcriptnlp.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * The job on a Spark standalone cluster started by {@code run-configs/spark/cluster.sh} (a Master
 * and a Worker JVM on 127.0.0.1; the Worker starts an executor JVM per job), submitted as the
 * README says. Runs in the {@code -Pspark} build (the jar must have the Spark runner).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 20, unit = java.util.concurrent.TimeUnit.MINUTES)
class SparkClusterIT {
  private static final Path CLUSTER = Fixtures.path("pipeline/target/it-clusters/spark");
  private static final ClusterScript SCRIPT =
      new ClusterScript(
          "spark",
          Map.of(
              "SPARK_CLUSTER_DIR", CLUSTER.toString(),
              "SPARK_MASTER_PORT", "17077",
              "SPARK_MASTER_WEBUI_PORT", "18080",
              "SPARK_WORKER_WEBUI_PORT", "18081"));

  @BeforeAll
  static void startTheCluster() throws Exception {
    DirectReference.tables(); // before the cluster takes its memory
    SCRIPT.stopQuietly(); // a cluster an interrupted run left up, before its pid files go
    Fixtures.deleteTree(CLUSTER);
    String out = SCRIPT.run("start");
    assertTrue(out.contains("Spark master spark://127.0.0.1:17077"), out);
    assertListensOnLoopbackOnly(
        List.of(ClusterScript.pid(CLUSTER, "master"), ClusterScript.pid(CLUSTER, "worker")));
  }

  /** Every port the processes listen on (RPC, web UIs) is on 127.0.0.1, and there are some. */
  static void assertListensOnLoopbackOnly(List<Long> pids) throws IOException {
    List<String> ports = ClusterScript.listening(pids);
    assertFalse(ports.isEmpty(), "the cluster listens");
    assertTrue(
        ports.stream().allMatch(a -> a.startsWith("127.0.0.1:")),
        "bound to 127.0.0.1 only: " + ports);
  }

  @AfterAll
  static void stopTheCluster() throws Exception {
    String out = SCRIPT.run("stop");
    assertFalse(
        Files.exists(CLUSTER.resolve("master.pid")) || Files.exists(CLUSTER.resolve("worker.pid")),
        out);
  }

  /** The executor JVMs the Worker has started (its child processes), by pid. */
  private static List<ProcessHandle> executors() throws IOException {
    return ProcessHandle.of(ClusterScript.pid(CLUSTER, "worker"))
        .map(w -> w.children().toList())
        .orElse(List.of());
  }

  /** Every executor's stderr (work/app-ID/EXECUTOR/stderr), by "executor N" of its application. */
  private static Map<String, Path> executorLogs() {
    Map<String, Path> logs = new LinkedHashMap<>();
    try (Stream<Path> all = Files.walk(CLUSTER.resolve("work"), 3)) {
      all.filter(p -> p.getFileName().toString().equals("stderr"))
          .sorted()
          .forEach(p -> logs.put("executor " + p.getParent().getFileName(), p));
    } catch (IOException | java.io.UncheckedIOException e) {
      return logs;
    }
    return logs;
  }

  private static void clearWork() throws IOException {
    Fixtures.deleteTree(CLUSTER.resolve("work"));
    Files.createDirectories(CLUSTER.resolve("work"));
  }

  private static ClusterScript.Run submit(Path out, Path log, ClusterScript.During during)
      throws Exception {
    return SCRIPT.submitSamples(
        out,
        log,
        "driver",
        pids -> {
          pids.putIfAbsent("master", ClusterScript.pid(CLUSTER, "master"));
          pids.putIfAbsent("worker", ClusterScript.pid(CLUSTER, "worker"));
          for (ProcessHandle e : executors()) {
            pids.putIfAbsent("executor pid " + e.pid(), e.pid());
          }
        },
        during);
  }

  private static Map<String, List<String>> loadsPerExecutor() {
    Map<String, List<String>> loads = new LinkedHashMap<>();
    executorLogs().forEach((name, log) -> loads.put(name, ClusterScript.modelLoads(log)));
    return loads;
  }

  @Test
  @Order(1)
  void theSamplesGiveTheDirectRunnersTables() throws Exception {
    clearWork();
    Path out = CLUSTER.resolve("out-samples");
    Path log = CLUSTER.resolve("logs/submit-samples.log");
    ClusterScript.Run run = submit(out, log, null);
    assertEquals(0, run.exit(), Files.readString(log));
    String printed = Files.readString(log);
    assertTrue(printed.contains("processed: 3 files = 3 parsed + 0 rejected"), printed);
    DirectReference.assertSameTables(out, "Spark cluster");
    Map<String, List<String>> loads = loadsPerExecutor();
    assertEquals(1, loads.size(), "one executor: " + loads);
    List<String> sets = loads.values().iterator().next();
    assertFalse(sets.isEmpty(), "the executor loaded the models");
    assertEquals(
        sets.stream().distinct().toList(), sets, "each model set loaded once in the executor JVM");
    ClusterReport.add("Spark standalone", "samples", run.seconds(), loads, run.rssMb());
  }

  /**
   * The executor JVM killed with SIGKILL once it has loaded a model set: the Worker starts a new
   * executor, Spark runs the lost tasks again there, and the job completes. Every row is in the
   * tables exactly once, and the summary's file and row counts are the tables' (the Spark runner's
   * counters are attempted ones, which count the retried work again).
   */
  @Test
  @Order(2)
  void anExecutorKilledMidJobIsReplacedAndTheJobCompletesWithEveryRowOnce() throws Exception {
    clearWork();
    Path out = CLUSTER.resolve("out-killed");
    Path log = CLUSTER.resolve("logs/submit-killed.log");
    List<Long> killed = new ArrayList<>();
    ClusterScript.Run run =
        submit(
            out,
            log,
            (job, jobLog) -> {
              ClusterScript.waitFor(
                  () -> executorLogs().values().stream().anyMatch(ClusterScript::modelsLoaded),
                  job,
                  jobLog,
                  300,
                  "executor that loaded the models");
              List<ProcessHandle> running = executors();
              assertEquals(1, running.size(), "one executor runs: " + running);
              killed.add(running.get(0).pid());
              assertTrue(running.get(0).destroyForcibly(), "kill -9 the executor");
            });
    String printed = Files.readString(log);
    assertEquals(0, run.exit(), printed);
    assertEquals(1, killed.size());
    Map<String, List<String>> loads = loadsPerExecutor();
    assertEquals(2, loads.size(), "the Worker started a second executor: " + loads);
    assertFalse(
        List.copyOf(loads.values()).get(1).isEmpty(),
        "the second executor ran the annotate tasks again: " + loads);
    assertTrue(
        printed.contains("Lost task") && printed.contains("Lost executor"),
        "the driver lost the executor and its running tasks, and ran them again: " + printed);
    for (Map.Entry<String, List<String>> e : loads.entrySet()) {
      assertEquals(
          e.getValue().stream().distinct().toList(),
          e.getValue(),
          e.getKey() + " loaded each model set once");
    }
    assertTrue(printed.contains("processed: 3 files = 3 parsed + 0 rejected"), printed);
    DirectReference.assertSameTables(out, "Spark cluster, executor killed");
    try (Duck duck = new Duck(out)) {
      assertTrue(
          printed.contains(
              "iceberg: answers " + duck.count("SELECT count(*) FROM answers") + " rows in "),
          "the summary counts the rows in the table, once: " + printed);
      assertEquals(1, duck.count("SELECT count(*) FROM runs"));
    }
    ClusterReport.add(
        "Spark standalone",
        "executor " + killed.get(0) + " killed",
        run.seconds(),
        loads,
        run.rssMb());
  }
}
