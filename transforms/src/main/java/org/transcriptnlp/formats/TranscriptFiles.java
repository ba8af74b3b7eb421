package org.transcriptnlp.formats;

import java.util.List;
import org.transcriptnlp.model.Block;
import org.transcriptnlp.parse.TextDecoder;

/**
 * The one way from a file's bytes to its paragraphs, used by the job's read step, {@code --explain}
 * and the bench alike: a Word document or a PDF is read from its bytes (its container); anything
 * else is decoded to text ({@link TextDecoder}) and read in its format ({@link TranscriptReader}).
 * The format is detected per file (container by content, then extension, then the text's content)
 * unless it is forced.
 */
public final class TranscriptFiles {
  private static final int EXCERPT = 500;

  private TranscriptFiles() {}

  /**
   * What was read.
   *
   * @param format the format the file was read as
   * @param source the charset the text was decoded from, or the container ({@code docx}, {@code
   *     pdf})
   * @param blocks the paragraphs, in reading order
   * @param replaced invalid byte sequences read as U+FFFD (damaged UTF-8)
   * @param controlsRemoved control characters and escape sequences removed while decoding
   */
  public record Read(
      Format format, String source, List<Block> blocks, int replaced, int controlsRemoved) {
    /** As the text readers give it (format and blocks). */
    public TranscriptReader.Read asRead() {
      return new TranscriptReader.Read(format, blocks);
    }
  }

  /** The file cannot be read; {@code stage} and {@code reason} are the rejects table's. */
  public static final class Refused extends Exception {
    private final String stage;
    private final String reason;
    private final String excerpt;

    public Refused(String stage, String reason, String detail) {
      this(stage, reason, detail, null);
    }

    public Refused(String stage, String reason, String detail, String excerpt) {
      super(detail);
      this.stage = stage;
      this.reason = reason;
      this.excerpt = excerpt;
    }

    /** The start of the text that could not be read, where there was text; else null. */
    public String excerpt() {
      return excerpt;
    }

    public String stage() {
      return stage;
    }

    public String reason() {
      return reason;
    }
  }

  /**
   * Reads one file.
   *
   * @param fileName the file's name (its extension helps detection; a trailing {@code .gz} is
   *     ignored)
   * @param bytes the file's bytes (already inflated when it was gzipped)
   * @param forced the format to assume, or null to detect it
   * @throws Refused with stage {@code decode} when the bytes are not text, {@code parse} when they
   *     are not the format (reason from {@link FormatException}), or {@code parse}/{@code
   *     parser_error} when a reader fails unexpectedly
   */
  public static Read read(String fileName, byte[] bytes, Format forced) throws Refused {
    Format container =
        forced != null ? (forced.binary() ? forced : null) : Format.container(fileName, bytes);
    try {
      if (container == Format.DOCX) {
        return new Read(Format.DOCX, "docx", DocxReader.read(bytes), 0, 0);
      }
      if (container == Format.PDF) {
        return new Read(Format.PDF, "pdf", PdfReader.read(bytes), 0, 0);
      }
    } catch (FormatException e) {
      throw new Refused("parse", e.reason(), e.getMessage());
    } catch (RuntimeException | StackOverflowError e) {
      throw unexpected(container, e, null);
    }
    TextDecoder.Decoded decoded;
    try {
      decoded = TextDecoder.decode(bytes);
    } catch (TextDecoder.UndecodableException e) {
      throw new Refused("decode", e.reason(), e.getMessage());
    }
    if (decoded.text().isBlank()) {
      throw new Refused("parse", "no_text", "the file holds only whitespace");
    }
    TranscriptReader.Read read;
    Format attempted = forced;
    try {
      try {
        read = new TranscriptReader(forced).read(fileName, decoded.text());
      } catch (FormatException e) {
        Format tried = forced != null ? forced : Format.detect(fileName, decoded.text());
        if (forced != null
            || !(tried == Format.CSV || tried == Format.TSV)
            || !"unknown_table_shape".equals(e.reason())) {
          throw e;
        }
        // Not a table after all (a database export with the transcript in one cell, prose named
        // .csv): a readable file is not lost for its name; read as text, it may still have
        // speakers.
        attempted = Format.TEXT;
        read = new TranscriptReader(Format.TEXT).read(fileName, decoded.text());
      }
    } catch (FormatException e) {
      throw new Refused("parse", e.reason(), e.getMessage());
    } catch (RuntimeException | StackOverflowError e) {
      String text = decoded.text();
      throw unexpected(
          attempted != null ? attempted : Format.detect(fileName, text),
          e,
          text.length() <= EXCERPT ? text : text.substring(0, EXCERPT));
    }
    return new Read(
        read.format(),
        decoded.charset(),
        read.blocks(),
        decoded.replaced(),
        decoded.controlsRemoved());
  }

  private static Refused unexpected(Format format, Throwable e, String excerpt) {
    return new Refused(
        "parse",
        "parser_error",
        "reading it as "
            + (format == null ? "text" : format.value())
            + " failed: "
            + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage()),
        excerpt);
  }
}
