package org.transcriptnlp.model;

import java.io.Serializable;
import java.util.List;

/**
 * One speaker turn: consecutive paragraphs by one speaker.
 *
 * @param index 0-based position in the transcript
 * @param speaker canonical speaker name
 * @param label the label as written, or null when the speaker was inferred
 * @param role questioner, respondent or other
 * @param paragraphs the spoken paragraphs, labels removed
 * @param inferred true when no label said who spoke
 */
public record Turn(
    int index, String speaker, String label, Role role, List<String> paragraphs, boolean inferred)
    implements Serializable {

  public Turn {
    paragraphs = List.copyOf(paragraphs);
  }

  /** The turn's text: its paragraphs separated by a blank line. */
  public String text() {
    return String.join("\n\n", paragraphs);
  }
}
