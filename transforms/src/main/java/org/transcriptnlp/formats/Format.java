package org.transcriptnlp.formats;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The transcript formats the job reads. */
public enum Format {
  /** Plain text or Markdown with speaker labels (also line-numbered stenographic transcripts). */
  TEXT,
  /** An HTML page: its visible text, block by block. */
  HTML,
  /** WebVTT captions: cues with timings and {@code <v Speaker>} voice tags. */
  VTT,
  /** SubRip captions: numbered cues with timings; a speaker named in the first cue of a turn. */
  SRT,
  /** JSON: the array of utterance objects found by its structure. */
  JSON,
  /** XML: Akoma Ntoso debates, TEI drama and ParlaMint, or any schema by its structure. */
  XML,
  /** Comma- (or semicolon-) separated values: speaker, time and text columns. */
  CSV,
  /** Tab-separated values: speaker, time and text columns. */
  TSV,
  /** A Word (Office Open XML) document: its body paragraphs. */
  DOCX,
  /** A PDF document: its text layer, line by line. */
  PDF;

  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True for the formats read from the file's bytes, not from decoded text. */
  public boolean binary() {
    return this == DOCX || this == PDF;
  }

  /** Parses an option value: auto (null) or one of the formats. */
  public static Format parse(String value) {
    String v = value == null ? "auto" : value.strip().toLowerCase(Locale.ROOT);
    if (v.isEmpty() || v.equals("auto")) {
      return null;
    }
    return switch (v) {
      case "text", "txt", "markdown", "md" -> TEXT;
      case "html", "htm" -> HTML;
      case "vtt", "webvtt" -> VTT;
      case "srt" -> SRT;
      case "json" -> JSON;
      case "xml" -> XML;
      case "csv" -> CSV;
      case "tsv" -> TSV;
      case "docx" -> DOCX;
      case "pdf" -> PDF;
      default ->
          throw new IllegalArgumentException(
              "unknown format '"
                  + value
                  + "': use auto, text, markdown, html, vtt, srt, json, xml, csv, tsv, docx or"
                  + " pdf");
    };
  }

