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
 * Infers who asks (questioner) and who answers (respondent) from labelled turns.
 *
 * <ul>
 *   <li>Overrides win: names given as questioners or respondents (compared case-insensitively
 *       with the canonical name or the label).
 *   <li>The anonymous {@code Q} asks and {@code A} answers; so do labels that name the role
 *       ("Interviewer", "QUESTION", "Reporter", "Host" ask; "Interviewee", "ANSWER", "Guest",
 *       "Witness" answer).
 *   <li>Chairs of the proceedings (moderator, presiding officer, clerk, secretary, operator,
 *       announcer, narrator) are "other".
 *   <li>A speaker at least half of whose turns end in a question is a questioner; so is one who
 *       asks in a quarter of their turns and at least half as often as the most asking speaker, when that one (of three turns or more) asks in at
 *       least a quarter of their turns (podcast hosts, committee members). In a two-person conversation
 *       the one who asks more often asks.
 *   <li>A speaker who is not a questioner is a respondent when at least half of their turns come
 *       right after a questioner's, or when they speak right after a questioner and say at least
 *       15% of all words (a guest who also talks with the other guest); any other speaker is
 *       "other" (a chair calling the next member, an announcer).
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

  Result infer(List<TurnParser.Draft> turns) {
    Map<String, int[]> stats = new LinkedHashMap<>(); // speaker -> {turns, question turns, words}
    int allWords = 0;
    Map<String, String> labelOf = new HashMap<>();
    for (TurnParser.Draft t : turns) {
      if (t.paragraphs.isEmpty()) {
        continue;
      }
      int[] s = stats.computeIfAbsent(t.speaker, k -> new int[3]);
      s[0]++;
      for (String p : t.paragraphs) {
        int w = p.split("\\s+").length;
        s[2] += w;
        allWords += w;
      }
      if (TurnParser.asksQuestion(t.lastParagraph())) {
        s[1]++;
      }
      if (t.label != null) {
        labelOf.putIfAbsent(t.speaker, t.label);
      }
    }
    Map<String, Role> roleOf = new LinkedHashMap<>();
    for (String speaker : stats.keySet()) {
      Role forced = forced(speaker, labelOf.get(speaker));
      if (forced != null) {
        roleOf.put(speaker, forced);
      }
    }
    boolean anonymousAsker = roleOf.containsValue(Role.QUESTIONER);
    double most = 0;
    for (Map.Entry<String, int[]> e : stats.entrySet()) {
      if (!roleOf.containsKey(e.getKey()) && e.getValue()[0] >= 3) {
        most = Math.max(most, ratio(e.getValue()));
      }
    }
    for (Map.Entry<String, int[]> e : stats.entrySet()) {
      int[] s = e.getValue();
      double r = ratio(s);
      boolean relative = !anonymousAsker && most >= 0.25 && r >= most / 2 && r >= 0.25;
      boolean asks = s[1] > 0 && (r >= 0.5 || relative);
      if (!roleOf.containsKey(e.getKey()) && asks) {
        roleOf.put(e.getKey(), Role.QUESTIONER);
      }
    }
    if (stats.size() == 2 && !roleOf.containsValue(Role.QUESTIONER)) {
      List<String> two = new ArrayList<>(stats.keySet());
      double r0 = ratio(stats.get(two.get(0)));
      double r1 = ratio(stats.get(two.get(1)));
      if (r0 != r1) {
        String asker = r0 > r1 ? two.get(0) : two.get(1);
        if (!roleOf.containsKey(asker)) {
          roleOf.put(asker, Role.QUESTIONER);
        }
      }
    }
    // Respondents: speakers who are not questioners and whose turns often follow a question.
    Map<String, Integer> afterQuestioner = new HashMap<>();
    Map<String, Integer> inQuestionSpan = new HashMap<>();
    String previous = null;
    boolean questionOpen = false;
    for (TurnParser.Draft t : turns) {
      if (t.paragraphs.isEmpty()) {
        continue;
      }
      if (previous != null && roleOf.get(previous) == Role.QUESTIONER && !previous.equals(t.speaker)) {
        afterQuestioner.merge(t.speaker, 1, Integer::sum);
      }
      if (roleOf.get(t.speaker) == Role.QUESTIONER) {
        questionOpen = true;
      } else if (questionOpen) {
        // a round-robin panel answers one question in turn
        inQuestionSpan.merge(t.speaker, 1, Integer::sum);
      }
      previous = t.speaker;
    }
    for (Map.Entry<String, int[]> e : stats.entrySet()) {
      int after = afterQuestioner.getOrDefault(e.getKey(), 0);
      boolean asksLittle = e.getValue()[1] * 4 < e.getValue()[0];
      boolean mostlyAnswers =
          after * 2 >= e.getValue()[0]
              || (after > 0 && asksLittle && inQuestionSpan.getOrDefault(e.getKey(), 0) * 2 >= e.getValue()[0]);
      boolean majorVoice = e.getValue()[2] * 100L >= allWords * 15L;
      if (!roleOf.containsKey(e.getKey()) && after > 0 && (mostlyAnswers || majorVoice)) {
        roleOf.put(e.getKey(), Role.RESPONDENT);
      }
    }
    for (String speaker : stats.keySet()) {
      roleOf.putIfAbsent(speaker, Role.OTHER);
    }
    Map<Role, String> main = new HashMap<>();
    Map<Role, Integer> best = new HashMap<>();
    for (Map.Entry<String, Role> e : roleOf.entrySet()) {
      int n = stats.get(e.getKey())[0];
      if (n > best.getOrDefault(e.getValue(), 0)) {
        best.put(e.getValue(), n);
        main.put(e.getValue(), e.getKey());
      }
    }
    return new Result(roleOf, main);
  }

  private Role forced(String speaker, String label) {
    String k = SpeakerRegistry.key(speaker);
    String l = label == null ? k : SpeakerRegistry.key(label);
    if (questioners.contains(k) || questioners.contains(l)) {
      return Role.QUESTIONER;
    }
    if (respondents.contains(k) || respondents.contains(l)) {
      return Role.RESPONDENT;
    }
    if (speaker.equals("Q") || ASKER.matcher(speaker).matches()) {
      return Role.QUESTIONER;
    }
    if (ANSWERER.matcher(speaker).matches()) {
      return Role.RESPONDENT;
    }
    if (CHAIR.matcher(speaker).find() || (label != null && CHAIR.matcher(label).find())) {
      return Role.OTHER;
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
      java.util.regex.Pattern.compile("(?i)(?:the\\s+)?(?:interviewee|answer|guest|witness|respondent|narrator)(?:\\s*\\d{0,2})");
  private static final java.util.regex.Pattern CHAIR =
      java.util.regex.Pattern.compile(
          "(?i)\\b(?:moderator|presiding|pro tempore|clerk|secretary|operator|announcer|narrator|"
              + "acting president|the speaker|sergeant at arms|parliamentarian|interpreter|translator)\\b");

  private static double ratio(int[] s) {
    return s[0] == 0 ? 0 : (double) s[1] / s[0];
  }
}
