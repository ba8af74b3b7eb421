package org.transcriptnlp.nlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bounds on tokens and sentences, on the job's own tokenizer (no tagger or NER model loaded).
 */
class InputBoundsTest {

  private static List<CoreMap> split(String text) {
    Annotation doc = new Annotation(text);
    CoreNlpHolder.get(AnnotatorSettings.defaults().splitProperties()).annotate(doc);
    return doc.get(CoreAnnotations.SentencesAnnotation.class);
  }

  private static List<CoreLabel> tokens(CoreMap sentence) {
    return sentence.get(CoreAnnotations.TokensAnnotation.class);
  }

  private static List<String> words(CoreMap sentence) {
    return tokens(sentence).stream().map(CoreLabel::word).toList();
  }

  @Test
  void aLongTokenIsCutToItsFirstCharsAndKeepsItsOffsets() {
    String token = "x".repeat(99_999);
    String text = "Angela Merkel said " + token + " twice.";
    List<CoreMap> sentences = split(text);
    assertEquals(List.of("Angela", "Merkel", "said", token, "twice", "."), words(sentences.get(0)));
    assertEquals(1, InputBounds.DEFAULT.cutLongTokens(sentences));
    CoreLabel cut = tokens(sentences.get(0)).get(3);
    assertEquals("x".repeat(100), cut.word());
    assertEquals("x".repeat(100), cut.originalText());
    assertEquals("x".repeat(100), cut.value());
    assertEquals(19, cut.beginPosition());
    assertEquals(19 + 99_999, cut.endPosition());
    assertEquals(
        List.of("Angela", "Merkel", "said", "x".repeat(100), "twice", "."),
        words(sentences.get(0)));
    // The sentence is still the whole of it, in the text and in its offsets.
    assertEquals(text, sentences.get(0).get(CoreAnnotations.TextAnnotation.class));
    assertEquals(
        text.length(),
        (int) sentences.get(0).get(CoreAnnotations.CharacterOffsetEndAnnotation.class));
    // Cutting again changes nothing.
    assertEquals(0, InputBounds.DEFAULT.cutLongTokens(sentences));
  }

  @Test
  void tokensAtTheLimitAreNotCutAndACutNeverSplitsASurrogatePair() {
    InputBounds b = new InputBounds(5, 100, 1000);
    List<CoreMap> sentences = split("abcde abcdef");
    assertEquals(1, b.cutLongTokens(sentences));
    assertEquals(List.of("abcde", "abcde"), words(sentences.get(0)));
    // "ab" and then an emoji (two chars): the fifth char would be half of the second emoji.
    assertEquals("ab\uD83D\uDE00", b.cut("ab\uD83D\uDE00\uD83D\uDE00"));
    assertEquals("abc\uD83D\uDE00", b.cut("abc\uD83D\uDE00\uD83D\uDE00"));
    assertEquals("abcd", b.cut("abcd"));
    // A run of CJK without spaces is one token, cut like any other.
    List<CoreMap> cjk = split("中文".repeat(20_000) + "。");
    assertEquals(1, InputBounds.DEFAULT.cutLongTokens(cjk));
    assertEquals("中文".repeat(50), tokens(cjk.get(0)).get(0).word());
  }

  @Test
  void shortSentencesAreTheirOwnWindow() {
    // Four tokens and five: neither over the bound of five.
    List<CoreMap> sentences = split("One two three. Four five six seven.");
    InputBounds.Windows w = new InputBounds(100, 5, 1000).nerWindows(sentences);
    assertEquals(2, w.windows().size());
    assertSame(sentences.get(0), w.windows().get(0));
    assertSame(sentences.get(1), w.windows().get(1));
    assertArrayEquals(new int[] {0, 1}, w.sentenceOf());
    assertEquals(0, w.split());
  }

