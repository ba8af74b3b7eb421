package org.transcriptnlp.model;

import java.io.Serializable;
import java.util.List;

/**
 * The result of parsing one transcript.
 *
 * @param turns every speaker turn, in order
 * @param nonSpeech paragraphs that were kept out of every turn (titles, bylines, captions, notes)
 * @param attribution how speakers were found: the label styles recognised, for {@code --explain}
 */
public record ParsedTranscript(List<Turn> turns, List<String> nonSpeech, String attribution)
    implements Serializable {
  public ParsedTranscript {
    turns = List.copyOf(turns);
    nonSpeech = List.copyOf(nonSpeech);
    attribution = attribution == null ? "" : attribution;
  }

  public ParsedTranscript(List<Turn> turns, List<String> nonSpeech) {
    this(turns, nonSpeech, "");
  }
}
