package org.transcriptnlp.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One job over transcripts in other scripts and legacy code pages, and over input it must refuse
 * with a clear reason (issue 18): a GB18030 file and an Arabic-labelled file come out right, a
 * Hebrew windows-1255 file and a file with invisible characters in its labels too; a line of
 * Chinese too short to tell its code page, and JSON nested past the reader's limit, are rejects
 * rows with their own reason. Turn parsing only (no CoreNLP).
 */
class OtherScriptsJobTest {
  @TempDir static Path dir;
  private static Path out;
  private static String summary;

  static final String CHINESE =
      "问：你在哪里长大？\n答：我在北京长大，小时候住在胡同里。我的父亲是一名教师，母亲在工厂工作。\n"
          + "问：你为什么选择学习历史？\n答：因为我从小就喜欢听爷爷讲过去的故事，这让我对历史产生了浓厚的兴趣。\n";
  static final String ARABIC =
      "مقابلة مع الكاتب\n\n"
          + "س: أين نشأت؟\n\n"
          + "ج: نشأت في القاهرة. كان والدي معلما وكانت والدتي تعمل في مستشفى.\n\n"
          + "س: لماذا قررت دراسة التاريخ؟\n\n"
          + "ج: منذ طفولتي كنت أحب الاستماع إلى قصص جدي عن الماضي.\n";
  static final String HEBREW =
      "ש: איפה גדלת?\nת: גדלתי בירושלים. אבא שלי היה מורה ואמא שלי עבדה בבית חולים.\n"
          + "ש: למה החלטת ללמוד היסטוריה?\nת: מאז שהייתי ילד אהבתי לשמוע את הסיפורים של סבא שלי.\n";

  @BeforeAll
  static void runOnce() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.write(in.resolve("chinese-gb18030.txt"), CHINESE.getBytes(Charset.forName("GB18030")));
    Files.writeString(in.resolve("arabic.txt"), ARABIC);
    Files.write(in.resolve("hebrew-1255.txt"), HEBREW.getBytes(Charset.forName("windows-1255")));
    Files.writeString(
        in.resolve("invisible.txt"),
        "INTER\u200DVIEWER: Where did you grow up?\n\u200FJANE DOE\u200B: In Leeds, by the river.\n"
            + "INTER\u200DVIEWER: And then?\n\u200FJANE DOE\u200B: Then London, for work.\n");
    Files.write(in.resolve("too-short.txt"), "你在哪里长大？".getBytes(Charset.forName("GB18030")));
    Files.writeString(
        in.resolve("deep.json"), "{\"turns\": " + "[".repeat(1000) + "]".repeat(1000) + "}");
    out = dir.resolve("out");
    Cli.Result r = Cli.run("--input=" + in + "/*", "--output=" + out, "--annotators=none");
    summary = r.out();
    assertEquals(0, r.code(), r.err());
  }

  @Test
  void everyFileIsAccountedFor() {
    assertTrue(summary.contains("processed: 6 files = 4 parsed + 2 rejected"), summary);
  }

  @Test
  void legacyAndOtherScriptsComeOutRight() throws Exception {
    try (Duck duck = new Duck(out)) {
      assertEquals(
          List.of(
              List.of("你在哪里长大？", "我在北京长大，小时候住在胡同里。我的父亲是一名教师，母亲在工厂工作。"),
              List.of("你为什么选择学习历史？", "因为我从小就喜欢听爷爷讲过去的故事，这让我对历史产生了浓厚的兴趣。")),
          duck.rows(
              "SELECT question_text, answer_text FROM answers WHERE source_path LIKE"
                  + " '%/chinese-gb18030.txt' ORDER BY answer_index"));
      assertEquals(
          List.of(
              List.of("س", "questioner"),
              List.of("ج", "respondent"),
              List.of("س", "questioner"),
              List.of("ج", "respondent")),
          duck.rows(
              "SELECT speaker, role FROM turns WHERE source_path LIKE '%/arabic.txt' ORDER BY"
                  + " turn_index"));
      assertEquals(
          List.of(
              "نشأت في القاهرة. كان والدي معلما وكانت والدتي تعمل في مستشفى.",
              "منذ طفولتي كنت أحب الاستماع إلى قصص جدي عن الماضي."),
          duck.column(
              "SELECT answer_text FROM answers WHERE source_path LIKE '%/arabic.txt' ORDER BY"
                  + " answer_index"));
      assertEquals(
          List.of(
              "גדלתי בירושלים. אבא שלי היה מורה ואמא שלי עבדה בבית חולים.",
              "מאז שהייתי ילד אהבתי לשמוע את הסיפורים של סבא שלי."),
          duck.column(
              "SELECT answer_text FROM answers WHERE source_path LIKE '%/hebrew-1255.txt' ORDER BY"
                  + " answer_index"));
      assertEquals(
          List.of(
              List.of("Interviewer", "In Leeds, by the river."),
              List.of("Interviewer", "Then London, for work.")),
          duck.rows(
              "SELECT question_speaker, answer_text FROM answers WHERE source_path LIKE"
                  + " '%/invisible.txt' ORDER BY answer_index"));
      assertEquals(
          0,
          duck.count("SELECT count(*) FROM turns WHERE text LIKE '%\uFFFD%' OR text LIKE '%Ä%'"));
    }
  }

  @Test
  void anUncertainEncodingAndJsonTooDeepAreRejectsRows() throws Exception {
    try (Duck duck = new Duck(out)) {
      assertEquals(
          List.of(
              List.of(
                  "deep.json",
                  "parse",
                  "json_too_deep",
                  "the JSON nests deeper than 200 levels at line 1, column 211 (the reader's limit,"
                      + " Jackson StreamReadConstraints.maxNestingDepth); a transcript needs a few"
                      + " levels: flatten it or split the file"),
              List.of(
                  "too-short.txt",
                  "decode",
                  "encoding_uncertain",
                  "not UTF-8, and its legacy encoding cannot be told with confidence from 14"
                      + " non-ASCII bytes (best guesses: Big5 (Chinese) 10/100, EUC-JP (Japanese)"
                      + " 10/100, EUC-KR (Korean) 10/100, GB18030 (Chinese) 10/100); read as"
                      + " windows-1252 it would be 'ÄãÔÚÄÄÀï³¤´ó£¿'; save the file as UTF-8")),
          duck.rows(
              "SELECT regexp_extract(source_path, '[^/]+$'), stage, reason, detail FROM rejects"
                  + " ORDER BY 1"));
      assertEquals(
          0, duck.count("SELECT count(*) FROM turns WHERE source_path LIKE '%/too-short.txt'"));
    }
  }
}