  @Test
  void aLongSentenceIsCutAfterPunctuationElseBetweenLowerCaseWordsElseAtTheBound() {
    String text =
        "Yes. We met Angela Merkel , Barack Obama and the others. "
            + "We said that the people of Paris like Angela Merkel. "
            + "Angela Merkel Barack Obama Emmanuel Macron Olaf Scholz.";
    List<CoreMap> sentences = split(text);
    assertEquals(4, sentences.size());
    // Windows of at most 6 tokens, cut in their second half (after token 4) where possible.
    InputBounds.Windows w = new InputBounds(100, 6, 1000).nerWindows(sentences);
    assertEquals(
        List.of(
            List.of("Yes", "."),
            List.of("We", "met", "Angela", "Merkel", ","),
            List.of("Barack", "Obama", "and", "the", "others", "."),
            List.of("We", "said", "that", "the", "people"),
            List.of("of", "Paris", "like", "Angela", "Merkel", "."),
            List.of("Angela", "Merkel", "Barack", "Obama", "Emmanuel", "Macron"),
            List.of("Olaf", "Scholz", ".")),
        w.windows().stream().map(InputBoundsTest::words).toList());
    assertArrayEquals(new int[] {0, 1, 1, 2, 2, 3, 3}, w.sentenceOf());
    assertEquals(3, w.split());
    // Every window holds its own offsets, text, token range and the index of its sentence.
    for (int i = 0; i < w.windows().size(); i++) {
      CoreMap window = w.windows().get(i);
      CoreMap sentence = sentences.get(w.sentenceOf()[i]);
      List<CoreLabel> tokens = tokens(window);
      int begin = window.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
      int end = window.get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
      assertEquals(tokens.get(0).beginPosition(), begin);
      assertEquals(tokens.get(tokens.size() - 1).endPosition(), end);
      assertEquals(text.substring(begin, end), window.get(CoreAnnotations.TextAnnotation.class));
      int first = tokens(sentence).indexOf(tokens.get(0));
      assertEquals(tokens(sentence).subList(first, first + tokens.size()), tokens);
      assertEquals(
          sentence.get(CoreAnnotations.TokenBeginAnnotation.class) + first,
          (int) window.get(CoreAnnotations.TokenBeginAnnotation.class));
      assertEquals(
          sentence.get(CoreAnnotations.TokenBeginAnnotation.class) + first + tokens.size(),
          (int) window.get(CoreAnnotations.TokenEndAnnotation.class));
      assertEquals(
          w.sentenceOf()[i], (int) window.get(CoreAnnotations.SentenceIndexAnnotation.class));
    }
    // Together the windows hold every token once, in order.
    List<CoreLabel> all = new ArrayList<>();
    sentences.forEach(s -> all.addAll(tokens(s)));
    List<CoreLabel> windowed = new ArrayList<>();
    w.windows().forEach(s -> windowed.addAll(tokens(s)));
    assertEquals(all, windowed);
  }

  @Test
  void aLongRunWithoutASpaceReachesTheTokenizerAsItsEndsAtTheSameOffsets() {
    InputBounds b = new InputBounds(100, 250, 10);
    assertEquals(
        new InputBounds.ForTokenizer("abc 0123456789 x", 0), b.forTokenizer("abc 0123456789 x"));
    assertEquals(
        new InputBounds.ForTokenizer("abc 01234 6789A x", 1), b.forTokenizer("abc 0123456789A x"));
    assertEquals(
        new InputBounds.ForTokenizer(
            "01234" + " ".repeat(15) + "KLMNO\n\nab 01234" + " ".repeat(6) + "BCDEF", 2),
        b.forTokenizer("0123456789ABCDEFGHIJKLMNO\n\nab 0123456789ABCDEF"));
    // No-break, thin, ideographic and zero-width spaces end a run, as they end a token.
    String spaced = "aaaa\u00A0bbbb\u2009cccc\u3000dddd\u200Beeee\uFEFFffff\u180Egggg\u202Fhhhh";
    assertEquals(new InputBounds.ForTokenizer(spaced, 0), b.forTokenizer(spaced));
    assertEquals(
        8, tokens(split(spaced).get(0)).size(), "the tokenizer splits on each of them too");
    // Zero-width joiners join: a run, as for the tokenizer.
    assertEquals(
        new InputBounds.ForTokenizer("aaaa\u200D    \u200Dbbbb", 1),
        b.forTokenizer("aaaa\u200Dbbbb\u200Dbbbb"));
    // An emoji is two chars: neither end keeps half of one.
    String smile = "\uD83D\uDE00";
    assertEquals(
        new InputBounds.ForTokenizer(smile.repeat(3) + "    " + smile.repeat(3), 1),
        b.forTokenizer(smile.repeat(8)));
    assertEquals(
        new InputBounds.ForTokenizer("a" + smile.repeat(2) + "  " + smile.repeat(3), 1),
        b.forTokenizer("a" + smile.repeat(6)));
    // Six emoji are 12 chars, but no whole one lies between the two ends: nothing to blank.
    assertEquals(new InputBounds.ForTokenizer(smile.repeat(6), 0), b.forTokenizer(smile.repeat(6)));
    // The job's bound: 100,000 quotes are 100,000 tokens to the tokenizer (minutes), now 1,000.
    String quotes = "He said " + "\"".repeat(100_000) + " twice.";
    List<CoreMap> sentences = split(InputBounds.DEFAULT.forTokenizer(quotes).text());
    int tokens = sentences.stream().mapToInt(s -> tokens(s).size()).sum();
    assertEquals(2 + 1_000 + 2, tokens);
  }

  @Test
  void boundsBelowTheirMinimumAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new InputBounds(1, 100, 1000));
    assertThrows(IllegalArgumentException.class, () -> new InputBounds(100, 1, 1000));
    assertThrows(IllegalArgumentException.class, () -> new InputBounds(100, 100, 3));
  }
}
