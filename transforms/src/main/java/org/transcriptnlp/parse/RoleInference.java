package org.transcriptnlp.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.transcriptnlp.model.Role;

/**
 * Infers who asks (questioner) and who answers (respondent) from the turns: from who puts questions
 * to whom, not from labels or "?" alone.
 *
 * <ul>
 *   <li><b>Given roles win</b>: names given as questioners or respondents, roles the document's
 *       header or participant lists give (an interviewer, "Conference Call Participants"), the
 *       anonymous {@code Q} and {@code A} and their counterparts in other languages ({@link
 *       QaLabels}: {@code В}/{@code О}, {@code س}/{@code ج}, {@code 问}/{@code 答}), labels that name
 *       the role ("Interviewer", "Host", "Reporter" ask; "Interviewee", "Guest", "Witness",
 *       "Narrator" answer), voices that never ask (operator, clerk, announcer, interpreter,
 *       recorded clips).
 *   <li><b>Who asks whom.</b> Every turn that asks ({@link Utterances}: a question, with or without
 *       "?", or a prompt) and is followed by another speaker's reply is an edge from the asker to
 *       the replier. A speaker's balance is (questions put - questions answered) / (both): an
 *       interviewer's is near +1, an interviewee's near -1, a participant of a meeting or floor
 *       debate, who asks as much as they answer, near 0.
 *   <li><b>Questioners</b> put at least three questions that were answered and have a balance of at
 *       least +0.5 (a host, a co-host, a committee member, a panelist); or clearly ask more than
 *       every other main voice; or, of two people, put at least two answered questions and twice as
 *       many as they answer; or put a question to the main respondent; or ask the question they
 *       tabled ("1. What discussions he has had..."). A moderator or chair who puts questions asks
 *       too, else the chair only gives the floor and is "other", as is anyone whose turns mostly
 *       call the next speaker and thank.
 *   <li><b>Respondents</b> answer questioners: at least half of their turns follow a questioner's
 *       (a chair's call in between is skipped), or they follow one and say 15% of all words (a
 *       guest who also talks with the other guest), or they answer in turn within one question (a
 *       panel).
 *   <li>Everyone else is "other". In a conversation where nobody mostly asks (a meeting, a debate
 *       on the floor, a radio log), nobody is a questioner and so nobody a respondent.
 * </ul>
 */
public final class RoleInference {
  private final Set<String> questioners;
  private final Set<String> respondents;

  public RoleInference(Set<String> questioners, Set<String> respondents) {
    this.questioners = normalise(questioners);
    this.respondents = normalise(respondents);
  }

  private static Set<String> normalise(Set<String> names) {
    return names.stream().map(SpeakerRegistry::key).collect(Collectors.toSet());
  }

  /** Roles per canonical speaker, and the speaker with the most turns in each role. */
  public record Result(Map<String, Role> roleOf, Map<Role, String> mainSpeaker) {
    public String main(Role role) {
      return mainSpeaker.get(role);
    }
  }

  /** What one speaker does over the transcript. */
  private static final class Stats {
    int turns; // live turns that are not self-introductions
    int asks; // questions and prompts
    int floor; // calls, floor-giving, procedure
    int courtesy;
    int words;
    int put; // questions put that another speaker replied to
    int answered; // replies to another speaker's question
    int clipTurns;
    int asksMain; // turns that ask and name a main respondent
    int tabled; // questions as an order paper prints them
    final Map<String, Integer> putTo = new HashMap<>(); // questions put, by who replied
    final Map<String, Integer> answeredTo = new HashMap<>(); // replies, by who asked
    int afterQuestionerTurns; // turns right after a questioner's (a chair's call in between
    // skipped)
    int inQuestionSpan;
    String label;

    int substantive() {
      return turns - courtesy - floor;
    }

    double balance() {
      return put + answered == 0 ? 0 : (double) (put - answered) / (put + answered);
    }
  }

