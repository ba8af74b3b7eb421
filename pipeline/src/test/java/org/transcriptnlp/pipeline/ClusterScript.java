package org.transcriptnlp.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.transcriptnlp.testing.Fixtures;

/**
 * A cluster script of {@code run-configs/} ({@code spark/cluster.sh}, {@code flink/cluster.sh}) run
 * as a user runs it, with the test's own cluster folder and ports (set through the variables of the
 * engine's {@code settings.env}), so that it never meets a cluster a developer has running.
 */
final class ClusterScript {
  private final Path script;
  private final Map<String, String> settings;

  ClusterScript(String engine, Map<String, String> settings) {
    this.script = Fixtures.path("run-configs/" + engine + "/cluster.sh");
    this.settings = settings;
  }

  static Path jar() {
    return Fixtures.path("pipeline/target/transcript-nlp.jar");
  }

  /**
   * The samples, by absolute path: every run of the cluster tests reads them under the same names.
   */
  static String samples() {
    return "--input=" + Fixtures.path("samples/transcripts") + "/*";
  }

  private ProcessBuilder command(List<String> args) {
    List<String> command = new ArrayList<>(List.of("bash", script.toString()));
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).directory(new File(Fixtures.root().toString()));
    pb.environment().putAll(settings);
    // The scripts run java from the PATH: the JDK the tests run on.
    pb.environment()
        .put(
            "PATH",
            Path.of(System.getProperty("java.home"), "bin")
                + File.pathSeparator
                + System.getenv("PATH"));
    return pb;
  }

  /** Runs {@code cluster.sh ARGS} to its end; it must exit 0. Returns what it printed. */
  String run(String... args) throws Exception {
    Path log = Files.createTempFile("cluster-script", ".log");
    try {
      Process p =
          command(List.of(args)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!p.waitFor(3, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new AssertionError(
            script + " " + String.join(" ", args) + " did not end:\n" + Files.readString(log));
      }
      String out = Files.readString(log);
      assertEquals(0, p.exitValue(), script + " " + String.join(" ", args) + ":\n" + out);
      return out;
    } finally {
      Files.deleteIfExists(log);
    }
  }

  /**
   * Runs {@code cluster.sh stop} whatever state the cluster is in (a run before this one may have
   * left it up).
   */
  void stopQuietly() throws Exception {
    Process p =
        command(List.of("stop"))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!p.waitFor(2, TimeUnit.MINUTES)) {
      p.destroyForcibly();
    }
  }

  /** Starts {@code cluster.sh submit JOB_OPTIONS}, its output to {@code log}. */
  Process submit(Path log, String... jobOptions) throws IOException {
    List<String> args = new ArrayList<>(List.of("submit"));
    args.addAll(List.of(jobOptions));
    return command(args).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /** A submitted job's exit code, wall time and the peak RSS of each JVM, in MB. */
  record Run(int exit, double seconds, Map<String, Long> rssMb) {}

  /** What a test does while the job runs (kill a worker). */
  interface During {
    void act(Process job, Path log) throws Exception;
  }

  /**
   * Adds the cluster's processes, by name, to the map (a pid file may be missing or being
   * replaced).
   */
  interface ClusterPids {
    void add(Map<String, Long> pids) throws IOException;
  }

  /**
   * Submits the job on the samples and waits for it, sampling the peak RSS of the submitting JVM
   * ({@code client}) and of the cluster's processes; a process seen once keeps its reading after it
   * dies. {@code during} (or null) runs while the job does.
   */
  Run submitSamples(Path out, Path log, String client, ClusterPids cluster, During during)
      throws Exception {
    Process job = submit(log, samples(), "--output=" + out);
    long start = System.nanoTime();
    Map<String, Long> seen = new java.util.LinkedHashMap<>();
    seen.put(client, job.pid());
    try (PeakRss rss =
        new PeakRss(
            () -> {
              try {
                cluster.add(seen);
              } catch (IOException | NumberFormatException e) {
                // a pid file not yet there, or being replaced
              }
              return Map.copyOf(seen);
            })) {
      if (during != null) {
        during.act(job, log);
      }
      int exit =
          await(job, log, 12); // within the tests' 20-minute timeout, with the wait before it
      return new Run(exit, (System.nanoTime() - start) / 1e9, rss.megabytes());
    } finally {
      // However the test ends (a failed assertion, its timeout), no job JVM is left behind.
      if (job.isAlive()) {
        job.descendants().forEach(ProcessHandle::destroyForcibly);
        job.destroyForcibly();
      }
    }
  }

  /** The pid in the cluster folder's {@code NAME.pid}. */
  static long pid(Path cluster, String name) throws IOException {
    return Long.parseLong(Files.readString(cluster.resolve(name + ".pid")).strip());
  }

  /** Waits for a submitted job to end; returns its exit code. */
  static int await(Process job, Path log, int minutes) throws Exception {
    if (!job.waitFor(minutes, TimeUnit.MINUTES)) {
      job.descendants().forEach(ProcessHandle::destroyForcibly);
      job.destroyForcibly();
      throw new AssertionError(
          "the job did not end in " + minutes + " min:\n" + Files.readString(log));
    }
    return job.exitValue();
  }

  /** Waits until {@code ready} holds, up to {@code seconds}, while {@code job} runs. */
  static void waitFor(Supplier<Boolean> ready, Process job, Path log, int seconds, String what)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!ready.get()) {
      if (!job.isAlive()) {
        throw new AssertionError("the job ended before " + what + ":\n" + Files.readString(log));
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no " + what + " in " + seconds + " s:\n" + Files.readString(log));
      }
      Thread.sleep(100);
    }
  }

  private static final Pattern LOADING = Pattern.compile("loading CoreNLP models for (\\S+)");

  /** The annotator sets a JVM's log says it loaded models for, in order (one line per load). */
  static List<String> modelLoads(Path log) {
    return modelLoads(readQuietly(log));
  }

  /** The annotator sets a log's text says models were loaded for, in order (one line per load). */
  static List<String> modelLoads(String text) {
    List<String> loads = new ArrayList<>();
    Matcher m = LOADING.matcher(text);
    while (m.find()) {
      loads.add(m.group(1));
    }
    return loads;
  }

  /** A set with real models (the tokenizer alone loads in a moment). */
  private static final Pattern LOADED =
      Pattern.compile("CoreNLP \\S*(ner|sentiment)\\S* loaded in");

  /** Whether a JVM's log says a model set of sentiment or NER finished loading. */
  static boolean modelsLoaded(Path log) {
    return modelsLoaded(readQuietly(log));
  }

  static boolean modelsLoaded(String text) {
    return LOADED.matcher(text).find();
  }

  /**
   * A log's text from byte {@code offset} on (a long-running JVM's log holds earlier jobs' lines
   * before it).
   */
  static String from(Path log, long offset) {
    String text = readQuietly(log);
    return offset >= text.length() ? "" : text.substring((int) offset);
  }

  static String readQuietly(Path log) {
    try {
      return Files.isRegularFile(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
    } catch (IOException e) {
      return "";
    }
  }

  /**
   * The local addresses of the TCP sockets these processes listen on, as "ADDRESS:PORT" (from
   * /proc/net/tcp and tcp6, and each process's socket file descriptors). Linux only.
   */
  static List<String> listening(List<Long> pids) throws IOException {
    java.util.Set<String> inodes = new java.util.HashSet<>();
    for (long pid : pids) {
      try (Stream<Path> fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
        for (Path fd : fds.toList()) {
          try {
            String target = Files.readSymbolicLink(fd).toString();
            if (target.startsWith("socket:[")) {
              inodes.add(target.substring(8, target.length() - 1));
            }
          } catch (IOException e) {
            // a descriptor closed meanwhile
          }
        }
      }
    }
    List<String> addresses = new ArrayList<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      for (String line : Files.readAllLines(Path.of(table)).stream().skip(1).toList()) {
        String[] f = line.strip().split("\\s+");
        if (f[3].equals("0A") && inodes.contains(f[9])) { // 0A: LISTEN
          addresses.add(address(f[1]));
        }
      }
    }
    return addresses;
  }

  /**
   * "0100007F:1F90" (IPv4) or the 32-digit IPv6 form, as /proc/net/tcp writes them:
   * "127.0.0.1:8080".
   */
  private static String address(String hex) {
    String[] parts = hex.split(":");
    String ip = parts[0];
    // The last 4 bytes hold an IPv4 address (also mapped into IPv6), in the kernel's byte order.
    String v4 = ip.substring(ip.length() - 8);
    boolean mapped = ip.length() == 8 || ip.startsWith("0000000000000000FFFF0000");
    String host;
    if (mapped) {
      host =
          Integer.parseInt(v4.substring(6, 8), 16)
              + "."
              + Integer.parseInt(v4.substring(4, 6), 16)
              + "."
              + Integer.parseInt(v4.substring(2, 4), 16)
              + "."
              + Integer.parseInt(v4.substring(0, 2), 16);
    } else {
      host = "[" + ip + "]";
    }
    return host + ":" + Integer.parseInt(parts[1], 16);
  }

  /**
   * Peak resident memory (VmHWM) of named processes, sampled every 200 ms while it runs: a process
   * that ends is still reported with its last reading. Linux only.
   */
  static final class PeakRss implements AutoCloseable {
    private final Map<String, Long> peaks = new ConcurrentHashMap<>();
    private final Thread sampler;
    private volatile boolean stop;

    PeakRss(Supplier<Map<String, Long>> processes) {
      sampler =
          new Thread(
              () -> {
                while (!stop) {
                  processes
                      .get()
                      .forEach(
                          (name, pid) ->
                              vmHwm(pid).ifPresent(kb -> peaks.merge(name, kb, Math::max)));
                  try {
                    Thread.sleep(200);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "peak-rss");
      sampler.setDaemon(true);
      sampler.start();
    }

    static Optional<Long> vmHwm(long pid) {
      try (Stream<String> lines = Files.lines(Path.of("/proc/" + pid + "/status"))) {
        return lines
            .filter(l -> l.startsWith("VmHWM:"))
            .findFirst()
            .map(l -> Long.parseLong(l.replaceAll("\\D", "")));
      } catch (IOException | java.io.UncheckedIOException e) {
        return Optional.empty();
      }
    }

    /** Peak RSS per process in MB. */
    Map<String, Long> megabytes() {
      Map<String, Long> mb = new java.util.TreeMap<>();
      peaks.forEach((name, kb) -> mb.put(name, kb / 1024));
      return mb;
    }

    @Override
    public void close() throws InterruptedException {
      stop = true;
      sampler.join(2_000);
    }
  }
}
