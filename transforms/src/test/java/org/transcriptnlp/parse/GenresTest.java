package org.transcriptnlp.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.transcriptnlp.model.ParsedTranscript;
import org.transcriptnlp.model.QaPair;
import org.transcriptnlp.model.Role;
import org.transcriptnlp.model.Turn;

/**
 * Roles and pairing by genre: who asks and who answers comes from the conversation, not "?" alone.
 */
class GenresTest {
  private final TurnParser parser = new TurnParser();

  private static Map<String, Role> roles(ParsedTranscript p) {
    return p.turns().stream().collect(Collectors.toMap(Turn::speaker, Turn::role, (a, b) -> a));
  }

  private static String answer(String words) {
    return words
        + " It is a long story, and I will tell it as briefly as I can, because it matters to the"
        + " people here.";
  }

  @Test
  void moderatedDebate() {
    ParsedTranscript p =
        parser.parseText(
            String.join(
                "\n\n",
                "ANNOUNCER: Live from the university, the first debate between the candidates.",
                "MODERATOR: Good evening. The panelists will introduce themselves.",
                "MR. VANOCUR: I'm Sander Vanocur, NBC News.",
                "MR. WARREN: I'm Charles Warren, Mutual News.",
                "MODERATOR: The first question goes to Senator Kennedy. What is your plan for farm"
                    + " prices?",
                "SENATOR KENNEDY: "
                    + answer("My plan is to support prices at ninety percent of parity."),
                "MODERATOR: Vice President Nixon, your response.",
                "MR. NIXON: "
                    + answer("The Senator's plan would cost billions and fail the farmer."),
                "MR. VANOCUR: Senator, what would you do about the budget deficit?",
                "SENATOR KENNEDY: " + answer("I would close the loopholes first."),
                "MR. WARREN: Mr. Nixon, how would you pay for defense?",
                "MR. NIXON: " + answer("With growth, not with new taxes."),
                "MR. VANOCUR: Mr. Nixon, do you agree with the Senator on the loopholes?",
                "MR. NIXON: " + answer("Only on some of them."),
                "MR. WARREN: Senator, would you raise taxes to pay for defense?",
                "SENATOR KENNEDY: " + answer("Only if growth falls short."),
                "MODERATOR: Senator Kennedy, your comment.",
                "SENATOR KENNEDY: " + answer("Growth alone has never paid for defense."),
                "MODERATOR: Mr. Nixon, what would you do about schools?",
                "MR. NIXON: " + answer("I would build more of them, with the states.")));
    Map<String, Role> r = roles(p);
    assertEquals(Role.OTHER, r.get("Announcer"));
    assertEquals(Role.QUESTIONER, r.get("Moderator"));
    assertEquals(Role.QUESTIONER, r.get("Mr. Vanocur"));
    assertEquals(Role.QUESTIONER, r.get("Mr. Warren"));
    assertEquals(Role.RESPONDENT, r.get("Senator Kennedy"));
    assertEquals(Role.RESPONDENT, r.get("Mr. Nixon"));
    List<QaPair> pairs = QaPairer.pair(p.turns());
    assertEquals(
        7, pairs.size(), "every candidate reply to each question, none for the introductions");
    assertTrue(pairs.stream().noneMatch(x -> x.answer().text().startsWith("I'm")));
  }

  @Test
  void aQuestionAsTheOrderPaperPrintsItIsTheMembersQuestion() {
    // a short extract: each member asks once, the tabled question worded in the third person
    ParsedTranscript p =
        parser.parseText(
            String.join(
                "\n\n",
                "Mr. Stephen Kinnock: 1. What discussions he has had with Cabinet colleagues on"
                    + " plans for the House to vote on membership.",
                "Mr. David Davis: "
                    + answer(
                        "The United Kingdom will no longer take part in the agreement once we"
                            + " leave."),
                "Ms. Mary Roe: Is that a promise to the House?"));
    Map<String, Role> r = roles(p);
    assertEquals(Role.QUESTIONER, r.get("Mr. Stephen Kinnock"), r.toString());
    assertEquals(Role.RESPONDENT, r.get("Mr. David Davis"), r.toString());
    assertEquals(1, QaPairer.pair(p.turns()).size());
  }

