package org.transcriptnlp.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.transcriptnlp.model.ParsedTranscript;
import org.transcriptnlp.model.Role;
import org.transcriptnlp.model.Turn;

/**
 * Speaker labels in other scripts than Latin, the question-and-answer labels of other languages,
 * invisible formatting characters in labels, and the question marks of other scripts.
 */
class LabelsInOtherScriptsTest {
  private final TurnParser parser = new TurnParser();

  private static List<String> speakers(ParsedTranscript p) {
    return p.turns().stream().map(Turn::speaker).toList();
  }

  private static List<Role> roles(ParsedTranscript p) {
    return p.turns().stream().map(Turn::role).toList();
  }

  private static List<String> texts(ParsedTranscript p) {
    return p.turns().stream().map(Turn::text).toList();
  }

  private static final List<Role> ASK_ANSWER =
      List.of(Role.QUESTIONER, Role.RESPONDENT, Role.QUESTIONER, Role.RESPONDENT);

  /**
   * Arabic: سؤال/جواب (question/answer) as س:/ج:, written right to left but stored in logical
   * order, so the label is at the start of the line before its colon; ؟ is the question mark.
   */
  @Test
  void arabicQuestionAndAnswerLabels() {
    ParsedTranscript p =
        parser.parseText(
            "مقابلة مع الكاتب\n\n"
                + "س: أين نشأت؟\n\n"
                + "ج: نشأت في القاهرة. كان والدي معلما وكانت والدتي تعمل في مستشفى.\n\n"
                + "س: لماذا قررت دراسة التاريخ؟\n\n"
                + "ج: منذ طفولتي كنت أحب الاستماع إلى قصص جدي عن الماضي.\n");
    assertEquals(List.of("س", "ج", "س", "ج"), speakers(p));
    assertEquals(ASK_ANSWER, roles(p));
    assertEquals(
        List.of(
            "أين نشأت؟",
            "نشأت في القاهرة. كان والدي معلما وكانت والدتي تعمل في مستشفى.",
            "لماذا قررت دراسة التاريخ؟",
            "منذ طفولتي كنت أحب الاستماع إلى قصص جدي عن الماضي."),
        texts(p));
    assertEquals(List.of("مقابلة مع الكاتب"), p.nonSpeech());
    assertEquals(2, QaPairer.pair(p.turns()).size());
  }

  /** The same labels stretched with a tatweel (سـ:, جـ:), as many Arabic transcripts write them. */
  @Test
  void arabicLabelsWithATatweel() {
    ParsedTranscript p =
        parser.parseText(
            "سـ: أين نشأت؟\n\n"
                + "جـ: نشأت في القاهرة. كان والدي معلما وكانت والدتي تعمل في مستشفى.\n\n"
                + "سـ: لماذا قررت دراسة التاريخ؟\n\n"
                + "جـ: منذ طفولتي كنت أحب الاستماع إلى قصص جدي عن الماضي.\n");
    assertEquals(4, p.turns().size());
    assertEquals(ASK_ANSWER, roles(p));
    assertEquals(
        List.of(
            "أين نشأت؟",
            "نشأت في القاهرة. كان والدي معلما وكانت والدتي تعمل في مستشفى.",
            "لماذا قررت دراسة التاريخ؟",
            "منذ طفولتي كنت أحب الاستماع إلى قصص جدي عن الماضي."),
        texts(p));
    assertEquals(2, QaPairer.pair(p.turns()).size());
  }

  /** Hebrew: שאלה/תשובה as ש:/ת:. */
  @Test
  void hebrewQuestionAndAnswerLabels() {
    ParsedTranscript p =
        parser.parseText(
            "ש: איפה גדלת?\n"
                + "ת: גדלתי בירושלים. אבא שלי היה מורה ואמא שלי עבדה בבית חולים.\n"
                + "ש: למה החלטת ללמוד היסטוריה?\n"
                + "ת: מאז שהייתי ילד אהבתי לשמוע את הסיפורים של סבא שלי.\n");
    assertEquals(List.of("ש", "ת", "ש", "ת"), speakers(p));
    assertEquals(ASK_ANSWER, roles(p));
    assertEquals(
        "גדלתי בירושלים. אבא שלי היה מורה ואמא שלי עבדה בבית חולים.", p.turns().get(1).text());
  }

