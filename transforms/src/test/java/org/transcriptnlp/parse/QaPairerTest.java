package org.transcriptnlp.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.transcriptnlp.model.QaPair;
import org.transcriptnlp.model.Role;
import org.transcriptnlp.model.Turn;

class QaPairerTest {
  private final List<Turn> turns = new ArrayList<>();

  private Turn turn(String speaker, Role role) {
    Turn t = new Turn(turns.size(), speaker, speaker, role, List.of(speaker + " speaks"), false);
    turns.add(t);
    return t;
  }

  @Test
  void eachRespondentTurnAfterAQuestionIsOneAnswer() {
    Turn q1 = turn("Q", Role.QUESTIONER);
    Turn a1 = turn("Psaki", Role.RESPONDENT);
    Turn q2 = turn("Q", Role.QUESTIONER);
    Turn a2 = turn("Psaki", Role.RESPONDENT);
    List<QaPair> pairs = QaPairer.pair(turns);
    assertEquals(2, pairs.size());
    assertSame(q1, pairs.get(0).question());
    assertSame(a1, pairs.get(0).answer());
    assertSame(q2, pairs.get(1).question());
    assertSame(a2, pairs.get(1).answer());
    assertEquals(List.of(0, 1), pairs.stream().map(QaPair::answerIndex).toList());
  }

  @Test
  void statementsBeforeAnyQuestionAreNotAnswers() {
    turn("Psaki", Role.RESPONDENT);
    Turn q = turn("Q", Role.QUESTIONER);
    Turn a = turn("Psaki", Role.RESPONDENT);
    List<QaPair> pairs = QaPairer.pair(turns);
    assertEquals(1, pairs.size());
    assertSame(q, pairs.get(0).question());
    assertSame(a, pairs.get(0).answer());
  }

  @Test
  void twoRespondentsAnsweringOneQuestionGiveTwoAnswers() {
    Turn q = turn("Q", Role.QUESTIONER);
    Turn biden = turn("President Biden", Role.RESPONDENT);
    Turn yoon = turn("President Yoon", Role.RESPONDENT);
    turn("President Biden", Role.RESPONDENT); // speaks again: no second answer
    List<QaPair> pairs = QaPairer.pair(turns);
    assertEquals(2, pairs.size());
    assertSame(q, pairs.get(0).question());
    assertSame(q, pairs.get(1).question());
    assertSame(biden, pairs.get(0).answer());
    assertSame(yoon, pairs.get(1).answer());
  }

  @Test
  void aModeratorClosesTheQuestion() {
    turn("Q", Role.QUESTIONER);
    turn("Moderator", Role.OTHER);
    turn("Psaki", Role.RESPONDENT);
    assertEquals(0, QaPairer.pair(turns).size());
  }

  @Test
  void noTurnIsPairedTwice() {
    for (int i = 0; i < 30; i++) {
      turn(i % 3 == 0 ? "Q" : "R" + (i % 2), i % 3 == 0 ? Role.QUESTIONER : Role.RESPONDENT);
    }
    Set<Turn> answers = new HashSet<>();
    for (QaPair p : QaPairer.pair(turns)) {
      assertEquals(true, answers.add(p.answer()), "answer turn used twice: " + p.answer().index());
      assertEquals(Role.RESPONDENT, p.answer().role());
      assertEquals(Role.QUESTIONER, p.question().role());
    }
    assertEquals(20, answers.size());
  }
}
