package org.transcriptnlp.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The CoreNLP properties each setting turns into (no models loaded). */
class AnnotatorSettingsTest {
  private static final AnnotatorSettings D = AnnotatorSettings.defaults();

  @Test
  void theParserOptionPicksTheParseModel() {
    assertEquals(
        "edu/stanford/nlp/models/srparser/englishSR.ser.gz",
        D.sentimentProperties().getProperty("parse.model"));
    Properties pcfg = D.withParser(AnnotatorSettings.Parser.PCFG).sentimentProperties();
    assertEquals(
        "edu/stanford/nlp/models/lexparser/englishPCFG.ser.gz", pcfg.getProperty("parse.model"));
    assertEquals("pos,parse,sentiment", pcfg.getProperty("annotators"));
    assertEquals("true", pcfg.getProperty("parse.binaryTrees"));
    assertEquals("80", pcfg.getProperty("parse.maxlen"));
    assertEquals(AnnotatorSettings.Parser.PCFG, AnnotatorSettings.Parser.parse(" PCFG "));
    assertEquals(AnnotatorSettings.Parser.SR, AnnotatorSettings.Parser.parse("sr"));
    assertThrows(IllegalArgumentException.class, () -> AnnotatorSettings.Parser.parse("lstm"));
  }

  @Test
  void nerSwitchesGoToTheirOwnProperties() {
    Properties p = D.withNer(true, false, true).entityProperties();
    assertEquals("true", p.getProperty("ner.applyFineGrained"));
    assertEquals("false", p.getProperty("ner.applyNumericClassifiers"));
    assertEquals("true", p.getProperty("ner.useSUTime"));
    Properties q = D.withNer(false, true, false).entityProperties();
    assertEquals("false", q.getProperty("ner.applyFineGrained"));
    assertEquals("true", q.getProperty("ner.applyNumericClassifiers"));
    assertEquals("false", q.getProperty("ner.useSUTime"));
  }

  @Test
  void theJobsNerPipelineTakesSplitSentencesWithTheSameNerSettings() {
    AnnotatorSettings x = D.withNer(true, true, true);
    Properties plain = x.entityProperties();
    Properties job = x.nerProperties();
    assertEquals("tokenize,ssplit,pos,lemma,ner", plain.getProperty("annotators"));
    assertEquals("pos,lemma,ner", job.getProperty("annotators"));
    assertEquals("false", job.getProperty("enforceRequirements"));
    for (String key : plain.stringPropertyNames()) {
      if (!key.equals("annotators")) {
        assertEquals(plain.getProperty(key), job.getProperty(key), key);
      }
    }
  }

  @Test
  void withMethodsChangeOnlyTheirField() {
    AnnotatorSettings x =
        D.withAnnotators(false, true).withParseMaxLength(12).withMaxAnswerSeconds(9);
    assertEquals(
        new AnnotatorSettings(
            false,
            true,
            D.parser(),
            12,
            D.nerFineGrained(),
            D.nerNumeric(),
            D.nerSutime(),
            D.maxAnswerChars(),
            9),
        x);
  }
}
