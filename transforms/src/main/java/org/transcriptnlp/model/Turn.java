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
 * @param paragraphs the spoken paragraphs, labels and stage directions removed
 * @param inferred true when no label said who spoke
 * @param attribution why this speaker: {@code label}, {@code alias}, {@code format} (named by the
 *     file's structure: a WebVTT voice, a JSON field) or {@code inferred: <evidence>}
 * @param startSeconds when the turn starts, where the source says so, else null
 * @param endSeconds when it ends, where the source says so, else null
 * @param stageDirections stage directions taken out of the turn's text, in order
 */
public record Turn(
    int index,
    String speaker,
    String label,
    Role role,
    List<String> paragraphs,
    boolean inferred,
    String attribution,
    Double startSeconds,
    Double endSeconds,
    List<String> stageDirections)
    implements Serializable {

  public Turn {
    paragraphs = List.copyOf(paragraphs);
    stageDirections = List.copyOf(stageDirections);
  }

  /** A turn without timing or stage directions (tests, simple sources). */
  public Turn(
      int index,
      String speaker,
      String label,
      Role role,
      List<String> paragraphs,
      boolean inferred) {
    this(
        index,
        speaker,
        label,
        role,
        paragraphs,
        inferred,
        inferred ? "inferred" : "label",
        null,
        null,
        List.of());
  }

  /** The turn's text: its paragraphs separated by a blank line. */
  public String text() {
    return String.join("\n\n", paragraphs);
  }
}
