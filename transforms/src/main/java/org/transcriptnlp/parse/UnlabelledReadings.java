package org.transcriptnlp.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.transcriptnlp.model.Block;
import org.transcriptnlp.model.Role;

/**
 * Readings for documents that name nobody in a label, tried when no label is found (so that a file
 * a person can read is not rejected):
 *
 * <ul>
 *   <li><b>Questions as paragraphs.</b> Magazine, blog and agency Q&As set each question as a
 *       paragraph of its own (often in bold) and the answer in the plain paragraphs below it. When
 *       at least three paragraphs are questions (in bold, or short ones that ask) and nearly each
 *       is followed by a paragraph that is not, the questions are the interviewer's and the
 *       paragraphs after them the interviewee's. The interviewee is named where the introduction
 *       says who was interviewed ("Interview with Alex Borlaff", "We sat down with developer
 *       Kaitlin Devine"); a group Q&A switches to the next respondent at a short line that
 *       introduces them ("Francesca Gallo, Ph.D., research scientist, ..."), which, with a photo
 *       caption that names them just before it, is no speech.
 *   <li><b>A monologue.</b> A lecture or a talk in the first person with no question structure is
 *       one turn of one speaker, named where they introduce themselves ("Hi everyone, I'm Dr
 *       Federico Andreis").
 * </ul>
 */
final class UnlabelledReadings {
  static final String INTERVIEWER = "Interviewer";
  static final String INTERVIEWEE = "Interviewee";

  private static final Pattern BOLD =
      Pattern.compile("^(?:\\*\\*|__)(?<text>[^*_].*?)(?:\\*\\*|__)[.:]?$", Pattern.DOTALL);

  /**
   * "sat down with developer Kaitlin Devine", "Interview with Alex Borlaff", "questions for Jane
   * Roe".
   */
  private static final Pattern WHO =
      Pattern.compile(
          "(?i:interview(?:ed|s)?|sat\\s+down|talk(?:ed|s)?|spoke|spoken|conversation|chat(?:ted)?|questions|asked)"
              + "\\s+(?:\\w+\\s+){0,3}?(?i:with|for|to)\\s+(?:(?:our|the|a|an|\\p{Ll}+)\\s+){0,3}"
              + "(?<name>\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}\\.)?(?:\\s+\\p{Lu}[\\p{L}'’-]+){1,2})");

  /** A line introducing a respondent: "Francesca Gallo, Ph.D., research scientist, ..." */
  private static final Pattern BIO =
      Pattern.compile("^(?<name>\\p{Lu}[\\p{L}'’.-]+(?:\\s+\\p{Lu}[\\p{L}'’.-]+){1,3}),\\s+\\S.*");

  /**
   * A speaker addressing listeners: "Good morning, everyone", "in this lecture", "as you can see".
   */
  private static final Pattern AUDIENCE =
      Pattern.compile(
          "(?i)\\b(?:ladies\\s+and\\s+gentlemen|(?:hi|hello|welcome|morning|afternoon|evening),?\\s+(?:everyone|everybody|all)"
              + "|good\\s+(?:morning|afternoon|evening)|thank\\s+you\\s+(?:all\\s+)?for\\s+(?:coming|joining|having)|welcome\\s+to\\s+(?:this|the|our)"
              + "|in\\s+this\\s+(?:talk|lecture|session|video|presentation|class)|as\\s+you\\s+can\\s+see"
              + "|let\\s+me\\s+(?:show|start|begin)|today\\s+(?:I|we)(?:'ll|’ll|\\s+will|\\s+want))\\b");

  private static final Pattern FIRST_PERSON =
      Pattern.compile("\\b(?:I|I'm|I’m|my|me|we|our|us)\\b");
  private static final Pattern YOU = Pattern.compile("(?i)\\b(?:you|your|yours|yourself)\\b");

  /** What a reading found: the labelled paragraphs, and what is not speech. */
  record Reading(TurnParser.Labelled labelled, List<String> nonSpeech) {}

  private UnlabelledReadings() {}

  /** The first reading that fits the document, or null. */
  static Reading read(List<Block> blocks, SpeakerLabels labels) {
    Reading r = questions(blocks, labels);
    return r != null ? r : monologue(blocks);
  }

