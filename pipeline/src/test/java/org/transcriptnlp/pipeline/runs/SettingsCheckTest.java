package org.transcriptnlp.pipeline.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.transcriptnlp.pipeline.options.JobConfig;
import org.transcriptnlp.pipeline.options.TranscriptNlpOptions;

/** The settings check of incremental runs ({@link SettingsCheck}): plain logic, no pipeline. */
class SettingsCheckTest {
  private static final RunId FIRST = RunId.parse("20261201-120000-000-0a0b0c");
  private static final RunId SECOND = RunId.parse("20261202-120000-000-0d0e0f");

  private static String settings(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--input=in/*";
    all[1] = "--output=out";
    System.arraycopy(args, 0, all, 2, args.length);
    return JobConfig.from(PipelineOptionsFactory.fromArgs(all).as(TranscriptNlpOptions.class))
        .settings();
  }

  @Test
  void differencesNameEachKeyThatDiffersWithBothValuesInKeyOrder() {
    assertEquals(
        List.of("annotators: sentiment,entities -> none"),
        SettingsCheck.differences(
            "annotators=sentiment,entities;parser=sr", "annotators=none;parser=sr"));
    assertEquals(
        List.of("parser: sr -> pcfg", "questioners: (none) -> Smith,Jones"),
        SettingsCheck.differences(
            "questioners=;parser=sr;format=auto",
            "parser=pcfg;questioners=Smith,Jones;format=auto"));
    assertEquals(
        List.of("respondents: Lee -> (none)"),
        SettingsCheck.differences("respondents=Lee", "respondents="));
    assertEquals(
        List.of("maxAnswerChars: (unset) -> 500", "nerSutime: false -> (unset)"),
        SettingsCheck.differences("nerSutime=false", "maxAnswerChars=500"),
        "a key only one side has (another version's settings)");
    assertEquals(
        List.of("the same options, another pipeline version"),
        SettingsCheck.differences("a=1;b=2", "b=2;a=1"));
  }

  @Test
  void differencesOfTheJobsOwnSettings() {
    assertEquals(
        List.of("annotators: sentiment,entities -> none"),
        SettingsCheck.differences(settings(), settings("--annotators=none")));
    assertEquals(
        List.of("maxAnswerChars: 100000 -> 500", "parseMaxLength: 80 -> 40"),
        SettingsCheck.differences(
            settings(), settings("--maxAnswerChars=500", "--parseMaxLength=40")));
    assertEquals(
        List.of("maxFileBytes: 67108864 -> 1048576"),
        SettingsCheck.differences(settings(), settings("--maxFileMegabytes=1")));
    assertEquals(
        List.of("the same options, another pipeline version"),
        SettingsCheck.differences(settings(), settings("--targetFileMegabytes=1", "--mode=full")),
        "not row-shaping");
  }

  private static RunHistory history(Map<String, String> fingerprintByPath) {
    String annotated = settings();
    String plain = settings("--annotators=none");
    List<RunHistory.Committed> runs =
        List.of(
            new RunHistory.Committed(
                FIRST, "incremental", annotated, RunPlan.fingerprint(annotated)),
            new RunHistory.Committed(SECOND, "incremental", plain, RunPlan.fingerprint(plain)));
    Map<String, RunHistory.Entry> current = new TreeMap<>();
    fingerprintByPath.forEach(
        (path, fp) ->
            current.put(path, new RunHistory.Entry(path, "sha-" + path, fp, FIRST, path)));
    return new RunHistory(runs, current);
  }

  @Test
  void refusalCountsTheFilesMadeWithOtherSettingsAndNamesEachDifferenceOnce() {
    String annotated = settings();
    String plain = settings("--annotators=none");
    String sentiment = settings("--annotators=sentiment", "--maxAnswerChars=500");
    RunHistory h =
        history(
            Map.of(
                "/in/a.txt",
                RunPlan.fingerprint(annotated),
                "/in/b.txt",
                RunPlan.fingerprint(annotated),
                "/in/c.txt",
                RunPlan.fingerprint(plain)));
    assertEquals(
        Optional.empty(),
        SettingsCheck.refusal(history(Map.of()), plain, RunPlan.fingerprint(plain)),
        "nothing current");
    assertEquals(
        Optional.empty(),
        SettingsCheck.refusal(
            history(Map.of("/in/c.txt", RunPlan.fingerprint(plain))),
            plain,
            RunPlan.fingerprint(plain)));
    assertEquals(
        Optional.of(
            "the current rows of 2 file(s) were made with other settings (annotators:"
                + " sentiment,entities -> none): nothing was done. Run with --mode=full to rebuild"
                + " every table with these settings, or give another --output to keep both"),
        SettingsCheck.refusal(h, plain, RunPlan.fingerprint(plain)));
    assertEquals(
        Optional.of(
            "the current rows of 3 file(s) were made with other settings (annotators: none ->"
                + " sentiment; annotators: sentiment,entities -> sentiment; maxAnswerChars: 100000"
                + " -> 500): nothing was done. Run with --mode=full to rebuild every table with"
                + " these settings, or give another --output to keep both"),
        SettingsCheck.refusal(h, sentiment, RunPlan.fingerprint(sentiment)));
  }

  @Test
  void rowsOfSettingsNoCommittedRunRecordsAreNamedByTheirFingerprint() {
    String plain = settings("--annotators=none");
    RunHistory h = history(Map.of("/in/a.txt", "0123456789abcdef"));
    assertEquals(
        Optional.of(
            "the current rows of 1 file(s) were made with other settings (unknown settings"
                + " (0123456789abcdef)): nothing was done. Run with --mode=full to rebuild every"
                + " table with these settings, or give another --output to keep both"),
        SettingsCheck.refusal(h, plain, RunPlan.fingerprint(plain)));
  }
}
