package org.transcriptnlp.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transcriptnlp.beam.WriteTable;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * A run while it runs, as other runs and the operator see it.
 *
 * <p><b>Liveness.</b> Once its id is known a run writes a marker, {@code
 * <output>/_staging/run-<id>.alive} (its id, host, pid and the JVM's start time), rewritten every
 * {@link #BEAT} by a daemon thread, and deleted when the run ends. Another run that finds a live
 * marker refuses to start ({@link RunLock.Held}, exit 4), and no run removes the staging or the
 * partitions of a run whose marker is live. A marker is live when its process runs (same host: the
 * pid exists and started when the marker says), or, for a process on another host, when it was
 * rewritten less than {@link #STALE} before this run's own marker (both times are the file
 * system's, so the hosts' clocks do not matter). A run writes its marker before it looks for
 * others, so of two runs that start together at least one sees the other. This works through
 * Beam's file systems (HDFS too), where the {@code _lock} of {@link RunLock} does not, and on a
 * local disk it holds when {@code _lock} was deleted during a run.
 *
 * <p><b>Signals.</b> While it runs, SIGTERM, SIGINT and SIGHUP print one line that says in which
 * phase the run was stopped (before its commit: nothing of it is current; after: it is committed),
 * then the JVM's own handler ends the process as usual (exit 143, 130, 129). A signal that arrives
 * during the commit waits for it (at most {@link #COMMIT_WAIT}), so that the line is true; once the
 * line is printed, a run that had not committed never does.
 */
final class LiveRun implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LiveRun.class);
  static final String SUFFIX = ".alive";
  static final Duration BEAT = Duration.ofSeconds(5);
  static final Duration STALE = BEAT.multipliedBy(12);
  static final Duration COMMIT_WAIT = Duration.ofSeconds(30);
  private static final String PREFIX = "run-";

  private enum Phase { STARTING, WRITING, COMMITTING, COMMITTED }

  private final String output;
  private final ReentrantLock gate = new ReentrantLock();
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
  private volatile Phase phase = Phase.STARTING;
  private volatile RunId run;
  private ResourceId marker;
  private ScheduledExecutorService heartbeat;

  private LiveRun(String output) {
    this.output = output;
  }

  /** A run on this output starts: from now on a signal prints the line of its phase. */
  static LiveRun begin(String output) {
    LiveRun live = new LiveRun(output);
    for (String name : List.of("TERM", "INT", "HUP")) {
      live.handle(name);
    }
    return live;
  }

  private void handle(String name) {
    Signal signal;
    try {
      signal = new Signal(name);
    } catch (IllegalArgumentException e) {
      return; // no such signal here
    }
    try {
      SignalHandler old = Signal.handle(signal, this::stopped);
      if (old == SignalHandler.SIG_DFL || old == SignalHandler.SIG_IGN) {
        Signal.handle(signal, old); // not the JVM's shutdown handler (ignored at start, or -Xrs): leave it
      } else {
        previous.put(signal, old);
      }
    } catch (IllegalArgumentException e) {
      LOG.debug("cannot handle SIG{}: {}", name, e.getMessage());
    }
  }

  /**
   * Announces the run: writes its marker, then looks for other runs' markers; refuses (and removes
   * its own) when one is live. Then keeps the marker fresh until {@link #close}.
   */
  void announce(RunId id) {
    this.run = id;
    phase = Phase.WRITING;
    marker = FileSystems.matchNewResource(WriteTable.folder(staging(output), PREFIX + id + SUFFIX), false);
    try {
      beat(0);
      List<Marker> markers = markers(output);
      long now = markers.stream().filter(m -> m.run().equals(id.value())).mapToLong(Marker::modified).findFirst()
          .orElse(System.currentTimeMillis());
      List<String> others = new ArrayList<>();
      for (Marker m : markers) {
        if (!m.run().equals(id.value()) && m.alive(now)) {
          others.add(m.describe(now));
        }
      }
      if (!others.isEmpty()) {
        deleteMarker();
        throw new RunLock.Held("another run is writing to " + output + " (" + String.join("; ", others)
            + "); try again when it has finished");
      }
    } catch (IOException e) {
      deleteMarker();
      throw new IllegalStateException("cannot write or list the runs' markers in " + staging(output) + ": " + e.getMessage(), e);
    }
    heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "transcript-nlp-heartbeat");
      t.setDaemon(true);
      return t;
    });
    long[] beats = {0};
    AtomicBoolean warned = new AtomicBoolean();
    heartbeat.scheduleWithFixedDelay(() -> {
      try {
        beat(++beats[0]);
      } catch (IOException | RuntimeException e) {
        if (!warned.getAndSet(true)) {
          LOG.warn("cannot refresh {}: {}; after {} s other runs may take this run for a dead one", marker, e, STALE.toSeconds());
        }
      }
    }, BEAT.toMillis(), BEAT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Runs the commit; a signal that comes meanwhile waits for it. */
  void commit(Runnable commit) {
    gate.lock(); // taken for good by a signal's handler: a stopped run does not commit
    boolean done = false;
    try {
      phase = Phase.COMMITTING;
      commit.run();
      done = true;
    } finally {
      phase = done ? Phase.COMMITTED : Phase.WRITING;
      gate.unlock();
    }
  }

  /** Stops the heartbeat, deletes the marker and gives the signals back to the JVM. */
  @Override
  public void close() {
    if (heartbeat != null) {
      heartbeat.shutdownNow();
      try {
        heartbeat.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    deleteMarker();
    previous.forEach((signal, handler) -> {
      try {
        Signal.handle(signal, handler);
      } catch (IllegalArgumentException e) {
        LOG.debug("cannot restore the handler of SIG{}: {}", signal.getName(), e.getMessage());
      }
    });
  }

  private void stopped(Signal signal) {
    String name = "SIG" + signal.getName();
    if (!stopping.getAndSet(true)) {
      boolean settled;
      try {
        settled = gate.tryLock(COMMIT_WAIT.toMillis(), TimeUnit.MILLISECONDS); // never released: see commit()
      } catch (InterruptedException e) {
        settled = false;
      }
      // On a terminal, over the progress line or the ^C the terminal echoed.
      System.err.println((Progress.wanted("auto") ? "\r\033[K" : "") + line(name, settled));
      System.err.flush();
    }
    SignalHandler jvm = previous.get(signal);
    if (jvm != null) {
      jvm.handle(signal); // the JVM's: runs the shutdown hooks and exits with 128 + the signal's number
    }
  }

  /** The line a signal prints: what is current after the run stopped, and what the next run does. */
  String line(String signal, boolean settled) {
    RunId id = run;
    if (id == null) {
      return "transcript-nlp: stopped by " + signal + " before the run wrote anything: nothing changed";
    }
    String stopped = "transcript-nlp: run " + id + " stopped by " + signal;
    if (!settled) {
      return stopped + " during its commit: it is committed only if its runs row was written; either way the next run"
          + " removes what is not current";
    }
    if (phase == Phase.COMMITTED) {
      return stopped + " after its commit: it is committed and its rows are current; the next run removes what it left";
    }
    return stopped + " before its commit: nothing of it is current; the next run removes what it left";
  }

  /**
   * The ids of the runs whose markers are live (this run's included): their staging and
   * partitions are not to be removed.
   */
  static Set<String> alive(String output) {
    Set<String> alive = new TreeSet<>();
    try {
      List<Marker> markers = markers(output);
      long reference = markers.stream().filter(Marker::mine).mapToLong(Marker::modified).max().orElse(System.currentTimeMillis());
      for (Marker m : markers) {
        if (m.alive(reference)) {
          alive.add(m.run());
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot list the runs' markers in " + staging(output) + ": " + e.getMessage(), e);
    }
    return alive;
  }

  /** The run id of a partition ({@code .../run_id=ID}) or staging folder ({@code .../run-ID}), or "". */
  static String runOf(String folder) {
    String name = folder.replaceAll("/+$", "");
    name = name.substring(name.lastIndexOf('/') + 1);
    return name.startsWith("run_id=") ? name.substring(7) : name.startsWith(PREFIX) ? name.substring(PREFIX.length()) : "";
  }

  /** Deletes a dead run's marker (after its staged files). */
  static void deleteMarker(String output, String runId) throws IOException {
    ResourceId m = FileSystems.matchNewResource(WriteTable.folder(staging(output), PREFIX + runId + SUFFIX), false);
    FileSystems.delete(List.of(m), MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
  }

  private static String staging(String output) {
    return WriteTable.folder(output, OutputFolder.STAGING);
  }

  private void beat(long n) throws IOException {
    String text = "run=" + run + " pid=" + ProcessHandle.current().pid() + " host=" + thisHost()
        + " jvm_started=" + jvmStarted().map(Instant::toString).orElse("unknown") + " beat=" + n + " at=" + Instant.now() + "\n";
    try (OutputStream out = Channels.newOutputStream(FileSystems.create(marker, "text/plain"))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  private void deleteMarker() {
    if (marker == null) {
      return;
    }
    try {
      FileSystems.delete(List.of(marker), MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
      if (OutputFolder.isLocal(output)) {
        try {
          Files.deleteIfExists(Path.of(staging(output)));
        } catch (java.nio.file.DirectoryNotEmptyException e) {
          // another run's staging or marker
        }
      }
    } catch (IOException e) {
      LOG.warn("cannot delete {}: {}; the next run removes it", marker, e.toString());
    }
  }

  /** A marker as found: the run it names, what it says, and when it was last written. */
  record Marker(String run, Map<String, String> fields, long modified) {
    boolean mine() {
      return String.valueOf(ProcessHandle.current().pid()).equals(fields.get("pid")) && thisHost().equals(fields.get("host"))
          && jvmStarted().map(Instant::toString).orElse("unknown").equals(fields.get("jvm_started"));
    }

    /** Whether its run is alive, {@code now} being the file system's time. */
    boolean alive(long now) {
      if (thisHost().equals(fields.get("host")) && fields.containsKey("pid")) {
        Optional<ProcessHandle> process;
        try {
          process = ProcessHandle.of(Long.parseLong(fields.get("pid")));
        } catch (NumberFormatException e) {
          process = Optional.empty();
        }
        if (process.isEmpty() || !process.get().isAlive()) {
          return false;
        }
        Optional<Instant> started = process.get().info().startInstant();
        Instant said = parseInstant(fields.get("jvm_started"));
        if (started.isPresent() && said != null) {
          // The pid of a dead run may belong to another process since (after a reboot).
          return Math.abs(started.get().toEpochMilli() - said.toEpochMilli()) < 1000;
        }
      }
      return now - modified < STALE.toMillis();
    }

    String describe(long now) {
      String who = fields.containsKey("pid") && fields.containsKey("host")
          ? "pid " + fields.get("pid") + " on " + fields.get("host") : "owner unknown";
      return "run " + run + ", " + who + ", its marker " + PREFIX + run + SUFFIX + " written " + Math.max(0, (now - modified) / 1000)
          + " s ago";
    }
  }

  /** Every run's marker in the output's staging folder. */
  static List<Marker> markers(String output) throws IOException {
    String folder = staging(output);
    List<ResourceId> files = new ArrayList<>();
    List<Long> times = new ArrayList<>();
    if (OutputFolder.isLocal(folder)) {
      Path dir = Path.of(folder);
      if (Files.isDirectory(dir)) {
        try (Stream<Path> all = Files.list(dir)) {
          for (Path p : all.filter(p -> isMarker(p.getFileName().toString())).sorted().toList()) {
            try {
              times.add(Files.getLastModifiedTime(p).toMillis());
              files.add(FileSystems.matchNewResource(p.toString(), false));
            } catch (java.nio.file.NoSuchFileException e) {
              // deleted meanwhile: its run ended
            }
          }
        }
      }
    } else {
      MatchResult m = FileSystems.match(folder + "/" + PREFIX + "*" + SUFFIX, EmptyMatchTreatment.ALLOW);
      for (MatchResult.Metadata md : OutputFolder.matched(m)) {
        if (isMarker(md.resourceId().getFilename())) {
          files.add(md.resourceId());
          times.add(md.lastModifiedMillis());
        }
      }
    }
    List<Marker> markers = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      String name = files.get(i).getFilename();
      markers.add(new Marker(name.substring(PREFIX.length(), name.length() - SUFFIX.length()), read(files.get(i)), times.get(i)));
    }
    return markers;
  }

  private static boolean isMarker(String name) {
    return name != null && name.startsWith(PREFIX) && name.endsWith(SUFFIX)
        && RunId.isRunId(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
  }

  /** A marker's {@code key=value} fields; none when it cannot be read (being rewritten, or gone). */
  private static Map<String, String> read(ResourceId file) {
    Map<String, String> fields = new LinkedHashMap<>();
    try (InputStream in = Channels.newInputStream(FileSystems.open(file))) {
      String text = new String(in.readNBytes(4096), StandardCharsets.UTF_8).strip();
      for (String f : text.split("\\s+")) {
        int eq = f.indexOf('=');
        if (eq > 0) {
          fields.put(f.substring(0, eq), f.substring(eq + 1));
        }
      }
    } catch (IOException e) {
      LOG.debug("cannot read {}: {}", file, e.toString());
    }
    return fields;
  }

  private static Instant parseInstant(String s) {
    try {
      return s == null ? null : Instant.parse(s);
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  private static Optional<Instant> jvmStarted() {
    return ProcessHandle.current().info().startInstant();
  }

  private static String thisHost() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown-host";
    }
  }
}
