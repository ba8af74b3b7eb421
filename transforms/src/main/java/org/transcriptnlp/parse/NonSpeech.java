package org.transcriptnlp.parse;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Recognises unlabelled paragraphs that are not speech: bylines, author notes, photo captions,
 * republication notices, Markdown headings, separators and bare stage directions such as
 * "(Laughter.)". These are kept out of every turn.
 */
public final class NonSpeech {
  private static final Pattern ANNOUNCES_DOCUMENT =
      Pattern.compile("(?i)^The .{0,80}\\b(?:read|is|are|was|were) as follows:?$");

  /** Notes that may run to any length: author notes, editing and republication notices. */
  private static final List<Pattern> ANY_LENGTH =
      List.of(
          Pattern.compile("(?i)^about\\s+the\\s+(?:author|interviewer)\\b.*"),
          Pattern.compile(
              "(?i)^this\\s+(?:interview|transcript|conversation|article)\\s+(?:has\\s+been|was|is)\\s+"
                  + "(?:edited|condensed|translated|lightly|republished|reprinted|adapted).*"),
          Pattern.compile("(?i).*\\ball rights reserved\\b.*"),
          Pattern.compile("(?i)^\\(Whereupon,? [^()]{5,300}\\)\\.?$"));

  /**
   * Non-speech that is short (at most {@value #SHORT_CHARS} characters): bylines, headings,
   * furniture.
   */
  private static final List<Pattern> SHORT =
      List.of(
          // Author note: "The author is General Director of ..." (a narrator's "The interviewer was
          // a kind woman, and I told her..." runs longer: speech)
          Pattern.compile(
              "(?i)^(?:the\\s+)?(?:author|writer|interviewer)s?\\s+(?:is|was|are|were)\\b.*"),
          Pattern.compile("(?i).*\\b(?:republished|reprinted)\\s+(?:this|the|with|from|by)\\b.*"),
          // Byline: "By Dikhan Kamzabekuly"
          Pattern.compile(
              "^By\\s+\\p{Lu}[\\p{L}.'’\\-]*(?:\\s+(?:\\p{Lu}[\\p{L}.'’\\-]*|and|&)){0,5}$"),
          Pattern.compile("^(?:©|\\([cC]\\)\\s*(?:19|20)\\d\\d|(?i:copyright)\\b).*"),
          // A link alone: "<https://twitter.com/...>", "https://github.com/..."
          Pattern.compile("^<?https?://\\S+>?$"),
          // Markdown heading, horizontal rules and separators
          Pattern.compile("^#{1,6}\\s+.*"),
          Pattern.compile("^(?:[-*_=~#]\\s*){3,}$"),
          // Bare stage direction: "(Laughter.)", "[MUSIC]", "{vocalsound}"
          Pattern.compile("^[(\\[{][^()\\[\\]{}]{1,60}[)\\]}]$"),
          // End-of-transcript marker in White House transcripts: "END 2:45 P.M. EDT"
          Pattern.compile("^END(?:\\s+\\d{1,2}:\\d{2}.*)?$"),
          // Narration of legislative records: what the clerk did, what was agreed to
          Pattern.compile(
              "^The (?:assistant |legislative |bill |reading |journal )*clerk"
                  + " (?:read|proceeded|called|reported)\\b.*"),
          ANNOUNCES_DOCUMENT,
          Pattern.compile(
              "^The (?:amendments?|motions?|bill|resolution|joint resolution|concurrent"
                  + " resolution|question|motion to reconsider|motion to lay on the table)(?:"
                  + " \\([^)]{1,100}\\)| Nos?\\. [\\w, -]{1,40})? (?:was|were|is|are) (?:agreed"
                  + " to|as follows|ordered|laid upon the table|laid on the table|"
                  + "rejected|passed|adopted|read|considered)\\b.*"),
          Pattern.compile("^There (?:being|was) no objection\\b.*"),
          Pattern.compile("^The yeas and nays (?:were|are) ordered\\b.*"),
          // What the record says the House did: "The House rose at 7.01 p.m.", "The Committee
          // adjourned at 4 pm."
          Pattern.compile(
              "(?i)^\\(?(?:the\\s+)?(?:house|senate|committee|assembly|council|meeting|hearing|session|sitting|court)\\s+(?:rose|adjourned|was"
                  + " adjourned|stood adjourned|recessed|ended|resumed)\\b.{0,120}$"),
          // Colophons: "Published by Clerk of the National Assembly", "Printed by ..."
          Pattern.compile(
              "(?i)^(?:published|printed|produced|prepared)\\s+by\\s+[^.!?]{3,120}\\.?$"),
          // Page headers and web furniture
          Pattern.compile("(?i)^page \\d{1,4}(?: of \\d{1,4})?$"),
          Pattern.compile("^[-–(\\[]?\\s*\\d{1,5}\\s*[-–)\\]]?$"),
          Pattern.compile(
              "(?i)^(?:subscribe|sign up|follow us|share this|share on|click here|read"
                  + " more|related)\\b[^.?!]{0,80}$"),
          // A clock time alone: "2:20 P.M. EDT", "1:44 P.M. EST"
          Pattern.compile(
              "(?i)^\\d{1,2}:\\d{2}(?::\\d{2})?\\s*(?:[ap]\\.?\\s?m\\.?)?(?:\\s+[a-z]{2,5})?$"));