  private static String extension(String fileName) {
    String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".gz")) {
      name = name.substring(0, name.length() - 3);
    }
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1);
  }

  /**
   * The document container of a file, from its bytes first: a ZIP holding {@code word/document.xml}
   * is DOCX, {@code %PDF-} in the first kilobyte is PDF; then from its extension ({@code .docx},
   * {@code .pdf}: read as such, and rejected if they are not). Null for everything else, which is
   * decoded to text.
   */
  public static Format container(String fileName, byte[] bytes) {
    if (startsWith(bytes, 'P', 'K', 3, 4)
        && contains(bytes, "word/document.xml".getBytes(StandardCharsets.US_ASCII))) {
      return DOCX;
    }
    if (indexOf(bytes, "%PDF-".getBytes(StandardCharsets.US_ASCII), 1024) >= 0) {
      return PDF;
    }
    return switch (extension(fileName)) {
      case "docx" -> DOCX;
      case "pdf" -> PDF;
      default -> null;
    };
  }

  private static final Set<String> HTML_TAGS =
      Set.of(
          "html",
          "head",
          "body",
          "p",
          "div",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "cite",
          "span",
          "table",
          "pre",
          "b",
          "strong",
          "i",
          "em",
          "a",
          "ul",
          "ol",
          "li",
          "br",
          "section",
          "article",
          "main",
          "blockquote",
          "font",
          "center",
          "dl",
          "meta",
          "title",
          "link",
          "script",
          "style",
          "hr",
          "img",
          "header",
          "nav");

  /** The prolog, comments, processing instructions and DOCTYPE before an XML root element. */
  private static final Pattern XML_PREAMBLE =
      Pattern.compile(
          "^(?:\\s*(?:<\\?[\\s\\S]*?\\?>|<!--[\\s\\S]*?-->|<!DOCTYPE[^\\[>]*(?:\\[[\\s\\S]*?\\])?\\s*>))*\\s*");

  private static final Pattern ROOT = Pattern.compile("^<([A-Za-z_][\\w.:-]*)");

  /**
   * Detects the format of decoded text from the file name (a trailing {@code .gz} ignored) and,
   * when the extension says nothing, from the content.
   */
  public static Format detect(String fileName, String text) {
    switch (extension(fileName)) {
      case "html", "htm", "xhtml", "php":
        return HTML;
      case "vtt":
        return VTT;
      case "srt":
        return SRT;
      case "json", "jsonl":
        return JSON;
      case "xml", "tei", "akn":
        return XML;
      case "csv":
        return CSV;
      case "tsv", "tab":
        return TSV;
      case "txt", "text":
        {
          // A table saved as .txt (a speaker and a text column under a header) is still a table.
          String start = text.substring(0, Math.min(text.length(), 4000));
          Format table =
              CsvReader.looksTabularWithHeader(
                  start.startsWith("\uFEFF") ? start.substring(1) : start);
          return table != null ? table : TEXT;
        }
      case "md", "markdown":
        return TEXT;
      default:
        break;
    }
    String head = text.stripLeading();
    if (head.startsWith("\uFEFF")) {
      head = head.substring(1).stripLeading();
    }
    String start = head.substring(0, Math.min(head.length(), 4000));
    String lower = start.toLowerCase(Locale.ROOT);
    if (head.startsWith("WEBVTT")) {
      return VTT;
    }
    if (head.startsWith("{")
        || head.startsWith("[{")
        || head.startsWith("[\n")
        || head.startsWith("[ ")
        || head.startsWith("[\r")
        || head.startsWith("[[")) {
      return JSON;
    }
    if (head.startsWith("<")) {
      Format markup = markup(head, start, lower);
      if (markup != null) {
        return markup;
      }
    }
    if (lower.startsWith("<!doctype html")
        || lower.startsWith("<html")
        || lower.contains("<body")
        || lower.matches("(?s)^<(p|div|h[1-6]|cite|span|table|pre)\\b.*")) {
      return HTML;
    }
    if (head.matches("(?s)^\\d+\\r?\\n\\d{1,2}:\\d{2}:\\d{2}[,.]\\d{3} --> .*")) {
      return SRT;
    }
    if (LineNumbered.isLineNumbered(start)) {
      return TEXT;
    }
    Format table = CsvReader.looksTabular(start);
    return table != null ? table : TEXT;
  }

  /**
   * XML or HTML from the root element: an HTML root (or the XHTML namespace) is HTML; an XML
   * prolog, a root element with a namespace, or a root element that is not an HTML tag and is
   * closed at the end of the text is XML.
   */
  private static Format markup(String head, String start, String lower) {
    Matcher preamble = XML_PREAMBLE.matcher(start);
    int at = preamble.lookingAt() ? preamble.end() : 0;
    boolean prolog = lower.startsWith("<?xml");
    if (lower.startsWith("<!doctype html", at)
        || lower.startsWith("<html", at)
        || lower.contains("http://www.w3.org/1999/xhtml")) {
      return HTML;
    }
    Matcher root = ROOT.matcher(start.substring(at));
    if (!root.find()) {
      return prolog ? XML : null;
    }
    String name = root.group(1);
    String local = name.substring(name.indexOf(':') + 1).toLowerCase(Locale.ROOT);
    boolean closed = head.stripTrailing().endsWith("</" + name + ">");
    if (prolog
        || (closed && !HTML_TAGS.contains(local))
        || start.startsWith("<" + name + " xmlns", at)) {
      return XML;
    }
    return null;
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

  private static boolean contains(byte[] bytes, byte[] what) {
    return indexOf(bytes, what, bytes.length) >= 0;
  }

  /** Where {@code what} starts within the first {@code limit} bytes, or -1. */
  private static int indexOf(byte[] bytes, byte[] what, int limit) {
    int last = Math.min(bytes.length - what.length, limit);
    outer:
    for (int i = 0; i <= last; i++) {
      for (int j = 0; j < what.length; j++) {
        if (bytes[i + j] != what[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
