package org.transcriptnlp.model;

import java.io.Serializable;

/**
 * An input or element that could not be used, on its way to the {@code rejects} table.
 *
 * @param sourcePath the input file concerned
 * @param stage read | decode | parse | pair | annotate | write
 * @param reason short machine-readable code
 * @param detail human-readable explanation
 * @param elementId the failing element within the file (e.g. an answer_id), or null
 * @param inputExcerpt the start of the failing input, or null
 */
public record Failure(
    String sourcePath,
    String stage,
    String reason,
    String detail,
    String elementId,
    String inputExcerpt)
    implements Serializable {

  private static final int EXCERPT = 500;

  public static Failure of(String sourcePath, String stage, String reason, String detail) {
    return new Failure(sourcePath, stage, reason, detail, null, null);
  }

  /** A failure caused by an exception: its class and message become the detail. */
  public static Failure of(
      String sourcePath,
      String stage,
      String reason,
      Throwable error,
      String elementId,
      String input) {
    String detail =
        error.getClass().getSimpleName()
            + (error.getMessage() == null ? "" : ": " + error.getMessage());
    return new Failure(sourcePath, stage, reason, detail, elementId, excerpt(input));
  }

  public static String excerpt(String input) {
    if (input == null) {
      return null;
    }
    return input.length() <= EXCERPT ? input : input.substring(0, EXCERPT);
  }
}
