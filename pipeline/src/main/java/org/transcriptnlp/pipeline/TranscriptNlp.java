package org.transcriptnlp.pipeline;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transcriptnlp.beam.Metric;
import org.transcriptnlp.nlp.CoreNlpHolder;
import org.transcriptnlp.tables.Table;

/**
 * The runnable job: {@code java -jar transcript-nlp.jar --input=GLOB --output=DIR}. {@code main}
 * only parses options and calls {@link #run}; tests call {@code run} too.
 *
 * <p>Exit codes: 0 success (also when some files were rejected: see the rejects table); 1 the job
 * failed; 2 bad usage (bad option, no file matched, output not writable, a damaged runs or manifest
 * file); 3 the run finished but not every matched file is accounted for; 4 another run is writing
 * to the same output (nothing was done: try again later); 5 the run is committed, but writing its
 * --report failed. Stopped by SIGTERM or SIGINT: the JVM's 143 or 130, after one line that says
 * whether the run committed ({@link LiveRun}).
 */
public final class TranscriptNlp {
  private static final Logger LOG = LoggerFactory.getLogger(TranscriptNlp.class);
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;
  public static final int UNACCOUNTED = 3;
  public static final int LOCKED = 4;
  public static final int REPORT_FAILED = 5;

  /** The run committed, then writing its --report failed. */
  static final class ReportFailed extends RuntimeException {
    final transient RunSummary summary;

    ReportFailed(RunSummary summary, RuntimeException cause) {
      super(cause.getMessage(), cause);
      this.summary = summary;
    }
  }

  private TranscriptNlp() {}

  public static void main(String[] args) {
    System.exit(execute(args, System.out, System.err));
  }

  /** Parses the arguments, runs the job, prints the summary; returns the exit code. */
  public static int execute(String[] args, PrintStream out, PrintStream err) {
    PipelineOptionsFactory.register(TranscriptNlpOptions.class);
    Optional<String> help = Arrays.stream(args).filter(a -> a.equals("--help") || a.equals("-h") || a.startsWith("--help=")).findFirst();
    if (help.isPresent()) {
      String name = help.get().startsWith("--help=") ? help.get().substring("--help=".length()) : "";
      if (name.isEmpty() || name.equals(TranscriptNlpOptions.class.getSimpleName())) {
        Usage.printHelp(out);
      } else if (!Usage.printHelp(out, name)) {
        err.println("transcript-nlp: --help=" + name + ": no such options interface (try --help=DirectOptions)");
        return USAGE;
      }
      return OK;
    }
    if (Arrays.asList(args).contains("--version")) {
      out.println(Usage.version());
      return OK;
    }
    Optional<String> runner = Usage.runnerNotInJar(args);
    if (runner.isPresent()) {
      err.println("transcript-nlp: " + runner.get());
      return USAGE;
    }
    boolean explain = Arrays.stream(args).anyMatch(a -> a.startsWith("--explain="));
    if (!explain && Usage.reportMissing(args, err)) {
      return USAGE;
    }
    TranscriptNlpOptions options;
    try {
      PipelineOptionsFactory.Builder builder = PipelineOptionsFactory.fromArgs(args);
      options = (explain ? builder : builder.withValidation()).as(TranscriptNlpOptions.class);
    } catch (IllegalArgumentException e) {
      err.println("transcript-nlp: " + firstLine(e.getMessage()));
      err.println("Run with --help to list the options.");
      return USAGE;
    }
    if (explain) {
      try {
        ExplainFiles.print(options, out);
        return OK;
      } catch (UsageException e) {
        err.println("transcript-nlp: " + e.getMessage());
        return USAGE;
      }
    }
    if (JobConfig.onDirectRunner(options)) {
      relaxDirectRunnerChecks(options, args);
    }
    try {
      RunSummary summary = run(options);
      summary.print(out);
      if (!summary.accountedFor()) {
        err.println("transcript-nlp: not every matched file is accounted for (see the summary above)");
        return UNACCOUNTED;
      }
      return OK;
    } catch (UsageException e) {
      err.println("transcript-nlp: " + e.getMessage());
      return USAGE;
    } catch (RunLock.Held e) {
      err.println("transcript-nlp: " + e.getMessage());
      return LOCKED;
    } catch (ReportFailed e) {
      e.summary.print(out);
      err.println("transcript-nlp: the run is committed, but its report failed: " + firstLine(String.valueOf(e.getCause().getMessage())));
      return REPORT_FAILED;
    } catch (RuntimeException e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      // The job's own message says what to do; the innermost cause, what the library reported.
      String message = firstLine(e.getMessage() == null ? String.valueOf(e) : e.getMessage());
      String cause = firstLine(String.valueOf(root));
      err.println("transcript-nlp: the job failed: " + message
          + (root == e || message.contains(firstLine(root.getMessage())) ? "" : " (cause: " + cause + ")"));
      e.printStackTrace(err);
      return FAILED;
    }
  }

