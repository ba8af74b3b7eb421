package org.transcriptnlp.formats;

/**
 * A file cannot be read as the format it was detected (or forced) as: truncated JSON, JSON of no
 * known shape, captions without a timing line, malformed XML, a corrupt document, a PDF without a
 * text layer. {@link #reason()} is the rejects table's code; the message says what was found.
 */
public class FormatException extends IllegalArgumentException {
  private final String reason;

  public FormatException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  public FormatException(String reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
