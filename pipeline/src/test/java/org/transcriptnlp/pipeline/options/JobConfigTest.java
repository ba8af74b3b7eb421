package org.transcriptnlp.pipeline.options;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.transcriptnlp.nlp.AnnotatorSettings;

/** Every annotator option reaches the settings the workers get, in its own field. */
class JobConfigTest {
  private static AnnotatorSettings settings(String... args) {
    PipelineOptionsFactory.register(TranscriptNlpOptions.class);
    String[] all = new String[args.length + 2];
    all[0] = "--input=x";
    all[1] = "--output=y";
    System.arraycopy(args, 0, all, 2, args.length);
    return JobConfig.from(PipelineOptionsFactory.fromArgs(all).as(TranscriptNlpOptions.class))
        .annotators();
  }

  @Test
  void defaultsAreTheSettingsDefaults() {
    assertEquals(AnnotatorSettings.defaults(), settings());
  }

  @Test
  void eachOptionSetsItsField() {
    assertEquals(
        new AnnotatorSettings(
            false, true, AnnotatorSettings.Parser.PCFG, 40, true, true, true, 5000, 7),
        settings(
            "--annotators=entities",
            "--parser=pcfg",
            "--parseMaxLength=40",
            "--nerFineGrained=true",
            "--nerSutime=true",
            "--maxAnswerChars=5000",
            "--maxAnswerSeconds=7"));
    assertEquals(
        AnnotatorSettings.defaults().withNer(false, false, false).withAnnotators(true, false),
        settings("--annotators=sentiment", "--nerNumeric=false"));
  }
}
