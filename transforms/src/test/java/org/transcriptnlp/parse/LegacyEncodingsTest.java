package org.transcriptnlp.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;

/**
 * Files in the legacy code pages of other scripts than Latin: decoded right when there is text
 * enough to tell, refused ({@code encoding_uncertain}) when there is not, never read as
 * windows-1252 mojibake or with U+FFFD for what a legacy charset would read.
 */
class LegacyEncodingsTest {
  static final String CHINESE =
      "问：你在哪里长大？\n答：我在北京长大，小时候住在胡同里。我的父亲是一名教师，母亲在工厂工作。\n"
          + "问：你为什么选择学习历史？\n答：因为我从小就喜欢听爷爷讲过去的故事，这让我对历史产生了浓厚的兴趣。\n";
  static final String TRADITIONAL_CHINESE =
      "問：你在哪裡長大？\n答：我在台北長大，小時候住在巷子裡。我的父親是一名教師，母親在工廠工作。\n" + "問：你為什麼選擇學習歷史？\n答：因為我從小就喜歡聽爺爺講過去的故事。\n";
  static final String JAPANESE =
      "問：あなたはどこで育ちましたか？\n答：私は大阪で育ちました。父は教師で、母は病院で働いていました。\n"
          + "問：なぜ歴史を勉強することにしたのですか？\n答：子供の頃から祖父の昔話を聞くのが好きだったからです。\n";
  static final String KOREAN =
      "질문: 어디에서 자랐습니까?\n답변: 저는 서울에서 자랐습니다. 아버지는 선생님이셨고 어머니는 병원에서 일하셨습니다.\n"
          + "질문: 왜 역사를 공부하기로 했습니까?\n답변: 어릴 때부터 할아버지의 옛날 이야기를 듣는 것을 좋아했기 때문입니다.\n";

  /** With Ά, which ISO-8859-7 and windows-1253 put at different bytes. */
  static final String GREEK =
      "Ερ: Πού μεγαλώσατε;\n"
          + "Απ: Μεγάλωσα στη Θεσσαλονίκη. Άρχισα το σχολείο εκεί. Ο πατέρας μου ήταν δάσκαλος και"
          + " η μητέρα μου δούλευε σε νοσοκομείο.\n"
          + "Ερ: Γιατί αποφασίσατε να σπουδάσετε ιστορία;\n"
          + "Απ: Από μικρός μου άρεσε να ακούω τις ιστορίες του παππού μου.\n";

  static final String HEBREW =
      "ש: איפה גדלת?\nת: גדלתי בירושלים. אבא שלי היה מורה ואמא שלי עבדה בבית חולים.\n"
          + "ש: למה החלטת ללמוד היסטוריה?\nת: מאז שהייתי ילד אהבתי לשמוע את הסיפורים של סבא שלי.\n";
  static final String ARABIC =
      "س: أين نشأت؟\nج: نشأت في القاهرة. كان والدي معلما وكانت والدتي تعمل في مستشفى.\n"
          + "س: لماذا قررت دراسة التاريخ؟\nج: منذ طفولتي كنت أحب الاستماع إلى قصص جدي عن الماضي.\n";
  static final String THAI =
      "ถาม: คุณเติบโตที่ไหน\n"
          + "ตอบ: ผมเติบโตที่กรุงเทพฯ พ่อของผมเป็นครู และแม่ของผมทำงานที่โรงพยาบาล\n"
          + "ถาม: ทำไมคุณถึงเลือกเรียนประวัติศาสตร์\n"
          + "ตอบ: เพราะตั้งแต่เด็กผมชอบฟังเรื่องเล่าของคุณปู่\n";
  static final String RUSSIAN =
      "Вопрос: Господин президент, как вы оцениваете итоги года для экономики Казахстана?\n"
          + "Ответ: Экономика выросла, несмотря на трудности. Мы продолжим реформы, и я уверен, "
          + "что граждане почувствуют результаты уже в следующем году.\n";

