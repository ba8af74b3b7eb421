package org.transcriptnlp.formats;

import java.util.List;
import org.transcriptnlp.model.Block;
import org.transcriptnlp.parse.PlainTextSegmenter;
import org.transcriptnlp.parse.SpeakerLabels;

/**
 * Reads decoded text of any text format into paragraphs ({@link Block}s) for the turn parser: the
 * format is detected from the file name and content unless given. Files go through {@link
 * TranscriptFiles}, which also reads the document containers (DOCX, PDF) from their bytes.
 */
public final class TranscriptReader {
  private final Format forced;
  private final PlainTextSegmenter segmenter = new PlainTextSegmenter(new SpeakerLabels());

  /**
   * @param forced the format to assume, or null to detect it per file
   */
  public TranscriptReader(Format forced) {
    this.forced = forced;
  }

  /** What was read and as which format. */
  public record Read(Format format, List<Block> blocks) {}

  public Read read(String fileName, String text) {
    Format format = forced != null ? forced : Format.detect(fileName, text);
    List<Block> blocks =
        switch (format) {
          case TEXT -> text(text);
          case HTML -> text(HtmlText.of(text));
          case VTT, SRT -> new CaptionReader().read(text);
          case JSON -> new JsonReader().read(text);
          case XML -> new XmlReader().read(text);
          case CSV, TSV -> new CsvReader().read(text);
          case DOCX, PDF ->
              throw new FormatException(
                  "not_text",
                  "a "
                      + format.value()
                      + " document is read from its bytes (TranscriptFiles), not from text");
        };
    return new Read(format, blocks);
  }

  private List<Block> text(String text) {
    return segmenter.paragraphs(LineNumbered.strip(text)).stream().map(Block::text).toList();
  }
}
