package org.transcriptnlp.pipeline;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
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
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transcriptnlp.beam.Metric;
import org.transcriptnlp.io.Locations;
import org.transcriptnlp.nlp.CoreNlpHolder;
import org.transcriptnlp.pipeline.console.Progress;
import org.transcriptnlp.pipeline.console.RunSummary;
import org.transcriptnlp.pipeline.console.StopSignals;
import org.transcriptnlp.pipeline.options.JobConfig;
import org.transcriptnlp.pipeline.options.TranscriptNlpOptions;
import org.transcriptnlp.pipeline.options.UsageException;
import org.transcriptnlp.pipeline.report.HtmlReport;
import org.transcriptnlp.pipeline.runs.Export;
import org.transcriptnlp.pipeline.runs.HaltPoint;
import org.transcriptnlp.pipeline.runs.InputFiles;
import org.transcriptnlp.pipeline.runs.Maintenance;
import org.transcriptnlp.pipeline.runs.OutputFolder;
import org.transcriptnlp.pipeline.runs.RunCommit;
import org.transcriptnlp.pipeline.runs.RunHistory;
import org.transcriptnlp.pipeline.runs.RunId;
import org.transcriptnlp.pipeline.runs.RunPlan;
import org.transcriptnlp.pipeline.runs.SettingsCheck;
import org.transcriptnlp.pipeline.runs.TableCommit;
import org.transcriptnlp.pipeline.runs.Warehouse;
import org.transcriptnlp.tables.DataFileWriter;
import org.transcriptnlp.tables.FilePlan;
import org.transcriptnlp.tables.Table;

