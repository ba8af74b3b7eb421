package org.transcriptnlp.nlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.transcriptnlp.model.SentenceSentiment;
import org.transcriptnlp.model.SentimentClass;
import org.transcriptnlp.model.SentimentResult;

class SentimentAggregateTest {
  private static SentenceSentiment sentence(int tokens, SentimentClass predicted, Double... p) {
    return new SentenceSentiment(0, "s", 0, 1, tokens, predicted, List.of(p));
  }

  @Test
  void sentenceScoreIsTheExpectedClassValue() {
    assertEquals(
        -2.0, sentence(1, SentimentClass.VERY_NEGATIVE, 1.0, 0.0, 0.0, 0.0, 0.0).score(), 1e-12);
    assertEquals(0.5, sentence(1, SentimentClass.NEUTRAL, 0.0, 0.0, 0.5, 0.5, 0.0).score(), 1e-12);
    assertEquals(-0.2, sentence(1, SentimentClass.NEUTRAL, 0.1, 0.3, 0.4, 0.1, 0.1).score(), 1e-12);
  }

  @Test
  void answerScoreIsTokenWeighted() {
    SentimentResult r =
        new SentimentResult(
            List.of(
                sentence(30, SentimentClass.VERY_POSITIVE, 0.0, 0.0, 0.0, 0.0, 1.0),
                sentence(10, SentimentClass.NEGATIVE, 0.0, 1.0, 0.0, 0.0, 0.0)));
    assertEquals((30 * 2.0 + 10 * -1.0) / 40, r.score(), 1e-12);
    assertEquals(SentimentClass.POSITIVE, r.label());
    assertArrayEquals(new int[] {0, 1, 0, 0, 1}, r.distribution());
    assertEquals(40, r.tokenCount());
  }

  @Test
  void noSentenceMeansNoScore() {
    SentimentResult r = new SentimentResult(List.of());
    assertNull(r.score());
    assertNull(r.label());
  }

  @ParameterizedTest
  @CsvSource({
    "-2.0,very_negative", "-1.51,very_negative", "-1.5,negative", "-0.51,negative", "-0.5,neutral",
    "0.5,neutral", "0.51,positive", "1.5,positive", "1.51,very_positive", "2.0,very_positive"
  })
  void labelOfAScore(double score, String label) {
    assertEquals(label, SentimentClass.nearest(score).label());
  }

  @Test
  void fiveProbabilitiesRequired() {
    assertThrows(IllegalArgumentException.class, () -> sentence(1, SentimentClass.NEUTRAL, 1.0));
  }
}