  /**
   * A question label and its answer label, each seen once, are labels where both are there, in any
   * language.
   */
  @Test
  void questionAndAnswerLabelsOfOtherLanguagesSeenOnce() {
    String[][] exchanges = {
      {"В: Где вы выросли?\nО: В Москве, у реки.\n", "В", "О"},
      {"F: Wo sind Sie aufgewachsen?\nA: In München, an der Isar.\n", "F", "A"},
      {"Q : Où avez-vous grandi ?\nR : À Lyon, près du Rhône.\n", "Q", "R"},
      {"P: ¿Dónde creció usted?\nR: En Sevilla, junto al río.\n", "P", "R"},
      {"س: أين نشأت وكيف كانت طفولتك؟\nج: نشأت في القاهرة، قرب النيل.\n", "س", "ج"},
      {"ש: איפה גדלת?\nת: גדלתי בירושלים.\n", "ש", "ת"},
      {"问：你在哪里长大？\n答：我在北京长大，小时候住在胡同里。\n", "问", "答"},
      {"問：どこで育ちましたか？\n答：大阪で育ちました。\n", "問", "答"},
      {"Ερ: Πού μεγαλώσατε;\nΑπ: Στη Θεσσαλονίκη, κοντά στη θάλασσα.\n", "Ερ", "Απ"},
      {"Вопрос: Где вы выросли?\nОтвет: В Москве.\n", "Вопрос", "Ответ"}
    };
    for (String[] e : exchanges) {
      ParsedTranscript p = parser.parseText(e[0]);
      assertEquals(List.of(e[1], e[2]), speakers(p), e[0]);
      assertEquals(List.of(Role.QUESTIONER, Role.RESPONDENT), roles(p), e[0]);
      assertEquals(1, QaPairer.pair(p.turns()).size(), e[0]);
    }
  }

  /**
   * The pair's roles give way to what the turns do: in English research notes "R:" (researcher)
   * asks "P:" (participant).
   */
  @Test
  void aPairsRolesGiveWayToWhoAsks() {
    ParsedTranscript p =
        parser.parseText(
            "R: What did you study, and why did you choose it?\n"
                + "P: History. My grandfather told stories about the war.\n"
                + "R: How did your family feel about that choice?\n"
                + "P: They were proud, although money was tight.\n");
    assertEquals(List.of("R", "P", "R", "P"), speakers(p));
    assertEquals(ASK_ANSWER, roles(p));
  }

  /**
   * Names in any script's letters: Cyrillic, Greek, Chinese (with the full-width colon), Arabic,
   * Hebrew, Devanagari.
   */
  @Test
  void namesInOtherScripts() {
    String[][] interviews = {
      {
        "Иван Петров: Где вы выросли?\nМария Смирнова: В Москве, у реки.\nИван Петров: А потом?\n"
            + "Мария Смирнова: Потом Ленинград, где я работала учителем.\n",
        "Иван Петров",
        "Мария Смирнова"
      },
      {
        "Νίκος Παπαδόπουλος: Πού μεγαλώσατε;\nΜαρία Γεωργίου: Στη Θεσσαλονίκη, κοντά στη θάλασσα.\n"
            + "Νίκος Παπαδόπουλος: Και μετά;\nΜαρία Γεωργίου: Μετά στην Αθήνα, για δουλειά.\n",
        "Νίκος Παπαδόπουλος",
        "Μαρία Γεωργίου"
      },
      {"王小明：你在哪里长大？\n李华：我在北京长大，小时候住在胡同里。\n王小明：后来呢？\n李华：后来我去了上海工作，一直到现在。\n", "王小明", "李华"},
      {
        "محمد: أين نشأت؟\n"
            + "فاطمة: نشأت في القاهرة مع أخوي.\n"
            + "محمد: ثم ماذا؟\n"
            + "فاطمة: ثم انتقلت إلى الإسكندرية للعمل.\n",
        "محمد",
        "فاطمة"
      },
      {
        "דוד: איפה גדלת?\n"
            + "שרה: גדלתי בחיפה, ליד הים.\n"
            + "דוד: ומה אחר כך?\n"
            + "שרה: אחר כך עברתי לתל אביב לעבוד.\n",
        "דוד",
        "שרה"
      },
      {
        "राहुल: आप कहाँ बड़े हुए?\n"
            + "सीता: मैं दिल्ली में बड़ी हुई।\n"
            + "राहुल: फिर क्या हुआ?\n"
            + "सीता: फिर मैं मुंबई चली गई।\n",
        "राहुल",
        "सीता"
      }
    };
    for (String[] i : interviews) {
      ParsedTranscript p = parser.parseText(i[0]);
      assertEquals(List.of(i[1], i[2], i[1], i[2]), speakers(p), i[0]);
      assertEquals(ASK_ANSWER, roles(p), i[0]);
      assertEquals(2, QaPairer.pair(p.turns()).size(), i[0]);
    }
  }

  private static final char[] INVISIBLE = {
    '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u200E', '\u200F', '\u202A',
    '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u061C'
  };

