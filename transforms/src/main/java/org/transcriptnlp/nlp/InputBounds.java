package org.transcriptnlp.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.util.ArrayCoreMap;
import edu.stanford.nlp.util.CoreMap;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How much of a text CoreNLP sees at most, per run of characters, per token and per sentence, so
 * that no answer under {@code --maxAnswerChars} can exhaust the heap or hold the tokenizer for
 * minutes. The text is tokenized and split into sentences (linear in its length once runs are
 * bounded); the token and sentence bounds then apply before the costly annotators run.
 *
 * <p>Every bound keeps the characters' offsets: the tokenizer gets a text of the same length, and a
 * cut token keeps the offsets of the whole token, so sentence and mention spans (and the text they
 * are taken from) are those of the original text.
 *
 * @param maxTokenChars a token longer than this many chars is given to the tagger, parser and NER
 *     as its first {@code maxTokenChars} chars (never half a surrogate pair). The 4-class NER model
 *     makes a feature of every prefix and every suffix of a word, so its features grow with the
 *     square of the word's length: one 99,999-char token needs about 10 GB.
 * @param nerMaxTokens a sentence longer than this many tokens is tagged for entities in consecutive
 *     windows of at most this many tokens, cut after punctuation or between lower-case words where
 *     the window's second half has one. The tagger's and NER's working sets grow with the sentence
 *     (the tagger ran out of 3 GB on a sentence of 30,000 emoji); a 100,000-char answer without a
 *     full stop is one sentence of some 20,000 tokens. Sentiment has its own bound ({@code
 *     parseMaxLength}).
 * @param maxRunChars a run of more than this many chars without a space is seen by the tokenizer as
 *     its first and last {@code maxRunChars / 2} chars, the middle blanked. CoreNLP's tokenizer
 *     takes time in the square of such a run's length when it holds many tokens (emoji, "a,a,a",
 *     quotes): 30 s for 20,000 chars of quotes, and it does not stop when interrupted.
 */
