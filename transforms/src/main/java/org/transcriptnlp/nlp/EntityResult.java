package org.transcriptnlp.nlp;

import java.io.Serializable;
import java.util.List;

/** The entity mentions of one answer, with its sentence and token counts. */
public record EntityResult(List<EntityMention> mentions, int sentenceCount, int tokenCount)
    implements Serializable {
  public EntityResult {
    mentions = List.copyOf(mentions);
  }
}
