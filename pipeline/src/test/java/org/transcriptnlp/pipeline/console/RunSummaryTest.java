package org.transcriptnlp.pipeline.console;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.transcriptnlp.beam.Metric;
import org.transcriptnlp.pipeline.options.JobConfig;
import org.transcriptnlp.pipeline.runs.RunCommit;
import org.transcriptnlp.pipeline.runs.RunId;
import org.transcriptnlp.tables.Table;

/**
 * The summary of a run whose runner reports only attempted counters (the Spark runner): a retried
 * task counts its work again, so files and rows come from the tables as read back.
 */
class RunSummaryTest {
  private static final RunId RUN = RunId.parse("20261201-120000-000-0a0b0c");

  /**
   * Two files processed, one rejected; 5 answers, 3 turns rows, 1 rejects row, one file per table.
   */
  private static RunCommit.Report report(List<String> unaccounted) {
    long[] totals = {5, 9, 4, 3, 1};
    long[] files = {1, 1, 1, 1, 1};
    RunCommit.Counts counts =
        new RunCommit.Counts(
            Map.of(
                "/in/a.txt", new long[] {5, 9, 4, 3, 0}, "/in/b.txt", new long[] {0, 0, 0, 0, 1}),
            Map.of("/in/a.txt", "0123456789abcdef"),
            totals,
            Set.of(),
            List.of(),
            files);
    return new RunCommit.Report(
        RUN, JobConfig.Mode.INCREMENTAL, 3, 2, 0, 1, 0, 1, unaccounted, counts);
  }

  /** Counters as a retry doubles some of them: files read 4 for 2, parsed 1, rejected 1. */
  private static Map<String, Long> retriedCounters() {
    Map<String, Long> c = RunSummary.noCounters();
    c.put(Metric.FILES_MATCHED, 4L);
    c.put(Metric.FILES_PARSED, 1L);
    c.put(Metric.FILES_REJECTED, 1L);
    c.put(Metric.ANSWERS, 10L);
    c.put(Metric.rowsWritten(Table.ANSWERS.folder()), 10L);
    c.put(Metric.filesWritten(Table.ANSWERS.folder()), 2L);
    return c;
  }

  private static String printed(RunSummary s) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    s.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void attemptedCountersTakeFilesAndRowsFromTheTables() {
    RunSummary s = new RunSummary(retriedCounters(), true, 1.0, "/out", report(List.of()));
    assertTrue(
        s.accountedFor(), "the tables account for every file, whatever the attempts counted");
    String out = printed(s);
    assertTrue(out.contains("processed: 2 files = 1 parsed + 1 rejected\n"), out);
    assertTrue(
        out.contains(
            "iceberg: answers 5 rows in 1 file, sentences 9 rows in 1 file, entities 4 rows in 1"
                + " file, turns 3 rows in 1 file, rejects 1 row in 1 file added (staged in 0 bundle"
                + " files); tables in transcripts\n"),
        out);
    assertTrue(out.contains("rejects: 1 rows"), out);
    assertTrue(out.contains("attempted counters"), out);
    assertTrue(
        out.contains("answers: 10"),
        "the counters themselves are printed as the runner gave them: " + out);
  }

  @Test
  void attemptedCountersStillFailAFileThatIsInNoTable() {
    RunSummary s =
        new RunSummary(retriedCounters(), true, 1.0, "/out", report(List.of("/in/c.txt")));
    assertFalse(s.accountedFor());
    assertTrue(printed(s).contains("MISMATCH"));
  }

  @Test
  void committedCountersThatDoNotAddUpAreAMismatch() {
    RunSummary s = new RunSummary(retriedCounters(), false, 1.0, "/out", report(List.of()));
    assertFalse(s.accountedFor(), "4 files read, 1 parsed + 1 rejected");
    String out = printed(s);
    assertTrue(out.contains("processed: 4 files = 1 parsed + 1 rejected"), out);
    assertFalse(out.contains("attempted counters"), out);
  }

  @Test
  void whatWasBoundedForCoreNlpIsPrintedOnlyWhenThereIsSome() {
    assertFalse(
        printed(new RunSummary(retriedCounters(), false, 1.0, "/out", report(List.of())))
            .contains("bounded"));
    Map<String, Long> c = retriedCounters();
    c.put(Metric.RUNS_BLANKED, 1L);
    c.put(Metric.TOKENS_CUT, 3L);
    c.put(Metric.SENTENCES_IN_NER_WINDOWS, 2L);
    String out = printed(new RunSummary(c, false, 1.0, "/out", report(List.of())));
    assertTrue(
        out.contains(
            "  bounded for CoreNLP: 1 runs of over 1000 characters without a space tokenized by"
                + " their ends, 3 tokens annotated as their first 100 characters, 2 sentences of"
                + " over 250 tokens tagged for entities in windows\n"),
        out);
  }
}
