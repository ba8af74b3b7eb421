package org.transcriptnlp.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.transcriptnlp.model.EntityMention;
import org.transcriptnlp.model.EntityResult;
import org.transcriptnlp.model.SentenceSentiment;
import org.transcriptnlp.model.SentimentResult;

/**
 * Answers that would exhaust the heap without {@link InputBounds}: one huge token, one huge
 * sentence, runs of emoji and CJK. They are annotated, and what is found in their normal parts
 * points at the right characters of the original text. The real models, loaded once for the test
 * JVM through {@link CoreNlpHolder}; that memory stays bounded is shown by {@link BoundedHeapTest}.
 */
class BoundedAnnotationTest {
  private static final AnnotatorSettings SETTINGS = AnnotatorSettings.defaults();
  private static final String[] WORDS = {
    "the", "people", "said", "that", "we", "will", "go", "and", "they", "like"
  };

  /** Filler of lower-case words, at least {@code chars} long. */
  static String words(int chars) {
    StringBuilder b = new StringBuilder(chars + 10);
    for (int i = 0; b.length() < chars; i++) {
      b.append(WORDS[i % WORDS.length]).append(' ');
    }
    return b.toString();
  }

  /**
   * "Angela Merkel visited Berlin. " + a 99,999-char token + " Then Barack Obama went to Paris."
   */
  static String hugeToken() {
    return "Angela Merkel visited Berlin. "
        + "x".repeat(99_999)
        + " Then Barack Obama went to Paris.";
  }

  /** One sentence of about 100,000 chars (some 20,000 words) with names at its start and end. */
  static String hugeSentence() {
    return "Angela Merkel visited Berlin and " + words(100_000) + "Barack Obama went to Paris.";
  }

  /** The mention as the text has it, by code points (the offsets the tables hold). */
  private static String at(String text, EntityMention m) {
    int[] cps = text.codePoints().toArray();
    return new String(cps, m.charBegin(), m.charEnd() - m.charBegin());
  }

  private static List<String> described(String text, EntityResult r) {
    return r.mentions().stream()
        .map(
            m -> {
              assertEquals(m.text(), at(text, m), m.toString());
              return m.text() + "|" + m.type() + "|" + m.sentenceIndex();
            })
        .toList();
  }

  @Test
  void aHugeTokenIsCutForNerAndTheEntitiesAroundItKeepTheirOffsets() {
    String text = hugeToken();
    EntityResult r = new EntityAnnotator(SETTINGS).annotate(text);
    assertEquals(
        List.of(
            "Angela Merkel|PERSON|0",
            "Berlin|LOCATION|0",
            "Barack Obama|PERSON|1",
            "Paris|LOCATION|1"),
        described(text, r));
    // The tokenizer saw the run as its first and last 500 chars: two tokens, each cut to 100.
    assertEquals(1, r.runsBlanked());
    assertEquals(2, r.tokensCut());
    assertEquals(0, r.sentencesInWindows());
    assertEquals(2, r.sentenceCount());
    assertEquals(5 + 2 + 7, r.tokenCount());
    EntityMention obama = r.mentions().get(2);
    assertEquals(30 + 99_999 + 6, obama.charBegin());
  }

  @Test
  void aHugeTokenIsCutForTheParserAndItsSentenceKeepsItsTextAndSentiment() {
    String text = hugeToken();
    SentimentResult r = new SentimentAnnotator(SETTINGS).annotate(text);
    assertEquals(2, r.sentences().size());
    assertEquals(1, r.runsBlanked());
    assertEquals(2, r.tokensCut());
    SentenceSentiment withToken = r.sentences().get(1);
    assertEquals(text.substring(30), withToken.text());
    assertEquals(30, withToken.charBegin());
    assertEquals(text.length(), withToken.charEnd());
    assertEquals(9, withToken.tokenCount());
    assertTrue(withToken.parsed(), "9 tokens: parsed, with the run's ends cut");
    assertNotNull(withToken.score());
  }

