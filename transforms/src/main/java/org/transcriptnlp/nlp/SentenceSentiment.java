package org.transcriptnlp.nlp;

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
 * @param predicted the model's predicted class
 * @param probabilities p(class) for the five classes, very_negative first
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
    if (probabilities.size() != SentimentClass.values().length) {
      throw new IllegalArgumentException("expected 5 class probabilities, got " + probabilities.size());
    }
    probabilities = List.copyOf(probabilities);
  }

  /** Expected class value in [-2, 2]: sum of p(class) * value(class). */
  public double score() {
    double s = 0;
    for (int i = 0; i < probabilities.size(); i++) {
      s += probabilities.get(i) * SentimentClass.ofIndex(i).value();
    }
    return s;
  }
}
