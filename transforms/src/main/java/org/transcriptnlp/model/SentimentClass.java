package org.transcriptnlp.model;

/** CoreNLP's five sentiment classes, in the order of the model's output (0..4). */
public enum SentimentClass {
  VERY_NEGATIVE(-2),
  NEGATIVE(-1),
  NEUTRAL(0),
  POSITIVE(1),
  VERY_POSITIVE(2);

  private final int value;

  SentimentClass(int value) {
    this.value = value;
  }

  /** The class value, -2 (very negative) to 2 (very positive). */
  public int value() {
    return value;
  }

  /** The label written to the tables, e.g. {@code very_negative}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static SentimentClass ofIndex(int index) {
    return values()[index];
  }

  /**
   * The class whose value is nearest to a score in [-2, 2]: below -1.5 very_negative, below -0.5
   * negative, up to 0.5 neutral, up to 1.5 positive, above that very_positive.
   */
  public static SentimentClass nearest(double score) {
    if (score < -1.5) {
      return VERY_NEGATIVE;
    }
    if (score < -0.5) {
      return NEGATIVE;
    }
    if (score <= 0.5) {
      return NEUTRAL;
    }
    if (score <= 1.5) {
      return POSITIVE;
    }
    return VERY_POSITIVE;
  }
}
