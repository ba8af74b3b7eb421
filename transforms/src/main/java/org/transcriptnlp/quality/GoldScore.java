package org.transcriptnlp.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.transcriptnlp.model.ParsedTranscript;
import org.transcriptnlp.model.QaPair;
import org.transcriptnlp.model.Turn;
import org.transcriptnlp.parse.QaPairer;
import org.transcriptnlp.parse.StageDirections;

/**
 * How one parsed transcript compares with its gold: spot checks with the right speaker and the
 * right role, turn and answer counts against their tolerances, non-speech snippets found inside an
 * answer, gold speakers the parser did not find and parsed speakers that are no gold speaker.
 *
 * @param rejected why the file gave no turns (then every check fails), or null
 * @param misses one line per failed check, for the report's detail
 */
public record GoldScore(
    Gold gold,
    String rejected,
    int turns,
    int answers,
    int checks,
    int speakersRight,
    int roleChecks,
    int rolesRight,
    int nonSpeechLeaks,
    List<String> missingSpeakers,
    List<String> extraSpeakers,
    List<String> misses) {

  public boolean turnsHold() {
    return rejected == null && gold.turns().holds(turns);
  }

  public boolean answersHold() {
    return rejected == null && gold.answers().holds(answers);
  }

  public static GoldScore rejected(Gold gold, String why) {
    long scoredRoles = gold.checks().stream().filter(c -> !"any".equals(c.role())).count();
    return new GoldScore(
        gold,
        why,
        0,
        0,
        gold.checks().size(),
        0,
        (int) scoredRoles,
        0,
        0,
        gold.speakers().stream().map(Gold.Speaker::name).toList(),
        List.of(),
        List.of("rejected: " + why));
  }

  public static GoldScore of(Gold gold, ParsedTranscript parsed) {
    List<Turn> turns = parsed.turns();
    List<String> keys = turns.stream().map(t -> Gold.key(t.text())).toList();
    List<QaPair> pairs = QaPairer.pair(turns);
    List<String> misses = new ArrayList<>();
    int speakersRight = 0;
    int roleChecks = 0;
    int rolesRight = 0;
    for (Gold.Check c : gold.checks()) {
      // as the parser keeps speech: stage directions ("[laughter]") taken out of it
      String snippet = Gold.key(StageDirections.split(c.snippet()).speech());
      Turn found = null;
      for (int i = 0; i < turns.size() && found == null; i++) {
        if (keys.get(i).contains(snippet)) {
          found = turns.get(i);
        }
      }
      Gold.Speaker want = gold.speaker(c.speaker());
      boolean speakerOk = found != null && (want.is(found.speaker()) || want.is(found.label()));
      boolean scoreRole = !"any".equals(c.role());
      boolean roleOk = found != null && found.role().value().equals(c.role());
      speakersRight += speakerOk ? 1 : 0;
      if (scoreRole) {
        roleChecks++;
        rolesRight += roleOk ? 1 : 0;
      }
      if (!speakerOk || (scoreRole && !roleOk)) {
        misses.add(
            found == null
                ? "not in any turn: \"" + c.snippet() + "\" (" + c.speaker() + ")"
                : "\""
                    + c.snippet()
                    + "\": want "
                    + c.speaker()
                    + "/"
                    + c.role()
                    + ", got "
                    + found.speaker()
                    + "/"
                    + found.role().value()
                    + " (turn "
                    + found.index()
                    + ")");
      }
    }
    int leaks = 0;
    for (String ns : gold.nonSpeech()) {
      String k = Gold.key(ns);
      for (QaPair p : pairs) {
        if (Gold.key(p.answer().text()).contains(k)) {
          leaks++;
          misses.add("non-speech in answer " + p.answerIndex() + ": \"" + ns + "\"");
          break;
        }
      }
    }
    List<String> parsedSpeakers = turns.stream().map(Turn::speaker).distinct().toList();
    Map<String, String> labelOf =
        turns.stream()
            .filter(t -> t.label() != null)
            .collect(Collectors.toMap(Turn::speaker, Turn::label, (a, b) -> a));
    List<String> missing =
        gold.speakers().stream()
            .filter(s -> parsedSpeakers.stream().noneMatch(p -> s.is(p) || s.is(labelOf.get(p))))
            .map(Gold.Speaker::name)
            .toList();
    List<String> extra =
        parsedSpeakers.stream()
            .filter(p -> gold.speakers().stream().noneMatch(s -> s.is(p) || s.is(labelOf.get(p))))
            .toList();
    return new GoldScore(
        gold,
        null,
        turns.size(),
        pairs.size(),
        gold.checks().size(),
        speakersRight,
        roleChecks,
        rolesRight,
        leaks,
        missing,
        extra,
        misses);
  }
}