  private static String text(Block b) {
    Matcher m = BOLD.matcher(b.text().strip());
    return m.matches() ? m.group("text").strip() : b.text().strip();
  }

  static Reading questions(List<Block> blocks, SpeakerLabels labels) {
    List<Integer> bold = new ArrayList<>();
    List<Integer> asking = new ArrayList<>();
    int boldQuestions = 0;
    for (int i = 0; i < blocks.size(); i++) {
      Block b = blocks.get(i);
      String p = b.text().strip();
      if (b.speaker() != null || p.isEmpty() || labels.match(text(b)).isPresent()) {
        continue;
      }
      String t = text(b);
      boolean endsInQuestionMark = Utterances.withLatinPunctuation(t).endsWith("?");
      boolean asks = Utterances.seeksReply(t, Utterances.kind(t)) || endsInQuestionMark;
      if (BOLD.matcher(p).matches()) {
        bold.add(i);
        boldQuestions += asks ? 1 : 0;
      }
      if (asks && Utterances.words(t) <= 80 && (endsInQuestionMark || Utterances.words(t) <= 40)) {
        asking.add(i);
      }
    }
    // Bold marks the questions where most bold paragraphs ask; else the short paragraphs that ask
    // someone ("Do you have siblings?"), not a lecture's own questions ("What is the
    // probability...?").
    List<Integer> questions =
        bold.size() >= 3 && boldQuestions * 10 >= bold.size() * 6 ? bold : asking;
    if (questions.size() < 3) {
      return null;
    }
    if (questions != bold) {
      long addressed =
          questions.stream().filter(q -> YOU.matcher(text(blocks.get(q))).find()).count();
      if (addressed * 2 < questions.size()) {
        return null;
      }
    }
    Set<Integer> isQuestion = new HashSet<>(questions);
    int followed = 0;
    long questionWords = 0;
    long answerWords = 0;
    int answers = 0;
    for (int q : questions) {
      questionWords += Utterances.words(text(blocks.get(q)));
      if (q + 1 < blocks.size() && !isQuestion.contains(q + 1)) {
        followed++;
        answerWords += Utterances.words(text(blocks.get(q + 1)));
        answers++;
      }
    }
    boolean longerAnswers =
        questions == bold || answerWords * questions.size() >= questionWords * answers * 3 / 2;
    if (followed * 10 < questions.size() * 8 || !longerAnswers) {
      return null;
    }
    List<String> nonSpeech = new ArrayList<>();
    String interviewee = null;
    for (int i = 0; i < questions.get(0); i++) {
      String p = blocks.get(i).text().strip();
      nonSpeech.add(p);
      Matcher who = WHO.matcher(p);
      if (interviewee == null && who.find()) {
        interviewee = who.group("name");
      }
    }
    Map<Integer, String> bios = bios(blocks, isQuestion);
    // the line introducing the first respondent sits just above the first question
    String first = bios.get(questions.get(0) - 1);
    String respondent = first != null ? first : interviewee == null ? INTERVIEWEE : interviewee;
    Map<String, Role> roles = new HashMap<>();
    roles.put(SpeakerRegistry.key(INTERVIEWER), Role.QUESTIONER);
    roles.put(SpeakerRegistry.key(respondent), Role.RESPONDENT);
    List<TurnParser.Item> items = new ArrayList<>();
    String speaker = null;
    for (int i = questions.get(0); i < blocks.size(); i++) {
      Block b = blocks.get(i);
      String p = b.text().strip();
      if (p.isEmpty()) {
        continue;
      }
      if (bios.containsKey(i)) {
        respondent = bios.get(i);
        roles.put(SpeakerRegistry.key(respondent), Role.RESPONDENT);
        nonSpeech.add(p);
      } else if (i + 1 < blocks.size()
          && bios.containsKey(i + 1)
          && p.contains(lastName(bios.get(i + 1)))) {
        nonSpeech.add(p); // the photo caption above the line that introduces the next respondent
      } else if (isQuestion.contains(i)) {
        speaker = INTERVIEWER;
        items.add(
            TurnParser.item(
                text(b),
                INTERVIEWER,
                null,
                "inferred: a question set as its own paragraph"
                    + (questions == bold ? " in bold" : ""),
                b.startSeconds(),
                b.endSeconds()));
      } else if (NonSpeech.isNonSpeech(p) || StageDirections.isOnlyDirections(p)) {
        nonSpeech.add(p);
      } else {
        String how =
            INTERVIEWER.equals(speaker) ? "inferred: the paragraphs after a question" : null;
        items.add(TurnParser.item(p, respondent, null, how, b.startSeconds(), b.endSeconds()));
        speaker = respondent;
      }
    }
    TurnParser.Labelled labelled =
        new TurnParser.Labelled(
            items,
            roles,
            false,
            "no labels; questions set as their own paragraphs"
                + (questions == bold ? " in bold" : "")
                + " are the interviewer's, the paragraphs after them "
                + (interviewee == null && bios.isEmpty()
                    ? "the interviewee's"
                    : "the named interviewee's"));
    return new Reading(labelled, nonSpeech);
  }

