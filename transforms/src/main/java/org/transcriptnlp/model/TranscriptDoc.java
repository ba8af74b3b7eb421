package org.transcriptnlp.model;

import java.io.Serializable;
import java.util.List;

/**
 * A transcript file read in its format (by the format readers): its paragraphs, not its bytes, so
 * what travels between steps is about the size of its text.
 *
 * @param sourcePath the file, as matched
 * @param transcriptId first 16 hex digits of the SHA-256 of the file's bytes
 * @param format the format it was read as ({@code text}, {@code html}, ..., {@code docx}, {@code
 *     pdf})
 * @param source the charset the text was decoded from, or the container ({@code docx}, {@code pdf})
 * @param blocks the paragraphs, in reading order (empty once the turns are parsed)
 */
public record TranscriptDoc(
    String sourcePath, String transcriptId, String format, String source, List<Block> blocks)
    implements Serializable {

  /** The same file without its paragraphs: what the steps after parsing need. */
  public TranscriptDoc withoutBlocks() {
    return new TranscriptDoc(sourcePath, transcriptId, format, source, List.of());
  }

  /** The paragraphs' text, one blank line between them (speakers named by the format first). */
  public String text() {
    StringBuilder sb = new StringBuilder();
    for (Block b : blocks) {
      if (sb.length() > 0) {
        sb.append("\n\n");
      }
      if (b.speaker() != null) {
        sb.append(b.speaker()).append(": ");
      }
      sb.append(b.text());
    }
    return sb.toString();
  }
}
