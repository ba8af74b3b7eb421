package org.transcriptnlp.pipeline.options;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.transcriptnlp.formats.Format;
import org.transcriptnlp.nlp.AnnotatorSettings;

/** The job's settings, validated from the options. */
public record JobConfig(
    List<String> patterns,
    String output,
    AnnotatorSettings annotators,
    Set<String> questioners,
    Set<String> respondents,
    long maxFileBytes,
    long targetFileBytes,
    Format format,
    int maxCompressionRatio,
    int buckets,
    Mode mode) {

  /** How a run chooses the files it processes (--mode). */
  public enum Mode {
    /** Only new files and files whose bytes or settings changed. */
    INCREMENTAL,
    /** Every matched file; its commit replaces every row of earlier runs. */
    FULL,
    /**
     * No input: compacts the tables' small files, expires old snapshots and deletes unreferenced
     * files.
     */
    MAINTAIN;

    public String value() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * The longest sentence --parseMaxLength may send to the parser (the PCFG's chart grows with its
   * cube).
   */
  static final int MAX_PARSE_LENGTH = 250;

  private static final Set<String> KNOWN_ANNOTATORS = Set.of("sentiment", "entities", "none");

  /** Validates the options; a problem is a {@link UsageException} with a one-line message. */
  public static JobConfig from(TranscriptNlpOptions o) {
    List<String> patterns = split(o.getInput()).stream().toList();
    if (patterns.isEmpty()) {
      throw new UsageException(
          "--input is empty: give one or more file globs, e.g. --input='samples/transcripts/*'");
    }
    if (o.getOutput() == null || o.getOutput().isBlank()) {
      throw new UsageException(
          "--output is empty: give the folder for the tables, e.g. --output=out");
    }
    Set<String> names = split(o.getAnnotators().toLowerCase(Locale.ROOT));
    for (String n : names) {
      if (!KNOWN_ANNOTATORS.contains(n)) {
        throw new UsageException(
            "unknown annotator '"
                + n
                + "' in --annotators="
                + o.getAnnotators()
                + ": the annotators are 'sentiment' and 'entities'; give one of them, both as"
                + " --annotators=sentiment,entities (the default), or none");
      }
    }
    if (names.contains("none") && names.size() > 1) {
      throw new UsageException("--annotators=none cannot be combined with other annotators");
    }
    if (names.isEmpty()) {
      throw new UsageException("--annotators is empty: use sentiment,entities or none");
    }
    if (o.getParseMaxLength() < 5 || o.getParseMaxLength() > MAX_PARSE_LENGTH) {
      throw new UsageException(
          "--parseMaxLength must be 5 to "
              + MAX_PARSE_LENGTH
              + " tokens (a longer sentence costs the "
              + "parser time and memory that grow faster than its length), got "
              + o.getParseMaxLength());
    }
    if (o.getMaxFileMegabytes() < 1) {
      throw new UsageException(
          "--maxFileMegabytes must be at least 1, got " + o.getMaxFileMegabytes());
    }
    if (o.getMaxAnswerChars() < 100) {
      throw new UsageException(
          "--maxAnswerChars must be at least 100, got " + o.getMaxAnswerChars());
    }
    if (o.getMaxAnswerSeconds() < 0) {
      throw new UsageException(
          "--maxAnswerSeconds must be 0 (no limit) or more, got " + o.getMaxAnswerSeconds());
    }
    if (o.getMaxCompressionRatio() < 2) {
      throw new UsageException(
          "--maxCompressionRatio must be at least 2, got " + o.getMaxCompressionRatio());
    }
    if (!(o.getTargetFileMegabytes() >= 0.001) || o.getTargetFileMegabytes() > 1_000_000) {
      throw new UsageException(
          "--targetFileMegabytes must be between 0.001 and 1000000, got "
              + o.getTargetFileMegabytes());
    }
    Set<String> questioners = split(o.getQuestioners());
    Set<String> respondents = split(o.getRespondents());
    Set<String> both =
        questioners.stream().filter(respondents::contains).collect(Collectors.toSet());
    if (!both.isEmpty()) {
      throw new UsageException(
          "speaker(s) " + both + " given both in --questioners and --respondents");
    }
    Format format;
    try {
      format = Format.parse(o.getFormat());
    } catch (IllegalArgumentException e) {
      throw new UsageException("--format: " + e.getMessage());
    }
    if (o.getNerSutime() && !o.getNerNumeric()) {
      throw new UsageException(
          "--nerSutime=true needs --nerNumeric=true: CoreNLP runs SUTime only with the numeric"
              + " classifiers");
    }
    Mode mode =
        switch (o.getMode() == null ? "" : o.getMode().strip().toLowerCase(Locale.ROOT)) {
          case "incremental" -> Mode.INCREMENTAL;
          case "full" -> Mode.FULL;
          case "maintain" -> Mode.MAINTAIN;
          default ->
              throw new UsageException(
                  "--mode must be incremental, full or maintain, got '" + o.getMode() + "'");
        };
    progressMode(o.getProgress());
    AnnotatorSettings.Parser parser;
    try {
      parser = AnnotatorSettings.Parser.parse(o.getParser());
    } catch (IllegalArgumentException e) {
      throw new UsageException("--parser: " + e.getMessage());
    }
    AnnotatorSettings settings =
        new AnnotatorSettings(
            names.contains("sentiment"),
            names.contains("entities"),
            parser,
            o.getParseMaxLength(),
            o.getNerFineGrained(),
            o.getNerNumeric(),
            o.getNerSutime(),
            o.getMaxAnswerChars(),
            o.getMaxAnswerSeconds());
    // file:///data/out is the local folder /data/out (locked and listed as one).
    String output =
        o.getOutput().startsWith("file://")
            ? o.getOutput().substring("file://".length())
            : o.getOutput();
    return new JobConfig(
        patterns,
        output,
        settings,
        questioners,
        respondents,
        o.getMaxFileMegabytes() * 1024L * 1024L,
        Math.round(o.getTargetFileMegabytes() * 1024 * 1024),
        format,
        o.getMaxCompressionRatio(),
        buckets(o),
        mode);
  }

  /**
   * The settings that shape the rows, as {@code key=value;...}: a file whose rows were made with
   * other settings is processed again by an incremental run. Output layout, parallelism and runner
   * do not shape rows and are left out.
   */
  public String settings() {
    AnnotatorSettings a = annotators;
    return String.join(
        ";",
        "annotators="
            + (a.sentiment() && a.entities()
                ? "sentiment,entities"
                : a.sentiment() ? "sentiment" : a.entities() ? "entities" : "none"),
        "parser=" + a.parser(),
        "parseMaxLength=" + a.parseMaxLength(),
        "nerFineGrained=" + a.nerFineGrained(),
        "nerNumeric=" + a.nerNumeric(),
        "nerSutime=" + a.nerSutime(),
        "maxAnswerChars=" + a.maxAnswerChars(),
        "maxAnswerSeconds=" + a.maxAnswerSeconds(),
        "questioners=" + String.join(",", new TreeSet<>(questioners)),
        "respondents=" + String.join(",", new TreeSet<>(respondents)),
        "format=" + (format == null ? "auto" : format.value()),
        "maxFileBytes=" + maxFileBytes,
        "maxCompressionRatio=" + maxCompressionRatio);
  }

  /**
   * Groups the answers are spread over on runners other than the Direct Runner: enough for a
   * cluster's workers.
   */
  static final int CLUSTER_BUCKETS = 128;

  /**
   * Groups that answers are spread over before annotation. On the Direct Runner each group is a
   * bundle, and each bundle costs an evaluator (a DoFn translated to its proto and back): 4 groups
   * per worker thread keep every thread busy at a fraction of that cost. Other runners get 128,
   * enough for a cluster's workers.
   */
  static int buckets(TranscriptNlpOptions o) {
    if (onDirectRunner(o)) {
      return Math.max(4, 4 * o.as(DirectOptions.class).getTargetParallelism());
    }
    return CLUSTER_BUCKETS;
  }

  /** Whether the options run the job on Beam's Direct Runner (in this JVM). */
  public static boolean onDirectRunner(TranscriptNlpOptions o) {
    return o.getRunner() == DirectRunner.class;
  }

  /** Comma-separated values, trimmed, empty ones dropped, in order. */
  public static Set<String> split(String value) {
    if (value == null) {
      return Set.of();
    }
    return Arrays.stream(value.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** The --progress value if it is one of auto, always, never; else a usage error. */
  public static String progressMode(String mode) {
    if (!java.util.Set.of("auto", "always", "never").contains(String.valueOf(mode))) {
      throw new UsageException("--progress must be auto, always or never, got '" + mode + "'");
    }
    return mode;
  }
}
