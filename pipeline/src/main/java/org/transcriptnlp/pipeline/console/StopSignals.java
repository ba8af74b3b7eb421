package org.transcriptnlp.pipeline.console;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transcriptnlp.pipeline.runs.RunId;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * While a run goes, SIGTERM, SIGINT and SIGHUP print one line that says in which phase it was
 * stopped (before its commit: nothing of it is visible; after: it is committed), then the JVM's own
 * handler ends the process as usual (exit 143, 130, 129). A signal that arrives during the commit
 * waits for it (at most {@link #COMMIT_WAIT}), so that the line is true; once the line is printed,
 * a run that had not committed never does.
 */
public final class StopSignals implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StopSignals.class);
  static final Duration COMMIT_WAIT = Duration.ofSeconds(30);

  private enum Phase {
    STARTING,
    WRITING,
    COMMITTING,
    COMMITTED
  }

  private final ReentrantLock gate = new ReentrantLock();
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
  private volatile Phase phase = Phase.STARTING;
  private volatile RunId run;

  private StopSignals() {}

  /** A run starts: from now on a signal prints the line of its phase. */
  public static StopSignals begin() {
    StopSignals s = new StopSignals();
    for (String name : List.of("TERM", "INT", "HUP")) {
      s.handle(name);
    }
    return s;
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
        Signal.handle(
            signal, old); // not the JVM's shutdown handler (ignored at start, or -Xrs): leave it
      } else {
        previous.put(signal, old);
      }
    } catch (IllegalArgumentException e) {
      LOG.debug("cannot handle SIG{}: {}", name, e.getMessage());
    }
  }

  /** The run has its id and is about to write. */
  public void running(RunId id) {
    this.run = id;
    phase = Phase.WRITING;
  }

  /** Runs the commit; a signal that comes meanwhile waits for it. */
  public void commit(Runnable commit) {
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

  /** Gives the signals back to the JVM. */
  @Override
  public void close() {
    previous.forEach(
        (signal, handler) -> {
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
        settled =
            gate.tryLock(
                COMMIT_WAIT.toMillis(), TimeUnit.MILLISECONDS); // never released: see commit()
      } catch (InterruptedException e) {
        settled = false;
      }
      // On a terminal, over the progress line or the ^C the terminal echoed.
      System.err.println((Progress.wanted("auto") ? "\r\033[K" : "") + line(name, settled));
      System.err.flush();
    }
    SignalHandler jvm = previous.get(signal);
    if (jvm != null) {
      jvm.handle(
          signal); // the JVM's: runs the shutdown hooks and exits with 128 + the signal's number
    }
  }

  /**
   * The line a signal prints: what is visible after the run stopped, and what the next run does.
   */
  String line(String signal, boolean settled) {
    RunId id = run;
    if (id == null) {
      return "transcript-nlp: stopped by "
          + signal
          + " before the run wrote anything: nothing changed";
    }
    String stopped = "transcript-nlp: run " + id + " stopped by " + signal;
    if (!settled) {
      return stopped
          + " during its commit: it is committed only if its runs row was committed; if not, a"
          + " later run rolls back the tables it committed";
    }
    if (phase == Phase.COMMITTED) {
      return stopped + " after its commit: it is committed and its rows are current";
    }
    return stopped
        + " before its commit: nothing of it is visible; a later run deletes the files it wrote";
  }
}
