package org.transcriptnlp.model;

import java.io.Serializable;

/** A question turn and the respondent turn that answers it. */
public record QaPair(int answerIndex, Turn question, Turn answer) implements Serializable {

  /** True when either side's speaker was inferred rather than labelled. */
  public boolean speakerInferred() {
    return question.inferred() || answer.inferred();
  }
}