  /**
   * @param turns the labelled turns, in order
   * @param headerRoles roles the document's header or participant lists give (by {@link
   *     SpeakerRegistry#key})
   * @param drama the document is a play: every character is "other"
   */
  Result infer(List<TurnParser.Draft> turns, Map<String, Role> headerRoles, boolean drama) {
    Map<String, Stats> stats = new LinkedHashMap<>();
    List<Utterances.Kind> kinds = new ArrayList<>(turns.size());
    int allWords = 0;
    TurnParser.Draft openQuestion = null;
    Set<String> names =
        Utterances.nameWords(turns.stream().map(t -> t.speaker).distinct().toList());
    for (TurnParser.Draft t : turns) {
      String text = String.join(" ", t.paragraphs);
      Utterances.Kind kind = t.paragraphs.isEmpty() ? null : Utterances.kind(text, names);
      kinds.add(kind);
      if (kind == null) {
        continue;
      }
      Stats s = stats.computeIfAbsent(t.speaker, k -> new Stats());
      if (s.label == null && t.label != null) {
        s.label = t.label;
      }
      if (t.clip) {
        s.clipTurns++;
        continue;
      }
      int w = words(t);
      s.words += w;
      allWords += w;
      if (kind == Utterances.Kind.INTRO) {
        continue;
      }
      s.turns++;
      if (kind == Utterances.Kind.COURTESY) {
        s.courtesy++;
      } else if (kind.managesFloor()) {
        s.floor++;
      }
      if (kind.asks()) {
        s.asks++;
      }
      if (kind == Utterances.Kind.QUESTION && Utterances.isTabledQuestion(text)) {
        s.tabled++;
      }
      // Who asks whom: a reply of some substance by another speaker to the open question.
      if (openQuestion != null
          && !openQuestion.speaker.equals(t.speaker)
          && !kind.managesFloor()
          && w >= 5) {
        Stats asker = stats.get(openQuestion.speaker);
        asker.put++;
        asker.putTo.merge(t.speaker, 1, Integer::sum);
        s.answered++;
        s.answeredTo.merge(openQuestion.speaker, 1, Integer::sum);
        openQuestion = null;
      }
      if (Utterances.seeksReply(text, kind)) {
        openQuestion = t;
      } else if (!kind.managesFloor()
          && openQuestion != null
          && openQuestion.speaker.equals(t.speaker)) {
        openQuestion = null;
      }
    }
    // "В:" asks and "О:" answers where both are speakers (QaLabels)
    Map<String, Stats> byKey = new HashMap<>();
    stats.forEach((speaker, s) -> byKey.putIfAbsent(SpeakerRegistry.key(speaker), s));
    Map<String, Role> pairRoles = QaLabels.roles(byKey.keySet(), k -> byKey.get(k).asks);
    Map<String, Role> roleOf = new LinkedHashMap<>();
    for (Map.Entry<String, Stats> e : stats.entrySet()) {
      Stats s = e.getValue();
      // only heard in recorded clips played in the show (whatever the label: a clip's "NARRATOR")
      Role forced =
          s.turns == 0 && s.clipTurns > 0
              ? Role.OTHER
              : forced(e.getKey(), s.label, headerRoles, pairRoles);
      if (forced == null && isChairLabel(e.getKey(), s.label)) {
        // A moderator or chair who puts questions asks; one who only gives the floor is "other".
        // A chair who answers the members' questions (a central bank's chairman) is left to the
        // rules below.
        boolean answers = s.answered >= 3 && s.balance() <= -0.3;
        forced =
            s.put >= 2 && s.asks >= s.floor && s.balance() >= 0.3
                ? Role.QUESTIONER
                : answers ? null : Role.OTHER;
      }
      if (forced == null && s.tabled >= 1 && s.put >= s.answered) {
        forced = Role.QUESTIONER; // a member asking the question they tabled
      }
      if (forced == null
          && s.turns >= 2
          && (s.floor + s.courtesy) * 10 >= s.turns * 6
          && s.put * 5 <= Math.max(5, s.turns)) {
        forced = Role.OTHER; // calls the next speaker and thanks: a chair in all but name
      }
      if (forced != null) {
        roleOf.put(e.getKey(), forced);
      }
    }
    for (Map.Entry<String, Stats> e : stats.entrySet()) {
      Stats s = e.getValue();
      if (!roleOf.containsKey(e.getKey())
          && s.put >= 3
          && s.balance() >= 0.5
          && s.put * 5 >= s.substantive()) {
        roleOf.put(e.getKey(), Role.QUESTIONER);
      }
    }
    // The one who clearly asks more than every other main voice (a moderator, a researcher whose
    // participant thinks aloud in questions) asks, though the others put questions too.
    int allTurns = stats.values().stream().mapToInt(x -> x.turns).sum();
    String top = null;
    double secondBalance = -1;
    for (Map.Entry<String, Stats> e : stats.entrySet()) {
      Stats s = e.getValue();
      if (roleOf.containsKey(e.getKey()) || s.turns * 10 < allTurns) {
        continue;
      }
      if (top == null || s.balance() > stats.get(top).balance()) {
        if (top != null) {
          secondBalance = Math.max(secondBalance, stats.get(top).balance());
        }
        top = e.getKey();
      } else {
        secondBalance = Math.max(secondBalance, s.balance());
      }
    }
    if (top != null) {
      Stats t = stats.get(top);
      if (t.put >= 3
          && t.put * 5 >= t.substantive()
          && t.balance() >= 0.2
          && t.balance() >= secondBalance + 0.2) {
        roleOf.put(top, Role.QUESTIONER);
      }
    }
    // Two people: the one who puts at least two answered questions and twice as many as they
    // answer asks, or the one who only asks while the other only answers.
    List<String> live =
        stats.entrySet().stream()
            .filter(e -> e.getValue().turns > 0)
            .map(Map.Entry::getKey)
            .toList();
    if (live.size() == 2 && !roleOf.containsValue(Role.QUESTIONER)) {
      Stats a = stats.get(live.get(0));
      Stats b = stats.get(live.get(1));
      boolean noEdges = a.put + a.answered + b.put + b.answered == 0;
      for (String k : live) {
        Stats s = stats.get(k);
        Stats other = s == a ? b : a;
        // one more answered question than the other does not make a chat an interview; the
        // replies may all be short ("Because I can."): then the one who asks more asks
        boolean oneWay =
            s.answered == 0
                && other.put == 0
                && s.put >= 1; // one only asks, the other only answers
        if (!roleOf.containsKey(k)
            && (s.put >= 2 && s.put >= 2 * s.answered
                || oneWay
                || noEdges && s.asks > other.asks)) {
          roleOf.put(k, Role.QUESTIONER);
          break;
        }
      }
    }
    // The witness of a hearing, the guest of a panel: answers again and again, at length, and asks
    // little. Whoever puts them questions is a questioner, though each member asks only once.
    List<String> mainRespondents = new ArrayList<>();
    for (Map.Entry<String, Stats> e : stats.entrySet()) {
      Stats s = e.getValue();
      if (roleOf.getOrDefault(e.getKey(), Role.RESPONDENT) == Role.RESPONDENT
          && s.answered >= 3
          && s.balance() <= -0.3
          && s.words >= s.turns * 15L) {
        mainRespondents.add(e.getKey());
      }
    }
    // In a question period the members ask one after another and the minister answers them
    // together: a member whose turn asks and names the main respondent asks too.
    Set<String> respondentWords = new java.util.HashSet<>(Utterances.nameWords(mainRespondents));
    respondentWords.removeIf(w -> w.length() < 4);
    for (int i = 0; i < turns.size(); i++) {
      TurnParser.Draft t = turns.get(i);
      Stats s = stats.get(t.speaker);
      if (kinds.get(i) != null
          && kinds.get(i).asks()
          && !mainRespondents.contains(t.speaker)
          && s != null
          && !t.clip
          && mentions(t, respondentWords)) {
        s.asksMain++;
      }
    }
    for (Map.Entry<String, Stats> e : stats.entrySet()) {
      Stats s = e.getValue();
      int toMain = mainRespondents.stream().mapToInt(r -> s.putTo.getOrDefault(r, 0)).sum();
      if (!roleOf.containsKey(e.getKey())
          && !mainRespondents.contains(e.getKey())
          && (toMain >= 1 && s.put > s.answered || s.asksMain >= 1 && s.put >= s.answered)) {
        roleOf.put(e.getKey(), Role.QUESTIONER);
      }
    }
    // Respondents: speakers who are not questioners and whose turns follow a question.
    String previous = null;
    boolean questionOpen = false;
    for (int i = 0; i < turns.size(); i++) {
      TurnParser.Draft t = turns.get(i);
      Utterances.Kind kind = kinds.get(i);
      if (kind == null || t.clip || kind == Utterances.Kind.INTRO) {
        continue;
      }
      Stats s = stats.get(t.speaker);
      if (previous != null
          && roleOf.get(previous) == Role.QUESTIONER
          && !previous.equals(t.speaker)) {
        s.afterQuestionerTurns++;
      }
      if (roleOf.get(t.speaker) == Role.QUESTIONER) {
        questionOpen = true;
      } else if (questionOpen) {
        // a round-robin panel answers one question in turn
        s.inQuestionSpan++;
      }
      if (roleOf.get(t.speaker) != Role.OTHER
          && (!kind.managesFloor() || roleOf.get(t.speaker) == Role.QUESTIONER)) {
        previous = t.speaker; // a chair's turn between a question and its answer is skipped
      }
    }
    for (Map.Entry<String, Stats> e : stats.entrySet()) {
      Stats s = e.getValue();
      int after = s.afterQuestionerTurns;
      boolean asksLittle = s.put <= s.answered || s.put <= 1;
      int fromQuestioners =
          s.answeredTo.entrySet().stream()
              .filter(a -> roleOf.get(a.getKey()) == Role.QUESTIONER)
              .mapToInt(Map.Entry::getValue)
              .sum();
      boolean mostlyAnswers =
          after * 2 >= s.turns - s.courtesy && fromQuestioners * 3 >= s.substantive()
              || (after > 0
                  && asksLittle
                  && s.floor <= 1
                  && (s.answered >= 1 || s.turns >= 2)
                  && s.inQuestionSpan * 2 >= s.turns);
      boolean majorVoice = s.words * 100L >= allWords * 15L;
      if (!roleOf.containsKey(e.getKey())
          && after > 0
          && asksLittle
          && (mostlyAnswers || majorVoice)) {
        roleOf.put(e.getKey(), Role.RESPONDENT);
      }
    }
    if (!roleOf.containsValue(Role.RESPONDENT)) {
      // Questions that nobody answers at length (a radio log, a meeting): no interview.
      roleOf.replaceAll(
          (k, r) ->
              r == Role.QUESTIONER && forced(k, stats.get(k).label, headerRoles, pairRoles) == null
                  ? Role.OTHER
                  : r);
    }
    if (drama) {
      roleOf.replaceAll((k, r) -> Role.OTHER);
    }
    for (String speaker : stats.keySet()) {
      roleOf.putIfAbsent(speaker, Role.OTHER);
    }
    Map<Role, String> main = new HashMap<>();
    Map<Role, Integer> best = new HashMap<>();
    for (Map.Entry<String, Role> e : roleOf.entrySet()) {
      int n = stats.get(e.getKey()).turns;
      if (n > best.getOrDefault(e.getValue(), 0)) {
        best.put(e.getValue(), n);
        main.put(e.getValue(), e.getKey());
      }
    }
    return new Result(roleOf, main);
  }