  /**
   * The Direct Runner encodes and compares every element at every step to catch DoFns that mutate
   * their input or emit values their coder cannot encode. Tests keep these checks (TestPipeline and
   * the Beam tests); a production run turns them off unless asked, as they cost more than the
   * parsing itself on large transcripts (a 5 MB transcript: about half of the run's time).
   */
  private static void relaxDirectRunnerChecks(TranscriptNlpOptions options, String[] args) {
    DirectOptions direct = options.as(DirectOptions.class);
    if (Arrays.stream(args).noneMatch(a -> a.startsWith("--enforceImmutability"))) {
      direct.setEnforceImmutability(false);
    }
    if (Arrays.stream(args).noneMatch(a -> a.startsWith("--enforceEncodability"))) {
      direct.setEnforceEncodability(false);
    }
  }

  /**
   * Runs the job to completion on the runner the options name (the Direct Runner by default): under
   * the output's run lock, removes what crashed or superseded runs left, decides which matched files
   * to process ({@link RunPlan}), runs the pipeline on them (not at all when none is new or
   * changed), then commits ({@link RunCommit}).
   */
  public static RunSummary run(TranscriptNlpOptions options) {
    JobConfig config = JobConfig.from(options);
    FileSystems.setDefaultPipelineOptions(options);
    List<MatchResult.Metadata> matched = matchFiles(config);
    if (matched.isEmpty()) {
      throw new UsageException("no file matched --input=" + options.getInput());
    }
    OutputFolder.check(config.output());
    String reportDir = options.getReport() == null ? "" : options.getReport().strip();
    if (!reportDir.isEmpty() && OutputFolder.isLocal(reportDir) && java.nio.file.Files.exists(java.nio.file.Path.of(reportDir))
        && !java.nio.file.Files.isDirectory(java.nio.file.Path.of(reportDir))) {
      throw new UsageException("--report=" + reportDir + " is a file, not a folder");
    }
    Optional<RunLock> lock = RunLock.acquire(config.output());
    LiveRun live = LiveRun.begin(config.output());
    try {
      RunSummary summary = runLocked(options, config, matched, live);
      if (!reportDir.isEmpty()) {
        // Under the lock: the current rows as this run committed them.
        List<String> pages;
        try {
          pages = HtmlReport.write(config.output(), reportDir);
        } catch (RuntimeException e) {
          throw new ReportFailed(summary, e);
        }
        LOG.info("report: {} page(s) in {}", pages.size(), reportDir);
        summary = summary.withReport(pages);
      }
      return summary;
    } finally {
      live.close();
      lock.ifPresent(RunLock::close);
    }
  }