  /**
   * Each invisible formatting character, before a label, inside it or before its colon, is not seen
   * when labels are matched; the speaker is the label without it, the speech is as written.
   */
  @Test
  void invisibleCharactersInLabels() {
    for (char c : INVISIBLE) {
      String name = "U+" + Integer.toHexString(c);
      ParsedTranscript qa =
          parser.parseText(
              "Q"
                  + c
                  + ": Where did you grow up?\n"
                  + c
                  + "A: In Leeds, by the river.\nQ"
                  + c
                  + ": And then?\n"
                  + c
                  + "A: Then London, for work"
                  + c
                  + " in a bank.\n");
      assertEquals(List.of("Q", "A", "Q", "A"), speakers(qa), name);
      assertEquals(ASK_ANSWER, roles(qa), name);
      assertEquals("Then London, for work" + c + " in a bank.", qa.turns().get(3).text(), name);
      ParsedTranscript named =
          parser.parseText(
              "INTER"
                  + c
                  + "VIEWER: Where did you grow up?\nJANE DOE"
                  + c
                  + ": In Leeds, by the river.\n"
                  + "INTER"
                  + c
                  + "VIEWER: And then?\nJANE DOE"
                  + c
                  + ": Then London, for work.\n");
      assertEquals(
          List.of("Interviewer", "Jane Doe", "Interviewer", "Jane Doe"), speakers(named), name);
      assertEquals(ASK_ANSWER, roles(named), name);
      ParsedTranscript arabic =
          parser.parseText(
              c
                  + "س: أين نشأت؟\n"
                  + c
                  + "ج"
                  + c
                  + ": نشأت في القاهرة.\n"
                  + c
                  + "س: ثم ماذا؟\n"
                  + c
                  + "ج: ثم انتقلت إلى الإسكندرية.\n");
      assertEquals(List.of("س", "ج", "س", "ج"), speakers(arabic), name);
      assertEquals(ASK_ANSWER, roles(arabic), name);
    }
  }

  /**
   * A line wrapped in bidi embedding marks (RLE ... PDF, as a word processor exports right-to-left
   * lines), a question mark followed by a right-to-left mark, and speech with a zero-width
   * non-joiner inside a word (Persian): the label is found, the speech keeps what is inside it.
   */
  @Test
  void bidiMarksAroundLinesAndJoinersInsideWords() {
    ParsedTranscript p =
        parser.parseText(
            "\u202Bس: أين نشأت؟\u200F\u202C\n"
                + "\u202Bج: نشأت في تهران و می\u200Cخواهم بگویم که خوشحال بودم.\u202C\n"
                + "\u202Bس: ثم ماذا؟\u202C\n"
                + "\u202Bج: ثم انتقلت إلى الإسكندرية.\u202C\n");
    assertEquals(List.of("س", "ج", "س", "ج"), speakers(p));
    assertEquals(ASK_ANSWER, roles(p));
    assertEquals(
        List.of(
            "أين نشأت؟",
            "نشأت في تهران و می\u200Cخواهم بگویم که خوشحال بودم.",
            "ثم ماذا؟",
            "ثم انتقلت إلى الإسكندرية."),
        texts(p));
  }

  /**
   * A byte-order mark inside a word joins, as a zero-width no-break space: "IN\uFEFFTERVIEWER" is
   * "Interviewer".
   */
  @Test
  void aByteOrderMarkInsideALabelJoins() {
    ParsedTranscript p =
        parser.parseText(
            "\uFEFFIN\uFEFFTERVIEWER: Where did you grow up?\n"
                + "\u200F\n"
                + "JANE DOE: In Leeds.\n\n"
                + "\uFEFFINTERVIEWER: And then?\n"
                + "JANE DOE: London.\n");
    assertEquals(List.of("Interviewer", "Jane Doe", "Interviewer", "Jane Doe"), speakers(p));
    assertEquals(List.of(), p.nonSpeech());
  }

  /**
   * The question marks of other scripts: Arabic ؟, full-width ？, Greek ; (and U+037E), after a
   * right-to-left mark too.
   */
  @Test
  void questionMarksOfOtherScripts() {
    for (String q :
        new String[] {
          "أين نشأت؟",
          "أين نشأت؟\u200F",
          "你在哪里长大？",
          "どこで育ちましたか？",
          "Πού μεγαλώσατε;",
          "Πού μεγαλώσατε\u037E",
          "«Πού μεγαλώσατε;»",
          "איפה גדלת?"
        }) {
      assertEquals(Utterances.Kind.QUESTION, Utterances.kind(q), q);
      assertEquals(true, TurnParser.isQuestion(q), q);
    }
    for (String s :
        new String[] {
          "He paused; then he left the room, and nobody spoke after that.",
          "我在北京长大。",
          "Μεγάλωσα στη Θεσσαλονίκη."
        }) {
      assertEquals(Utterances.Kind.STATEMENT, Utterances.kind(s), s);
    }
    assertEquals(
        "Πού μεγαλώσατε? Στη Θεσσαλονίκη? ναι.",
        Utterances.withLatinPunctuation("Πού μεγαλώσατε; Στη Θεσσαλονίκη\u037E ναι."));
    assertEquals("x; y", Utterances.withLatinPunctuation("x; y"));
  }

  /**
   * Chinese and Japanese have no spaces between words: a word is counted for every two characters.
   */
  @Test
  void wordsOfScriptsWithoutSpaces() {
    assertEquals(7, Utterances.words("我在北京长大，小时候住在胡同里。"));
    assertEquals(6, Utterances.words("我用 iPhone 拍照，拍了很多照片。"));
    assertEquals(5, Utterances.words("The quick brown fox jumps"));
  }
}
