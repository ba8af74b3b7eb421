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

  private Turn turn(String speaker, Role role, String text) {
    Turn t = new Turn(turns.size(), speaker, speaker, role, List.of(text), false);
    turns.add(t);
    return t;
  }

  private Turn ask(String speaker) {
    return turn(speaker, Role.QUESTIONER, "What happened to the plan after the vote?");
  }

  private Turn answer(String speaker) {
    return turn(speaker, Role.RESPONDENT, "The plan went ahead after the vote, with two changes.");
  }

  @Test
  void eachRespondentTurnAfterAQuestionIsOneAnswer() {
    Turn q1 = ask("Q");
    Turn a1 = answer("Psaki");
    Turn q2 = ask("Q");
    Turn a2 = answer("Psaki");
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
    answer("Psaki");
    Turn q = ask("Q");
    Turn a = answer("Psaki");
    List<QaPair> pairs = QaPairer.pair(turns);
    assertEquals(1, pairs.size());
    assertSame(q, pairs.get(0).question());
    assertSame(a, pairs.get(0).answer());
  }

  @Test
  void twoRespondentsAnsweringOneQuestionGiveTwoAnswers() {
    Turn q = ask("Q");
    Turn biden = answer("President Biden");
    Turn yoon = answer("President Yoon");
    answer("President Biden"); // speaks again: no second answer
    List<QaPair> pairs = QaPairer.pair(turns);
    assertEquals(2, pairs.size());
    assertSame(q, pairs.get(0).question());
    assertSame(q, pairs.get(1).question());
    assertSame(biden, pairs.get(0).answer());
    assertSame(yoon, pairs.get(1).answer());
  }

  @Test
  void aChairGivingTheFloorBetweenQuestionAndAnswerIsSkipped() {
    Turn q = ask("Member");
    turn("Chair", Role.OTHER, "The honourable minister.");
    Turn a = answer("Minister");
    List<QaPair> pairs = QaPairer.pair(turns);
    assertEquals(1, pairs.size());
    assertSame(q, pairs.get(0).question());
    assertSame(a, pairs.get(0).answer());
  }

  @Test
  void aThirdPartysStatementClosesTheQuestion() {
    ask("Q");
    turn(
        "Announcer", Role.OTHER, String.join(" ", java.util.Collections.nCopies(45, "word")) + ".");
    answer("Psaki");
    assertEquals(0, QaPairer.pair(turns).size());
  }

  @Test
  void aQuestionersThanksOrBackchannelOpensNoQuestion() {
    ask("Host");
    answer("Guest");
    turn("Host", Role.QUESTIONER, "Thank you.");
    turn("Guest", Role.RESPONDENT, "And one more thing about the vote: it was close.");
    assertEquals(1, QaPairer.pair(turns).size());
  }

  @Test
  void aRespondentsYeahWhileTheQuestionGoesOnIsNoAnswer() {
    ask("Q");
    turn("Psaki", Role.RESPONDENT, "Yeah.");
    Turn goesOn = turn("Q", Role.QUESTIONER, "And did the vote change anything for the budget?");
    Turn a = answer("Psaki");
    List<QaPair> pairs = QaPairer.pair(turns);
    assertEquals(1, pairs.size());
    assertSame(goesOn, pairs.get(0).question());
    assertSame(a, pairs.get(0).answer());
  }

  @Test
  void aShortAnswerThatEndsTheExchangeIsAnAnswer() {
    ask("Q");
    Turn yes = turn("Psaki", Role.RESPONDENT, "Yes.");
    ask("Q");
    assertSame(yes, QaPairer.pair(turns).get(0).answer());
  }

  @Test
  void aSelfIntroductionIsNoAnswer() {
    ask("Moderator");
    turn("Panelist", Role.RESPONDENT, "I'm Sander Vanocur, NBC News.");
    Turn a = answer("Kennedy");
    List<QaPair> pairs = QaPairer.pair(turns);
    assertEquals(1, pairs.size());
    assertSame(a, pairs.get(0).answer());
  }

  @Test
  void anIntroductionAskedForIsTheAnswer() {
    turn("Interviewer", Role.QUESTIONER, "Could you introduce yourself for the recording?");
    Turn intro =
        turn("Narrator", Role.RESPONDENT, "I'm Ruth Ellen Hooper, and I was born in Tulsa.");
    List<QaPair> pairs = QaPairer.pair(turns);
    assertEquals(1, pairs.size());
    assertSame(intro, pairs.get(0).answer());
  }

  @Test
  void anInterviewersRemarkOpensAQuestionWithOneHostOrTwo() {
    turn("Kevin", Role.QUESTIONER, "Welcome to the show, everyone.");
    turn("Christina", Role.QUESTIONER, "And what a guest we have today.");
    ask("Kevin");
    answer("Adrian");
    Turn remark =
        turn(
            "Kevin",
            Role.QUESTIONER,
            "So the rejections must have been good practice for what you do now.");
    Turn reply = answer("Adrian");
    ask("Kevin");
    answer("Adrian");
    List<QaPair> pairs = QaPairer.pair(turns);
    assertEquals(3, pairs.size());
    assertSame(remark, pairs.get(1).question());
    assertSame(reply, pairs.get(1).answer());
  }

  @Test
  void aStatementOfAQuestionerWhoMostlyStatesOpensNothing() {
    ask("Moderator");
    answer("Pence");
    for (int i = 0; i < 4; i++) {
      turn(
          "Kaine",
          Role.QUESTIONER,
          "That is simply not what happened with the budget in my state.");
      answer("Pence");
    }
    // only the moderator's question is answered: the debater's statements are no questions
    assertEquals(1, QaPairer.pair(turns).size());
  }

  @Test
  void noTurnIsPairedTwice() {
    for (int i = 0; i < 30; i++) {
      if (i % 3 == 0) {
        ask("Q");
      } else {
        answer("R" + (i % 2));
      }
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
