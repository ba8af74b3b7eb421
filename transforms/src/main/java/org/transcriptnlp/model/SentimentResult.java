package org.transcriptnlp.model;

import java.io.Serializable;
import java.util.List;

/**
 * The sentence-level sentiment of one answer and its aggregate.
 *
 * @param tokensCut tokens over {@link InputBounds#maxTokenChars()}, which the tagger, parser and
 *     sentiment model saw cut to that length
 * @param runsBlanked runs over {@link InputBounds#maxRunChars()} chars without a space that the
 *     tokenizer saw only the ends of
 */
public record SentimentResult(List<SentenceSentiment> sentences, int tokensCut, int runsBlanked)
    implements Serializable {
  public SentimentResult {
    sentences = List.copyOf(sentences);
  }

  /** A result of a text that needed no bound. */
  public SentimentResult(List<SentenceSentiment> sentences) {
    this(sentences, 0, 0);
  }

  public int tokenCount() {
    return sentences.stream().mapToInt(SentenceSentiment::tokenCount).sum();
  }

  /**
   * The answer's score in [-2, 2]: the mean of its sentences' scores weighted by their token
   * counts, so a long sentence weighs more than "Yes." Sentences too long to parse are left out.
   * Null for an answer with no parsed sentence.
   */
  public Double score() {
    double weighted = 0;
    int tokens = 0;
    for (SentenceSentiment s : sentences) {
      if (!s.parsed()) {
        continue;
      }
      int w = Math.max(1, s.tokenCount());
      weighted += s.score() * w;
      tokens += w;
    }
    return tokens == 0 ? null : weighted / tokens;
  }

  /** The class nearest to {@link #score()}; null when there is no sentence. */
  public SentimentClass label() {
    Double score = score();
    return score == null ? null : SentimentClass.nearest(score);
  }

  /** Sentences per predicted class, very_negative first. */
  public int[] distribution() {
    int[] counts = new int[SentimentClass.values().length];
    for (SentenceSentiment s : sentences) {
      if (s.parsed()) {
        counts[s.predicted().ordinal()]++;
      }
    }
    return counts;
  }

  /** Sentences too long to parse, which have no sentiment. */
  public int unparsedCount() {
    return (int) sentences.stream().filter(s -> !s.parsed()).count();
  }
}