public record InputBounds(int maxTokenChars, int nerMaxTokens, int maxRunChars)
    implements Serializable {

  /**
   * The job's bounds: tokens longer than real words and most URLs, windows longer than nearly every
   * spoken sentence, runs longer than any URL.
   */
  public static final InputBounds DEFAULT = new InputBounds(100, 250, 1000);

  public InputBounds {
    if (maxTokenChars < 2) {
      throw new IllegalArgumentException("maxTokenChars must be at least 2, got " + maxTokenChars);
    }
    if (nerMaxTokens < 2) {
      throw new IllegalArgumentException("nerMaxTokens must be at least 2, got " + nerMaxTokens);
    }
    if (maxRunChars < 4) {
      throw new IllegalArgumentException("maxRunChars must be at least 4, got " + maxRunChars);
    }
  }

  /**
   * The text as the tokenizer is to see it: the same length, each run of more than {@link
   * #maxRunChars} chars without a space blanked (spaces) but for its first and last {@code
   * maxRunChars / 2} chars (never half a surrogate pair).
   *
   * @param runsBlanked the runs whose middle was blanked
   */
  public record ForTokenizer(String text, int runsBlanked) {}

  public ForTokenizer forTokenizer(String text) {
    char[] chars = null;
    int runs = 0;
    int keep = maxRunChars / 2;
    int n = text.length();
    for (int i = 0; i < n; ) {
      if (space(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < n && !space(text.charAt(i))) {
        i++;
      }
      if (i - start > maxRunChars) {
        int from = start + keep;
        if (Character.isLowSurrogate(text.charAt(from))) {
          from++;
        }
        int to = i - keep;
        if (Character.isLowSurrogate(text.charAt(to))) {
          to--;
        }
        if (from < to) {
          if (chars == null) {
            chars = text.toCharArray();
          }
          Arrays.fill(chars, from, to, ' ');
          runs++;
        }
      }
    }
    return new ForTokenizer(chars == null ? text : new String(chars), runs);
  }

  /**
   * A char that ends a run, as it ends a token for CoreNLP's tokenizer (tried one by one):
   * whitespace, Unicode space separators (no-break, thin, ideographic, ...), the Mongolian vowel
   * separator, zero-width space and zero-width no-break space. Missing one would blank text that
   * the tokenizer reads as short tokens separated by it.
   */
  static boolean space(char c) {
    return Character.isWhitespace(c)
        || Character.isSpaceChar(c)
        || c == '\u180E'
        || c == '\u200B'
        || c == '\uFEFF';
  }

  /**
   * Cuts the word, value and original text of every token longer than {@link #maxTokenChars} to
   * that many chars; its offsets stay those of the whole token.
   *
   * @return the number of tokens cut
   */
  public int cutLongTokens(List<CoreMap> sentences) {
    int cut = 0;
    for (CoreMap sentence : sentences) {
      for (CoreLabel token : sentence.get(CoreAnnotations.TokensAnnotation.class)) {
        if (longer(token.word()) || longer(token.originalText()) || longer(token.value())) {
          token.setWord(cut(token.word()));
          token.setOriginalText(cut(token.originalText()));
          token.setValue(cut(token.value()));
          cut++;
        }
      }
    }
    return cut;
  }

  private boolean longer(String s) {
    return s != null && s.length() > maxTokenChars;
  }

  /** The first {@link #maxTokenChars} chars of s, one fewer rather than half a surrogate pair. */
  String cut(String s) {
    if (!longer(s)) {
      return s;
    }
    int end = maxTokenChars;
    if (Character.isHighSurrogate(s.charAt(end - 1)) && Character.isLowSurrogate(s.charAt(end))) {
      end--;
    }
    return s.substring(0, end);
  }

  /** Sentences as NER is to see them: the short ones themselves, the long ones in windows. */
  public Windows nerWindows(List<CoreMap> sentences) {
    List<CoreMap> windows = new ArrayList<>(sentences.size());
    List<Integer> sentenceOf = new ArrayList<>(sentences.size());
    int split = 0;
    for (int index = 0; index < sentences.size(); index++) {
      CoreMap sentence = sentences.get(index);
      List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
      if (tokens.size() <= nerMaxTokens) {
        windows.add(sentence);
        sentenceOf.add(index);
        continue;
      }
      split++;
      for (int start = 0; start < tokens.size(); ) {
        int end = windowEnd(tokens, start);
        windows.add(window(sentence, tokens, start, end));
        sentenceOf.add(index);
        start = end;
      }
    }
    return new Windows(windows, sentenceOf.stream().mapToInt(Integer::intValue).toArray(), split);
  }

  /**
   * The windows NER tags and, for each, the index of the sentence it belongs to (CoreNLP numbers
   * the mentions it finds by window).
   *
   * @param split sentences over the bound, tagged in more than one window
   */
  public record Windows(List<CoreMap> windows, int[] sentenceOf, int split) {}

  /**
   * Where the window that starts at {@code start} ends (exclusive): at most {@link #nerMaxTokens}
   * tokens on, after the last punctuation token of the window's second half, else between the last
   * two lower-case words there (where a name, a number or a date is least likely to be cut in two),
   * else at the bound.
   */
  int windowEnd(List<CoreLabel> tokens, int start) {
    int limit = start + nerMaxTokens;
    if (limit >= tokens.size()) {
      return tokens.size();
    }
    int earliest = start + nerMaxTokens / 2 + 1;
    for (int end = limit; end >= earliest; end--) {
      if (punctuation(tokens.get(end - 1).word())) {
        return end;
      }
    }
    for (int end = limit; end >= earliest; end--) {
      if (lowerCaseWord(tokens.get(end - 1).word()) && lowerCaseWord(tokens.get(end).word())) {
        return end;
      }
    }
    return limit;
  }

  private static boolean punctuation(String word) {
    return word.codePoints().noneMatch(Character::isLetterOrDigit);
  }

  private static boolean lowerCaseWord(String word) {
    return word.codePoints().anyMatch(Character::isLetter)
        && word.codePoints()
            .noneMatch(
                c -> Character.isUpperCase(c) || Character.isTitleCase(c) || Character.isDigit(c));
  }

  /**
   * Tokens [start, end) of the sentence as a sentence of their own, with its offsets in the text.
   */
  private static CoreMap window(CoreMap sentence, List<CoreLabel> tokens, int start, int end) {
    List<CoreLabel> part = new ArrayList<>(tokens.subList(start, end));
    int sentenceBegin = sentence.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
    int begin = part.get(0).beginPosition();
    int last = part.get(part.size() - 1).endPosition();
    CoreMap w = new ArrayCoreMap();
    String text = sentence.get(CoreAnnotations.TextAnnotation.class);
    if (text != null) {
      w.set(
          CoreAnnotations.TextAnnotation.class,
          text.substring(begin - sentenceBegin, last - sentenceBegin));
    }
    w.set(CoreAnnotations.CharacterOffsetBeginAnnotation.class, begin);
    w.set(CoreAnnotations.CharacterOffsetEndAnnotation.class, last);
    w.set(CoreAnnotations.TokensAnnotation.class, part);
    Integer tokenBegin = sentence.get(CoreAnnotations.TokenBeginAnnotation.class);
    if (tokenBegin != null) {
      w.set(CoreAnnotations.TokenBeginAnnotation.class, tokenBegin + start);
      w.set(CoreAnnotations.TokenEndAnnotation.class, tokenBegin + end);
    }
    w.set(
        CoreAnnotations.SentenceIndexAnnotation.class,
        sentence.get(CoreAnnotations.SentenceIndexAnnotation.class));
    return w;
  }
}
