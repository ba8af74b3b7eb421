package org.transcriptnlp.parse;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Recognises unlabelled paragraphs that are not speech: bylines, author notes, photo captions,
 * republication notices, Markdown headings, separators and bare stage directions such as
 * "(Laughter.)". These are kept out of every turn.
 */
public final class NonSpeech {
  private static final List<Pattern> PATTERNS =
      List.of(
          // Byline: "By Dikhan Kamzabekuly"
          Pattern.compile("^By\\s+\\p{Lu}[\\p{L}.'’\\-]*(?:\\s+(?:\\p{Lu}[\\p{L}.'’\\-]*|and|&)){0,5}$"),
          // Author note: "The author is General Director of ..."
          Pattern.compile("(?i)^(?:the\\s+)?(?:author|writer|interviewer)s?\\s+(?:is|was|are|were)\\b.*"),
          Pattern.compile("(?i)^about\\s+the\\s+(?:author|interviewer)\\b.*"),
          Pattern.compile(
              "(?i)^this\\s+(?:interview|transcript|conversation|article)\\s+(?:has\\s+been|was|is)\\s+"
                  + "(?:edited|condensed|translated|lightly|republished|reprinted|adapted).*"),
          Pattern.compile("(?i).*\\b(?:republished|reprinted)\\s+(?:this|the|with|from|by)\\b.*"),
          Pattern.compile("(?i).*\\ball rights reserved\\b.*"),
          Pattern.compile("^(?:©|\\(c\\)|copyright\\b).*", Pattern.CASE_INSENSITIVE),
          // Markdown heading, horizontal rules and separators
          Pattern.compile("^#{1,6}\\s+.*"),
          Pattern.compile("^(?:[-*_=~#]\\s*){3,}$"),
          // Bare stage direction: "(Laughter.)", "[MUSIC]", "{vocalsound}"
          Pattern.compile("^[(\\[{][^()\\[\\]{}]{1,60}[)\\]}]$"),
          // End-of-transcript marker in White House transcripts: "END 2:45 P.M. EDT"
          Pattern.compile("^END(?:\\s+\\d{1,2}:\\d{2}.*)?$"));

  private NonSpeech() {}

  /** True when an unlabelled paragraph is not speech. */
  public static boolean isNonSpeech(String paragraph) {
    String p = paragraph.strip();
    for (Pattern pattern : PATTERNS) {
      if (pattern.matcher(p).matches()) {
        return true;
      }
    }
    return false;
  }
}
