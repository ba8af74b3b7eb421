package org.transcriptnlp.parse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.transcriptnlp.model.QaPair;
import org.transcriptnlp.model.Role;
import org.transcriptnlp.model.Turn;

/**
 * Pairs each question with its answers.
 *
 * <p>A respondent's turn that follows a questioner's turn is an answer to it. When several
 * respondents answer one question in a row (a joint press conference), each gets an answer paired
 * with that question; a respondent who speaks again before the next question adds no second
 * answer. A turn by anyone else (a moderator, a chair) closes the question. Every turn is used at
 * most once as an answer.
 */
public final class QaPairer {
  private QaPairer() {}

  public static List<QaPair> pair(List<Turn> turns) {
    List<QaPair> pairs = new ArrayList<>();
    Turn question = null;
    Set<String> answeredBy = new HashSet<>();
    for (Turn t : turns) {
      switch (t.role()) {
        case QUESTIONER -> {
          question = t;
          answeredBy.clear();
        }
        case RESPONDENT -> {
          if (question != null && answeredBy.add(t.speaker())) {
            pairs.add(new QaPair(pairs.size(), question, t));
          }
        }
        case OTHER -> question = null;
      }
    }
    return pairs;
  }

  /** Convenience: the turns with role {@code role}. */
  public static List<Turn> withRole(List<Turn> turns, Role role) {
    return turns.stream().filter(t -> t.role() == role).toList();
  }
}