  private static int words(TurnParser.Draft t) {
    int w = 0;
    for (String p : t.paragraphs) {
      w += Utterances.words(p);
    }
    return w;
  }

  private static boolean mentions(TurnParser.Draft t, Set<String> words) {
    if (words.isEmpty()) {
      return false;
    }
    for (String p : t.paragraphs) {
      for (String w : p.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}'’-]+")) {
        if (words.contains(w)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isChairLabel(String speaker, String label) {
    return CHAIR.matcher(speaker).find() || (label != null && CHAIR.matcher(label).find());
  }

  private Role forced(
      String speaker, String label, Map<String, Role> headerRoles, Map<String, Role> pairRoles) {
    String k = SpeakerRegistry.key(speaker);
    String l = label == null ? k : SpeakerRegistry.key(label);
    if (questioners.contains(k) || questioners.contains(l)) {
      return Role.QUESTIONER;
    }
    if (respondents.contains(k) || respondents.contains(l)) {
      return Role.RESPONDENT;
    }
    if (headerRoles.containsKey(k) || headerRoles.containsKey(l)) {
      return headerRoles.getOrDefault(k, headerRoles.get(l));
    }
    if (NEVER_ASKS.matcher(speaker).find()
        || (label != null && NEVER_ASKS.matcher(label).find())
        || PRESIDING.matcher(speaker).matches()
        || label != null && PRESIDING.matcher(label).matches()) {
      return Role.OTHER;
    }
    if (pairRoles.containsKey(k)) {
      return pairRoles.get(k);
    }
    if (speaker.equals("Q") || ASKER.matcher(speaker).matches()) {
      return Role.QUESTIONER;
    }
    if (ANSWERER.matcher(speaker).matches()) {
      return Role.RESPONDENT;
    }
    if (speaker.equals("A")) {
      return Role.RESPONDENT;
    }
    return null;
  }

  /** Labels that name the role: "Interviewer", "QUESTION", "Reporter", "Audience Member". */
  private static final java.util.regex.Pattern ASKER =
      java.util.regex.Pattern.compile(
          "(?i)(?:the\\s+)?(?:interviewer|question|questioner|reporter|journalist|audience(?:\\s+member)?|"
              + "audience\\s+question|host|co-host|cohost|presenter)(?:\\s*\\d{0,2})");

  /** "Interviewee", "ANSWER", "Guest", "Witness", "Respondent". */
  private static final java.util.regex.Pattern ANSWERER =
      java.util.regex.Pattern.compile(
          "(?i)(?:the\\s+)?(?:interviewee|answer|guest|witness|respondent|narrator)(?:\\s*\\d{0,2})");

  /** Chairs and moderators: they ask if their turns ask, else they only give the floor. */
  private static final java.util.regex.Pattern CHAIR =
      java.util.regex.Pattern.compile(
          "(?i)\\b(?:moderator|presiding|pro tempore|chair(?:man|woman|person)?|acting"
              + " president|the president of the senate|convener|convenor)\\b");

  /**
   * The presiding officer of a parliament ("The Speaker", "Hon. Speaker", "The Temporary Speaker",
   * "Mr. Deputy Speaker"): keeps order and gives the floor, even when the words are a question ("A
   * joy rider has no right to two Questions.", "Cabinet Secretary, you said you will meet the
   * contractors on?"). The whole label must be the office.
   */
  private static final java.util.regex.Pattern PRESIDING =
      java.util.regex.Pattern.compile(
          "(?i)^(?:(?:the|hon\\.?|honourable|honorable|mr\\.?|madam|madame|mister)\\s+)?(?:(?:deputy|temporary|acting|"
              + "assistant\\s+deputy)\\s+)?speaker(?:\\s+pro\\s+tempore)?\\.?$");

  /**
   * Voices that run the proceedings or play material and never ask: operator, clerk, announcer,
   * interpreter, clips.
   */
  private static final java.util.regex.Pattern NEVER_ASKS =
      java.util.regex.Pattern.compile(
          "(?i)^(?:the\\s+)?(?:operator|conference operator|(?:law |court |deputy |committee"
              + " )?clerk|courtroom deputy|bailiff|court officer|marshal|usher|announcer|voice[-"
              + " ]?over|sergeant at arms|parliamentarian|interpreter|translator|clip|audio"
              + " clip|video clip|soundbite|sound"
              + " bite|advertisement|commercial|promo|recording|narration)(?:\\s*\\d{1,2})?\\.?$");
}
