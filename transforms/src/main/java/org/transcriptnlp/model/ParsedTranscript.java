package org.transcriptnlp.model;

import java.io.Serializable;
import java.util.List;

/**
 * The result of parsing one transcript.
 *
 * @param turns every speaker turn, in order
 * @param nonSpeech paragraphs that were kept out of every turn (titles, bylines, captions, notes)
 */
public record ParsedTranscript(List<Turn> turns, List<String> nonSpeech) implements Serializable {
  public ParsedTranscript {
    turns = List.copyOf(turns);
    nonSpeech = List.copyOf(nonSpeech);
  }
}
