package org.transcriptnlp.model;

import java.io.Serializable;
import java.util.List;

/**
 * The entity mentions of one answer, with its sentence and token counts.
 *
 * @param tokensCut tokens over {@link InputBounds#maxTokenChars()} that NER saw cut to that length
 * @param sentencesInWindows sentences over {@link InputBounds#nerMaxTokens()} that NER tagged in
 *     windows
 * @param runsBlanked runs over {@link InputBounds#maxRunChars()} chars without a space that the
 *     tokenizer saw only the ends of
 */
public record EntityResult(
    List<EntityMention> mentions,
    int sentenceCount,
    int tokenCount,
    int tokensCut,
    int sentencesInWindows,
    int runsBlanked)
    implements Serializable {
  public EntityResult {
    mentions = List.copyOf(mentions);
  }
}
