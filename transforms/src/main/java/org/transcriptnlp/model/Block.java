package org.transcriptnlp.model;

import java.io.Serializable;

/**
 * One paragraph of a transcript as a format reader found it.
 *
 * @param text the paragraph's text (for text formats it may still start with a speaker label)
 * @param speaker the speaker named by the format's structure (a WebVTT voice tag, a JSON "speaker"
 *     field), or null when only a label in the text can tell
 * @param startSeconds when the paragraph starts, where the source says so, else null
 * @param endSeconds when it ends, where the source says so, else null
 * @param speakerChange true when the source marks a change of speaker here without naming the new
 *     speaker (a caption cue starting with {@code >>} or {@code -}, an unnamed cue between named
 *     ones); only meaningful when {@code speaker} is null
 */
public record Block(
    String text, String speaker, Double startSeconds, Double endSeconds, boolean speakerChange)
    implements Serializable {

  public Block(String text, String speaker, Double startSeconds, Double endSeconds) {
    this(text, speaker, startSeconds, endSeconds, false);
  }

  public static Block text(String text) {
    return new Block(text, null, null, null, false);
  }

  public Block withText(String newText) {
    return new Block(newText, speaker, startSeconds, endSeconds, speakerChange);
  }
}
