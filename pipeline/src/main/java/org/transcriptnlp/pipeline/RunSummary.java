package org.transcriptnlp.pipeline;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.transcriptnlp.beam.Metric;
import org.transcriptnlp.tables.Table;

/**
 * What a run did: which files it processed (its {@link RunCommit.Report}), the pipeline's Beam
 * metrics (all zero when nothing was new), and the check that every processed file is accounted for.
 */
public record RunSummary(Map<String, Long> counters, double seconds, String output, RunCommit.Report report) {

  /** The counters a run reports, all zero (a run that processed no file). */
  static Map<String, Long> noCounters() {
    Map<String, Long> counters = new LinkedHashMap<>();
    for (String name :
        new String[] {
          Metric.FILES_MATCHED, Metric.FILES_PARSED, Metric.FILES_REJECTED, Metric.TURNS,
          Metric.NON_SPEECH_PARAGRAPHS, Metric.ANSWERS, Metric.SENTENCES, Metric.TOKENS,
          Metric.ENTITIES, Metric.ANNOTATION_FAILURES, Metric.REJECTS, Metric.BYTES_REPLACED,
          Metric.CONTROLS_REMOVED, Metric.SENTENCES_TOO_LONG
        }) {
      counters.put(name, 0L);
    }
    return counters;
  }

  /** The job's counters from a finished pipeline's metrics. */
  static Map<String, Long> counters(PipelineResult result) {
    MetricQueryResults metrics =
        result.metrics().queryMetrics(MetricsFilter.builder().build());
    Map<String, Long> counters = noCounters();
    for (MetricResult<Long> c : metrics.getCounters()) {
      if (c.getName().getNamespace().equals(Metric.NAMESPACE)) {
        counters.merge(c.getName().getName(), attempted(c), Long::sum);
      }
    }
    return counters;
  }

  private static long attempted(MetricResult<Long> c) {
    try {
      return c.getCommitted();
    } catch (UnsupportedOperationException e) {
      return c.getAttempted();
    }
  }

  public long get(String name) {
    return counters.getOrDefault(name, 0L);
  }

  /**
   * Every file the pipeline read was either parsed into turns or rejected (its metrics), and every
   * processed file has rows in the turns or rejects table (read back from the run's files).
   */
  public boolean accountedFor() {
    return get(Metric.FILES_MATCHED) == get(Metric.FILES_PARSED) + get(Metric.FILES_REJECTED)
        && report.unaccounted().isEmpty();
  }

  public void print(PrintStream out) {
    RunCommit.Report r = report;
    out.printf("transcript-nlp: run %s (%s) done in %.1f s; tables in %s%n", r.run(), r.mode().value(), seconds, output);
    if (r.mode() == JobConfig.Mode.FULL) {
      out.printf("  matched: %d files, all processed (--mode=full)%n", r.matched());
    } else {
      out.printf(
          "  matched: %d files = %d new + %d changed + %d unchanged (not processed again)%n",
          r.matched(), r.added(), r.changed(), r.unchanged());
    }
    out.printf(
        "  processed: %d files = %d parsed + %d rejected%s%n",
        get(Metric.FILES_MATCHED), get(Metric.FILES_PARSED), get(Metric.FILES_REJECTED),
        accountedFor() ? "" : "   <-- MISMATCH: some files are not accounted for" + (r.unaccounted().isEmpty() ? "" : ": " + r.unaccounted()));
    out.printf(
        "  turns: %d (non-speech paragraphs left out: %d)   answers: %d%n",
        get(Metric.TURNS), get(Metric.NON_SPEECH_PARAGRAPHS), get(Metric.ANSWERS));
    out.printf(
        "  sentences: %d   tokens: %d   entities: %d   annotation failures: %d%n",
        get(Metric.SENTENCES), get(Metric.TOKENS), get(Metric.ENTITIES), get(Metric.ANNOTATION_FAILURES));
    if (get(Metric.SENTENCES_TOO_LONG) > 0) {
      out.printf(
          "  sentences too long to parse (no sentiment, see sentences.too_long_to_parse): %d%n",
          get(Metric.SENTENCES_TOO_LONG));
    }
    if (get(Metric.BYTES_REPLACED) + get(Metric.CONTROLS_REMOVED) > 0) {
      out.printf(
          "  input cleaned: %d invalid byte sequences read as U+FFFD, %d control characters removed%n",
          get(Metric.BYTES_REPLACED), get(Metric.CONTROLS_REMOVED));
    }
    out.printf("  rejects: %d rows (see %s/rejects/)%n", get(Metric.REJECTS), output);
    StringBuilder files = new StringBuilder("  parquet:");
    long staged = 0;
    for (Table t : Table.PIPELINE) {
      long n = get(Metric.filesWritten(t.folder()));
      files.append(String.format(Locale.ROOT, " %s %d row%s in %d file%s,", t.folder(), get(Metric.rowsWritten(t.folder())),
          get(Metric.rowsWritten(t.folder())) == 1 ? "" : "s", n, n == 1 ? "" : "s"));
      staged += get(Metric.filesStaged(t.folder()));
    }
    files.setLength(files.length() - 1);
    if (get(Metric.FILES_MATCHED) == 0) {
      out.println("  parquet: nothing new, so no table file was written (only the runs row)");
    } else {
      out.printf("%s (staged in %d bundle files)%n", files, staged);
    }
  }
}
