package org.transcriptnlp.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transcriptnlp.testing.Fixtures;

/**
 * How the command line explains itself: --version, --help, missing options, runners, bad values.
 */
class InvocationTest {
  @TempDir Path dir;

  @Test
  void versionPrintsOneLineAndExitsZero() {
    Cli.Result r = Cli.run("--version");
    assertEquals(TranscriptNlp.OK, r.code(), r.err());
    assertEquals("", r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals(1, lines.size(), r.out());
    assertTrue(
        lines
            .get(0)
            .matches(
                "transcript-nlp \\S+ \\(Apache Beam 2\\.62\\.0, Stanford CoreNLP 4\\.5\\.10; "
                    + "runners in this jar: .*DirectRunner.*\\)"),
        lines.get(0));
  }

  @Test
  void noArgumentsNamesBothRequiredOptionsWithTheirDescriptionsAndTheUsage() {
    Cli.Result r = Cli.run();
    assertEquals(TranscriptNlp.USAGE, r.code());
    List<String> lines = r.err().lines().toList();
    assertEquals("transcript-nlp: missing --input and --output, which are required", lines.get(0));
    assertTrue(
        r.err().contains("  --input=<String>\n    Required\n    Transcript files to read"),
        r.err());
    assertTrue(
        r.err().contains("  --output=<String>\n    Required\n    Warehouse folder of the tables"),
        r.err());
    assertTrue(r.err().contains(Usage.USAGE), r.err());
    assertEquals("Run with --help to list every option.", lines.get(lines.size() - 1));
    assertFalse(r.err().contains("at org."), "no stack trace: " + r.err());
  }

  @Test
  void noOutputNamesOnlyOutput() {
    Cli.Result r = Cli.run("--input=" + Fixtures.seed());
    assertEquals(TranscriptNlp.USAGE, r.code());
    assertEquals(
        "transcript-nlp: missing --output, which is required",
        r.err().lines().findFirst().orElse(""));
    assertFalse(r.err().contains("--input=<String>"), r.err());
    assertTrue(r.err().contains("--output=<String>") && r.err().contains(Usage.USAGE), r.err());
  }

  @Test
  void helpListsTheJobsOptionsAndTheRunnerOptionsUsersTune() {
    Cli.Result r = Cli.run("--help");
    assertEquals(TranscriptNlp.OK, r.code());
    assertTrue(
        r.out()
            .contains(
                "\n"
                    + "  --targetParallelism=<int>   (Direct Runner)\n"
                    + "    Default: computed at start\n"),
        r.out());
    assertTrue(
        r.out().contains("  --runner=<Runner>\n    Default: DirectRunner\n    In this jar: "),
        r.out());
    // The job's options, required first; none of Beam's internal ones.
    assertTrue(
        r.out().indexOf("--input=<String>") < r.out().indexOf("--annotators=<String>"), r.out());
    assertFalse(r.out().contains("--optionsId"), r.out());
    Cli.Result direct = Cli.run("--help=DirectOptions");
    assertEquals(TranscriptNlp.OK, direct.code());
    assertTrue(direct.out().contains("--enforceImmutability"), direct.out());
    Cli.Result unknown = Cli.run("--help=NoSuchOptions");
    assertEquals(TranscriptNlp.USAGE, unknown.code());
    assertEquals(
        "transcript-nlp: --help=NoSuchOptions: no such options interface (try"
            + " --help=DirectOptions)\n",
        unknown.err());
  }

  @Test
  void aRunnerThatIsAProfileNamesTheProfile() {
    String[] common = {"--input=" + Fixtures.seed(), "--output=" + dir.resolve("out")};
    if (!Usage.runners().contains("FlinkRunner")) {
      Cli.Result r = Cli.run(common[0], common[1], "--runner=FlinkRunner");
      assertEquals(TranscriptNlp.USAGE, r.code());
      assertEquals(
          "transcript-nlp: --runner=FlinkRunner: this jar was built without the FlinkRunner (it has"
              + " "
              + String.join(", ", Usage.runners())
              + "); build it in with the Maven profile -Pflink: "
              + "mvn -q -DskipTests -Pflink package\n",
          r.err());
    }
    Cli.Result other = Cli.run(common[0], common[1], "--runner=DataflowRunner");
    assertEquals(TranscriptNlp.USAGE, other.code());
    assertEquals(
        "transcript-nlp: --runner=DataflowRunner is not a runner of this jar: it has "
            + String.join(", ", Usage.runners())
            + " (FlinkRunner and SparkRunner come with the Maven profiles -Pflink and "
            + "-Pspark)\n",
        other.err());
  }

  @Test
  void annotatorsBothIsExplainedAsTwoNames() {
    Cli.Result r =
        Cli.run(
            "--input=" + Fixtures.seed(), "--output=" + dir.resolve("out"), "--annotators=both");
    assertEquals(TranscriptNlp.USAGE, r.code());
    assertEquals(
        "transcript-nlp: unknown annotator 'both' in --annotators=both: the annotators are"
            + " 'sentiment' and 'entities'; give one of them, both as"
            + " --annotators=sentiment,entities (the default), or none\n",
        r.err());
  }
}
