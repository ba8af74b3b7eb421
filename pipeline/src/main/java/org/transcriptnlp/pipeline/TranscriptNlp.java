package org.transcriptnlp.pipeline;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Optional;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transcriptnlp.nlp.CoreNlpHolder;

/**
 * The runnable job: {@code java -jar transcript-nlp.jar --input=GLOB --output=DIR}. {@code main}
 * only parses options and calls {@link #run}; tests call {@code run} too.
 *
 * <p>Exit codes: 0 success (also when some files were rejected: see the rejects table); 1 the job
 * failed; 2 bad usage (bad option, no file matched, output not writable); 3 the run finished but
 * not every matched file is accounted for; 4 another run is writing to the same output (nothing
 * was done: try again later).
 */
public final class TranscriptNlp {
  private static final Logger LOG = LoggerFactory.getLogger(TranscriptNlp.class);
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;
  public static final int UNACCOUNTED = 3;
  public static final int LOCKED = 4;

  private TranscriptNlp() {}

  public static void main(String[] args) {
    System.exit(execute(args, System.out, System.err));
  }

  /** Parses the arguments, runs the job, prints the summary; returns the exit code. */
  public static int execute(String[] args, PrintStream out, PrintStream err) {
    PipelineOptionsFactory.register(TranscriptNlpOptions.class);
    if (Arrays.stream(args).anyMatch(a -> a.equals("--help") || a.equals("-h") || a.startsWith("--help="))) {
      out.println("transcript-nlp: speaker turns, Q/A pairs, CoreNLP sentiment and entities -> Parquet tables");
      out.println("usage: java -jar pipeline/target/transcript-nlp.jar --input=GLOB[,GLOB...] --output=DIR [options]");
      out.println();
      PipelineOptionsFactory.printHelp(out, TranscriptNlpOptions.class);
      return OK;
    }
    boolean explain = Arrays.stream(args).anyMatch(a -> a.startsWith("--explain="));
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
    } catch (RuntimeException e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      err.println("transcript-nlp: the job failed: " + firstLine(String.valueOf(root)));
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

  /** Runs the job to completion on the runner the options name (the Direct Runner by default). */
  public static RunSummary run(TranscriptNlpOptions options) {
    JobConfig config = JobConfig.from(options);
    FileSystems.setDefaultPipelineOptions(options);
    long matched = countMatches(config);
    if (matched == 0) {
      throw new UsageException("no file matched --input=" + options.getInput());
    }
    OutputFolder.check(config.output());
    Optional<RunLock> lock = RunLock.acquire(config.output());
    try {
      OutputFolder.clear(config.output());
      return runLocked(options, config, matched);
    } finally {
      lock.ifPresent(RunLock::close);
    }
  }

  private static RunSummary runLocked(TranscriptNlpOptions options, JobConfig config, long matched) {
    String staging = OutputFolder.newStaging(config.output());
    LOG.info(
        "{} file(s) matched; annotators: {}; runner: {}; tables to {}",
        matched, options.getAnnotators(), options.getRunner().getSimpleName(), config.output());
    long start = System.nanoTime();
    if (JobConfig.onDirectRunner(options)) {
      // The workers are this JVM: load the models while the runner reads and parses the files.
      CoreNlpHolder.preload(config.annotators());
    }
    Pipeline pipeline = Pipeline.create(options);
    JobGraph.build(pipeline, config, staging);
    PipelineResult result;
    try {
      result = pipeline.run();
      PipelineResult.State state = result.waitUntilFinish();
      if (state != PipelineResult.State.DONE) {
        throw new IllegalStateException("the pipeline ended in state " + state);
      }
    } catch (RuntimeException e) {
      OutputFolder.removeStaging(staging);
      throw e;
    }
    OutputFolder.finish(config.output(), staging);
    return RunSummary.of(result, (System.nanoTime() - start) / 1e9, config.output());
  }

  private static long countMatches(JobConfig config) {
    long n = 0;
    for (String pattern : config.patterns()) {
      try {
        MatchResult m = FileSystems.match(pattern, EmptyMatchTreatment.ALLOW);
        if (m.status() == MatchResult.Status.OK) {
          n += m.metadata().size();
        }
      } catch (IOException | IllegalArgumentException e) {
        throw new UsageException("cannot match --input pattern '" + pattern + "': " + e.getMessage());
      }
    }
    return n;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unknown error";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