  @Test
  void committeeWhoseChairOnlyGivesTheFloor() {
    ParsedTranscript p =
        parser.parseText(
            String.join(
                "\n\n",
                "THE CHAIR: The committee will come to order. The first questioner is Ms. Davies.",
                "MS. DAVIES: Minister, why has the waiting list doubled since last year?",
                "THE CHAIR: The Minister.",
                "MINISTER HUGHES: "
                    + answer("The waiting list doubled because demand rose faster than capacity."),
                "THE CHAIR: Thank you. Mr. Owen.",
                "MR. OWEN: Minister, when will the new clinic open in the valley?",
                "THE CHAIR: The Minister.",
                "MINISTER HUGHES: " + answer("The clinic opens in March."),
                "THE CHAIR: Ms. Davies, a supplementary.",
                "MS. DAVIES: Will the Minister publish the list of clinics that are late?",
                "MINISTER HUGHES: " + answer("I will publish it next week."),
                "MS. DAVIES: On a point of order, Chair.",
                "THE CHAIR: Those are all the questions we will have for today."));
    Map<String, Role> r = roles(p);
    assertEquals(Role.OTHER, r.get("The Chair"));
    assertEquals(Role.QUESTIONER, r.get("Ms. Davies"));
    assertEquals(Role.QUESTIONER, r.get("Mr. Owen"));
    assertEquals(Role.RESPONDENT, r.get("Minister Hughes"));
    List<QaPair> pairs = QaPairer.pair(p.turns());
    assertEquals(3, pairs.size(), "the point of order is no question");
    assertTrue(
        pairs.get(0).question().text().startsWith("Minister, why"), "the chair's call is skipped");
  }

  @Test
  void diarisedSpeakersGetRolesFromWhoAsks() {
    ParsedTranscript p =
        parser.parseText(
            String.join(
                "\n",
                "SPEAKER_01: so tell me where you grew up",
                "SPEAKER_00: "
                    + answer("I grew up in Anacostia, on Good Hope Road, with my grandmother."),
                "SPEAKER_01: and what did your grandmother do for work",
                "SPEAKER_00: " + answer("She cleaned offices downtown at night."),
                "SPEAKER_01: did you go to school nearby",
                "SPEAKER_00: " + answer("Yes, Ballou, then the community college."),
                "SPEAKER_01: what do you remember about the riots",
                "SPEAKER_00: " + answer("The smoke, mostly, and my uncle on the roof.")));
    assertEquals(Role.QUESTIONER, roles(p).get("SPEAKER_01"));
    assertEquals(Role.RESPONDENT, roles(p).get("SPEAKER_00"));
    assertEquals(4, QaPairer.pair(p.turns()).size());
  }

  @Test
  void hostAndCoHostBothAskAndClipVoicesAreOther() {
    ParsedTranscript p =
        parser.parseText(
            String.join(
                "\n\n",
                "KEVIN: Welcome to the show. Today our guest is Adrian. Adrian, what got you"
                    + " writing?",
                "ADRIAN: " + answer("Role-playing games, and fifteen years of rejections."),
                "CHRISTINA: How did you keep going through all those rejections?",
                "ADRIAN: " + answer("Every book was a little better than the last one."),
                "KEVIN: Let's listen to a bit of your reading from last year.",
                "(SOUNDBITE OF ARCHIVED RECORDING)",
                "NARRATOR: The spiders had learned to speak, and what they said was not kind.",
                "KEVIN: Why spiders?",
                "ADRIAN: " + answer("Because I studied zoology, and spiders are astonishing."),
                "CHRISTINA: And what are you writing next?",
                "ADRIAN: " + answer("A book about octopuses, of course.")));
    Map<String, Role> r = roles(p);
    assertEquals(Role.QUESTIONER, r.get("Kevin"));
    assertEquals(Role.QUESTIONER, r.get("Christina"));
    assertEquals(Role.RESPONDENT, r.get("Adrian"));
    assertEquals(
        Role.OTHER,
        p.turns().stream()
            .filter(t -> t.text().contains("spiders had learned"))
            .findFirst()
            .orElseThrow()
            .role());
  }

  @Test
  void aPlayHasNoInterview() {
    ParsedTranscript p =
        parser.parseText(
            String.join(
                "\n\n",
                "CHARACTERS",
                "ROPER, a painter",
                "MAUD, his wife",
                "ACT I",
                "ROPER.\nWhere have you been all evening?",
                "MAUD.\nAt the theatre, with your sister, as I told you.",
                "ROPER.\nAnd what did you see?",
                "MAUD.\nA comedy about a painter who asked too many questions.",
                "Enter the MAID",
                "ROPER.\nWho is at the door?",
                "MAUD.\nOnly the maid, with the post."));
    assertTrue(p.turns().stream().allMatch(t -> t.role() == Role.OTHER), p.attribution());
    assertEquals(0, QaPairer.pair(p.turns()).size());
  }

  @Test
  void aFloorDebateWhereNobodyInterviewsHasNoAnswers() {
    ParsedTranscript p =
        parser.parseText(
            String.join(
                "\n\n",
                "Mr. WARNER. Mr. President, I rise to speak on the bill. Is there any reason to"
                    + " delay it? I see none.",
                "Mr. LEVIN. Mr. President, I join the chairman in support of the bill, with one"
                    + " amendment.",
                "Mr. WARNER. Mr. President, I thank my colleague. Who could object to that"
                    + " amendment? Nobody, I expect.",
                "Mr. LEVIN. Mr. President, I send the amendment to the desk.",
                "The PRESIDING OFFICER. Without objection, it is so ordered."));
    assertTrue(p.turns().stream().allMatch(t -> t.role() == Role.OTHER));
  }
}
