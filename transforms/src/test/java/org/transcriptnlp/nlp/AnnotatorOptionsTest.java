package org.transcriptnlp.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.transcriptnlp.model.EntityMention;
import org.transcriptnlp.model.SentimentResult;

/**
 * The non-default annotator options load from the project's slim models jar and do what they say: a
 * missing model file would fail here, not in a user's job. (The defaults are covered by {@link
 * CoreNlpAnnotatorsTest}.)
 */
class AnnotatorOptionsTest {
  private static final String TEXT =
      "President Tokayev flew from Astana to France last Tuesday. He paid 5 million dollars.";

  private static Map<String, String> types(AnnotatorSettings settings) {
    return types(settings, TEXT);
  }

  private static Map<String, String> types(AnnotatorSettings settings, String text) {
    return new EntityAnnotator(settings)
        .annotate(text).mentions().stream()
            .collect(
                Collectors.toMap(EntityMention::text, EntityMention::type, (a, b) -> a + "|" + b));
  }

  @Test
  void fineGrainedNerGivesCountriesAndCitiesAndTitles() {
    AnnotatorSettings d = AnnotatorSettings.defaults();
    Map<String, String> coarse = types(d);
    Map<String, String> fine = types(d.withAnnotators(false, true).withNer(true, true, false));
    assertEquals("LOCATION", coarse.get("France"), coarse.toString());
    assertEquals("COUNTRY", fine.get("France"), fine.toString());
    assertEquals("CITY", fine.get("Astana"), fine.toString());
    assertEquals("TITLE", fine.get("President"), fine.toString());
  }

  @Test
  void numericClassifiersAddNumbersOrdinalsDurationsAndSutimeAddsSets() {
    AnnotatorSettings d = AnnotatorSettings.defaults();
    String text =
        "He flew to France last Tuesday for the second time, paid 5 million dollars for three weeks"
            + " of talks, and goes there every year.";
    AnnotatorSettings entities = d.withAnnotators(false, true);
    Map<String, String> none = types(entities.withNer(false, false, false), text);
    Map<String, String> numeric = types(entities.withNer(false, true, false), text);
    Map<String, String> sutime = types(entities.withNer(false, true, true), text);
    // DATE and MONEY come from the 7-class model whatever the switches.
    for (Map<String, String> m : List.of(none, numeric, sutime)) {
      assertEquals("DATE", m.get("last Tuesday"), m.toString());
      assertEquals("MONEY", m.get("5 million dollars"), m.toString());
    }
    assertEquals(null, none.get("second"), none.toString());
    assertEquals("ORDINAL", numeric.get("second"), numeric.toString());
    assertEquals("DURATION", numeric.get("three weeks"), numeric.toString());
    assertEquals(null, numeric.get("every year"), numeric.toString());
    assertEquals("SET", sutime.get("every year"), sutime.toString());
  }

  @Test
  void aPreloadAndTheStepThatNeedsTheModelsShareOneLoad() throws Exception {
    // A configuration no other test uses (its own parse.maxlen), with the PCFG's small model.
    AnnotatorSettings x =
        AnnotatorSettings.defaults()
            .withAnnotators(true, false)
            .withParser(AnnotatorSettings.Parser.PCFG)
            .withParseMaxLength(77);
    CoreNlpHolder.get(x.splitProperties());
    int loads = CoreNlpHolder.loadCount();
    List<CompletableFuture<Void>> preloads = CoreNlpHolder.preload(x);
    assertEquals(1, preloads.size());
    preloads.get(0).get(5, TimeUnit.MINUTES);
    assertEquals(loads + 1, CoreNlpHolder.loadCount(), "the preload built the sentiment pipeline");
    StanfordCoreNLP a = CoreNlpHolder.get(x.sentimentProperties());
    assertSame(a, CoreNlpHolder.get(x.sentimentProperties()));
    assertEquals(loads + 1, CoreNlpHolder.loadCount(), "the step did not build it again");
  }

  @Test
  void aFailedLoadIsRememberedAndReportedWithItsCause() {
    Properties broken = AnnotatorSettings.defaults().splitProperties();
    broken.setProperty("annotators", "tokenize,ssplit,pos");
    broken.setProperty("pos.model", "edu/stanford/nlp/models/pos-tagger/no-such.tagger");
    int loads = CoreNlpHolder.loadCount();
    IllegalStateException first =
        assertThrows(IllegalStateException.class, () -> CoreNlpHolder.get(broken));
    assertTrue(
        first.getMessage().contains("Error while loading a tagger model"), first.getMessage());
    assertSame(first, assertThrows(IllegalStateException.class, () -> CoreNlpHolder.get(broken)));
    assertEquals(loads, CoreNlpHolder.loadCount());
  }

  @Test
  void pcfgParserGivesSentimentToo() {
    AnnotatorSettings pcfg = AnnotatorSettings.defaults().withParser(AnnotatorSettings.Parser.PCFG);
    SentimentResult r =
        new SentimentAnnotator(pcfg)
            .annotate(
                "I love this wonderful, beautiful city.\n\nThis is a terrible, awful disaster.");
    assertEquals(2, r.sentences().size());
    assertTrue(r.sentences().get(0).predicted().value() > 0, r.toString());
    assertTrue(r.sentences().get(1).predicted().value() < 0, r.toString());
  }
}
