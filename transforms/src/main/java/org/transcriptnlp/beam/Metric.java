package org.transcriptnlp.beam;

import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Metrics;

/** The job's Beam metrics, all in one namespace so the end-of-run summary can find them. */
public final class Metric {
  public static final String NAMESPACE = "transcript-nlp";

  public static final String FILES_MATCHED = "files_matched";
  public static final String FILES_READ = "files_read";
  public static final String FILES_PARSED = "files_parsed";
  public static final String FILES_REJECTED = "files_rejected";
  public static final String BYTES_REPLACED = "invalid_bytes_replaced";
  public static final String CONTROLS_REMOVED = "control_chars_removed";
  public static final String TURNS = "turns";
  public static final String NON_SPEECH_PARAGRAPHS = "non_speech_paragraphs";
  public static final String ANSWERS = "answers";
  public static final String SENTIMENT_ANSWERS = "sentiment_answers";
  public static final String SENTENCES = "sentences";
  public static final String TOKENS = "tokens";
  public static final String SENTENCES_TOO_LONG = "sentences_too_long_to_parse";

  /**
   * Runs over InputBounds.maxRunChars without a space, tokenized by their ends (once per answer).
   */
  public static final String RUNS_BLANKED = "runs_blanked";

  /**
   * Tokens over InputBounds.maxTokenChars, annotated as their first that many chars (once per
   * answer).
   */
  public static final String TOKENS_CUT = "tokens_cut";

  /** Sentences over InputBounds.nerMaxTokens, tagged for entities in windows. */
  public static final String SENTENCES_IN_NER_WINDOWS = "sentences_in_ner_windows";

  public static final String ENTITY_ANSWERS = "entity_answers";
  public static final String ENTITIES = "entities";
  public static final String ANNOTATION_FAILURES = "annotation_failures";
  public static final String REJECTS = "rejects";
  public static final String SENTIMENT_MILLIS = "sentiment_millis_per_answer";
  public static final String ENTITY_MILLIS = "entity_millis_per_answer";

  private Metric() {}

  /** Parquet files written for a table (named after its folder). */
  public static String filesWritten(String table) {
    return table + "_files_written";
  }

  /** Rows written to a table's Parquet files. */
  public static String rowsWritten(String table) {
    return table + "_rows_written";
  }

  /** Files a table's rows were staged in, one per bundle. */
  public static String filesStaged(String table) {
    return table + "_files_staged";
  }

  public static Counter counter(String name) {
    return Metrics.counter(NAMESPACE, name);
  }

  public static Distribution distribution(String name) {
    return Metrics.distribution(NAMESPACE, name);
  }
}