  private static TextDecoder.Decoded decode(String text, String charset) throws Exception {
    return TextDecoder.decode(text.getBytes(Charset.forName(charset)));
  }

  private static void readsRight(String text, String writtenIn, String readAs) throws Exception {
    TextDecoder.Decoded d = decode(text, writtenIn);
    assertEquals(text, d.text(), writtenIn);
    assertEquals(readAs, d.charset(), writtenIn);
    assertEquals(0, d.replaced(), writtenIn);
  }

  private static String refusal(byte[] bytes) {
    TextDecoder.UndecodableException e =
        assertThrows(TextDecoder.UndecodableException.class, () -> TextDecoder.decode(bytes));
    assertEquals("encoding_uncertain", e.reason());
    assertFalse(e.getMessage().contains("\n"));
    return e.getMessage();
  }

  @Test
  void frenchInMacRomanIsRefusedNotStoredWithReplacementCharacters() throws Exception {
    // Mac Roman, which ICU cannot detect: read as windows-1250 it gave "Oť �tes-vous nŽ?".
    String french =
        "Q: Où êtes-vous né? Vous avez grandi au Québec?\nA: Je suis né à Trois-Rivières, "
            + "et j'ai très tôt déménagé à Montréal avec ma mère.\n";
    String message = refusal(french.getBytes(Charset.forName("x-MacRoman")));
    assertTrue(message.contains("save the file as UTF-8"), message);
  }

  @Test
  void chineseInGb18030AndGbk() throws Exception {
    readsRight(CHINESE, "GB18030", "GB18030");
    readsRight(CHINESE, "GBK", "GB18030");
    readsRight(CHINESE, "GB2312", "GB18030");
  }

  @Test
  void traditionalChineseInBig5() throws Exception {
    readsRight(TRADITIONAL_CHINESE, "Big5", "Big5");
  }

  @Test
  void japaneseInShiftJisEucJpAndIso2022Jp() throws Exception {
    readsRight(JAPANESE, "Shift_JIS", "Shift_JIS");
    readsRight(JAPANESE, "windows-31j", "Shift_JIS");
    readsRight(JAPANESE, "EUC-JP", "EUC-JP");
    readsRight(JAPANESE, "ISO-2022-JP", "ISO-2022-JP");
  }

  @Test
  void koreanInEucKrAndIso2022Kr() throws Exception {
    readsRight(KOREAN, "EUC-KR", "EUC-KR");
    readsRight(KOREAN, "ISO-2022-KR", "ISO-2022-KR");
  }

