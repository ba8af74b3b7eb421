package org.transcriptnlp.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.transcriptnlp.model.QaPair;
import org.transcriptnlp.model.Role;
import org.transcriptnlp.model.Turn;

/**
 * Pairs each question with its answers.
 *
 * <ul>
 *   <li>A questioner's turn opens a question when it seeks a reply ({@link Utterances#seeksReply}:
 *       a question, with or without "?", or a prompt); in a one-on-one interview, also a remark of
 *       a few words. A questioner's thanks, backchannel ("Okay."), self-introduction, call on a
 *       speaker or point of order opens none.
 *   <li>A respondent's turn after an open question is an answer to it. When several respondents
 *       answer one question in a row (a panel, a joint press conference), each gets an answer
 *       paired with that question; a respondent who speaks again before the next question adds no
 *       second answer. A self-introduction is no answer.
 *   <li>Turns that only manage the floor (a chair's "The honourable minister.", an operator's "Our
 *       next question comes from...") are skipped: the minister's reply still answers the member's
 *       question. A statement of some length (forty words or more) by anyone else closes the
 *       question.
 * </ul>
 *
 * Every turn is used at most once as an answer.
 */
public final class QaPairer {
  private QaPairer() {}

  public static List<QaPair> pair(List<Turn> turns) {
    List<QaPair> pairs = new ArrayList<>();
    Turn question = null;
    Set<String> answeredBy = new HashSet<>();
    Set<String> names = Utterances.nameWords(turns.stream().map(Turn::speaker).distinct().toList());
    List<Utterances.Kind> kinds =
        turns.stream().map(t -> Utterances.kind(t.text(), names)).toList();
    Set<String> interviewers = interviewers(turns, kinds);
    for (int i = 0; i < turns.size(); i++) {
      Turn t = turns.get(i);
      Turn next = i + 1 < turns.size() ? turns.get(i + 1) : null;
      Utterances.Kind kind = kinds.get(i);
      switch (t.role()) {
        case QUESTIONER -> {
          if (opensQuestion(kind, t, interviewers.contains(t.speaker()))) {
            question = t;
            answeredBy.clear();
          }
        }
        case RESPONDENT -> {
          // "Yeah." while the reporter is still asking (the reporter goes on) is no answer: the
          // answer comes after.
          boolean backchannel =
              kind == Utterances.Kind.COURTESY
                  && words(t) <= 3
                  && question != null
                  && next != null
                  && next.speaker().equals(question.speaker())
                  && (cutOff(question) || continues(next));
          // an introduction is no answer, unless the question asked for one
          boolean intro =
              kind == Utterances.Kind.INTRO
                  && !(question != null && Utterances.asksForIntroduction(question.text()));
          if (question != null && !intro && !backchannel && answeredBy.add(t.speaker())) {
            pairs.add(new QaPair(pairs.size(), question, t));
          }
        }
        case OTHER -> {
          if (kind == Utterances.Kind.STATEMENT && words(t) >= 40) {
            question = null;
          }
        }
      }
    }
    return pairs;
  }

  /**
   * True when a questioner's turn of this kind opens a question: it seeks a reply (a question, a
   * prompt); for an interviewer, also a remark of a few words ("So it operated really at the
   * machine level."), which is an interviewer's way of asking.
   */
  static boolean opensQuestion(Utterances.Kind kind, Turn t, boolean interviewer) {
    return Utterances.seeksReply(t.text(), kind)
        || (interviewer && kind == Utterances.Kind.STATEMENT && words(t) >= 4);
  }

  /**
   * The questioners who interview: where one respondent answers, the one questioner of a one-on-one
   * interview, or, where several ask (a host and a co-host), those of whose turns (thanks and
   * floor-giving aside) at least 30% seek a reply. A debater taken for a questioner mostly states,
   * and their statements prompt nothing.
   */
  private static Set<String> interviewers(List<Turn> turns, List<Utterances.Kind> kinds) {
    Set<String> out = new HashSet<>();
    if (speakers(turns, Role.RESPONDENT) != 1) {
      return out;
    }
    if (speakers(turns, Role.QUESTIONER) == 1) {
      // one-on-one: the interviewer's remarks are their way of asking, however few turns ask
      turns.stream()
          .filter(t -> t.role() == Role.QUESTIONER)
          .findFirst()
          .ifPresent(t -> out.add(t.speaker()));
      return out;
    }
    Map<String, int[]> asks = new HashMap<>();
    for (int i = 0; i < turns.size(); i++) {
      Turn t = turns.get(i);
      if (t.role() == Role.QUESTIONER && !kinds.get(i).managesFloor()) {
        int[] n = asks.computeIfAbsent(t.speaker(), k -> new int[2]);
        n[0]++;
        n[1] += Utterances.seeksReply(t.text(), kinds.get(i)) ? 1 : 0;
      }
    }
    asks.forEach(
        (speaker, n) -> {
          if (n[1] * 10 >= n[0] * 3) {
            out.add(speaker);
          }
        });
    return out;
  }

  /** A turn that stops without ending its sentence: "So the question is whether —". */
  private static boolean cutOff(Turn t) {
    String text = Utterances.withLatinPunctuation(t.text()).strip();
    return !text.matches("(?s).*[.?!…\"”’)]$") || text.matches("(?s).*(?:—|--|-|\\.\\.\\.|…)$");
  }

  /** A turn that carries on the one before: it starts in lower case, with a dash or an ellipsis. */
  private static boolean continues(Turn t) {
    String s = t.text().strip();
    return !s.isEmpty()
        && (Character.isLowerCase(s.codePointAt(0))
            || s.matches("(?s)^(?:—|--|-|\\.\\.\\.|…|and\\b|And\\b).*"));
  }

  private static long speakers(List<Turn> turns, Role role) {
    return turns.stream().filter(t -> t.role() == role).map(Turn::speaker).distinct().count();
  }

  private static int words(Turn t) {
    int n = 0;
    for (String p : t.paragraphs()) {
      n += Utterances.words(p);
    }
    return n;
  }

  /** Convenience: the turns with role {@code role}. */
  public static List<Turn> withRole(List<Turn> turns, Role role) {
    return turns.stream().filter(t -> t.role() == role).toList();
  }
}