/**
 * The runnable job: {@code java -jar transcript-nlp.jar --input=GLOB --output=DIR}. {@code main}
 * only parses options and calls {@link #run}; tests call {@code run} too.
 *
 * <p>Exit codes: 0 success (also when some files were rejected: see the rejects table); 1 the job
 * failed (also on a damaged data file); 2 bad usage (bad option, no file matched, output not
 * writable, rows made with other settings); 3 the run finished but not every matched file is
 * accounted for; 4 another run committed to the same output while this one ran, or is committing
 * (nothing of this run is visible: run again); 5 the run is committed, but writing its --report
 * failed. Stopped by SIGTERM or SIGINT: the JVM's 143 or 130, after one line that says whether the
 * run committed ({@link StopSignals}).
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
    Optional<String> help =
        Arrays.stream(args)
            .filter(a -> a.equals("--help") || a.equals("-h") || a.startsWith("--help="))
            .findFirst();
    if (help.isPresent()) {
      String name =
          help.get().startsWith("--help=") ? help.get().substring("--help=".length()) : "";
      if (name.isEmpty() || name.equals(TranscriptNlpOptions.class.getSimpleName())) {
        Usage.printHelp(out);
      } else if (!Usage.printHelp(out, name)) {
        err.println(
            "transcript-nlp: --help="
                + name
                + ": no such options interface (try --help=DirectOptions)");
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
    // --export=DIR and --mode=maintain work on the tables of --output alone: no --input.
    boolean tablesOnly =
        Arrays.stream(args)
            .anyMatch(
                a -> a.matches("--export=.*\\S.*") || a.matches("(?i)--mode=\\s*maintain\\s*"));
    if (!explain && !tablesOnly && Usage.reportMissing(args, err)) {
      return USAGE;
    }
    TranscriptNlpOptions options;
    try {
      PipelineOptionsFactory.Builder builder = PipelineOptionsFactory.fromArgs(args);
      options =
          (explain || tablesOnly ? builder : builder.withValidation())
              .as(TranscriptNlpOptions.class);
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
    if (tablesOnly) {
      return onTables(options, out, err);
    }
    if (JobConfig.onDirectRunner(options)) {
      relaxDirectRunnerChecks(options, args);
    }
    try {
      RunSummary summary = run(options);
      summary.print(out);
      if (!summary.accountedFor()) {
        err.println(
            "transcript-nlp: not every matched file is accounted for (see the summary above)");
        return UNACCOUNTED;
      }
      return OK;
    } catch (UsageException e) {
      err.println("transcript-nlp: " + e.getMessage());
      return USAGE;
    } catch (TableCommit.Conflict | Maintenance.Committing e) {
      err.println("transcript-nlp: " + e.getMessage());
      return LOCKED;
    } catch (ReportFailed e) {
      e.summary.print(out);
      err.println(
          "transcript-nlp: the run is committed, but its report failed: "
              + firstLine(String.valueOf(e.getCause().getMessage())));
      return REPORT_FAILED;
    } catch (RuntimeException e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      // The job's own message says what to do; the innermost cause, what the library reported.
      String message = firstLine(e.getMessage() == null ? String.valueOf(e) : e.getMessage());
      String cause = firstLine(String.valueOf(root));
      err.println(
          "transcript-nlp: the job failed: "
              + message
              + (root == e || message.contains(firstLine(root.getMessage()))
                  ? ""
                  : " (cause: " + cause + ")"));
      e.printStackTrace(err);
      return FAILED;
    }
  }

  /**
   * {@code --export=DIR} or {@code --mode=maintain}: on the tables of --output; returns the exit
   * code.
   */
  private static int onTables(TranscriptNlpOptions options, PrintStream out, PrintStream err) {
    String output = options.getOutput() == null ? "" : options.getOutput().strip();
    if (output.isEmpty()) {
      err.println(
          "transcript-nlp: --output is empty: give the folder of the tables, e.g. --output=out");
      return USAGE;
    }
    FileSystems.setDefaultPipelineOptions(options);
    Warehouse.useHadoopSettings(options);
    try {
      String export = options.getExport() == null ? "" : options.getExport().strip();
      if (!export.isEmpty()) {
        Export.run(output, options.getCatalog(), export).forEach(out::println);
      } else {
        out.println(Maintenance.run(options, output));
      }
      return OK;
    } catch (UsageException e) {
      err.println("transcript-nlp: " + e.getMessage());
      return USAGE;
    } catch (Maintenance.Committing e) {
      err.println("transcript-nlp: " + e.getMessage());
      return LOCKED;
    } catch (RuntimeException e) {
      err.println(
          "transcript-nlp: "
              + firstLine(e.getMessage() == null ? String.valueOf(e) : e.getMessage()));
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
   * Runs the job to completion on the runner the options name (the Direct Runner by default): opens
   * the output's Iceberg tables, rolls back what a killed run committed, decides which matched
   * files to process ({@link RunPlan}), runs the pipeline on them (not at all when none is new or
   * changed), then commits ({@link TableCommit}) and cleans up ({@link Maintenance}). {@code
   * --export} and {@code --mode=maintain} do only that, on the tables of {@code --output}.
   */
  public static RunSummary run(TranscriptNlpOptions options) {
    String export = options.getExport() == null ? "" : options.getExport().strip();
    if (!export.isEmpty()
        || "maintain".equalsIgnoreCase(String.valueOf(options.getMode()).strip())) {
      throw new UsageException(
          "--export and --mode=maintain are not runs: call TranscriptNlp.execute");
    }
    JobConfig config = JobConfig.from(options);
    FileSystems.setDefaultPipelineOptions(options);
    Warehouse.useHadoopSettings(options);
    List<MatchResult.Metadata> matched = matchFiles(config);
    if (matched.isEmpty()) {
      throw new UsageException("no file matched --input=" + options.getInput());
    }
    OutputFolder.check(config.output());
    String reportDir = options.getReport() == null ? "" : options.getReport().strip();
    if (!reportDir.isEmpty()
        && OutputFolder.isLocal(reportDir)
        && java.nio.file.Files.exists(java.nio.file.Path.of(reportDir))
        && !java.nio.file.Files.isDirectory(java.nio.file.Path.of(reportDir))) {
      throw new UsageException("--report=" + reportDir + " is a file, not a folder");
    }
    try (Warehouse w = Warehouse.open(config.output(), options.getCatalog());
        StopSignals signals = StopSignals.begin()) {
      RunSummary summary = runOn(w, options, config, matched, signals);
      if (!reportDir.isEmpty()) {
        List<String> pages;
        try {
          pages = HtmlReport.write(w, reportDir);
        } catch (RuntimeException e) {
          throw new ReportFailed(summary, e);
        }
        LOG.info("report: {} page(s) in {}", pages.size(), reportDir);
        summary = summary.withReport(pages);
      }
      return summary;
    }
  }

  private static RunSummary runOn(
      Warehouse w,
      TranscriptNlpOptions options,
      JobConfig config,
      List<MatchResult.Metadata> matched,
      StopSignals signals) {
    Instant started = Instant.now();
    long start = System.nanoTime();
    String output = config.output();
    RunHistory history = RunHistory.read(w);
    Map<Table, Long> read = w.snapshotIds(); // the snapshots the history was read from
    RunId run = RunId.next(started, history.last());
    HaltPoint.reach("history-read");
    Set<String> committed = new TreeSet<>();
    history.committed().forEach(c -> committed.add(c.id().value()));
    Maintenance.rollBackUncommitted(w, committed, options.getCleanAfterMinutes());
    w.refresh();
    Map<Table, Long> bases = w.snapshotIds(); // every commit of this run is validated from here
    if (!bases.equals(read)) {
      // Rolled back, or another run committed since the history was read: the plan must be made
      // from the snapshots the commits are validated from.
      history = RunHistory.read(w);
      bases = w.snapshotIds();
    }
    signals.running(run);
    if (config.mode() == JobConfig.Mode.INCREMENTAL) {
      // Before hashing the archive: a run that is refused reads no file.
      Optional<String> refusal =
          SettingsCheck.refusal(history, config.settings(), RunPlan.fingerprint(config.settings()));
      if (refusal.isPresent()) {
        throw new UsageException(refusal.get());
      }
    }
    RunPlan plan =
        RunPlan.of(
            matched,
            config.patterns(),
            history.current(),
            config.settings(),
            config.mode(),
            RunPlan::exists);
    List<MatchResult.Metadata> files =
        plan.processed().stream().map(RunPlan.Decision::file).toList();
    LOG.info(
        "run {} ({}): {} file(s) matched, {} to process, {} moved, {} unchanged; annotators: {};"
            + " runner: {}; tables in {}",
        run,
        config.mode().value(),
        matched.size(),
        files.size(),
        plan.moved().size(),
        plan.unchanged(),
        options.getAnnotators(),
        options.getRunner().getSimpleName(),
        output);
    RunSummary.Counters counters = new RunSummary.Counters(RunSummary.noCounters(), false);
    RunCommit.Counts counts = RunCommit.Counts.NONE;
    String runner = "none";
    boolean done = false;
    try {
      Map<Table, List<String>> runFiles = new LinkedHashMap<>();
      if (!files.isEmpty()) {
        counters = runPipeline(w, options, config, files, run);
        runner = options.getRunner().getSimpleName();
        for (Table t : Table.PIPELINE) {
          runFiles.put(t, w.runFiles(t, run));
        }
        HaltPoint.reach("tables-written");
        counts = RunCommit.count(runFiles);
      }
      RunCommit.Report report = RunCommit.report(run, config.mode(), plan, counts);
      double seconds = (System.nanoTime() - start) / 1e9;
      String by = runner;
      RunHistory h = history;
      Map<Table, Long> from = bases;
      signals.commit(
          () -> commit(w, config, plan, report, h, runFiles, from, started, seconds, by));
      done = true;
      HaltPoint.reach("committed");
      RunSummary summary =
          new RunSummary(
              counters.values(),
              counters.attempted(),
              (System.nanoTime() - start) / 1e9,
              output,
              report);
      try {
        Maintenance.expireSnapshots(w, options.getKeepSnapshotsDays());
        Maintenance.deleteOrphans(w, options.getCleanAfterMinutes());
      } catch (RuntimeException e) {
        // The run is committed: a clean-up that fails is for a later run (or --mode=maintain) to
        // do.
        LOG.warn("run {} is committed, but its clean-up failed: {}", run, e.toString());
      }
      return summary;
    } finally {
      if (!done) {
        TableCommit.deleteRunFiles(w, run);
      }
    }
  }

  /**
   * Runs the pipeline over the files to process; its new data files are in each table's run folder.
   */
  private static RunSummary.Counters runPipeline(
      Warehouse w,
      TranscriptNlpOptions options,
      JobConfig config,
      List<MatchResult.Metadata> files,
      RunId run) {
    String staging = OutputFolder.staging(config.output(), run);
    if (JobConfig.onDirectRunner(options)) {
      // The workers are this JVM: load the models while the runner reads and parses the files.
      CoreNlpHolder.preload(config.annotators());
    }
    boolean progress = JobConfig.onDirectRunner(options) && Progress.wanted(options.getProgress());
    if (progress) {
      // run() returns at once, so that the progress line can follow the metrics while it runs.
      options.as(DirectOptions.class).setBlockOnRun(false);
    }
    Map<Table, String> folders = new LinkedHashMap<>();
    Map<Table, String> schemas = new LinkedHashMap<>();
    for (Table t : Table.PIPELINE) {
      folders.put(t, w.runFolder(t, run));
      schemas.put(t, org.apache.iceberg.SchemaParser.toJson(w.table(t).schema()));
    }
    Pipeline pipeline = Pipeline.create(options);
    JobGraph.build(pipeline, config, files, run, folders, schemas, staging);
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
        try (Progress p =
            new Progress(
                    System.err,
                    () -> RunSummary.counters(running).values(),
                    files.size(),
                    annotators)
                .start()) {
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
    return RunSummary.counters(result);
  }

  /**
   * The commit: the five tables (new rows in, replaced rows out), the manifest, the runs row last.
   * The manifest's and runs table's rows are written as data files first, then every table is
   * committed.
   */
  private static void commit(
      Warehouse w,
      JobConfig config,
      RunPlan plan,
      RunCommit.Report report,
      RunHistory history,
      Map<Table, List<String>> runFiles,
      Map<Table, Long> bases,
      Instant started,
      double seconds,
      String runner) {
    RunId run = report.run();
    long commitStart = System.nanoTime();
    List<TableCommit.Change> changes = new ArrayList<>();
    TableCommit.Replacement rows = RunCommit.rowsReplaced(plan, report);
    for (Table t : Table.PIPELINE) {
      changes.add(TableCommit.prepare(w, t, run, runFiles.getOrDefault(t, List.of()), rows));
    }
    List<org.apache.avro.generic.GenericRecord> entries =
        RunCommit.manifestRows(plan, report, history);
    List<String> manifestFiles =
        entries.isEmpty() ? List.of() : List.of(writeRows(w, Table.MANIFEST, run, entries));
    changes.add(
        TableCommit.prepare(
            w,
            Table.MANIFEST,
            run,
            manifestFiles,
            entries.isEmpty() && !rows.all()
                ? TableCommit.Replacement.NONE
                : RunCommit.entriesReplaced(plan, report)));
    HaltPoint.reach("manifest-written");
    String runsFile =
        writeRows(
            w,
            Table.RUNS,
            run,
            List.of(RunCommit.runRow(config, plan, report, started, seconds, runner)));
    changes.add(
        TableCommit.prepare(w, Table.RUNS, run, List.of(runsFile), TableCommit.Replacement.NONE));
    long processed = plan.processed().size();
    TableCommit.commit(
        w,
        changes,
        bases,
        TableCommit.summary(
            run, plan.fingerprint(), RunCommit.pipelineVersion(), config.mode(), processed),
        run,
        processed > 0 || !plan.moved().isEmpty());
    LOG.info(
        "commit: {} s; {} data file(s) added ({} rewritten), {} removed",
        String.format(java.util.Locale.ROOT, "%.2f", (System.nanoTime() - commitStart) / 1e9),
        changes.stream().mapToInt(c -> c.adds().size()).sum(),
        changes.stream().mapToLong(TableCommit.Change::filesRewritten).sum(),
        changes.stream().mapToInt(c -> c.deletes().size()).sum());
  }

  /** Writes rows as one data file in the run's folder of a table; returns its path. */
  private static String writeRows(
      Warehouse w, Table table, RunId run, List<org.apache.avro.generic.GenericRecord> rows) {
    String path =
        Locations.folder(
            w.runFolder(table, run), FilePlan.tagged(FilePlan.name(0, 1), run.value()));
    ResourceId file = FileSystems.matchNewResource(path, false);
    // The rows carry their run_id (a moved file's manifest entry keeps the run that made its rows).
    try (DataFileWriter writer = new DataFileWriter(w.table(table).schema(), file, null)) {
      for (org.apache.avro.generic.GenericRecord r : rows) {
        writer.write(r);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(
          "cannot write the " + table.folder() + " table's rows: " + e.getMessage(), e);
    }
    return path;
  }

  /**
   * The entries the --input globs match, each once (by path), in path order ({@link InputFiles}).
   */
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
