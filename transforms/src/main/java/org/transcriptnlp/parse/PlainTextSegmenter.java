package org.transcriptnlp.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits plain text or Markdown into paragraphs.
 *
 * <p>Line endings, non-breaking spaces and YAML front matter are normalised away. When the text
 * separates paragraphs with blank lines, the lines of one block are hard-wrapped lines of one
 * paragraph and are joined with a space, except that a line that starts with a speaker label always
 * starts a new paragraph. When the text has no blank lines at all (one paragraph per line, as in
 * the seed interview), every line is a paragraph.
 */
public final class PlainTextSegmenter {
  private static final Pattern FRONT_MATTER_END = Pattern.compile("^(---|\\.\\.\\.)\\s*$");
  private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");

  private final SpeakerLabels labels;

  public PlainTextSegmenter(SpeakerLabels labels) {
    this.labels = labels;
  }

  /** Normalises line endings and spaces, one line per element, front matter removed. */
  public static List<String> lines(String text) {
    return rawLines(text).stream().map(PlainTextSegmenter::clean).toList();
  }

  /**
   * A line as a reader sees it: markup rendered, runs of any space one space, no edges. A
   * byte-order mark at its start (files joined end to end) is dropped; elsewhere it is a zero-width
   * no-break space, which joins, so it stays; a line of only invisible characters is empty.
   */
  private static String clean(String line) {
    String l = SPACES.matcher(inlineMarkup(line)).replaceAll(" ").strip();
    while (l.startsWith("\uFEFF")) {
      l = l.substring(1).strip();
    }
    return SpeakerLabels.withoutInvisibleEdges(l).isEmpty() ? "" : l;
  }

  /** Lines with normalised line endings, front matter removed, indentation kept. */
  private static List<String> rawLines(String text) {
    String normalised = text.replace("\r\n", "\n").replace('\r', '\n').replace('\f', '\n');
    if (normalised.startsWith("\uFEFF")) {
      normalised = normalised.substring(1);
    }
    String[] raw = normalised.split("\n", -1);
    return List.of(raw).subList(frontMatterEnd(raw), raw.length);
  }

  private static int indent(String line) {
    int i = 0;
    while (i < line.length()
        && (line.charAt(i) == ' ' || line.charAt(i) == '\t' || line.charAt(i) == '\u00A0')) {
      i++;
    }
    return i;
  }

  /**
   * Fixed-width printed text (the Congressional Record, GPO prints): wrapped lines start at the
   * margin and a paragraph's first line is indented, so indentation, not blank lines, marks
   * paragraphs. True when many lines start at the margin and many are indented by a few spaces.
   */
  private static boolean indentMarksParagraphs(List<String> raw) {
    int nonBlank = 0;
    int margin = 0;
    int small = 0;
    int blank = 0;
    for (String l : raw) {
      if (l.isBlank()) {
        blank++;
        continue;
      }
      nonBlank++;
      int in = indent(l);
      if (in == 0) {
        margin++;
      } else if (in <= 4) {
        small++;
      }
    }
    // where blank lines already part most paragraphs, indentation is layout, not structure
    return nonBlank >= 20
        && margin * 5 >= nonBlank
        && small * 10 >= nonBlank
        && blank * 4 < nonBlank;
  }

