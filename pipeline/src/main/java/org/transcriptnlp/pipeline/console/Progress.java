package org.transcriptnlp.pipeline.console;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.transcriptnlp.beam.Metric;
import org.transcriptnlp.pipeline.options.JobConfig;

/**
 * A live progress line while the pipeline runs on the Direct Runner, from its Beam metrics: files
 * done of those to process, answers annotated of those found so far, sentences, the rate and an
 * estimated time left. It rewrites one line of a terminal (carriage return, then erase to the end
 * of the line) once a second, and leaves the last state on its line when the pipeline ends.
 *
 * <p>The estimate: the answers still to come are the answers found so far, scaled up to every file
 * while files are still being parsed; the rate is the answers done per second since the first one
 * was done (model loading, which comes first, is not averaged in).
 */
public final class Progress implements AutoCloseable {
  /** What the metrics say at one moment. */
  record Snapshot(
      long filesDone,
      long filesTotal,
      long answersFound,
      long answersDone,
      long sentences,
      double seconds) {}

  private final PrintStream out;
  private final Supplier<Map<String, Long>> counters;
  private final long filesTotal;
  private final java.util.List<String> annotators;
  private final long start = System.nanoTime();
  private final Thread thread;
  private volatile boolean stop;
  private final Rate rate = new Rate();

  /**
   * @param counters the pipeline's counters by name, as they are now
   * @param filesTotal the files the pipeline was given
   * @param annotators the counters of answers through each annotator of the chain; none when no
   *     annotator runs (an answer is then done when it is found). With two, an answer counts half
   *     done after the first: the mean of the two, which moves more evenly than the last one alone.
   */
  public Progress(
      PrintStream out,
      Supplier<Map<String, Long>> counters,
      long filesTotal,
      java.util.List<String> annotators) {
    this.out = out;
    this.counters = counters;
    this.filesTotal = filesTotal;
    this.annotators = java.util.List.copyOf(annotators);
    this.thread = new Thread(this::loop, "progress");
    thread.setDaemon(true);
  }

  public Progress start() {
    thread.start();
    return this;
  }

  /**
   * Whether to show progress: {@code always}, {@code never}, or {@code auto}: when standard error,
   * where the line goes, is a terminal (so {@code 2>job.log} gets none, and {@code | tee} still
   * shows it).
   */
  public static boolean wanted(String mode) {
    return switch (JobConfig.progressMode(mode)) {
      case "always" -> true;
      case "never" -> false;
      default -> stderrIsATerminal();
    };
  }

  /** Linux: what file descriptor 2 points to; elsewhere, whether the JVM has a console. */
  private static boolean stderrIsATerminal() {
    try {
      String target =
          java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (java.io.IOException | UnsupportedOperationException e) {
      return System.console() != null;
    }
  }

  private void loop() {
    while (!stop) {
      print(false);
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private Snapshot snapshot() {
    Map<String, Long> c = counters.get();
    long found = c.getOrDefault(Metric.ANSWERS, 0L);
    long done =
        annotators.isEmpty()
            ? found
            : annotators.stream().mapToLong(a -> c.getOrDefault(a, 0L)).sum() / annotators.size();
    return new Snapshot(
        c.getOrDefault(Metric.FILES_PARSED, 0L) + c.getOrDefault(Metric.FILES_REJECTED, 0L),
        filesTotal,
        found,
        done,
        c.getOrDefault(Metric.SENTENCES, 0L),
        (System.nanoTime() - start) / 1e9);
  }

  private synchronized void print(boolean last) {
    Snapshot s;
    try {
      s = snapshot();
    } catch (RuntimeException e) {
      return; // metrics not available yet
    }
    out.print("\r" + line(s, rate.update(s)) + "\033[K" + (last ? "\n" : ""));
    out.flush();
  }

  /** The answers-per-second rate since the first answer was done. */
  static final class Rate {
    private double firstSeconds = -1;
    private long firstDone;

    /** Answers per second so far (0 until a second answer is done). */
    double update(Snapshot s) {
      if (firstSeconds < 0 && s.answersDone() > 0) {
        firstSeconds = s.seconds();
        firstDone = s.answersDone();
        return 0;
      }
      double elapsed = s.seconds() - firstSeconds;
      return firstSeconds < 0 || elapsed <= 0 ? 0 : (s.answersDone() - firstDone) / elapsed;
    }
  }

  /**
   * The answers still to come: those found, scaled to every file while files are still being
   * parsed.
   */
  static long expectedAnswers(Snapshot s) {
    if (s.filesDone() > 0 && s.filesDone() < s.filesTotal()) {
      return Math.max(
          s.answersFound(), Math.round((double) s.answersFound() * s.filesTotal() / s.filesDone()));
    }
    return s.answersFound();
  }

  /**
   * The progress line, e.g. {@code files 2/3 | answers 30/54 | sentences 310 | 4.1 answers/s | ETA
   * 0:06}.
   */
  static String line(Snapshot s, double answersPerSecond) {
    long expected = expectedAnswers(s);
    String eta;
    if (s.answersDone() >= expected && s.filesDone() >= s.filesTotal()) {
      eta = "writing tables";
    } else if (answersPerSecond <= 0) {
      eta = s.answersDone() == 0 && s.filesDone() > 0 ? "ETA -- (loading models)" : "ETA --";
    } else {
      long left = Math.round((expected - s.answersDone()) / answersPerSecond);
      eta = String.format(Locale.ROOT, "ETA %d:%02d", left / 60, left % 60);
    }
    return String.format(
        Locale.ROOT,
        "transcript-nlp: %s | files %d/%d | answers %d/%s | sentences %d | %.1f answers/s | %s",
        clock(s.seconds()),
        s.filesDone(),
        s.filesTotal(),
        s.answersDone(),
        s.filesDone() < s.filesTotal() ? "~" + expected : String.valueOf(expected),
        s.sentences(),
        answersPerSecond,
        eta);
  }

  private static String clock(double seconds) {
    long s = Math.round(seconds);
    return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  /** Stops the updates and leaves the last state on its own line. */
  @Override
  public void close() {
    stop = true;
    thread.interrupt();
    try {
      thread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    print(true);
  }
}
