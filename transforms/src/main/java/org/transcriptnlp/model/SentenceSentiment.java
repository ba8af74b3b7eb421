package org.transcriptnlp.model;

import java.io.Serializable;
import java.util.List;

/**
 * The sentiment of one sentence.
 *
 * @param index 0-based sentence index in the text
 * @param text the sentence as written
 * @param charBegin code-point offset of its first character in the text
 * @param charEnd code-point offset one past its last character
 * @param tokenCount CoreNLP tokens in the sentence
 * @param predicted the model's predicted class; null when the sentence was too long to parse
 * @param probabilities p(class) for the five classes, very_negative first; null when not parsed
 */
public record SentenceSentiment(
    int index,
    String text,
    int charBegin,
    int charEnd,
    int tokenCount,
    SentimentClass predicted,
    List<Double> probabilities)
    implements Serializable {

  public SentenceSentiment {
    if ((predicted == null) != (probabilities == null)) {
      throw new IllegalArgumentException(
          "a class without probabilities, or probabilities without a class");
    }
    if (probabilities != null && probabilities.size() != SentimentClass.values().length) {
      throw new IllegalArgumentException(
          "expected 5 class probabilities, got " + probabilities.size());
    }
    probabilities = probabilities == null ? null : List.copyOf(probabilities);
  }

  /** A sentence over the parse length limit: no sentiment. */
  public static SentenceSentiment unparsed(
      int index, String text, int charBegin, int charEnd, int tokenCount) {
    return new SentenceSentiment(index, text, charBegin, charEnd, tokenCount, null, null);
  }

  /** False for a sentence too long to parse, which has no sentiment. */
  public boolean parsed() {
    return predicted != null;
  }

  /** Expected class value in [-2, 2]: sum of p(class) * value(class); null when not parsed. */
  public Double score() {
    if (!parsed()) {
      return null;
    }
    double s = 0;
    for (int i = 0; i < probabilities.size(); i++) {
      s += probabilities.get(i) * SentimentClass.ofIndex(i).value();
    }
    return s;
  }
}
