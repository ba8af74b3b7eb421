package org.transcriptnlp.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.transcriptnlp.model.Block;
import org.transcriptnlp.model.Role;

/**
 * A reading for interviews that name nobody: magazine and blog Q&As set each question in bold and
 * the answer in plain paragraphs below it. When a document without any speaker label has at
 * least three paragraphs wholly in bold ({@code **...**}), most of them questions or prompts,
 * each followed by plain paragraphs, the bold paragraphs are the interviewer's and the plain
 * ones after them the interviewee's. The interviewee is named where the introduction says who
 * was interviewed ("We sat down with developer Kaitlin Devine"); else "Interviewee".
 */
final class BoldQuestions {
  static final String INTERVIEWER = "Interviewer";
  static final String INTERVIEWEE = "Interviewee";

  private static final Pattern BOLD = Pattern.compile("^(?:\\*\\*|__)(?<text>[^*_].*?)(?:\\*\\*|__)[.:]?$", Pattern.DOTALL);
  /** "sat down with developer Kaitlin Devine", "an interview with Dr. Jane Roe", "questions for Jane Roe". */
  private static final Pattern WHO =
      Pattern.compile("(?:interview(?:ed|s)?|sat\\s+down|talk(?:ed|s)?|spoke|spoken|conversation|chat(?:ted)?|questions|asked)"
          + "\\s+(?:\\w+\\s+){0,3}?(?:with|for|to)\\s+(?:(?:our|the|a|an|\\p{Ll}+)\\s+){0,3}"
          + "(?<name>\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}\\.)?(?:\\s+\\p{Lu}[\\p{L}'’-]+){1,2})");

  private BoldQuestions() {}

  /** What this reading found: the labelled paragraphs, and what is not speech. */
  record Reading(TurnParser.Labelled labelled, List<String> nonSpeech) {}

  /** The labelled paragraphs of this reading, or null when the document is not written so. */
  static Reading read(List<Block> blocks, SpeakerLabels labels) {
    List<Integer> bold = new ArrayList<>();
    int questions = 0;
    for (int i = 0; i < blocks.size(); i++) {
      Matcher m = BOLD.matcher(blocks.get(i).text().strip());
      if (blocks.get(i).speaker() == null && m.matches() && labels.match(m.group("text")).isEmpty()) {
        bold.add(i);
        if (Utterances.seeksReply(m.group("text"), Utterances.kind(m.group("text")))) {
          questions++;
        }
      }
    }
    if (bold.size() < 3 || questions * 10 < bold.size() * 6) {
      return null;
    }
    int followed = 0;
    for (int b : bold) {
      if (b + 1 < blocks.size() && !bold.contains(b + 1)) {
        followed++;
      }
    }
    if (followed * 10 < bold.size() * 8) {
      return null;
    }
    List<String> nonSpeech = new ArrayList<>();
    String interviewee = null;
    for (int i = 0; i < bold.get(0); i++) {
      String p = blocks.get(i).text().strip();
      nonSpeech.add(p);
      Matcher who = WHO.matcher(p);
      if (interviewee == null && who.find()) {
        interviewee = who.group("name");
      }
    }
    String respondent = interviewee == null ? INTERVIEWEE : interviewee;
    List<TurnParser.Item> items = new ArrayList<>();
    String speaker = null;
    for (int i = bold.get(0); i < blocks.size(); i++) {
      Block b = blocks.get(i);
      String p = b.text().strip();
      if (p.isEmpty()) {
        continue;
      }
      if (bold.contains(i)) {
        Matcher m = BOLD.matcher(p);
        m.matches();
        speaker = INTERVIEWER;
        items.add(TurnParser.item(m.group("text"), INTERVIEWER, null, "inferred: a question set in bold", b.startSeconds(), b.endSeconds()));
      } else if (NonSpeech.isNonSpeech(p) || StageDirections.isOnlyDirections(p)) {
        nonSpeech.add(p);
      } else {
        String how = INTERVIEWER.equals(speaker) ? "inferred: plain paragraphs after a question in bold" : null;
        items.add(TurnParser.item(p, respondent, null, how, b.startSeconds(), b.endSeconds()));
        speaker = respondent;
      }
    }
    TurnParser.Labelled labelled = new TurnParser.Labelled(items, Map.of(SpeakerRegistry.key(INTERVIEWER), Role.QUESTIONER,
        SpeakerRegistry.key(respondent), Role.RESPONDENT), false,
        "no labels; questions in bold are the interviewer's, the plain paragraphs after them "
            + (interviewee == null ? "the interviewee's" : interviewee + "'s (named in the introduction)"));
    return new Reading(labelled, nonSpeech);
  }
}