  private static RunSummary runLocked(TranscriptNlpOptions options, JobConfig config, List<MatchResult.Metadata> matched,
      LiveRun live) {
    Instant started = Instant.now();
    long start = System.nanoTime();
    String output = config.output();
    Set<String> runsBefore = runPartitions(output);
    RunHistory history = RunHistory.read(output);
    RunId run = RunId.next(started, history.last());
    HaltPoint.reach("history-read");
    live.announce(run); // refuses when another run is writing here (even where _lock does not work)
    // A run that committed between the history's reading and this run's marker (where _lock does
    // not hold) is not in the history: cleaning up by it would take that run for a crashed one.
    Set<String> committedMeanwhile = new TreeSet<>(runPartitions(output));
    committedMeanwhile.removeAll(runsBefore);
    if (!committedMeanwhile.isEmpty()) {
      throw new RunLock.Held("another run (" + String.join(", ", committedMeanwhile) + ") committed to " + output
          + " while this one started; nothing was done: run again");
    }
    removeDead(output, history);
    TableRepair repair = TableRepair.check(output, history);
    RunPlan plan = repair.apply(RunPlan.of(matched, config.patterns(), history.current(), config.settings(), config.mode(),
        RunPlan::exists));
    List<MatchResult.Metadata> files = plan.processed().stream().map(RunPlan.Decision::file).toList();
    LOG.info(
        "run {} ({}): {} file(s) matched, {} to process, {} moved, {} unchanged; annotators: {}; runner: {}; tables to {}",
        run, config.mode().value(), matched.size(), files.size(), plan.moved().size(), plan.unchanged(), options.getAnnotators(),
        options.getRunner().getSimpleName(), output);
    RunSummary.Counters counters = new RunSummary.Counters(RunSummary.noCounters(), false);
    RunCommit.Counts counts = RunCommit.Counts.NONE;
    String runner = "none";
    if (!files.isEmpty()) {
      String staging = OutputFolder.newStaging(output, run);
      if (JobConfig.onDirectRunner(options)) {
        // The workers are this JVM: load the models while the runner reads and parses the files.
        CoreNlpHolder.preload(config.annotators());
      }
      boolean progress = JobConfig.onDirectRunner(options) && Progress.wanted(options.getProgress());
      if (progress) {
        // run() returns at once, so that the progress line can follow the metrics while it runs.
        options.as(DirectOptions.class).setBlockOnRun(false);
      }
      Pipeline pipeline = Pipeline.create(options);
      JobGraph.build(pipeline, config, files, run, staging);
      PipelineResult result;
      try {
        result = pipeline.run();
        PipelineResult.State state;
        if (progress) {
          PipelineResult running = result;
          List<String> annotators = new ArrayList<>();
          if (config.annotators().sentiment()) {
            annotators.add(Metric.SENTIMENT_ANSWERS);
          }
          if (config.annotators().entities()) {
            annotators.add(Metric.ENTITY_ANSWERS);
          }
          try (Progress p = new Progress(System.err, () -> RunSummary.counters(running).values(), files.size(), annotators).start()) {
            state = result.waitUntilFinish();
          }
        } else {
          state = result.waitUntilFinish();
        }
        if (state != PipelineResult.State.DONE) {
          throw new IllegalStateException("the pipeline ended in state " + state);
        }
      } finally {
        OutputFolder.removeStaging(staging);
      }
      counters = RunSummary.counters(result);
      runner = options.getRunner().getSimpleName();
    }
    if (!plan.moved().isEmpty()) {
      long[] copied = MovedRows.copy(output, run, plan.moved());
      LOG.info("{} moved file(s): their rows copied under the new paths ({} answers), not made again",
          plan.moved().size(), copied[Table.PIPELINE.indexOf(Table.ANSWERS)]);
    }
    if (!files.isEmpty() || !plan.moved().isEmpty()) {
      OutputFolder.checkWritten(output, run);
      HaltPoint.reach("tables-written");
      counts = RunCommit.count(output, run);
    }
    RunCommit.Report report = RunCommit.report(run, config.mode(), plan, counts);
    double seconds = (System.nanoTime() - start) / 1e9;
    String by = runner;
    live.commit(() -> RunCommit.commit(output, config, plan, report, started, seconds, by));
    HaltPoint.reach("committed");
    RunSummary summary = new RunSummary(counters.values(), counters.attempted(), (System.nanoTime() - start) / 1e9, output, report);
    if (config.mode() == JobConfig.Mode.FULL) {
      if (summary.accountedFor()) {
        // Committed: the earlier runs' rows are no longer current; delete them.
        removeDead(output, RunHistory.read(output));
      } else {
        LOG.warn("not every file is accounted for: the earlier runs' partitions are kept (the views ignore them)");
      }
    }
    return summary;
  }

  /**
   * Deletes the partitions that are not current (a crashed run's, or those before the last full run),
   * Parquet files of the layout before partitions, and a crashed run's staged files; never those of a
   * run whose marker is live ({@link LiveRun}: it is still writing).
   */
  private static void removeDead(String output, RunHistory history) {
    Set<String> alive = LiveRun.alive(output); // runs still writing: their partitions and staging are not dead
    try {
      List<ResourceId> legacy = new ArrayList<>();
      for (Table table : Table.PIPELINE) {
        legacy.addAll(OutputFolder.unpartitionedFiles(output, table));
      }
      if (!legacy.isEmpty()) {
        LOG.info("removing {} table file(s) of the layout before run partitions", legacy.size());
        FileSystems.delete(legacy, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
      }
      for (Map.Entry<Table, List<String>> dead : history.deadPartitions(output).entrySet()) {
        for (String partition : dead.getValue()) {
          if (alive.contains(LiveRun.runOf(partition))) {
            LOG.warn("keeping {}: its run is still writing", partition);
            continue;
          }
          LOG.info("removing {}: not part of the current tables", partition);
          OutputFolder.deletePartition(partition);
          HaltPoint.reach("deleting");
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot remove the partitions of unfinished or superseded runs in " + output + ": " + e.getMessage(), e);
    }
    OutputFolder.removeCrashedStaging(output, alive);
  }

  /** The run ids with a partition in the runs table (committed, or committing). */
  private static Set<String> runPartitions(String output) {
    try {
      return OutputFolder.partitions(output, Table.RUNS).keySet();
    } catch (IOException e) {
      throw new IllegalStateException("cannot list the runs table in " + output + ": " + e.getMessage(), e);
    }
  }

  /** The entries the --input globs match, each once (by path), in path order ({@link InputFiles}). */
  private static List<MatchResult.Metadata> matchFiles(JobConfig config) {
    return InputFiles.match("--input", config.patterns());
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unknown error";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
