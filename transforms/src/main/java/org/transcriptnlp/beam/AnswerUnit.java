package org.transcriptnlp.beam;

import java.io.Serializable;

/** One answer on its way through annotation. */
public record AnswerUnit(
    String answerId,
    String transcriptId,
    String sourcePath,
    int answerIndex,
    int questionTurnIndex,
    int answerTurnIndex,
    String questionSpeaker,
    String questionText,
    String answerSpeaker,
    String answerText,
    boolean speakerInferred)
    implements Serializable {

  /** The answer id: transcript id and the 0-based answer index, e.g. {@code 1f3a...-a0007}. */
  public static String answerId(String transcriptId, int answerIndex) {
    return String.format("%s-a%04d", transcriptId, answerIndex);
  }
}
