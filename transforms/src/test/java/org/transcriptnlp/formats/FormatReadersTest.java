package org.transcriptnlp.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.transcriptnlp.model.Block;
import org.transcriptnlp.parse.Timestamps;

class FormatReadersTest {
  @ParameterizedTest
  @CsvSource({
    "a.vtt,WEBVTT,VTT",
    "a.srt,1,SRT",
    "a.json,{},JSON",
    "a.html,x,HTML",
    "a.htm,x,HTML",
    "a.md,x,TEXT",
    "a.txt.gz,x,TEXT",
    "a.vtt.gz,x,VTT",
    "noext,WEBVTT,VTT",
    "noext,<html><body>x,HTML",
    "noext,{\"a\":1},JSON",
    "noext,DK: hello,TEXT"
  })
  void detectsTheFormat(String name, String head, Format expected) {
    assertEquals(expected, Format.detect(name, head));
  }

  @Test
  void formatOptionValues() {
    assertNull(Format.parse("auto"));
    assertEquals(Format.TEXT, Format.parse("markdown"));
    assertEquals(Format.VTT, Format.parse("WebVTT"));
    assertEquals(Format.DOCX, Format.parse("docx"));
    assertThrows(IllegalArgumentException.class, () -> Format.parse("odt"));
  }

  @Test
  void webVttVoicesTimingsEntitiesAndMergedCues() {
    List<Block> blocks =
        new CaptionReader()
            .read(
                "WEBVTT\r\n\r\n"
                    + "1\r\n"
                    + "00:00:01.000 --> 00:00:03.500\r\n"
                    + "<v Sarah>Hello &amp; welcome\r\n\r\n"
                    + "00:00:03.500 --> 00:00:05.000\r\n"
                    + "<v Sarah>to the show.\r\n\r\n"
                    + "00:01:05.000 --> 00:01:07.250 align:start\r\n"
                    + "<v.loud Gillian>Hi <i>there</i>!\r\n");
    assertEquals(
        List.of(
            new Block("Hello & welcome to the show.", "Sarah", 1.0, 5.0),
            new Block("Hi there!", "Gillian", 65.0, 67.25)),
        blocks);
  }

  @Test
  void srtLabelInTheFirstCueCarriesOn() {
    List<Block> blocks =
        new CaptionReader()
            .read(
                "1\n"
                    + "00:00:00,160 --> 00:00:02,000\n"
                    + "Travis: When you first get\n"
                    + "started in podcasting,\n\n"
                    + "2\n"
                    + "00:00:02,000 --> 00:00:04,000\n"
                    + "it's hard.\n\n"
                    + "3\n"
                    + "00:00:04,500 --> 00:00:06,000\n"
                    + "Sarah: It is.\n");
    assertEquals(
        List.of(
            new Block(
                "Travis: When you first get started in podcasting, it's hard.", null, 0.16, 4.0),
            new Block("Sarah: It is.", null, 4.5, 6.0)),
        blocks);
  }

  @Test
  void cuesWithBrokenOrReversedTimingsKeepTheirTextWithoutTimes() {
    List<Block> vtt =
        new CaptionReader()
            .read(
                "WEBVTT\n\n"
                    + "NOTE made by hand\n\n"
                    + "00:00:05.000 --> 00:00:01.000\n"
                    + "<v Host>Why?\n\n"
                    + "nonsense --> 99:99\n"
                    + "<v Guest>Because.\n\n"
                    + "00:00:xx.000 --> 00:00:09.000\n"
                    + "<v Guest>And more.\n"
                    + "00:00:10.000 --> 00:00:11.000\n"
                    + "<v Host>Thanks.\n");
    assertEquals(
        List.of(
            new Block("Why?", "Host", null, null),
            new Block("Because. And more.", "Guest", null, null),
            new Block("Thanks.", "Host", 10.0, 11.0)),
        vtt);
    List<Block> srt =
        new CaptionReader()
            .read(
                "1\n"
                    + "00:00:01,000 --> \n"
                    + "HOST: Why?\n\n"
                    + "2\n"
                    + "abc -> def\n"
                    + "GUEST: Because.\n\n"
                    + "x\n"
                    + "00:00:03,000 --> 00:00:02,000\n"
                    + "GUEST: Yes.\n\n"
                    + "4\n"
                    + "00:00:04,000 --> 00:00:05,000\n"
                    + "HOST: Good.\n");
    assertEquals(
        List.of(
            new Block("HOST: Why?", null, null, null),
            new Block("GUEST: Because.", null, null, null),
            new Block("GUEST: Yes.", null, null, null),
            new Block("HOST: Good.", null, 4.0, 5.0)),
        srt);
  }

  @Test
  void captionsWithoutAnyTimingLineAreMalformed() {
    assertThrows(
        CaptionReader.MalformedCaptionsException.class,
        () -> new CaptionReader().read("WEBVTT\n\n00:01 -> 00:02\n<v A>hi\n"));
  }