  /** Paragraphs longer than this are speech unless an {@link #ANY_LENGTH} note matches. */
  private static final int SHORT_CHARS = 400;

  /** A publication dateline closing a paragraph: "[INPS Japan – January 15, 2024]". */
  private static final Pattern TRAILING_DATELINE =
      Pattern.compile(
          "^(?<speech>.*?)\\s*(?<dateline>\\[[^\\[\\]]{0,80}\\b(?:January|February|March|April|May|June|July|"
              + "August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
              + "\\.?\\s+\\d{1,2},?\\s+\\d{4}\\s*\\])\\s*$",
          Pattern.DOTALL);

  private NonSpeech() {}

  /**
   * Splits a publication dateline off the end of a paragraph.
   *
   * @return {speech, dateline}, or null when the paragraph does not end with one
   */
  public static String[] splitTrailingDateline(String paragraph) {
    if (!paragraph.stripTrailing().endsWith("]")) {
      return null;
    }
    java.util.regex.Matcher m = TRAILING_DATELINE.matcher(paragraph);
    return m.matches() ? new String[] {m.group("speech"), m.group("dateline")} : null;
  }

  private static final Pattern WORD = Pattern.compile("[\\p{L}’'-]+");

  /**
   * True for running prose, as opposed to a title, a heading, a dateline or a list: at least 20
   * words, mostly starting in lower case, with a sentence end.
   */
  public static boolean isProse(String paragraph) {
    java.util.regex.Matcher m = WORD.matcher(paragraph);
    int words = 0;
    int lower = 0;
    while (m.find()) {
      words++;
      if (Character.isLowerCase(m.group().codePointAt(0))) {
        lower++;
      }
    }
    return words >= 20 && lower * 10 >= words * 6 && paragraph.matches("(?s).*[.!?][\"”’)]?.*");
  }

  /** Headings of what follows a transcript: an index, notes, a bibliography, appendices. */
  private static final Pattern END_MATTER =
      Pattern.compile(
          "(?i)^(?:#+\\s*)?(?:\\*\\*)?(?:index|name index|subject"
              + " index|notes|endnotes|footnotes|bibliography|references|works"
              + " cited|publications|appendix(?:\\s+[a-z0-9]+)?|appendices|glossary|about the"
              + " (?:interviewer|narrator)|end of (?:interview|transcript))(?:\\*\\*)?[:.]?$");

  /** An index, notes, a bibliography after the transcript: the rest is no speech. */
  public static boolean isEndMatter(String paragraph) {
    return END_MATTER.matcher(paragraph.strip()).matches();
  }

  /** Narration that announces a printed document: "The amendment is as follows:". */
  public static boolean announcesDocument(String paragraph) {
    return ANNOUNCES_DOCUMENT.matcher(paragraph.strip()).matches();
  }

  /** True when an unlabelled paragraph is not speech. */
  public static boolean isNonSpeech(String paragraph) {
    String p = paragraph.strip();
    return matchesAny(ANY_LENGTH, p) || p.length() <= SHORT_CHARS && matchesAny(SHORT, p);
  }

  private static boolean matchesAny(List<Pattern> patterns, String p) {
    for (Pattern pattern : patterns) {
      if (pattern.matcher(p).matches()) {
        return true;
      }
    }
    return false;
  }
}
