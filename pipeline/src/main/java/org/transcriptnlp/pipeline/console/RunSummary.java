package org.transcriptnlp.pipeline.console;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.transcriptnlp.beam.Metric;
import org.transcriptnlp.nlp.InputBounds;
import org.transcriptnlp.pipeline.options.JobConfig;
import org.transcriptnlp.pipeline.runs.RunCommit;
import org.transcriptnlp.tables.IcebergTables;
import org.transcriptnlp.tables.Table;

/**
 * What a run did: which files it processed (its {@link RunCommit.Report}), the pipeline's Beam
 * metrics (all zero when nothing was new), and the check that every processed file is accounted
 * for.
 *
 * <p>{@code attempted} is true when the runner reports only attempted metrics (the Spark runner):
 * work that a retry did again after a lost executor is counted again there, so the files and rows
 * are then taken from the run's files as read back ({@link RunCommit.Counts}), which hold every row
 * once, and the counters are printed as attempts.
 */
public record RunSummary(
    Map<String, Long> counters,
    boolean attempted,
    double seconds,
    String output,
    RunCommit.Report report,
    List<String> reportPages) {

  public RunSummary(
      Map<String, Long> counters,
      boolean attempted,
      double seconds,
      String output,
      RunCommit.Report report) {
    this(counters, attempted, seconds, output, report, List.of());
  }

  /**
   * The same summary, with the pages of the HTML report written after the run (index.html first).
   */
  public RunSummary withReport(List<String> pages) {
    return new RunSummary(counters, attempted, seconds, output, report, List.copyOf(pages));
  }

  /** A pipeline's counters, and whether the runner could give only attempted values. */
  public record Counters(Map<String, Long> values, boolean attempted) {}

  /** The counters a run reports, all zero (a run that processed no file). */
  public static Map<String, Long> noCounters() {
    Map<String, Long> counters = new LinkedHashMap<>();
    for (String name :
        new String[] {
          Metric.FILES_MATCHED, Metric.FILES_PARSED, Metric.FILES_REJECTED, Metric.TURNS,
          Metric.NON_SPEECH_PARAGRAPHS, Metric.ANSWERS, Metric.SENTENCES, Metric.TOKENS,
          Metric.ENTITIES, Metric.ANNOTATION_FAILURES, Metric.REJECTS, Metric.BYTES_REPLACED,
          Metric.CONTROLS_REMOVED, Metric.SENTENCES_TOO_LONG, Metric.RUNS_BLANKED,
              Metric.TOKENS_CUT,
          Metric.SENTENCES_IN_NER_WINDOWS
        }) {
      counters.put(name, 0L);
    }
    return counters;
  }

  /**
   * The job's counters from a finished pipeline's metrics: committed values where the runner has
   * them.
   */
  public static Counters counters(PipelineResult result) {
    MetricQueryResults metrics = result.metrics().queryMetrics(MetricsFilter.builder().build());
    Map<String, Long> counters = noCounters();
    boolean attempted = false;
    for (MetricResult<Long> c : metrics.getCounters()) {
      if (c.getName().getNamespace().equals(Metric.NAMESPACE)) {
        long value;
        try {
          value = c.getCommitted();
        } catch (UnsupportedOperationException e) {
          value = c.getAttempted();
          attempted = true;
        }
        counters.merge(c.getName().getName(), value, Long::sum);
      }
    }
    // The summary's counters first, in their order; then the rest (per-table files and rows) by
    // name.
    Map<String, Long> ordered = new LinkedHashMap<>();
    noCounters().keySet().forEach(k -> ordered.put(k, counters.get(k)));
    new java.util.TreeMap<>(counters).forEach(ordered::putIfAbsent);
    return new Counters(ordered, attempted);
  }

  public long get(String name) {
    return counters.getOrDefault(name, 0L);
  }

  /**
   * Every processed file has rows in the turns or rejects table (read back from the run's files),
   * and, where the counters are committed ones, every file the pipeline read was either parsed into
   * turns or rejected. (Attempted counters of a retried task need not add up.)
   */
  public boolean accountedFor() {
    return (attempted
            || get(Metric.FILES_MATCHED) == get(Metric.FILES_PARSED) + get(Metric.FILES_REJECTED))
        && report.unaccounted().isEmpty();
  }

  /** Files the pipeline was given (read back: the plan's processed files). */
  private long processed() {
    return attempted
        ? report.matched() - report.unchanged() - report.moved()
        : get(Metric.FILES_MATCHED);
  }

  private long parsed() {
    return attempted
        ? processed() - report.rejected() - report.unaccounted().size()
        : get(Metric.FILES_PARSED);
  }

  private long rejectedFiles() {
    return attempted ? report.rejected() : get(Metric.FILES_REJECTED);
  }

  private long rows(Table t) {
    return attempted ? report.counts().total(t) : get(Metric.rowsWritten(t.folder()));
  }

  public void print(PrintStream out) {
    RunCommit.Report r = report;
    out.printf(
        "transcript-nlp: run %s (%s) done in %.1f s; tables in %s%n",
        r.run(), r.mode().value(), seconds, output);
    if (r.mode() == JobConfig.Mode.FULL) {
      out.printf("  matched: %d files, all processed (--mode=full)%n", r.matched());
    } else if (r.moved() > 0) {
      out.printf(
          "  matched: %d files = %d new + %d changed + %d moved (rows taken over from their old"
              + " paths) + %d unchanged (not processed again)%n",
          r.matched(), r.added(), r.changed(), r.moved(), r.unchanged());
    } else {
      out.printf(
          "  matched: %d files = %d new + %d changed + %d unchanged (not processed again)%n",
          r.matched(), r.added(), r.changed(), r.unchanged());
    }
    out.printf(
        "  processed: %d files = %d parsed + %d rejected%s%n",
        processed(),
        parsed(),
        rejectedFiles(),
        accountedFor()
            ? ""
            : "   <-- MISMATCH: some files are not accounted for"
                + (r.unaccounted().isEmpty() ? "" : ": " + r.unaccounted()));
    if (attempted) {
      out.println(
          "  (this runner reports attempted counters: work retried after a failure is counted again"
              + " below; files and rows come from the tables)");
    }
    out.printf(
        "  turns: %d (non-speech paragraphs left out: %d)   answers: %d%n",
        get(Metric.TURNS), get(Metric.NON_SPEECH_PARAGRAPHS), get(Metric.ANSWERS));
    out.printf(
        "  sentences: %d   tokens: %d   entities: %d   annotation failures: %d%n",
        get(Metric.SENTENCES),
        get(Metric.TOKENS),
        get(Metric.ENTITIES),
        get(Metric.ANNOTATION_FAILURES));
    if (get(Metric.SENTENCES_TOO_LONG) > 0) {
      out.printf(
          "  sentences too long to parse (no sentiment, see sentences.too_long_to_parse): %d%n",
          get(Metric.SENTENCES_TOO_LONG));
    }
    if (get(Metric.RUNS_BLANKED) + get(Metric.TOKENS_CUT) + get(Metric.SENTENCES_IN_NER_WINDOWS)
        > 0) {
      InputBounds b = InputBounds.DEFAULT;
      out.printf(
          "  bounded for CoreNLP: %d runs of over %d characters without a space tokenized by their"
              + " ends, %d tokens annotated as their first %d characters, %d sentences of over %d"
              + " tokens tagged for entities in windows%n",
          get(Metric.RUNS_BLANKED),
          b.maxRunChars(),
          get(Metric.TOKENS_CUT),
          b.maxTokenChars(),
          get(Metric.SENTENCES_IN_NER_WINDOWS),
          b.nerMaxTokens());
    }
    if (get(Metric.BYTES_REPLACED) + get(Metric.CONTROLS_REMOVED) > 0) {
      out.printf(
          "  input cleaned: %d invalid byte sequences read as U+FFFD, %d control characters"
              + " removed%n",
          get(Metric.BYTES_REPLACED), get(Metric.CONTROLS_REMOVED));
    }
    out.printf(
        "  rejects: %d rows (see the rejects table: transcripts.rejects)%n",
        attempted ? rows(Table.REJECTS) : get(Metric.REJECTS));
    StringBuilder files = new StringBuilder("  iceberg:");
    long staged = 0;
    for (Table t : Table.PIPELINE) {
      long n = attempted ? report.counts().files(t) : get(Metric.filesWritten(t.folder()));
      files.append(
          String.format(
              Locale.ROOT,
              " %s %d row%s in %d file%s,",
              t.folder(),
              rows(t),
              rows(t) == 1 ? "" : "s",
              n,
              n == 1 ? "" : "s"));
      staged += get(Metric.filesStaged(t.folder()));
    }
    files.setLength(files.length() - 1);
    if (processed() == 0 && report.moved() > 0) {
      out.printf(
          "  iceberg: nothing new to process; the rows of %d moved file(s) rewritten under their"
              + " new paths%n",
          report.moved());
    } else if (processed() == 0) {
      out.println(
          "  iceberg: nothing new, so only the runs table was committed (its row for this run)");
    } else {
      out.printf(
          "%s added (staged in %d bundle files); tables in %s%n",
          files, staged, IcebergTables.NAMESPACE);
    }
    if (!reportPages.isEmpty()) {
      out.printf(
          "  report: %s (%d interview page%s)%n",
          reportPages.get(0), reportPages.size() - 1, reportPages.size() == 2 ? "" : "s");
    }
    if (processed() > 0) {
      printCounters(out);
    }
  }

  /**
   * Every counter of the job, as a table of two columns (the names are those of Beam's metrics).
   */
  void printCounters(PrintStream out) {
    int width = counters.keySet().stream().mapToInt(String::length).max().orElse(10);
    out.printf(
        "  %-" + width + "s %12s%n",
        "counter (" + (attempted ? "attempted" : "committed") + ")",
        "value");
    counters.forEach(
        (name, value) -> out.printf(Locale.ROOT, "  %-" + width + "s %,12d%n", name, value));
  }
}