  @Test
  void jsonShapes() {
    assertEquals(
        List.of(
            new Block("Okay . Right .", "Marketing", null, null),
            new Block("Yes .", "Project Manager", null, null)),
        new JsonReader()
            .read(
                "{\"meeting_transcripts\": [{\"speaker\": \"Marketing\", \"content\": \"Okay"
                    + " .\"},{\"speaker\": \"Marketing\", \"content\": \"Right .\"}, {\"speaker\":"
                    + " \"Project Manager\", \"content\": \"Yes .\"}], \"topic_list\": []}"));
    assertEquals(
        List.of(new Block("I am your father", "Darth Vader", 0.5, 2.0)),
        new JsonReader()
            .read(
                "{\"version\": \"1.0\", \"segments\": [{\"speaker\": \"Darth Vader\","
                    + " \"startTime\": 0.5, \"endTime\": 1.0, \"body\": \"I am\"},{\"speaker\":"
                    + " \"Darth Vader\", \"startTime\": 1.0, \"endTime\": 2.0, \"body\": \"your"
                    + " father\"}]}"));
    assertEquals(
        List.of(
            new Block("Why?", "SPEAKER_00", 0.0, 1.5),
            new Block("Because.", "SPEAKER_01", 1.5, 2.0)),
        new JsonReader()
            .read(
                "[{\"speaker\": \"SPEAKER_00\", \"start\": 0.0, \"end\": 1.5, \"text\": \""
                    + " Why?\"},{\"speaker\": \"SPEAKER_01\", \"start\": 1.5, \"end\": 2.0,"
                    + " \"text\": \"Because.\"}]"));
  }

  @Test
  void badJsonIsRefusedWithAReason() {
    JsonReader.UnknownShapeException truncated =
        assertThrows(
            JsonReader.UnknownShapeException.class,
            () -> new JsonReader().read("{\"segments\": [{\"speaker\": \"A\","));
    assertEquals("invalid_json", truncated.reason());
    JsonReader.UnknownShapeException unknown =
        assertThrows(
            JsonReader.UnknownShapeException.class,
            () -> new JsonReader().read("{\"name\": \"x\", \"characters\": {}}"));
    assertEquals("unknown_json_shape", unknown.reason());
    assertEquals(true, unknown.getMessage().contains("[name, characters]"), unknown.getMessage());
  }

  @Test
  void htmlVisibleTextByBlock() {
    String text =
        HtmlText.of(
            "<html><head><title>T</title><style>p{}</style></head><body><script>x()</script><p><strong>Mr."
                + " LIMAN</strong>: Did you<br/>shred them?</p><p>M<font size=2>SM:</font>\tYes"
                + " &amp; no.</p><cite>Travis:</cite><time>0:00</time><p>Hi.</p></body></html>");
    assertEquals(
        "Mr. LIMAN: Did you\nshred them?\n\nMSM: Yes & no.\n\nTravis:\n\n0:00\n\nHi.", text);
  }

  @Test
  void lineNumberedTranscriptsLoseTheirNumbers() {
    StringBuilder page = new StringBuilder();
    for (int i = 1; i <= 25; i++) {
      String line =
          switch (i) {
            case 1 -> "             SENATOR VALESKY:  I want to welcome everyone";
            case 2 -> "      here today.";
            case 3 -> "             MS. COOK:  Thank you for";
            case 4 -> "      having us.";
            default -> "      More words on line " + i + ".";
          };
      page.append(String.format("%8d%s%n%n", i, line));
    }
    page.append("\f\n").append(" ".repeat(67)).append("2\n");
    String stripped = LineNumbered.strip(page.toString());
    assertEquals(
        true,
        stripped.startsWith(
            "SENATOR VALESKY:  I want to welcome everyone\n"
                + "here today.\n\n"
                + "MS. COOK:  Thank you for\n"
                + "having us.\n"
                + "More words on line 5."),
        stripped);
    assertEquals(false, stripped.contains("\f"));
    assertEquals("plain text\n2 lines", LineNumbered.strip("plain text\n2 lines"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1:02|62",
        "00:01:02|62",
        "00:01:02.500|62.5",
        "00:01:02,500|62.5",
        "01:00:00:05|86405",
        "x|"
      })
  void timestamps(String clock, Double seconds) {
    assertEquals(seconds, Timestamps.seconds(clock));
  }

  @Test
  void webPageFurnitureIsNotText() {
    String text =
        HtmlText.of(
            "<html><body><header class=\"site-header\"><a>Home</a></header><nav>News | Sport</nav>"
                + "<main><h1>Interview</h1><p>Q: Why?</p><p>A: Because.</p>"
                + "<div class=\"share-bar\">Share on X</div></main><aside>Related: more</aside>"
                + "<footer>(c) Paper</footer></body></html>");
    assertEquals("Interview\n\nQ: Why?\n\nA: Because.", text);
  }
}
