package org.transcriptnlp.parse;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Turns a file's bytes into text, in this order:
 *
 * <ol>
 *   <li>a byte-order mark decides UTF-8 or UTF-16;
 *   <li>the magic number of a known binary format (PNG, JPEG, GIF, PDF, ZIP/Office, gzip, ELF, Java
 *       class) refuses the file;
 *   <li>UTF-16 without a byte-order mark is told by its NUL high bytes on every other byte;
 *   <li>more than 10% control bytes in the first 8 KB refuses the file; a few (NUL, BEL...) are
 *       removed below;
 *   <li>valid UTF-8 is UTF-8;
 *   <li>UTF-8 with a few invalid bytes among valid multi-byte characters (a damaged UTF-8 file) is
 *       UTF-8 with U+FFFD for each bad sequence, counted in {@link Decoded#replaced()};
 *   <li>otherwise ICU's {@link CharsetDetector} picks among the single-byte charsets of Latin and
 *       Cyrillic text (windows-1252, -1250, -1251, -1254, KOI8-R, ISO-8859-*); windows-1252 when
 *       it is unsure.
 * </ol>
 *
 * <p>Then control characters are removed: C0 controls other than tab, line feed, vertical tab,
 * form feed and carriage return (NUL, BEL, ...), DEL, C1 controls and ANSI escape sequences such as
 * {@code ESC[31m}. Vertical tab and form feed are kept: the segmenter treats them as line breaks.
 * The count is in {@link Decoded#controlsRemoved()}.
 */
public final class TextDecoder {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /** Charsets the detector may choose, and the Java charset each is read with. */
  private static final Map<String, String> DETECTABLE =
      Map.ofEntries(
          Map.entry("ISO-8859-1", "windows-1252"), // a superset: the same letters, plus curly quotes
          Map.entry("windows-1252", "windows-1252"),
          Map.entry("ISO-8859-2", "ISO-8859-2"),
          Map.entry("windows-1250", "windows-1250"),
          Map.entry("windows-1251", "windows-1251"),
          Map.entry("KOI8-R", "KOI8-R"),
          Map.entry("ISO-8859-5", "ISO-8859-5"),
          Map.entry("ISO-8859-9", "windows-1254"),
          Map.entry("windows-1254", "windows-1254"));

  /** Confidence (0-100) below which the detector's choice is not taken. */
  private static final int MIN_CONFIDENCE = 20;

  /** How far ahead of windows-1252 another charset must be to be chosen. */
  private static final int MARGIN = 10;

  private static final List<Magic> MAGIC =
      List.of(
          new Magic("a PNG image", 0x89, 'P', 'N', 'G'),
          new Magic("a JPEG image", 0xFF, 0xD8, 0xFF),
          new Magic("a GIF image", 'G', 'I', 'F', '8'),
          new Magic("a PDF document", '%', 'P', 'D', 'F', '-'),
          new Magic("a ZIP archive (or a .docx/.xlsx/.odt document)", 'P', 'K', 0x03, 0x04),
          new Magic("gzip data (name the file .gz to have it inflated)", 0x1F, 0x8B),
          new Magic("an ELF executable", 0x7F, 'E', 'L', 'F'),
          new Magic("a Java class file", 0xCA, 0xFE, 0xBA, 0xBE),
          new Magic("a legacy Office document (.doc/.xls)", 0xD0, 0xCF, 0x11, 0xE0));

  /**
   * Decoded text.
   *
   * @param charset the charset the bytes were read with
   * @param replaced invalid byte sequences replaced by U+FFFD (damaged UTF-8)
   * @param controlsRemoved control characters and escape sequences removed
   */
  public record Decoded(String text, String charset, int replaced, int controlsRemoved) {
    public Decoded(String text, String charset) {
      this(text, charset, 0, 0);
    }
  }

  private record Magic(String what, int... prefix) {}

  private TextDecoder() {}

  public static Decoded decode(byte[] bytes) throws UndecodableException {
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      return lenient(bytes, 3, StandardCharsets.UTF_8);
    }
    if (startsWith(bytes, 0xFE, 0xFF)) {
      return lenient(bytes, 2, StandardCharsets.UTF_16BE);
    }
    if (startsWith(bytes, 0xFF, 0xFE)) {
      return lenient(bytes, 2, StandardCharsets.UTF_16LE);
    }
    for (Magic m : MAGIC) {
      if (startsWith(bytes, m.prefix())) {
        throw new UndecodableException(
            "binary_content", "the file is " + m.what() + ", not a text transcript");
      }
    }
    Charset utf16 = utf16WithoutBom(bytes);
    if (utf16 != null) {
      return lenient(bytes, 0, utf16);
    }
    if (controlShare(bytes) > 0.10) {
      throw new UndecodableException(
          "binary_content", "more than 10% of the first 8 KB are control bytes; it is not a text transcript");
    }
    Decoded utf8 = lenient(bytes, 0, StandardCharsets.UTF_8);
    if (utf8.replaced() == 0 || utf8.replaced() <= nonAscii(utf8.text())) {
      return utf8;
    }
    return lenient(bytes, 0, Charset.forName(detect(bytes)));
  }

  /**
   * The charset ICU's detector rates highest among {@link #DETECTABLE}. windows-1252 unless another
   * is clearly ahead of it: on short English text the detector often ties windows-1252 with
   * windows-1250, whose letters differ.
   */
  static String detect(byte[] bytes) {
    CharsetDetector detector = new CharsetDetector();
    detector.setText(bytes);
    int western = 0;
    String best = null;
    int bestConfidence = 0;
    for (CharsetMatch m : detector.detectAll()) {
      String charset = DETECTABLE.get(m.getName());
      if (charset == null) {
        continue;
      }
      if (charset.equals(WINDOWS_1252.name())) {
        western = Math.max(western, m.getConfidence());
      } else if (m.getConfidence() > bestConfidence) {
        best = charset;
        bestConfidence = m.getConfidence();
      }
    }
    return best != null && bestConfidence >= MIN_CONFIDENCE && bestConfidence > western + MARGIN
        ? best
        : WINDOWS_1252.name();
  }

  /** Decodes with U+FFFD for bad sequences, counting them, then removes control characters. */
  private static Decoded lenient(byte[] bytes, int offset, Charset charset) throws UndecodableException {
    CharsetDecoder decoder =
        charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
    // Every charset here makes at most one char per byte (a replacement consumes at least one byte).
    CharBuffer out = CharBuffer.allocate(in.remaining() + 16);
    int replaced = 0;
    try {
      while (true) {
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
          in.position(in.position() + r.length());
          out.put('\uFFFD');
          replaced++;
        } else if (r.isOverflow()) {
          r.throwException();
        } else {
          break;
        }
      }
      CoderResult flushed = decoder.flush(out);
      if (!flushed.isUnderflow()) {
        flushed.throwException();
      }
    } catch (CharacterCodingException e) {
      throw new UndecodableException("invalid_encoding", "the bytes cannot be read as " + charset.name() + ": " + e);
    }
    out.flip();
    return removeControls(out, charset.name(), replaced);
  }

  private static Decoded removeControls(CharSequence text, String charset, int replaced) {
    StringBuilder sb = new StringBuilder(text.length());
    int removed = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == 0x1B) {
        i = endOfEscape(text, i);
        removed++;
      } else if (isRemovedControl(c)) {
        removed++;
      } else {
        sb.append(c);
      }
    }
    return new Decoded(sb.toString(), charset, replaced, removed);
  }

  /** C0 controls but tab, LF, VT, FF, CR; DEL; C1 controls. */
  static boolean isRemovedControl(char c) {
    return (c < 0x20 && (c < 0x09 || c > 0x0D)) || (c >= 0x7F && c <= 0x9F);
  }

  /** The index of the last character of the escape sequence that starts at {@code esc}. */
  private static int endOfEscape(CharSequence text, int esc) {
    int n = text.length();
    if (esc + 1 < n && text.charAt(esc + 1) == '[') {
      // CSI (ECMA-48): parameter bytes 0x30-0x3F, intermediate bytes 0x20-0x2F, one final byte 0x40-0x7E.
      int i = esc + 2;
      while (i < n && i - esc < 64 && text.charAt(i) >= 0x30 && text.charAt(i) <= 0x3F) {
        i++;
      }
      while (i < n && i - esc < 64 && text.charAt(i) >= 0x20 && text.charAt(i) <= 0x2F) {
        i++;
      }
      if (i < n && text.charAt(i) >= 0x40 && text.charAt(i) <= 0x7E) {
        return i;
      }
    }
    return esc; // a lone ESC
  }

  /**
   * UTF-16 text of mostly Latin letters has a NUL in every other byte (its high bytes): valid UTF-8,
   * but not text. NULs on the even bytes mean big-endian, on the odd bytes little-endian.
   */
  private static Charset utf16WithoutBom(byte[] bytes) {
    int n = Math.min(bytes.length, 8192) & ~1;
    if (n < 4) {
      return null;
    }
    int evenNul = 0;
    int oddNul = 0;
    for (int i = 0; i < n; i += 2) {
      evenNul += bytes[i] == 0 ? 1 : 0;
      oddNul += bytes[i + 1] == 0 ? 1 : 0;
    }
    int pairs = n / 2;
    if (Math.max(evenNul, oddNul) * 10 <= pairs * 3 || Math.min(evenNul, oddNul) * 10 >= pairs) {
      return null;
    }
    return evenNul > oddNul ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE;
  }

  /** The share of control bytes (other than tab, LF, VT, FF, CR, ESC) in the first 8 KB. */
  static double controlShare(byte[] bytes) {
    int n = Math.min(bytes.length, 8192);
    int control = 0;
    for (int i = 0; i < n; i++) {
      int b = bytes[i] & 0xFF;
      if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B)) {
        control++;
      }
    }
    return n == 0 ? 0 : (double) control / n;
  }

  /** Characters decoded from multi-byte UTF-8: code points above U+007F other than U+FFFD. */
  private static long nonAscii(String text) {
    return text.codePoints().filter(c -> c > 0x7F && c != 0xFFFD).count();
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
