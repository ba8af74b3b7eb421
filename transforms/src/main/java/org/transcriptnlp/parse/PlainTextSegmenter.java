package org.transcriptnlp.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits plain text or Markdown into paragraphs.
 *
 * <p>Line endings, non-breaking spaces and YAML front matter are normalised away. When the text
 * separates paragraphs with blank lines, the lines of one block are hard-wrapped lines of one
 * paragraph and are joined with a space, except that a line that starts with a speaker label
 * always starts a new paragraph. When the text has no blank lines at all (one paragraph per line,
 * as in the seed interview), every line is a paragraph.
 */
public final class PlainTextSegmenter {
  private static final Pattern FRONT_MATTER_END = Pattern.compile("^(---|\\.\\.\\.)\\s*$");
  private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\uFEFF]+");

  private final SpeakerLabels labels;

  public PlainTextSegmenter(SpeakerLabels labels) {
    this.labels = labels;
  }

  /** Normalises line endings and spaces, one line per element, front matter removed. */
  public static List<String> lines(String text) {
    String normalised = text.replace("\r\n", "\n").replace('\r', '\n').replace('\f', '\n');
    if (normalised.startsWith("\uFEFF")) {
      normalised = normalised.substring(1);
    }
    List<String> out = new ArrayList<>();
    String[] raw = normalised.split("\n", -1);
    int start = frontMatterEnd(raw);
    for (int i = start; i < raw.length; i++) {
      out.add(SPACES.matcher(inlineMarkup(raw[i])).replaceAll(" ").strip());
    }
    return out;
  }

  private static final Pattern DELETED = Pattern.compile("<(s|del|strike)>.*?</\\1>", Pattern.CASE_INSENSITIVE);
  private static final Pattern INLINE_TAG =
      Pattern.compile("</?(?:sub|sup|i|b|em|strong|u|span|font|small|big|mark|code|br)\\b[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern MARKDOWN_ESCAPE = Pattern.compile("\\\\([\\[\\]*_#`>~|()])");
  /** Page markers of printed records: "[[Page S8538]]". */
  private static final Pattern PAGE_MARKER = Pattern.compile("\\[\\[Page [A-Z]?\\d+\\]\\]");
  private static final Pattern LINK_MARKUP = Pattern.compile("\\[[a-z_]+:[^|\\]]*\\|([^\\]]*)\\]");

  /**
   * Inline markup of text transcripts rendered as a reader sees it: struck-out words ({@code
   * <s>in</s>}) dropped, inline HTML tags ({@code O<sub>2</sub>}) and Markdown escapes ({@code
   * \[of\]}) removed, link markup ({@code [glossary:LOS|LOS]}) reduced to its visible text.
   */
  static String inlineMarkup(String line) {
    if (line.indexOf('<') < 0 && line.indexOf('\\') < 0 && line.indexOf('[') < 0) {
      return line;
    }
    String l = DELETED.matcher(line).replaceAll("");
    l = INLINE_TAG.matcher(l).replaceAll("");
    l = MARKDOWN_ESCAPE.matcher(l).replaceAll("$1");
    l = PAGE_MARKER.matcher(l).replaceAll("");
    return LINK_MARKUP.matcher(l).replaceAll("$1");
  }

  /** Index of the first line after a YAML front-matter block, or 0 when there is none. */
  private static int frontMatterEnd(String[] raw) {
    if (raw.length == 0 || !raw[0].strip().equals("---")) {
      return 0;
    }
    for (int i = 1; i < Math.min(raw.length, 400); i++) {
      if (FRONT_MATTER_END.matcher(raw[i]).matches()) {
        return i + 1;
      }
    }
    return 0;
  }

  /** The paragraphs of the text, each whitespace-normalised and non-empty. */
  public List<String> paragraphs(String text) {
    List<String> lines = lines(text);
    boolean blankLineSeparated = false;
    for (int i = 1; i + 1 < lines.size(); i++) {
      if (lines.get(i).isEmpty() && !lines.get(i - 1).isEmpty() && !lines.get(i + 1).isEmpty()) {
        blankLineSeparated = true;
        break;
      }
    }
    List<String> paragraphs = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : lines) {
      if (line.isEmpty()) {
        flush(current, paragraphs);
        continue;
      }
      if (!blankLineSeparated || labels.startsWithLabel(line)) {
        flush(current, paragraphs);
      }
      if (current.length() > 0) {
        current.append(' ');
      }
      current.append(line);
      if (blankLineSeparated && labels.isLabelOnly(line)) {
        flush(current, paragraphs);
      }
    }
    flush(current, paragraphs);
    return rejoinBrokenSentences(paragraphs);
  }

  private static final Pattern SENTENCE_END = Pattern.compile(".*[.!?:;\"”’)\\]—–-]\\s*$", Pattern.DOTALL);

  /**
   * A blank line in the middle of a sentence ("...a number\n\nof Koreans find...") does not make
   * two paragraphs: a paragraph that starts in lower case continues the previous one when that one
   * did not end a sentence.
   */
  private List<String> rejoinBrokenSentences(List<String> paragraphs) {
    List<String> out = new ArrayList<>();
    for (String p : paragraphs) {
      int last = out.size() - 1;
      if (last >= 0
          && Character.isLowerCase(p.codePointAt(0))
          && !SENTENCE_END.matcher(out.get(last)).matches()
          && !labels.startsWithLabel(p)) {
        out.set(last, out.get(last) + " " + p);
      } else {
        out.add(p);
      }
    }
    return out;
  }

  private static void flush(StringBuilder current, List<String> paragraphs) {
    if (current.length() > 0) {
      paragraphs.add(current.toString());
      current.setLength(0);
    }
  }
}
