package org.transcriptnlp.nlp;

/**
 * CoreNLP reports offsets in UTF-16 code units (Java chars); the tables count Unicode code points,
 * which is what DuckDB's and Spark's {@code substr} count. The two differ after any character
 * outside the Basic Multilingual Plane (emoji, some CJK).
 */
final class Offsets {
  private Offsets() {}

  static int toCodePoints(String text, int charOffset) {
    int clamped = Math.max(0, Math.min(charOffset, text.length()));
    return text.codePointCount(0, clamped);
  }
}