  /** ISO-2022-CN, which Java reads but cannot write: GB2312 shifted out to 7 bits by hand. */
  @Test
  void chineseInIso2022Cn() throws Exception {
    byte[] gb = CHINESE.getBytes(Charset.forName("GB2312"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[] {0x1B, '$', ')', 'A'}); // GB2312 designated as the shifted-out set
    boolean shifted = false;
    for (int i = 0; i < gb.length; i++) {
      int b = gb[i] & 0xFF;
      if (b >= 0x80) {
        if (!shifted) {
          out.write(0x0E);
          shifted = true;
        }
        out.write(b - 0x80);
        out.write((gb[++i] & 0xFF) - 0x80);
      } else {
        if (shifted) {
          out.write(0x0F);
          shifted = false;
        }
        out.write(b);
      }
    }
    TextDecoder.Decoded d = TextDecoder.decode(out.toByteArray());
    assertEquals(CHINESE, d.text());
    assertEquals("ISO-2022-CN", d.charset());
  }

  @Test
  void greekInWindows1253AndIso8859Dash7() throws Exception {
    readsRight(GREEK, "windows-1253", "windows-1253");
    readsRight(GREEK, "ISO-8859-7", "ISO-8859-7");
  }

  @Test
  void hebrewInWindows1255AndIso8859Dash8() throws Exception {
    readsRight(HEBREW, "windows-1255", "windows-1255");
    readsRight(HEBREW, "ISO-8859-8", "windows-1255");
  }

  @Test
  void arabicInWindows1256AndIso8859Dash6() throws Exception {
    readsRight(ARABIC, "windows-1256", "windows-1256");
    readsRight(ARABIC, "ISO-8859-6", "ISO-8859-6");
  }

  @Test
  void thaiInTis620AndWindows874() throws Exception {
    readsRight(THAI, "TIS-620", "TIS-620");
    // windows-874 adds curly quotes at 0x91-0x94
    String quoted = THAI + "ถาม: คุณปู่เคยพูดว่า “อย่าลืมอดีต” ใช่ไหม\n";
    readsRight(quoted, "x-windows-874", "x-windows-874");
  }

  @Test
  void russianInDosCyrillic() throws Exception {
    readsRight(RUSSIAN, "IBM866", "IBM866");
    readsRight(RUSSIAN, "ISO-8859-5", "ISO-8859-5");
  }

  @Test
  void shortLatinFilesWithAFewAccentsAreStillRead() throws Exception {
    for (String text :
        new String[] {
          "DK: Let’s talk — café?",
          "Q: Où avez-vous grandi ?\nR: À Besançon, près de la frontière.\n",
          "F: Wie geht's?\nA: Gut, danke. Ich wohne in München.\n",
          "Q: What did it cost?\n"
              + "A: About €2 million — 20% more than planned, at 5°C, with ½ the staff • really.\n",
          "P: ¿Dónde creció usted?\nR: En Sevilla. ¡Qué años!\n",
          "Spurning: Hvar ólst þú upp?\nSvar: Ég ólst upp í Reykjavík.\n"
        }) {
      TextDecoder.Decoded d = decode(text, "windows-1252");
      assertEquals(text, d.text());
      assertEquals("windows-1252", d.charset());
    }
  }

  /**
   * The issue's example: a line of Chinese is too short to tell GB18030 from Big5, EUC-KR or
   * EUC-JP.
   */
  @Test
  void aLineOfChineseIsTooShortToTell() {
    assertEquals(
        "not UTF-8, and its legacy encoding cannot be told with confidence from 14 non-ASCII bytes"
            + " (best guesses: Big5 (Chinese) 10/100, EUC-JP (Japanese) 10/100, EUC-KR (Korean)"
            + " 10/100, GB18030 (Chinese) 10/100); read as windows-1252 it would be"
            + " 'ÄãÔÚÄÄÀï³¤´ó£¿'; save the file as UTF-8",
        refusal("你在哪里长大？".getBytes(Charset.forName("GB18030"))));
  }

  /**
   * A few words are refused, not guessed: the detector's confidence means little on them (75 for
   * two Greek words).
   */
  @Test
  void aFewWordsOfOtherScriptsAreRefusedNotGuessed() {
    assertEquals(
        "not UTF-8, and its legacy encoding cannot be told with confidence from 5 non-ASCII bytes"
            + " (best guesses: ISO-8859-7 (Greek) 75/100, ISO-8859-8-I (Hebrew) 42/100); read as"
            + " windows-1252 it would be 'Åñ: Íáé;'; save the file as UTF-8",
        refusal("Ερ: Ναι;".getBytes(Charset.forName("windows-1253"))));
    assertEquals(
        "not UTF-8, and its legacy encoding cannot be told with confidence from 7 non-ASCII bytes"
            + " (best guesses: windows-1256 (Arabic) 30/100, ISO-8859-8 (Hebrew) 27/100, KOI8-R"
            + " (Russian) 27/100); read as windows-1252 it would be 'ù: ëï, úåãä.'; save the file"
            + " as UTF-8",
        refusal("ש: כן, תודה.".getBytes(Charset.forName("windows-1255"))));
    assertEquals(
        "not UTF-8, and its legacy encoding cannot be told with confidence from 9 non-ASCII bytes"
            + " (best guesses: Shift_JIS (Japanese) 10/100); read as windows-1252 it would be 'Ó:"
            + " äÚã¡ ÔßÑÇ.'; save the file as UTF-8",
        refusal("س: نعم، شكرا.".getBytes(Charset.forName("windows-1256"))));
    assertEquals(
        "not UTF-8, and its legacy encoding cannot be told with confidence from 6 non-ASCII bytes"
            + " (best guesses: KOI8-R (Russian) 37/100, Shift_JIS (Japanese) 10/100, TIS-620 (Thai)"
            + " 5/100); read as windows-1252 it would be '¶ÒÁ: ãªè'; save the file as UTF-8",
        refusal("ถาม: ใช่".getBytes(Charset.forName("TIS-620"))));
    // Shift_JIS punctuation is undefined in windows-1252: refused, not read with U+FFFD
    assertEquals(
        "not UTF-8, and its legacy encoding cannot be told with confidence from 8 non-ASCII bytes"
            + " (best guesses: Big5 (Chinese) 10/100, GB18030 (Chinese) 10/100, Shift_JIS"
            + " (Japanese) 10/100); read as windows-1252 it would be '–â\uFFFDF‚Í‚¢\uFFFDB'; save"
            + " the file as UTF-8",
        refusal("問：はい。".getBytes(Charset.forName("Shift_JIS"))));
    assertEquals(
        "not UTF-8, and its legacy encoding cannot be told with confidence from 4 non-ASCII bytes"
            + " (best guesses: Big5 (Chinese) 10/100, EUC-JP (Japanese) 10/100, EUC-KR (Korean)"
            + " 10/100, GB18030 (Chinese) 10/100); read as windows-1252 it would be 'ÄãºÃ?'; save"
            + " the file as UTF-8",
        refusal("Q: 你好?".getBytes(Charset.forName("GBK"))));
  }

  /**
   * A long file is judged on its lines with non-ASCII bytes: an English transcript with Chinese
   * after its first 64 KB is read right, or refused when that Chinese is two characters.
   */
  @Test
  void aLongFileIsJudgedOnItsLinesWithNonAsciiBytes() throws Exception {
    StringBuilder sb = new StringBuilder();
    while (sb.length() < 70_000) {
      sb.append("Q: Is this line long enough?\nA: It is, and it says nothing new.\n");
    }
    String english = sb.toString();
    readsRight(english + CHINESE, "GB18030", "GB18030");
    assertEquals(
        "not UTF-8, and its legacy encoding cannot be told with confidence from 4 non-ASCII bytes"
            + " (best guesses: Big5 (Chinese) 10/100, EUC-JP (Japanese) 10/100, EUC-KR (Korean)"
            + " 10/100, GB18030 (Chinese) 10/100); read as windows-1252 it would be 'ÄãºÃ'; save"
            + " the file as UTF-8",
        refusal((english + "A: 你好\n").getBytes(Charset.forName("GBK"))));
    // the choice is made on up to 64 KB of such lines, cut at a line end, and the whole file read
    // with it
    StringBuilder greek = new StringBuilder();
    while (greek.length() < 70_000) {
      greek.append("Ε: Ναι, αυτό είναι αλήθεια.\n");
    }
    byte[] bytes = greek.toString().getBytes(Charset.forName("windows-1253"));
    byte[] sample = TextDecoder.sample(bytes);
    assertEquals(65_520, sample.length);
    assertEquals('\n', sample[sample.length - 1]);
    assertEquals(greek.toString(), TextDecoder.decode(bytes).text());
    // one line longer than 64 KB is cut where no character can be cut in two
    String oneLine = CHINESE.replace('\n', ' ').repeat(200);
    readsRight(oneLine, "GB18030", "GB18030");
    byte[] chineseAfterEnglish = (english + CHINESE).getBytes(Charset.forName("GB18030"));
    assertEquals(
        CHINESE, new String(TextDecoder.sample(chineseAfterEnglish), Charset.forName("GB18030")));
  }
}