  /** Short lines that introduce the next respondent of a group Q&A, right before a question. */
  private static Map<Integer, String> bios(List<Block> blocks, Set<Integer> isQuestion) {
    Map<Integer, String> out = new HashMap<>();
    for (int i = 0; i + 1 < blocks.size(); i++) {
      String p = blocks.get(i).text().strip();
      Matcher m = BIO.matcher(p);
      if (isQuestion.contains(i + 1)
          && !isQuestion.contains(i)
          && m.matches()
          && Utterances.words(p) <= 60
          && !FIRST_PERSON.matcher(p).find()
          && SpeakerLabels.isName(m.group("name"))) {
        out.put(i, m.group("name"));
      }
    }
    return out.size() >= 2 ? out : Map.of();
  }

  private static String lastName(String name) {
    String[] w = name.split("\\s+");
    return w[w.length - 1];
  }

  /** A lecture or talk in the first person: one turn of one speaker. */
  static Reading monologue(List<Block> blocks) {
    int prose = 0;
    int firstPerson = 0;
    long words = 0;
    String name = null;
    boolean addressesAudience = false;
    List<Integer> speech = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i++) {
      Block b = blocks.get(i);
      String p = b.text().strip();
      if (b.speaker() != null
          || p.isEmpty()
          || NonSpeech.isNonSpeech(p)
          || StageDirections.isOnlyDirections(p)) {
        continue;
      }
      if (Utterances.words(p) >= 12) {
        prose++;
        firstPerson += FIRST_PERSON.matcher(p).find() ? 1 : 0;
        words += Utterances.words(p);
        speech.add(i);
        addressesAudience |= AUDIENCE.matcher(p).find();
        if (name == null && speech.size() <= 3) {
          name = Utterances.selfIntroducedName(p);
        }
      }
    }
    // A speaker who says who they are, or half the paragraphs in the first person with the
    // audience addressed: an essay or a report in the first person now and then is no talk.
    boolean talk =
        name != null
            ? firstPerson * 10 >= prose * 3
            : firstPerson * 2 >= prose && addressesAudience;
    if (prose < 2 || words < 100 || !talk) {
      return null;
    }
    String speaker = name == null ? TurnParser.UNIDENTIFIED : name;
    List<String> nonSpeech = new ArrayList<>();
    List<TurnParser.Item> items = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i++) {
      Block b = blocks.get(i);
      String p = b.text().strip();
      if (p.isEmpty()) {
        continue;
      }
      if (i < speech.get(0)
          || NonSpeech.isNonSpeech(p)
          || StageDirections.isOnlyDirections(p)
          || Utterances.words(p) < 12 && !p.matches("(?s).*[.!?…\"”]$")) {
        nonSpeech.add(p); // titles, slide headings, short lines that are no sentence
      } else {
        items.add(
            TurnParser.item(
                p,
                speaker,
                null,
                "inferred: one speaker talks throughout",
                b.startSeconds(),
                b.endSeconds()));
      }
    }
    return new Reading(
        new TurnParser.Labelled(
            items,
            Map.of(),
            false,
            "no labels; a talk in the first person by one speaker"
                + (name == null ? "" : ", who introduces themself")),
        nonSpeech);
  }
}
