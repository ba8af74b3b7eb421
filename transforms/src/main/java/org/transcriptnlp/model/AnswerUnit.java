package org.transcriptnlp.model;

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
    implements Serializable {}
