package org.transcriptnlp.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stage directions inside spoken text: {@code (Laughter.)}, {@code [crosstalk 01:07:27]}, {@code
 * [MUSIC]}, {@code {vocalsound}}, {@code (As interpreted.)}, {@code \[laughs\]}. They are taken out
 * of the spoken text and recorded on the turn. A bracket counts as a stage direction only when it
 * says what happened (laughter, applause, inaudible, music, ...), so that speech in parentheses
 * such as "Akims (Mayors)" or "the Collective Security Treaty Organization (CSTO)" stays speech;
 * curly braces ({@code {gap}}, {@code {disfmarker}}) are always annotations.
 */
public final class StageDirections {
  private static final String WHAT =
      "(?:laughter|laughs?|laughing|chuckles?|chuckling|giggles?|applause|inaudible|unintelligible|indiscernible|crosstalk|cross-talk|cross"
          + " talk|overlapping(?: voices| speakers)?|music|(?:upbeat |soft |intro |outro |theme"
          + " )?music(?: (?:plays|playing|fades(?: out|"
          + " in)?|continues|ends))?|coughs?|coughing|sighs?|pause|long"
          + " pause|silence|interruption|interrupted|as interpreted|speaking (?:in )?[a-z]+|through"
          + " (?:an )?interpreter|via interpreter|vocalsound|disfmarker|gap|noise|background"
          + " noise|beep|static|cheers|cheering|boos?|booing|off[- ]mic(?:rophone)?|technical"
          + " difficulties|recess|break|omitted[^\\]\\)]{0,60}|[^\\]\\)]{0,30}segment"
          + " omitted|sponsor(?:ed)?[^\\]\\)]{0,40}|ad break|commercial break|video"
          + " (?:clip|plays)[^\\]\\)]{0,30}|audio (?:clip|plays)[^\\]\\)]{0,30}|phone"
          + " rings|gavel|no response|nods|shakes head|applause and cheers|laughter and"
          + " applause|pause in proceedings|end of (?:video|audio|clip|tape)|audio cuts"
          + " out|inaudible question|question inaudible|off camera|mumbles|groans|sniffs|clears"
          + " throat|claps|singing|whispers|yells|shouts|"
          // transcriber's notes
          + "not clear|unclear|ph|sp\\??|sic|phonetic(?:ally)?|spelling\\?|indistinct|garbled|audio"
          + " unclear|uninterpretable|unknown|unidentified speaker|multiple speakers|simultaneous"
          + " speech|\\?|people talking[^)\\]]{0,60}|several people talking[^)\\]]{0,40}|talking"
          + " simultaneously)";
  private static final String TIME = "(?:\\s*" + Timestamps.CLOCK + ")?";
  private static final Pattern BRACKETED =
      Pattern.compile(
          "\\\\?\\[\\s*(?i:"
              + WHAT
              + ")"
              + TIME
              + "\\s*\\.?\\s*\\\\?\\]"
              + "|\\(\\s*(?i:"
              + WHAT
              + ")"
              + TIME
              + "\\s*\\.?\\s*\\)"
              + "|\\{[^{}]{1,40}\\}"
              // a transcriber's note in capitals: "[END OF AUDIO, FILE #1.2]", "[INAUDIBLE 00:12]"
              + "|\\\\?\\[(?!\\s*(?:SPEAKER|PARTICIPANT|INTERVIEWER|INTERVIEWEE|RESPONDENT|MODERATOR|PANELIST|GUEST|HOST|"
              + "CALLER|AUDIENCE|MEMBER|VOICE|PERSON)(?:[\\s_#]*(?:\\d{1,3}|[A-Z]))?\\s*\\\\?\\])(?=[^\\[\\]]*\\p{Lu}{2})(?=[^\\[\\]]*\\s)(?=[^\\[\\]]*(?:\\d|,|\\b(?:END|BEGIN|BEGINNING|START|OF|TAPE|"
              + "AUDIO|VIDEO|FILE|SIDE|SESSION|INAUDIBLE|UNINTELLIGIBLE|PAUSE|BREAK|RECESS|INTERRUPTION|RECORDING)\\b))"
              + "[^\\[\\]\\p{Ll}]{3,60}\\\\?\\]");

  private StageDirections() {}

  /** True when the text is one stage direction of the known kinds ("[Laughter]", "(inaudible)"). */
  public static boolean isDirection(String text) {
    return BRACKETED.matcher(text.strip()).matches();
  }

  /**
   * One or more bracketed notes and nothing else: "(OFF-MIKE)", "[CROSSTALK] [MUSIC]", "(Speaking
   * French.)".
   */
  private static final Pattern ONLY_BRACKETED =
      Pattern.compile(
          "^(?:\\s*(?:\\\\?\\[[^\\[\\]]{1,80}\\\\?\\]|\\([^()]{1,80}\\)|\\{[^{}]{1,80}\\}|\\*[^*]{1,80}\\*)[.,;:!?]?)+\\s*$");

  /**
   * True when a paragraph or turn is only stage directions, of any wording, case or bracket ({@code
   * (OFF-MIKE)}, {@code [CROSSTALK]}, {@code *laughs*}): it is no speech and no answer.
   */
  public static boolean isOnlyDirections(String text) {
    return !text.isBlank() && ONLY_BRACKETED.matcher(text).matches();
  }

  /** The paragraph without its stage directions, and the directions taken out. */
  public record Split(String speech, List<String> directions) {}

  public static Split split(String paragraph) {
    Matcher m = BRACKETED.matcher(paragraph);
    List<String> directions = new ArrayList<>();
    StringBuilder speech = new StringBuilder();
    int last = 0;
    while (m.find()) {
      directions.add(m.group().replace("\\[", "[").replace("\\]", "]"));
      speech.append(paragraph, last, m.start()).append(' ');
      last = m.end();
    }
    if (directions.isEmpty()) {
      return new Split(paragraph, List.of());
    }
    speech.append(paragraph.substring(last));
    String cleaned =
        speech.toString().replaceAll("\\s+", " ").replaceAll(" ([.,;:!?])", "$1").strip();
    return new Split(cleaned, directions);
  }
}
