package org.transcriptnlp.parse;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a file's bytes into text, in this order:
 *
 * <ol>
 *   <li>a byte-order mark decides UTF-8, UTF-16 or UTF-32;
 *   <li>the magic number of a known binary format (PNG, JPEG, GIF, PDF, ZIP/Office, gzip, ELF, Java
 *       class) refuses the file;
 *   <li>UTF-32 and UTF-16 without a byte-order mark are told by their NUL high bytes;
 *   <li>7-bit text that switches to a double-byte set by escape sequences is ISO-2022-JP, -KR or
 *       -CN when ICU's detector is sure of it and the bytes decode cleanly;
 *   <li>more than 10% control bytes in the first 8 KB refuses the file; a few (NUL, BEL...) are
 *       removed below;
 *   <li>valid UTF-8 is UTF-8;
 *   <li>UTF-8 with a few invalid bytes among valid multi-byte characters (a damaged UTF-8 file) is
 *       UTF-8 with U+FFFD for each bad sequence, counted in {@link Decoded#replaced()};
 *   <li>otherwise a legacy code page ({@link #legacy}): each charset ICU's {@link CharsetDetector}
 *       proposes (Latin, Cyrillic, Greek, Hebrew, Arabic, Chinese, Japanese, Korean), and Thai
 *       (TIS-620) and DOS Cyrillic (IBM866), which it does not know, is read from the file (up to
 *       64 KB of its lines with non-ASCII bytes); a reading counts only when it reads as text of
 *       its script. One clearly ahead of every other reading is taken; else windows-1252 when it
 *       reads as Latin text; else the file is refused ({@code encoding_uncertain}) rather than
 *       stored as mojibake.
 * </ol>
 *
 * <p>Then control characters are removed: C0 controls other than tab, line feed, vertical tab, form
 * feed and carriage return (NUL, BEL, ...), DEL, C1 controls and ANSI escape sequences such as
 * {@code ESC[31m}. Vertical tab and form feed are kept: the segmenter treats them as line breaks.
 * The count is in {@link Decoded#controlsRemoved()}.
 */
public final class TextDecoder {
  private static final String WINDOWS_1252 = "windows-1252";

  /** The writing system a reading's letters must belong to. */
  enum Script {
    LATIN("Latin"),
    CYRILLIC("Cyrillic", Character.UnicodeScript.CYRILLIC),
    GREEK("Greek", Character.UnicodeScript.GREEK),
    HEBREW("Hebrew", Character.UnicodeScript.HEBREW),
    ARABIC("Arabic", Character.UnicodeScript.ARABIC),
    THAI("Thai", Character.UnicodeScript.THAI),
    CJK(
        "Chinese, Japanese or Korean",
        Character.UnicodeScript.HAN,
        Character.UnicodeScript.HIRAGANA,
        Character.UnicodeScript.KATAKANA,
        Character.UnicodeScript.HANGUL,
        Character.UnicodeScript.BOPOMOFO);

    final String description;
    final Set<Character.UnicodeScript> scripts;

    Script(String description, Character.UnicodeScript... scripts) {
      this.description = description;
      this.scripts = Set.of(scripts);
    }
  }

  /**
   * A charset ICU's detector can name, as it is read here.
   *
   * @param charsets the Java charsets to read it with, in order: the first that decodes the sample
   *     without an invalid sequence is taken (EUC-KR, then its Windows superset)
   * @param multiByte a multi-byte (CJK) charset, whose detector confidence is 100 once there are a
   *     few dozen characters and 10 when there are too few to tell
   */
  private record Known(Script script, boolean multiByte, String... charsets) {}

  /** Charsets the detector may propose, and how each is read. */
  private static final Map<String, Known> KNOWN =
      Map.ofEntries(
          // windows-1252 is a superset of ISO-8859-1: the same letters, plus curly quotes
          Map.entry("ISO-8859-1", new Known(Script.LATIN, false, WINDOWS_1252)),
          Map.entry("windows-1252", new Known(Script.LATIN, false, WINDOWS_1252)),
          Map.entry("ISO-8859-2", new Known(Script.LATIN, false, "ISO-8859-2")),
          Map.entry("windows-1250", new Known(Script.LATIN, false, "windows-1250")),
          Map.entry("ISO-8859-9", new Known(Script.LATIN, false, "windows-1254")),
          Map.entry("windows-1254", new Known(Script.LATIN, false, "windows-1254")),
          Map.entry("windows-1251", new Known(Script.CYRILLIC, false, "windows-1251")),
          // KOI8-U puts Ukrainian letters where KOI8-R has box-drawing characters: see pick()
          Map.entry("KOI8-R", new Known(Script.CYRILLIC, false, "KOI8-R", "KOI8-U")),
          Map.entry("ISO-8859-5", new Known(Script.CYRILLIC, false, "ISO-8859-5")),
          // the two differ in where they put Ά: see greek()
          Map.entry("ISO-8859-7", new Known(Script.GREEK, false, "ISO-8859-7", "windows-1253")),
          Map.entry("windows-1253", new Known(Script.GREEK, false, "windows-1253")),
          // logical (-I) or visual order, the letters are the same; windows-1255 adds points and
          // quotes
          Map.entry("ISO-8859-8-I", new Known(Script.HEBREW, false, "windows-1255")),
          Map.entry("ISO-8859-8", new Known(Script.HEBREW, false, "windows-1255")),
          Map.entry("windows-1255", new Known(Script.HEBREW, false, "windows-1255")),
          Map.entry("ISO-8859-6", new Known(Script.ARABIC, false, "ISO-8859-6")),
          Map.entry("windows-1256", new Known(Script.ARABIC, false, "windows-1256")),
          Map.entry("Shift_JIS", new Known(Script.CJK, true, "Shift_JIS", "windows-31j")),
          Map.entry("EUC-JP", new Known(Script.CJK, true, "EUC-JP")),
          Map.entry("GB18030", new Known(Script.CJK, true, "GB18030")),
          Map.entry("EUC-KR", new Known(Script.CJK, true, "EUC-KR", "x-windows-949")),
          Map.entry("Big5", new Known(Script.CJK, true, "Big5", "Big5-HKSCS", "x-windows-950")));

  /** The 7-bit charsets that shift into a double-byte set with escape sequences. */
  private static final Set<String> ISO_2022 = Set.of("ISO-2022-JP", "ISO-2022-KR", "ISO-2022-CN");

  /** Bytes read to choose a legacy charset; the whole file is then decoded with the choice. */
  private static final int SAMPLE = 64 * 1024;

  /** Detector confidence (0-100) below which a single-byte charset is not taken. */
  private static final int MIN_CONFIDENCE = 20;

  /**
   * Letters of its script a single-byte reading of another script than Latin must have to be taken:
   * on a few words the detector's confidence means little (four bytes of Shift_JIS are windows-1251
   * at 42).
   */
  private static final int MIN_LETTERS = 20;

  /**
   * Detector confidence below which a multi-byte charset is not taken: 10 means too few characters
   * to tell.
   */
  private static final int MIN_MULTIBYTE_CONFIDENCE = 50;

  /**
   * How far ahead of every other reading (windows-1252 among them) a charset must be to be taken:
   * on short English text the detector often ties windows-1252 with windows-1250, whose letters
   * differ.
   */
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
    if (startsWith(bytes, 0x00, 0x00, 0xFE, 0xFF)) {
      return lenient(bytes, 4, Charset.forName("UTF-32BE"));
    }
    if (startsWith(bytes, 0xFF, 0xFE, 0x00, 0x00)) {
      return lenient(bytes, 4, Charset.forName("UTF-32LE"));
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
    Charset utf32 = utf32WithoutBom(bytes);
    if (utf32 != null) {
      return lenient(bytes, 0, utf32);
    }
    Charset utf16 = utf16WithoutBom(bytes);
    if (utf16 != null) {
      return lenient(bytes, 0, utf16);
    }
    // before the control bytes are counted: ISO-2022-KR shifts with SO and SI
    Decoded iso2022 = iso2022(bytes);
    if (iso2022 != null) {
      return iso2022;
    }
    if (controlShare(bytes) > 0.10) {
      throw new UndecodableException(
          "binary_content",
          "more than 10% of the first 8 KB are control bytes; it is not a text transcript");
    }
    Decoded utf8 = lenient(bytes, 0, StandardCharsets.UTF_8);
    if (utf8.replaced() == 0 || utf8.replaced() <= nonAscii(utf8.text())) {
      return utf8;
    }
    return legacy(bytes);
  }

  /**
   * One way of reading the sample.
   *
   * @param name the charset as the detector names it (or TIS-620, IBM866, which it does not know)
   * @param charset the Java charset it is read with
   * @param confidence the detector's confidence, 0-100
   * @param language the language the detector took it for, or null
   * @param readsRight the text reads as text of its script (see {@link #readsAsLatin}, {@link
   *     #letters})
   * @param letters the letters of its script, for another script than Latin
   */
  private record Reading(
      String name,
      String charset,
      Script script,
      boolean multiByte,
      int confidence,
      String language,
      String text,
      boolean readsRight,
      int letters) {
    Reading withConfidence(int c, String lang) {
      return new Reading(name, charset, script, multiByte, c, lang, text, readsRight, letters);
    }

    /** Enough evidence to be taken over every other reading. */
    boolean sure() {
      if (multiByte) {
        return confidence >= MIN_MULTIBYTE_CONFIDENCE;
      }
      return confidence >= MIN_CONFIDENCE && (script == Script.LATIN || letters >= MIN_LETTERS);
    }

    String describe() {
      // for a Latin code page the detector's language is a guess among many: the script says more
      String lang =
          language == null || language.isEmpty() || script == Script.LATIN
              ? script.description
              : Locale.forLanguageTag(language).getDisplayLanguage(Locale.ENGLISH);
      return name + " (" + lang + ") " + confidence + "/100";
    }
  }

  /**
   * A file in a legacy code page. Each charset the detector proposes is read from the {@link
   * #sample}, with Thai and DOS Cyrillic besides, and counts only when its reading is text of its
   * script: no invalid byte, its letters of that script and not glued to Latin letters (a Latin
   * file read as Cyrillic gives "cafй"), or, for a Latin charset, no words no Latin language writes
   * ({@link #readsAsLatin}). The reading with the highest confidence is taken when it is sure
   * enough (a confidence of {@link #MIN_CONFIDENCE}, {@link #MIN_MULTIBYTE_CONFIDENCE} for a
   * multi-byte charset, and {@link #MIN_LETTERS} letters for a single-byte one of another script
   * than Latin) and {@link #MARGIN} ahead of every other reading that gives another text; otherwise
   * windows-1252 when it reads as Latin text; otherwise the file is refused with the best guesses.
   */
  private static Decoded legacy(byte[] bytes) throws UndecodableException {
    byte[] sample = sample(bytes);
    CharsetDetector detector = new CharsetDetector();
    detector.setText(sample);
    Map<String, Reading> readings = new LinkedHashMap<>();
    Reading western = read(sample, WINDOWS_1252, WINDOWS_1252, Script.LATIN, false);
    readings.put(WINDOWS_1252, western);
    for (CharsetMatch m : detector.detectAll()) {
      Known known = KNOWN.get(m.getName());
      if (known == null) {
        continue;
      }
      String charset = pick(known, sample);
      Reading r = readings.get(charset);
      if (r == null) {
        r = read(sample, m.getName(), charset, known.script(), known.multiByte());
      }
      if (m.getConfidence() > r.confidence()) {
        readings.put(charset, r.withConfidence(m.getConfidence(), m.getLanguage()));
      }
    }
    Reading thai = thai(sample);
    if (thai != null) {
      readings.put(thai.charset(), thai);
    }
    Reading dos = dosCyrillic(sample);
    if (dos != null) {
      readings.put(dos.charset(), dos);
    }
    List<Reading> ranked =
        readings.values().stream()
            .sorted(
                Comparator.comparingInt(Reading::confidence)
                    .reversed()
                    .thenComparing(Reading::name))
            .toList();
    Reading chosen = null;
    for (Reading best : ranked) {
      if (!best.readsRight() || best == readings.get(WINDOWS_1252) || !best.sure()) {
        continue;
      }
      int rival =
          ranked.stream()
              .filter(r -> r != best && r.readsRight() && !r.text().equals(best.text()))
              .mapToInt(Reading::confidence)
              .max()
              .orElse(0);
      if (best.confidence() > rival + MARGIN) {
        chosen = best;
      }
      break;
    }
    western = readings.get(WINDOWS_1252);
    if (chosen == null && western.readsRight()
        || chosen != null && chosen.text().equals(western.text())) {
      chosen = western; // the same text either way: windows-1252, as when unsure
    }
    if (chosen == null) {
      throw new UndecodableException(
          "encoding_uncertain", uncertain(ranked, western, sample, bytes));
    }
    return lenient(bytes, 0, Charset.forName(chosen.charset()));
  }

  /**
   * The refusal's detail, on one line: how much there was to go by, the best guesses, what
   * windows-1252 would make of the text, the fix.
   */
  private static String uncertain(
      List<Reading> ranked, Reading western, byte[] sample, byte[] bytes) {
    int high = nonAsciiBytes(sample);
    int all = sample == bytes ? high : nonAsciiBytes(bytes);
    List<String> guesses =
        ranked.stream().filter(r -> r.confidence() > 0).limit(4).map(Reading::describe).toList();
    return "not UTF-8, and its legacy encoding cannot be told with confidence from "
        + (high == all ? high + " non-ASCII bytes" : high + " of its " + all + " non-ASCII bytes")
        + " (best guesses: "
        + (guesses.isEmpty() ? "none" : String.join(", ", guesses))
        + "); read as windows-1252 it would be '"
        + preview(western.text())
        + "'; save the file as UTF-8";
  }

  /** Up to 24 characters from the first word with a non-ASCII character, on one line. */
  private static String preview(String text) {
    int i = 0;
    while (i < text.length() && text.charAt(i) < 0x80) {
      i++;
    }
    while (i > 0 && !Character.isWhitespace(text.charAt(i - 1))) {
      i--;
    }
    StringBuilder sb = new StringBuilder();
    for (int j = i; j < text.length() && sb.length() < 24; j++) {
      char c = text.charAt(j);
      if (Character.isWhitespace(c)) {
        if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ' ') {
          sb.append(' ');
        }
      } else if (!isRemovedControl(c)) {
        sb.append(c);
      }
    }
    return sb.toString().strip();
  }

  /**
   * What a legacy charset is chosen from: the whole file up to 64 KB; else its lines that have a
   * non-ASCII byte, up to 64 KB of them (an English transcript with a Chinese passage after its
   * first 64 KB is judged on that passage), whole lines: no charset read here has 0x0A inside a
   * character. A first line longer than 64 KB is cut after two ASCII bytes, which cannot end inside
   * a character either.
   */
  static byte[] sample(byte[] bytes) {
    if (bytes.length <= SAMPLE) {
      return bytes;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(SAMPLE);
    int lineStart = 0;
    boolean high = false;
    for (int i = 0; i <= bytes.length && out.size() < SAMPLE; i++) {
      if (i < bytes.length && bytes[i] != '\n') {
        high |= bytes[i] < 0;
        continue;
      }
      int end = Math.min(i + 1, bytes.length); // with its line feed
      if (high) {
        int room = SAMPLE - out.size();
        if (end - lineStart > room && out.size() > 0) {
          break; // whole lines only
        }
        if (end - lineStart > room) {
          end = lineStart + room;
          while (end - lineStart >= 2 && !(bytes[end - 1] >= 0 && bytes[end - 2] >= 0)) {
            end--;
          }
        }
        out.write(bytes, lineStart, end - lineStart);
      }
      lineStart = i + 1;
      high = false;
    }
    return out.toByteArray();
  }

  /**
   * The Java charset a detected charset is read with: the first of its charsets that decodes the
   * sample cleanly.
   */
  private static String pick(Known known, byte[] sample) {
    if (known.script() == Script.GREEK && known.charsets().length > 1) {
      return greek(sample);
    }
    if (known.charsets()[0].equals("KOI8-R")) {
      // Box-drawing characters in a transcript are Ukrainian letters (і, ї, є, ґ) of KOI8-U.
      String russian = decodeCounting(sample, Charset.forName("KOI8-R")).text;
      return russian.chars().anyMatch(c -> c >= 0x2500 && c <= 0x257F) ? "KOI8-U" : "KOI8-R";
    }
    for (String c : known.charsets()) {
      if (decodeCounting(sample, Charset.forName(c)).replaced == 0) {
        return c;
      }
    }
    return known.charsets()[0];
  }

  /**
   * ISO-8859-7 or windows-1253: the detector names ISO-8859-7 unless it sees bytes 0x80-0x9F. The
   * two differ in Ά (0xB6 in ISO-8859-7, 0xA2 in windows-1253, where 0xB6 is ¶ and 0xA2 is a quote
   * in ISO-8859-7): whichever of the two bytes sits next to Greek letters tells.
   */
  private static String greek(byte[] sample) {
    int iso = 0;
    int windows = 0;
    for (int i = 0; i < sample.length; i++) {
      int b = sample[i] & 0xFF;
      if (b >= 0x80 && b <= 0x9F) {
        return "windows-1253";
      }
      boolean beforeLetter = i + 1 < sample.length && (sample[i + 1] & 0xFF) >= 0xC1;
      iso += b == 0xB6 && beforeLetter ? 1 : 0;
      windows += b == 0xA2 && beforeLetter ? 1 : 0;
    }
    return windows > iso ? "windows-1253" : "ISO-8859-7";
  }

  private static Reading read(
      byte[] sample, String name, String charset, Script script, boolean multiByte) {
    Counted c = decodeCounting(sample, Charset.forName(charset));
    String text = c.text;
    int letters = script == Script.LATIN || c.replaced > 0 ? 0 : letters(script, text);
    // A byte the code page does not define (U+FFFD) never occurs in text written in it.
    boolean right = script == Script.LATIN ? c.replaced == 0 && readsAsLatin(text) : letters > 0;
    return new Reading(name, charset, script, multiByte, 0, null, text, right, letters);
  }

  /**
   * Thai, which ICU's detector does not know: TIS-620 (windows-874 where bytes 0x80-0x9F are its
   * quotes and dashes), when it reads as Thai text. Its confidence is the number of Thai letters,
   * up to 100, less 25 for each vowel or tone mark not written on a consonant and each leading
   * vowel before no consonant: Thai spelling is strict where random bytes are not.
   */
  private static Reading thai(byte[] sample) {
    boolean c1 = false;
    for (byte b : sample) {
      c1 |= (b & 0xFF) >= 0x80 && (b & 0xFF) <= 0x9F;
    }
    String charset = c1 ? "x-windows-874" : "TIS-620";
    Counted c = decodeCounting(sample, Charset.forName(charset));
    int thaiLetters = c.replaced > 0 ? 0 : letters(Script.THAI, c.text);
    if (thaiLetters == 0) {
      return null;
    }
    String t = c.text;
    int letters = 0;
    int slips = 0;
    for (int i = 0; i < t.length(); i++) {
      char ch = t.charAt(i);
      if (ch < 0x0E01 || ch > 0x0E5B) {
        continue;
      }
      letters += Character.isLetter(ch) ? 1 : 0;
      char before = i > 0 ? t.charAt(i - 1) : ' ';
      char after = i + 1 < t.length() ? t.charAt(i + 1) : ' ';
      boolean mark =
          ch == 0x0E31 || (ch >= 0x0E34 && ch <= 0x0E3A) || (ch >= 0x0E47 && ch <= 0x0E4E);
      if (mark && !(isThaiConsonant(before) || isThaiMark(before))) {
        slips++;
      } else if (ch >= 0x0E40 && ch <= 0x0E44 && !isThaiConsonant(after)) {
        slips++;
      }
    }
    int confidence = Math.max(0, Math.min(100, letters) - 25 * slips);
    return new Reading(
        charset.equals("TIS-620") ? "TIS-620" : "windows-874",
        charset,
        Script.THAI,
        false,
        confidence,
        "th",
        t,
        true,
        thaiLetters);
  }

  private static boolean isThaiConsonant(char c) {
    return c >= 0x0E01 && c <= 0x0E2E;
  }

  private static boolean isThaiMark(char c) {
    return c == 0x0E31 || (c >= 0x0E34 && c <= 0x0E3A) || (c >= 0x0E47 && c <= 0x0E4E);
  }

  /**
   * DOS Cyrillic (IBM866), which ICU's detector does not know: when it reads as Cyrillic text, the
   * same text written in windows-1251 is given to the detector, and its confidence in windows-1251
   * is this reading's.
   */
  private static Reading dosCyrillic(byte[] sample) {
    Counted c = decodeCounting(sample, Charset.forName("IBM866"));
    int letters = c.replaced > 0 ? 0 : letters(Script.CYRILLIC, c.text);
    if (letters == 0) {
      return null;
    }
    CharsetEncoder windows = Charset.forName("windows-1251").newEncoder();
    if (!windows.canEncode(c.text)) {
      return null;
    }
    CharsetDetector detector = new CharsetDetector();
    detector.setText(c.text.getBytes(windows.charset()));
    int confidence = 0;
    for (CharsetMatch m : detector.detectAll()) {
      if (m.getName().equals("windows-1251")) {
        confidence = m.getConfidence();
      }
    }
    return new Reading(
        "IBM866", "IBM866", Script.CYRILLIC, false, confidence, "ru", c.text, true, letters);
  }

  /**
   * True when a reading in a Latin code page reads as Latin text: at most a fifth of its non-ASCII
   * characters sit in words that no Latin language writes, those are words of three or more
   * non-ASCII letters and no ASCII one ("Âîïðîñ", Cyrillic read as windows-1252; not "þú"), a
   * non-ASCII upper-case letter right after a lower-case one ("ÄãÔÚ", "nŽ"), a symbol between two
   * letters ("¦b", "È‚½"; not ’, ·, a dash or an ellipsis), a character the code page does not
   * define (U+FFFD) or a C1 control; nor when its only words with non-ASCII letters have no ASCII
   * letter and one of them has two ("Åñ: Ðï"). A few accented letters in English or French text
   * read right.
   */
  static boolean readsAsLatin(String text) {
    int nonAscii = 0;
    int alien = 0;
    boolean mixedWord = false;
    boolean pairWithoutAscii = false;
    int n = text.length();
    int i = 0;
    while (i < n) {
      while (i < n && isSpace(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !isSpace(text.charAt(i))) {
        i++;
      }
      int asciiLetters = 0;
      int letters = 0;
      int chars = 0;
      int undefined = 0;
      boolean odd = false;
      for (int j = start; j < i; j++) {
        char c = text.charAt(j);
        if (c < 0x80) {
          asciiLetters += Character.isLetter(c) ? 1 : 0;
          continue;
        }
        chars++;
        if (c == '\uFFFD' || c <= 0x9F) {
          undefined++;
        } else if (Character.isLetter(c)) {
          letters++;
          char before = j > start ? text.charAt(j - 1) : ' ';
          odd |= Character.isUpperCase(c) && Character.isLowerCase(before);
        } else if (IN_WORD.indexOf(c) < 0
            && j > start
            && j + 1 < i
            && Character.isLetter(text.charAt(j - 1))
            && Character.isLetter(text.charAt(j + 1))) {
          odd = true;
        }
      }
      odd |= letters >= 3 && asciiLetters == 0;
      mixedWord |= letters > 0 && asciiLetters > 0;
      pairWithoutAscii |= letters == 2 && asciiLetters == 0;
      nonAscii += chars;
      alien += odd ? chars : undefined;
    }
    // "Åñ: Ðï" (Greek): a text too short for the rules above, whose only accented words have no
    // ASCII letter
    return alien * 5 <= nonAscii && !(pairWithoutAscii && !mixedWord);
  }

  /**
   * Non-ASCII characters that may stand between two letters of a word: l’été, col·legi, a soft
   * hyphen, dashes, an ellipsis.
   */
  private static final String IN_WORD = "’‘ʼ·\u00AD–—‐‑…";

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || c == '\u00A0';
  }

  /**
   * The letters of the script in a reading that reads as text of that script, else 0: at least four
   * in five of its non-ASCII characters are letters of the script, marks on them, punctuation,
   * spaces, digits, currency signs or formatting characters (no box drawing, no stray symbols, no
   * punctuation between two letters but ’ or a dash, no mark on a space); at most one in five of
   * its letters touches an ASCII letter (a Latin file read as Cyrillic gives "cafй", read as
   * Shift_JIS a kanji between two Latin letters); and, Chinese and Japanese being written without
   * spaces, at most a quarter of their characters next to a space (Cyrillic read as GB18030 gives
   * words of two or three ideographs between spaces; Korean puts spaces between words).
   */
  static int letters(Script script, String text) {
    int nonAscii = 0;
    int fitting = 0;
    int letters = 0;
    int touching = 0;
    int hangul = 0;
    int spaced = 0;
    int previous = ' ';
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      int len = Character.charCount(c);
      int next = i + len < text.length() ? text.codePointAt(i + len) : ' ';
      if (c > 0x7F) {
        nonAscii++;
        if (Character.isLetter(c) && script.scripts.contains(Character.UnicodeScript.of(c))) {
          fitting++;
          letters++;
          touching += isAsciiLetter(previous) || isAsciiLetter(next) ? 1 : 0;
          hangul += Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL ? 1 : 0;
          spaced += previous == ' ' || next == ' ' ? 1 : 0;
        } else if (isNeutral(c, script, previous, next)) {
          fitting++;
        }
      }
      previous = c;
      i += len;
    }
    boolean spacedLikeWords =
        script == Script.CJK && hangul * 5 < letters * 4 && spaced * 4 > letters;
    boolean right =
        letters > 0 && fitting * 5 >= nonAscii * 4 && touching * 5 <= letters && !spacedLikeWords;
    return right ? letters : 0;
  }

  private static boolean isAsciiLetter(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /**
   * Characters any script's text may have: punctuation, spaces, digits, currency signs and
   * formatting characters (not between two letters, but ’ or a dash), marks after a letter.
   */
  private static boolean isNeutral(int c, Script script, int previous, int next) {
    if (c <= 0x9F || c == 0xFFFD) {
      return false;
    }
    if (script == Script.CJK
        && ((c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF) || c == 0x30FC)) {
      return true; // CJK punctuation, the long-vowel mark, full-width forms
    }
    return switch (Character.getType(c)) {
      case Character.NON_SPACING_MARK, Character.COMBINING_SPACING_MARK, Character.ENCLOSING_MARK ->
          Character.isLetter(previous)
              || Character.getType(previous) == Character.NON_SPACING_MARK
              || Character.getType(previous) == Character.COMBINING_SPACING_MARK;
      case Character.CONNECTOR_PUNCTUATION,
          Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION,
          Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION,
          Character.SPACE_SEPARATOR,
          Character.DECIMAL_DIGIT_NUMBER,
          Character.CURRENCY_SYMBOL,
          Character.FORMAT ->
          IN_WORD.indexOf(c) >= 0 || !(Character.isLetter(previous) && Character.isLetter(next));
      default -> false;
    };
  }

  /**
   * ISO-2022-JP, -KR or -CN: 7-bit text with an escape sequence that designates a double-byte set
   * ({@code ESC $}), which ICU's detector is sure of and which decodes without an invalid sequence.
   * Null otherwise (ASCII with ANSI colour escapes is UTF-8, below).
   */
  private static Decoded iso2022(byte[] bytes) {
    boolean designates = false;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] < 0) {
        return null;
      }
      designates |= bytes[i] == 0x1B && i + 1 < bytes.length && bytes[i + 1] == '$';
    }
    if (!designates) {
      return null;
    }
    CharsetDetector detector = new CharsetDetector();
    detector.setText(sample(bytes));
    for (CharsetMatch m : detector.detectAll()) {
      if (ISO_2022.contains(m.getName())
          && m.getConfidence() >= MIN_MULTIBYTE_CONFIDENCE
          && Charset.isSupported(m.getName())) {
        Charset charset = Charset.forName(m.getName());
        Counted c = decodeCounting(bytes, charset);
        if (c.replaced == 0) {
          return removeControls(c.text, charset.name(), 0);
        }
      }
    }
    return null;
  }

  /** Decodes with U+FFFD for bad sequences, counting them, then removes control characters. */
  private static Decoded lenient(byte[] bytes, int offset, Charset charset)
      throws UndecodableException {
    Counted c;
    try {
      c = decodeCounting(ByteBuffer.wrap(bytes, offset, bytes.length - offset), charset);
    } catch (CharacterCodingException e) {
      throw new UndecodableException(
          "invalid_encoding", "the bytes cannot be read as " + charset.name() + ": " + e);
    }
    return removeControls(c.text, charset.name(), c.replaced);
  }

  /** Text decoded with U+FFFD for each invalid or unmappable sequence, and how many there were. */
  private record Counted(String text, int replaced) {}

  private static Counted decodeCounting(byte[] bytes, Charset charset) {
    try {
      return decodeCounting(ByteBuffer.wrap(bytes), charset);
    } catch (CharacterCodingException e) {
      return new Counted("", bytes.length); // cannot happen: see below
    }
  }

  private static Counted decodeCounting(ByteBuffer in, Charset charset)
      throws CharacterCodingException {
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    // Every charset here makes at most one char per byte (a replacement consumes at least one
    // byte).
    CharBuffer out = CharBuffer.allocate(in.remaining() + 16);
    int replaced = 0;
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
    out.flip();
    return new Counted(out.toString(), replaced);
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
      // CSI (ECMA-48): parameter bytes 0x30-0x3F, intermediate bytes 0x20-0x2F, one final byte
      // 0x40-0x7E.
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
   * UTF-16 text of mostly Latin letters has a NUL in every other byte (its high bytes): valid
   * UTF-8, but not text. NULs on the even bytes mean big-endian, on the odd bytes little-endian.
   */
  /**
   * UTF-32 without a byte-order mark: nearly every 4-byte unit of the first 8 KB has two NUL bytes
   * at one end (text of the Basic Multilingual Plane) and a character at the other.
   */
  private static Charset utf32WithoutBom(byte[] bytes) {
    int n = Math.min(bytes.length, 8192) & ~3;
    if (n < 16) {
      return null;
    }
    int little = 0;
    int big = 0;
    for (int i = 0; i < n; i += 4) {
      boolean highZero = bytes[i + 2] == 0 && bytes[i + 3] == 0;
      boolean lowZero = bytes[i] == 0 && bytes[i + 1] == 0;
      little += highZero && (bytes[i] != 0 || bytes[i + 1] != 0) ? 1 : 0;
      big += lowZero && (bytes[i + 2] != 0 || bytes[i + 3] != 0) ? 1 : 0;
    }
    int units = n / 4;
    if (little * 10 >= units * 9) {
      return Charset.forName("UTF-32LE");
    }
    return big * 10 >= units * 9 ? Charset.forName("UTF-32BE") : null;
  }

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

  private static int nonAsciiBytes(byte[] bytes) {
    int n = 0;
    for (byte b : bytes) {
      n += b < 0 ? 1 : 0;
    }
    return n;
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
