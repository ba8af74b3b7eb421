package org.transcriptnlp.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns a file's bytes into text: a byte-order mark decides UTF-8 or UTF-16; otherwise strict UTF-8,
 * and windows-1252 when the bytes are not valid UTF-8 (the usual encoding of older Word/HTML pages).
 */
public final class TextDecoder {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /** Decoded text and the charset it was read with. */
  public record Decoded(String text, String charset) {}

  private TextDecoder() {}

  public static Decoded decode(byte[] bytes) throws UndecodableException {
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      return new Decoded(strict(bytes, 3, StandardCharsets.UTF_8), "UTF-8");
    }
    if (startsWith(bytes, 0xFE, 0xFF)) {
      return new Decoded(strict(bytes, 2, StandardCharsets.UTF_16BE), "UTF-16BE");
    }
    if (startsWith(bytes, 0xFF, 0xFE)) {
      return new Decoded(strict(bytes, 2, StandardCharsets.UTF_16LE), "UTF-16LE");
    }
    if (looksBinary(bytes)) {
      throw new UndecodableException(
          "binary_content", "the file holds NUL or other binary bytes; it is not a text transcript");
    }
    try {
      return new Decoded(strict(bytes, 0, StandardCharsets.UTF_8), "UTF-8");
    } catch (UndecodableException notUtf8) {
      return new Decoded(new String(bytes, WINDOWS_1252), "windows-1252");
    }
  }

  private static String strict(byte[] bytes, int offset, Charset charset)
      throws UndecodableException {
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
          .toString();
    } catch (CharacterCodingException e) {
      throw new UndecodableException(
          "invalid_encoding", "the bytes are not valid " + charset.name() + ": " + e.getMessage());
    }
  }

  /** NUL bytes or many control bytes in the first 8 KB mean this is not text. */
  static boolean looksBinary(byte[] bytes) {
    int n = Math.min(bytes.length, 8192);
    int control = 0;
    for (int i = 0; i < n; i++) {
      int b = bytes[i] & 0xFF;
      if (b == 0) {
        return true;
      }
      if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B)) {
        control++;
      }
    }
    return n > 0 && control * 10 > n;
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** The bytes cannot be read as text. */
  public static final class UndecodableException extends Exception {
    private final String reason;

    public UndecodableException(String reason, String detail) {
      super(detail);
      this.reason = reason;
    }

    public String reason() {
      return reason;
    }
  }
}
