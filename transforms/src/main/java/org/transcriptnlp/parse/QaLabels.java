package org.transcriptnlp.parse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.transcriptnlp.model.Role;

/**
 * The question-and-answer labels of interview transcripts in other languages than English, as
 * pairs: Russian {@code В:}/{@code О:} (Вопрос/Ответ), German {@code F:}/{@code A:}, French {@code
 * Q:}/{@code R:}, Spanish and Portuguese {@code P:}/{@code R:}, Arabic {@code س:}/{@code ج:}
 * (سؤال/جواب), Hebrew {@code ש:}/{@code ת:} (שאלה/תשובה), Chinese {@code 问：}/{@code 答：}, Japanese
 * {@code 問：}/{@code 答：}, and the full words.
 *
 * <p>A pair counts in a document only when both its labels open paragraphs there: then each is a
 * speaker's label even when seen once, and the question label's speaker asks, the answer label's
 * answers, unless the document says otherwise (the answer label's turns ask more than the question
 * label's: "P:" is a participant and "R:" a researcher in English). A label that the document's
 * pairs give two roles ({@code В:} is the question in Russian and the answer in Ukrainian, where
 * {@code П:} asks) gets none.
 */
final class QaLabels {
  /** A question label and its answer label, as {@link SpeakerRegistry#key} writes them. */
  record Pair(String question, String answer) {}

  static final List<Pair> PAIRS =
      List.of(
          new Pair("q", "a"), // English
          new Pair("question", "answer"),
          new Pair("q", "r"), // French: Question/Réponse
          new Pair("question", "réponse"),
          new Pair("f", "a"), // German: Frage/Antwort
          new Pair("frage", "antwort"),
          new Pair("v", "a"), // Dutch: Vraag/Antwoord
          new Pair("vraag", "antwoord"),
          new Pair("p", "r"), // Spanish, Portuguese: Pregunta/Respuesta, Pergunta/Resposta
          new Pair("pregunta", "respuesta"),
          new Pair("pergunta", "resposta"),
          new Pair("d", "r"), // Italian: Domanda/Risposta
          new Pair("domanda", "risposta"),
          new Pair("p", "o"), // Polish: Pytanie/Odpowiedź
          new Pair("pytanie", "odpowiedź"),
          new Pair("в", "о"), // Russian: Вопрос/Ответ
          new Pair("вопрос", "ответ"),
          new Pair("п", "в"), // Ukrainian: Питання/Відповідь
          new Pair("питання", "відповідь"),
          new Pair("ε", "α"), // Greek: Ερώτηση/Απάντηση
          new Pair("ερ", "απ"),
          new Pair("ερώτηση", "απάντηση"),
          new Pair("س", "ج"), // Arabic: سؤال/جواب
          new Pair("سؤال", "جواب"),
          new Pair("ש", "ת"), // Hebrew: שאלה/תשובה
          new Pair("שאלה", "תשובה"),
          new Pair("问", "答"), // Chinese (simplified)
          new Pair("提问", "回答"),
          new Pair("問", "答"), // Chinese (traditional), Japanese
          new Pair("質問", "回答"),
          new Pair("문", "답"), // Korean
          new Pair("질문", "답변"),
          new Pair("s", "c"), // Turkish: Soru/Cevap
          new Pair("soru", "cevap"),
          new Pair("प्रश्न", "उत्तर"), // Hindi
          new Pair("ถาม", "ตอบ")); // Thai

  private QaLabels() {}

  /**
   * True when the label (a key) is one of a pair whose other label is also among the document's
   * labels.
   */
  static boolean paired(String key, Set<String> labels) {
    for (Pair p : PAIRS) {
      if (p.question().equals(key) && labels.contains(p.answer())
          || p.answer().equals(key) && labels.contains(p.question())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The roles the document's pairs give its speakers (by key): for each pair whose two labels are
   * speakers here, the question label asks and the answer label answers, unless the answer label's
   * turns ask more than the question label's. A label given two roles gets none.
   *
   * @param speakers the keys of the document's speakers
   * @param asks how many of a speaker's turns ask, by key
   */
  static Map<String, Role> roles(Set<String> speakers, ToIntFunction<String> asks) {
    Map<String, Role> roles = new HashMap<>();
    Set<String> conflicting = new java.util.HashSet<>();
    for (Pair p : PAIRS) {
      if (!speakers.contains(p.question())
          || !speakers.contains(p.answer())
          || asks.applyAsInt(p.answer()) > asks.applyAsInt(p.question())) {
        continue;
      }
      give(roles, conflicting, p.question(), Role.QUESTIONER);
      give(roles, conflicting, p.answer(), Role.RESPONDENT);
    }
    conflicting.forEach(roles::remove);
    return roles;
  }

  private static void give(
      Map<String, Role> roles, Set<String> conflicting, String key, Role role) {
    Role before = roles.putIfAbsent(key, role);
    if (before != null && before != role) {
      conflicting.add(key);
    }
  }
}
