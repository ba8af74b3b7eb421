package org.transcriptnlp.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.transcriptnlp.model.EntityMention;
import org.transcriptnlp.model.EntityResult;
import org.transcriptnlp.model.SentenceSentiment;
import org.transcriptnlp.model.SentimentResult;

/** The real CoreNLP models, loaded once for this test JVM through {@link CoreNlpHolder}. */
class CoreNlpAnnotatorsTest {
  private static final AnnotatorSettings SETTINGS = AnnotatorSettings.defaults();

  @Test
  void sentimentPerSentenceWithOffsetsAndProbabilities() {
    String text = "I love this wonderful, beautiful city.\n\nThis is a terrible, awful disaster.";
    SentimentResult r = new SentimentAnnotator(SETTINGS).annotate(text);
    assertEquals(2, r.sentences().size());
    SentenceSentiment love = r.sentences().get(0);
    SentenceSentiment awful = r.sentences().get(1);
    assertTrue(love.predicted().value() > 0, love.toString());
    assertTrue(awful.predicted().value() < 0, awful.toString());
    assertTrue(love.score() > 0.5 && awful.score() < -0.5);
    for (SentenceSentiment s : r.sentences()) {
      assertEquals(1.0, s.probabilities().stream().mapToDouble(Double::doubleValue).sum(), 1e-6);
      assertEquals(s.text(), text.substring(s.charBegin(), s.charEnd()));
    }
    assertEquals(1, awful.index());
  }

  @Test
  void aSentenceOverTheParseLimitGetsNoSentimentAndTheOthersKeepTheirs() {
    String[] words = {"the", "people", "said", "that", "we", "will", "go", "and", "they", "like"};
    StringBuilder runOn = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      runOn.append(words[i % words.length]).append(' ');
    }
    String text =
        "I love this wonderful city.\n\n"
            + runOn.toString().strip()
            + "\n\nThis is a terrible, awful disaster.";
    SentimentResult r = new SentimentAnnotator(SETTINGS).annotate(text);
    assertEquals(3, r.sentences().size());
    SentenceSentiment longOne = r.sentences().get(1);
    assertEquals(5000, longOne.tokenCount());
    assertFalse(longOne.parsed());
    assertNull(longOne.score());
    assertNull(longOne.probabilities());
    assertEquals(runOn.toString().strip(), longOne.text());
    assertTrue(r.sentences().get(0).predicted().value() > 0);
    assertTrue(r.sentences().get(2).predicted().value() < 0);
    assertEquals(1, r.unparsedCount());
    // The aggregate is over the two parsed sentences only, weighted by their tokens.
    SentenceSentiment a = r.sentences().get(0);
    SentenceSentiment b = r.sentences().get(2);
    double expected =
        (a.score() * a.tokenCount() + b.score() * b.tokenCount())
            / (a.tokenCount() + b.tokenCount());
    assertEquals(expected, r.score(), 1e-9);
    // The same sentences, annotated without the long one, get the same labels and probabilities.
    SentimentResult alone =
        new SentimentAnnotator(SETTINGS).annotate("I love this wonderful city.");
    assertEquals(alone.sentences().get(0).probabilities(), a.probabilities());
  }

  @Test
  void entitiesWithTypesAndCodePointOffsets() {
    // The emoji is two UTF-16 chars but one code point: offsets after it must count code points.
    String text =
        "Hello 😀. Kazakhstan joined the Collective Security Treaty Organization (CSTO) in Moscow. "
            + "Kassym-Jomart Tokayev spoke on 5 January 2022.";
    EntityResult r = new EntityAnnotator(SETTINGS).annotate(text);
    Map<String, String> typeOf =
        r.mentions().stream()
            .collect(Collectors.toMap(EntityMention::text, EntityMention::type, (a, b) -> a));
    assertEquals("LOCATION", typeOf.get("Kazakhstan"), typeOf.toString());
    assertEquals(
        "ORGANIZATION", typeOf.get("Collective Security Treaty Organization"), typeOf.toString());
    assertEquals("LOCATION", typeOf.get("Moscow"), typeOf.toString());
    assertEquals("PERSON", typeOf.get("Kassym-Jomart Tokayev"), typeOf.toString());
    assertTrue(typeOf.containsValue("DATE"), typeOf.toString());
    int[] codePoints = text.codePoints().toArray();
    for (EntityMention m : r.mentions()) {
      assertEquals(
          m.text(),
          new String(codePoints, m.charBegin(), m.charEnd() - m.charBegin()),
          m.toString());
    }
    EntityMention tokayev =
        r.mentions().stream().filter(m -> m.text().startsWith("Kassym")).findFirst().orElseThrow();
    assertEquals(2, tokayev.sentenceIndex());
    assertEquals(3, r.sentenceCount());
  }

  @Test
  void pronounsAreNotNamedEntities() {
    // CoreNLP's entity mentions hold 'He' and 'his' as PERSON mentions (for relation extraction).
    EntityResult r =
        new EntityAnnotator(SETTINGS)
            .annotate("He met Angela Merkel in Berlin. She said his plan was good.");
    assertEquals(
        List.of("Angela Merkel", "Berlin"),
        r.mentions().stream().map(EntityMention::text).toList());
  }

  @Test
  void onePipelinePerConfigurationSharedByEveryAnnotatorAndThread() throws Exception {
    new SentimentAnnotator(SETTINGS);
    new EntityAnnotator(SETTINGS);
    int loads = CoreNlpHolder.loadCount();
    StanfordCoreNLP a = CoreNlpHolder.get(SETTINGS.sentimentProperties());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<StanfordCoreNLP>> others =
          pool.invokeAll(
              List.of(
                  () -> CoreNlpHolder.get(SETTINGS.sentimentProperties()),
                  () -> CoreNlpHolder.get(SETTINGS.sentimentProperties()),
                  () -> CoreNlpHolder.get(SETTINGS.sentimentProperties())));
      for (Future<StanfordCoreNLP> f : others) {
        assertSame(a, f.get());
      }
      // Concurrent annotation through the shared pipeline gives the same result as serial.
      String text = "The reforms are irreversible. Critics are wrong and the economy is growing.";
      SentimentAnnotator annotator = new SentimentAnnotator(SETTINGS);
      SentimentResult serial = annotator.annotate(text);
      List<Future<SentimentResult>> parallel =
          pool.invokeAll(
              List.of(
                  () -> annotator.annotate(text),
                  () -> annotator.annotate(text),
                  () -> annotator.annotate(text)));
      for (Future<SentimentResult> f : parallel) {
        assertEquals(serial, f.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(loads, CoreNlpHolder.loadCount(), "no pipeline was built again");
  }
}