  private static final Pattern DELETED =
      Pattern.compile("<(s|del|strike)>.*?</\\1>", Pattern.CASE_INSENSITIVE);
  private static final Pattern INLINE_TAG =
      Pattern.compile(
          "</?(?:sub|sup|i|b|em|strong|u|span|font|small|big|mark|code|br|a|abbr|img|center|div|p|"
              + "figure|figcaption|picture|source|iframe|hr|table|tr|td|th|tbody|thead|ul|ol|li|blockquote|cite|time|"
              + "section|article|header|footer|nav|aside|audio|video|details|summary|s|del|ins|q|wbr)\\b[^>]*>|<!--.*?-->",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern ENTITY =
      Pattern.compile("&(?:[a-zA-Z]{2,8}|#\\d{2,6}|#x[0-9a-fA-F]{2,5});");
  private static final Pattern MARKDOWN_ESCAPE = Pattern.compile("\\\\([\\[\\]*_#`>~|()])");

  /** Page markers of printed records: "[[Page S8538]]". */
  private static final Pattern PAGE_MARKER = Pattern.compile("\\[\\[Page [A-Z]?\\d+\\]\\]");

  private static final Pattern MARKDOWN_LINK =
      Pattern.compile("\\[([^\\]\\[]{1,200})\\]\\((?:https?://|/)[^)\\s]*\\)");
  private static final Pattern LINK_MARKUP = Pattern.compile("\\[[a-z_]+:[^|\\]]*\\|([^\\]]*)\\]");

  /**
   * Inline markup of text transcripts rendered as a reader sees it: struck-out words ({@code
   * <s>in</s>}) dropped, inline HTML tags ({@code O<sub>2</sub>}) and Markdown escapes ({@code
   * \[of\]}) removed, link markup ({@code [glossary:LOS|LOS]}) reduced to its visible text.
   */
  static String inlineMarkup(String line) {
    if (line.indexOf('<') < 0
        && line.indexOf('\\') < 0
        && line.indexOf('[') < 0
        && line.indexOf('&') < 0) {
      return line;
    }
    String l = DELETED.matcher(line).replaceAll("");
    l = INLINE_TAG.matcher(l).replaceAll("");
    l = MARKDOWN_ESCAPE.matcher(l).replaceAll("$1");
    l = PAGE_MARKER.matcher(l).replaceAll("");
    l = MARKDOWN_LINK.matcher(l).replaceAll("$1");
    l = LINK_MARKUP.matcher(l).replaceAll("$1");
    return ENTITY.matcher(l).find() ? org.jsoup.parser.Parser.unescapeEntities(l, false) : l;
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
    List<String> raw = rawLines(text);
    List<String> lines = raw.stream().map(PlainTextSegmenter::clean).toList();
    boolean byIndent = indentMarksParagraphs(raw);
    boolean blankLineSeparated = false;
    for (int i = 1; i + 1 < lines.size(); i++) {
      if (lines.get(i).isEmpty() && !lines.get(i - 1).isEmpty() && !lines.get(i + 1).isEmpty()) {
        blankLineSeparated = true;
        break;
      }
    }
    int width = wrapWidth(lines);
    List<String> paragraphs = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int previousIndent = 0;
    String previousLine = "";
    boolean inList = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String before = previousLine;
      previousLine = line;
      if (line.isEmpty()) {
        flush(current, paragraphs);
        continue;
      }
      int in = indent(raw.get(i));
      if (byIndent && in >= 15 && line.length() <= 70) {
        // A centred heading of a printed page ("Amendment No. 1314"): not speech.
        flush(current, paragraphs);
        paragraphs.add("## " + line);
        previousIndent = in;
        continue;
      }
      boolean indentBreak = byIndent && in > 0 && !(in >= 5 && in == previousIndent);
      previousIndent = in;
      // In a block of lines, a short line before another that starts in upper case ends a
      // paragraph: a list entry, a name alone above its speech, a heading; wrapped lines are long.
      boolean shortLineBreak =
          blankLineSeparated
              && !byIndent
              && current.length() > 0
              && (before.length() * 10 < width * 6 || inList)
              && !Character.isLowerCase(line.codePointAt(0));
      if ((!blankLineSeparated && !byIndent)
          || indentBreak
          || shortLineBreak
          || labels.startsWithLabel(line)) {
        flush(current, paragraphs);
      }
      // Under a participant list's heading each line is an entry, however long.
      inList =
          DocumentHeader.isListHeading(line)
              || inList && !line.isEmpty() && !NonSpeech.isProse(line);
      if (current.length() > 0) {
        current.append(' ');
      }
      current.append(line);
      if (blankLineSeparated && (labels.isLabelOnly(line) || isDescribedName(line))) {
        flush(current, paragraphs);
      }
    }
    flush(current, paragraphs);
    return rejoinBrokenSentences(paragraphs);
  }

  private static final Pattern DESCRIBED =
      Pattern.compile(".*(?:\\[\\d{1,4}\\]|,\\s+\\S.*|\\s(?:--|[-–—])\\s.*)\\s*$");

  /**
   * A name alone on its line with a company, role or reference number after it ("Kathryn Lynn
   * Huberty, Morgan Stanley - Analyst [2]", "Tejas Gala -- Senior Analyst"): the speech follows on
   * the next line, never joined to it.
   */
  private boolean isDescribedName(String line) {
    return line.length() <= 160
        && DESCRIBED.matcher(line).matches()
        && labels.candidate(line).filter(m -> m.shape() == SpeakerLabels.Shape.ALONE).isPresent();
  }

  /**
   * The width the text is wrapped at: the length of the 80th percentile line (0 when there are few
   * lines).
   */
  private static int wrapWidth(List<String> lines) {
    int[] lengths =
        lines.stream().filter(l -> !l.isEmpty()).mapToInt(String::length).sorted().toArray();
    return lengths.length < 5 ? 0 : lengths[(int) (lengths.length * 0.8)];
  }

  /**
   * True when the paragraph stops in the middle of a sentence: its last word is in lower case,
   * perhaps with a comma.
   */
  private static boolean endsMidSentence(String p) {
    int end = p.length();
    if (end > 0 && p.charAt(end - 1) == ',') {
      end--;
    }
    int start = end;
    while (start > 0 && !Character.isWhitespace(p.charAt(start - 1))) {
      start--;
    }
    if (start == 0 || start == end) {
      return false; // one word only: "\\s" in the old pattern needed a space before it
    }
    return MID_SENTENCE.matcher(p.substring(start - 1, end + (end < p.length() ? 1 : 0))).matches();
  }

  /** A paragraph that stops in the middle of a sentence: on a lower-case word or a comma. */
  private static final Pattern MID_SENTENCE = Pattern.compile("(?s).*\\s\\p{Ll}[\\p{L}'’-]*,?$");

  private static final Pattern SENTENCE_END =
      Pattern.compile(".*[.!?:;\"”’)\\]—–-]\\s*$", Pattern.DOTALL);

  /**
   * A blank line in the middle of a sentence ("...a number\n\nof Koreans find...") does not make
   * two paragraphs: a paragraph that starts in lower case continues the previous one when that one
   * did not end a sentence.
   */
  private List<String> rejoinBrokenSentences(List<String> paragraphs) {
    List<String> out = new ArrayList<>();
    for (String p : paragraphs) {
      int last = out.size() - 1;
      String previous = last >= 0 ? out.get(last) : "";
      // a title ("Transcript of proceedings") does not end a sentence either, but is short
      boolean brokenOff =
          endsMidSentence(previous)
              && !previous.startsWith("#")
              && previous.split("\\s+").length >= 6;
      if (last >= 0
          && (Character.isLowerCase(p.codePointAt(0)) || brokenOff)
          && !SENTENCE_END.matcher(previous).matches()
          && !p.startsWith("#")
          && !labels.isLabelOnly(previous)
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