  @Test
  void aHugeSentenceIsTaggedInWindowsAndKeepsItsIndexAndOffsets() {
    String text = "Yes. " + hugeSentence() + " Then Olaf Scholz came.";
    EntityResult r = new EntityAnnotator(SETTINGS).annotate(text);
    assertEquals(
        List.of(
            "Angela Merkel|PERSON|1",
            "Berlin|LOCATION|1",
            "Barack Obama|PERSON|1",
            "Paris|LOCATION|1",
            "Olaf Scholz|PERSON|2"),
        described(text, r));
    assertEquals(3, r.sentenceCount());
    assertEquals(1, r.sentencesInWindows());
    assertEquals(0, r.tokensCut());
    // Sentiment: as before, a sentence over parseMaxLength is kept without sentiment.
    SentimentResult s = new SentimentAnnotator(SETTINGS).annotate(text);
    assertEquals(3, s.sentences().size());
    assertFalse(s.sentences().get(1).parsed());
    assertEquals(hugeSentence(), s.sentences().get(1).text());
    assertEquals(r.tokenCount(), s.tokenCount());
  }

  @Test
  void windowsFindTheSameEntitiesAsTheWholeSentenceWhereTheyAreNotCut() {
    // A run-on answer as captions give it, without a full stop: one sentence of 62 tokens.
    String text =
        "well we met Angela Merkel in Berlin and then we said that the people of France like it and"
            + " we went to the United Nations in New York with Barack Obama and they said that we"
            + " will go to London next week and we will see the Prime Minister there and that is"
            + " all";
    EntityResult whole = new EntityAnnotator(SETTINGS).annotate(text);
    EntityResult windowed =
        new EntityAnnotator(SETTINGS, new InputBounds(100, 12, 1000)).annotate(text);
    assertEquals(1, whole.sentenceCount());
    assertEquals(0, whole.sentencesInWindows());
    assertEquals(1, windowed.sentencesInWindows());
    assertEquals(described(text, whole), described(text, windowed));
    assertEquals(
        List.of(
            "Angela Merkel|PERSON|0",
            "Berlin|LOCATION|0",
            "France|LOCATION|0",
            "United Nations|ORGANIZATION|0",
            "New York|LOCATION|0",
            "Barack Obama|PERSON|0",
            "London|LOCATION|0",
            "next week|DATE|0"),
        described(text, windowed));
  }

  @Test
  void runsOfEmojiAndCjkWithoutSpacesAreAnnotated() {
    // 30,000 emoji without a space: one token each; the tokenizer sees 250 at each end of the run
    // (it would take minutes over all of them), one sentence of 506 tokens, tagged in windows.
    // Offsets after the run count code points.
    String emoji = "Angela Merkel smiled " + "\uD83D\uDE00".repeat(30_000) + " in Berlin.";
    EntityResult e = new EntityAnnotator(SETTINGS).annotate(emoji);
    assertEquals(List.of("Angela Merkel|PERSON|0", "Berlin|LOCATION|0"), described(emoji, e));
    assertEquals(1, e.runsBlanked());
    assertEquals(1, e.sentencesInWindows());
    assertEquals(3 + 500 + 3, e.tokenCount());
    assertEquals(21 + 30_000 + 4, e.mentions().get(1).charBegin());
    // 40,000 CJK chars without a space: one token per end of the run, each cut.
    String cjk = "Angela Merkel wrote " + "中文".repeat(20_000) + " in Berlin.";
    EntityResult c = new EntityAnnotator(SETTINGS).annotate(cjk);
    assertEquals(List.of("Angela Merkel|PERSON|0", "Berlin|LOCATION|0"), described(cjk, c));
    assertEquals(1, c.runsBlanked());
    assertEquals(2, c.tokensCut());
    SentimentResult s = new SentimentAnnotator(SETTINGS).annotate(cjk);
    assertEquals(2, s.tokensCut());
    assertTrue(s.sentences().get(0).parsed());
    assertEquals(cjk, s.sentences().get(0).text());
  }
}
