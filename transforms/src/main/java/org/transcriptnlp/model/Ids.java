package org.transcriptnlp.model;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The ids that join the tables: a transcript's, from its bytes, and an answer's, from its place.
 */
public final class Ids {
  private Ids() {}

  /** First 16 hex digits of the SHA-256 of the bytes. */
  public static String transcriptId(byte[] bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** The answer id: transcript id and the 0-based answer index, e.g. {@code 1f3a...-a0007}. */
  public static String answerId(String transcriptId, int answerIndex) {
    return String.format("%s-a%04d", transcriptId, answerIndex);
  }
}
