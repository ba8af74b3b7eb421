package org.transcriptnlp.pipeline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.transcriptnlp.pipeline.report.ReportData.Answer;
import org.transcriptnlp.pipeline.report.ReportData.Interview;
import org.transcriptnlp.pipeline.report.ReportData.Mention;
import org.transcriptnlp.pipeline.report.ReportData.Turn;

/** The report's pages rendered from hand-built rows: no files, no pipeline. */
class HtmlReportTest {
  private static final Instant NOW = Instant.parse("2025-03-04T05:06:07Z");
  private static final String RUN = "20250304-050000-000-abcdef";
  private static final Pattern POINT =
      Pattern.compile("<circle class=\"pt\"[^>]*><title>([^<]*)</title></circle>");

  private static Answer answer(int index, Double score, String question) {
    return new Answer(index, "Host", question, "Guest", Svg.label(score), score, 2);
  }

  private static Turn turn(
      int index, String speaker, String role, String text, Double start, Double end) {
    return new Turn(index, speaker, role, text, start, end);
  }

  private static Interview interview(
      String path, String id, List<Answer> answers, List<Mention> mentions, List<Turn> turns) {
    return new Interview(path, id, RUN, answers, mentions, turns);
  }

  private static List<String> titles(String html) {
    List<String> titles = new ArrayList<>();
    Matcher m = POINT.matcher(html);
    while (m.find()) {
      titles.add(m.group(1));
    }
    return titles;
  }

  @Test
  void textFromTheDataIsEscapedEverywhere() {
    String evil = "<script>alert('x')</script> & \"quoted\"";
    Interview i =
        interview(
            "in/<b>odd</b> & name.txt",
            "0123456789abcdef",
            List.of(
                new Answer(0, "Host & co", "Why " + evil + "?", "Guest <i>", "neutral", 0.1, 1)),
            List.of(new Mention("AT&T <corp>", "ORGANIZATION")),
            List.of(
                turn(0, "Host & co", "questioner", "Why?", null, null),
                turn(1, "Guest <i>", "respondent", "Because.", null, null)));
    Map<String, String> pages =
        HtmlReport.render(
            new ReportData.Report(List.of(i), List.of("bad/<x>.txt")), "out/<&>", NOW);
    for (Map.Entry<String, String> page : pages.entrySet()) {
      String html = page.getValue().replace("<wbr>", "");
      assertFalse(html.contains("<script"), page.getKey() + " holds a script element");
      assertFalse(html.contains("<b>odd"), page.getKey());
      assertFalse(html.contains("<i>"), page.getKey());
      assertFalse(html.contains("<corp>"), page.getKey());
      assertTrue(html.contains("in/&lt;b&gt;odd&lt;/b&gt; &amp; name.txt"), page.getKey());
    }
    String page = pages.get("0123456789abcdef.html");
    assertTrue(
        page.contains(
            "Why &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;?"),
        page);
    assertTrue(page.contains("Host &amp; co"));
    assertTrue(page.contains("AT&amp;T &lt;corp&gt;"));
    assertEquals(1, titles(page).size());
    assertTrue(titles(page).get(0).contains("&lt;script&gt;"), titles(page).get(0));
    assertTrue(pages.get("index.html").contains("bad/<wbr>&lt;x&gt;.txt"));
    assertTrue(pages.get("index.html").contains("out/<wbr>&lt;&amp;&gt;"));
  }

  @Test
  void onePointPerScoredAnswerWithItsQuestionInItsTitleAndGapsForNullScores() {
    String longQuestion =
        "Tell us about the plan. "
            + "The details matter a great deal here. ".repeat(20)
            + "LAST WORDS";
    List<Answer> answers =
        List.of(
            answer(0, 0.5, "First question?"),
            answer(1, -1.2, "Second question?"),
            answer(2, null, "Unscored question?"),
            answer(3, 1.7, longQuestion),
            answer(4, -1.8, "Fifth question?"));
    String page =
        HtmlReport.page(interview("a.txt", "00000000000000aa", answers, List.of(), List.of()), NOW);
    List<String> titles = titles(page);
    assertEquals(4, titles.size(), "a point per answer with a score");
    assertTrue(
        titles
            .get(0)
            .startsWith(
                "Answer 1 of 5 (answer_index 0) \u00b7 Guest \u00b7 score +0.50 (neutral)\n"
                    + "Q (Host): First question?"),
        titles.get(0));
    assertTrue(
        titles.get(1).contains("score -1.20 (negative)")
            && titles.get(1).contains("Second question?"),
        titles.get(1));
    assertTrue(
        titles.get(2).startsWith("Answer 4 of 5 (answer_index 3)")
            && titles.get(2).contains("score +1.70 (very positive)"),
        titles.get(2));
    assertTrue(
        titles.get(3).contains("score -1.80 (very negative)")
            && titles.get(3).contains("Fifth question?"));
    assertTrue(
        titles.stream().noneMatch(t -> t.contains("Unscored")), "no point for the null score");
    // The long question is cut to about 200 characters, with an ellipsis.
    String q = titles.get(2).substring(titles.get(2).indexOf("Q (Host): ") + "Q (Host): ".length());
    assertTrue(
        q.length() > 150 && q.length() <= 201 && q.endsWith("\u2026") && !q.contains("LAST WORDS"),
        q);
    assertTrue(q.startsWith("Tell us about the plan. The details matter"), q);
    // The line breaks at the null score: answers 0-1 and 3-4.
    assertEquals(2, count(page, "<polyline class=\"line\""));
    assertTrue(page.contains("1 answer has no score"));
    // Points are colored by class; the y axis names the classes; the zero line is drawn.
    assertTrue(
        page.contains("fill=\"" + Svg.COLORS.get(0) + "\" stroke=\"#ffffff\""),
        "very negative point");
    assertTrue(
        page.contains("fill=\"" + Svg.COLORS.get(4) + "\" stroke=\"#ffffff\""),
        "very positive point");
    assertTrue(
        page.contains("fill=\"" + Svg.COLORS.get(1) + "\" stroke=\"#ffffff\""), "negative point");
    for (String name :
        List.of("very negative", "negative", "neutral", "positive", "very positive")) {
      assertTrue(page.contains(">" + name + "</tspan>"), name);
    }
    assertTrue(page.contains("<line class=\"zero\""));
    assertTrue(page.contains("answer_index (order of the answer in the interview)"));
    // Header: answers, mean of the four scores.
    assertTrue(page.contains("<div class=\"k\">Answers</div><div class=\"v\">5</div>"));
    assertEquals(-0.2, HtmlReport.meanSentiment(answers), 1e-9);
    assertTrue(
        page.contains("-0.20 <span class=\"lab\">neutral</span>"), "mean sentiment in the header");
  }

  @Test
  void pointsAreAtTheirAnswerIndexAndScore() {
    String svg =
        Svg.arc(
            List.of(
                new Svg.Point(0, 2.0, "a"),
                new Svg.Point(1, -2.0, "b"),
                new Svg.Point(2, 0.0, "c")));
    List<Double> cy = new ArrayList<>();
    List<Double> cx = new ArrayList<>();
    Matcher m =
        Pattern.compile("<circle class=\"pt\" cx=\"([\\d.]+)\" cy=\"([\\d.]+)\"").matcher(svg);
    while (m.find()) {
      cx.add(Double.parseDouble(m.group(1)));
      cy.add(Double.parseDouble(m.group(2)));
    }
    assertEquals(3, cx.size());
    assertTrue(cx.get(0) < cx.get(1) && cx.get(1) < cx.get(2), cx.toString());
    assertEquals(cx.get(1) - cx.get(0), cx.get(2) - cx.get(1), 0.11);
    assertTrue(
        cy.get(0) < cy.get(2) && cy.get(2) < cy.get(1), "+2 at the top, -2 at the bottom: " + cy);
    Matcher zero =
        Pattern.compile("<line class=\"zero\" x1=\"[\\d.]+\" y1=\"([\\d.]+)\"").matcher(svg);
    assertTrue(zero.find());
    assertEquals(cy.get(2), Double.parseDouble(zero.group(1)), 0.01, "the zero line at score 0");
    assertTrue(Svg.arc(List.of(new Svg.Point(0, null, "x"))).contains("No sentiment scores"));
  }

  @Test
  void talkTimeIsInSecondsWhenEveryTurnHasTimes() {
    List<Turn> turns =
        List.of(
            turn(0, "Anna", "questioner", "one two three", 0.0, 30.0),
            turn(1, "Ben", "respondent", "a b c d e f g h i j k l m n o p", 30.0, 40.0),
            turn(2, "Anna", "questioner", "four", 40.0, 100.0));
    HtmlReport.TalkTime talk = HtmlReport.talkTime(turns);
    assertEquals("seconds", talk.unit());
    assertEquals(
        List.of(
            new HtmlReport.Talk("Anna", "questioner", 90.0, 90.0),
            new HtmlReport.Talk("Ben", "respondent", 10.0, 10.0)),
        talk.speakers());
    String page =
        HtmlReport.page(interview("t.vtt", "00000000000000bb", List.of(), List.of(), turns), NOW);
    assertTrue(page.contains("Unit: seconds"), page);
    assertTrue(page.contains(">90.0 % \u00b7 1 min 30 s</text>"), page);
    assertTrue(page.contains(">10.0 % \u00b7 10 s</text>"), page);
    assertTrue(page.indexOf(">Anna</text>") < page.indexOf(">Ben</text>"), "most talk first");
  }

  @Test
  void talkTimeIsInWordsWhenATurnLacksATimeAndTheSharesAddUpTo100() {
    List<Turn> turns =
        List.of(
            turn(0, "Anna", "questioner", "one two three", 0.0, 30.0),
            turn(1, "Ben", "respondent", "four five\n\nsix", 30.0, null),
            turn(2, "Cleo", "other", "  seven   eight nine ", null, null));
    HtmlReport.TalkTime talk = HtmlReport.talkTime(turns);
    assertEquals("words", talk.unit());
    assertEquals(
        List.of(3.0, 3.0, 3.0), talk.speakers().stream().map(HtmlReport.Talk::amount).toList());
    double sum = talk.speakers().stream().mapToDouble(HtmlReport.Talk::share).sum();
    assertEquals(100.0, sum, 1e-9);
    assertEquals(
        List.of(33.4, 33.3, 33.3), talk.speakers().stream().map(HtmlReport.Talk::share).toList());
    String page =
        HtmlReport.page(interview("t.txt", "00000000000000cc", List.of(), List.of(), turns), NOW);
    assertTrue(page.contains("Unit: words"));
    assertTrue(
        page.contains(">33.4 % \u00b7 3 words</text>")
            && page.contains(">33.3 % \u00b7 3 words</text>"),
        page);
    // Shares of any split add up to exactly 100.0 %.
    for (double[] values :
        List.of(
            new double[] {1, 1, 1, 1, 1, 1, 1},
            new double[] {2, 3, 5, 7, 11},
            new double[] {1e6, 1})) {
      assertEquals(
          1000, Arrays.stream(HtmlReport.percentTenths(values)).sum(), Arrays.toString(values));
    }
    assertEquals(0, Arrays.stream(HtmlReport.percentTenths(new double[] {0, 0})).sum());
  }

  @Test
  void entityBarsAreByTypeMostMentionedFirstAtMostTenPerType() {
    List<Mention> mentions = new ArrayList<>();
    mentions.add(new Mention("CSTO", "ORGANIZATION"));
    mentions.add(new Mention("CSTO", "ORGANIZATION"));
    for (int k = 0; k < 3; k++) {
      mentions.add(new Mention("Kazakhstan", "LOCATION"));
    }
    for (int k = 0; k < 5; k++) {
      mentions.add(new Mention("China", "LOCATION"));
    }
    mentions.add(new Mention("Russia", "LOCATION"));
    for (int k = 0; k < 12; k++) {
      mentions.add(new Mention("2" + (char) ('a' + k), "DATE"));
    }
    List<HtmlReport.EntityType> types = HtmlReport.entityTypes(mentions, 10);
    assertEquals(
        List.of("DATE", "LOCATION", "ORGANIZATION"),
        types.stream().map(HtmlReport.EntityType::type).toList());
    HtmlReport.EntityType location = types.get(1);
    assertEquals(9, location.mentions());
    assertEquals(3, location.distinct());
    assertEquals(
        List.of(
            new HtmlReport.TopEntity("China", 5),
            new HtmlReport.TopEntity("Kazakhstan", 3),
            new HtmlReport.TopEntity("Russia", 1)),
        location.top());
    assertEquals(10, types.get(0).top().size());
    assertEquals(12, types.get(0).distinct());

    String page =
        HtmlReport.page(
            interview("e.txt", "00000000000000dd", List.of(), mentions, List.of()), NOW);
    int china = page.indexOf("<title>China (LOCATION): 5 mentions</title>");
    int kazakhstan = page.indexOf("<title>Kazakhstan (LOCATION): 3 mentions</title>");
    int russia = page.indexOf("<title>Russia (LOCATION): 1 mention</title>");
    assertTrue(china > 0 && china < kazakhstan && kazakhstan < russia, "bars ordered by count");
    assertTrue(
        page.indexOf("<h3>DATE") < page.indexOf("<h3>LOCATION")
            && page.indexOf("<h3>LOCATION") < page.indexOf("<h3>ORGANIZATION"));
    assertEquals(
        10 + 3 + 1,
        count(page, "<g class=\"bar\"><title>"),
        "10 DATE bars, 3 LOCATION, 1 ORGANIZATION");
    // The longest bar is the most mentioned one's, the others in proportion.
    double chinaWidth = barWidth(page, china);
    double kazakhstanWidth = barWidth(page, kazakhstan);
    assertEquals(3.0 / 5, kazakhstanWidth / chinaWidth, 0.01);
    assertTrue(page.contains("9 mentions, 3 distinct"));
  }

  private static double barWidth(String page, int from) {
    Matcher m = Pattern.compile("<rect x=\"\\d+\" y=\"[\\d.]+\" width=\"([\\d.]+)\"").matcher(page);
    assertTrue(m.find(from));
    return Double.parseDouble(m.group(1));
  }

  @Test
  void theIndexLinksToEveryPageWithItsFigures() {
    Interview a =
        interview(
            "in/a.txt",
            "aaaaaaaaaaaaaaaa",
            List.of(answer(0, 1.0, "q"), answer(1, 0.0, "q2")),
            List.of(
                new Mention("Paris", "LOCATION"),
                new Mention("Paris", "LOCATION"),
                new Mention("2024", "DATE"),
                new Mention("2024", "DATE"),
                new Mention("2024", "DATE"),
                new Mention("Ann", "PERSON")),
            List.of(turn(0, "Host", "questioner", "q", null, null)));
    Interview b =
        new Interview(
            "in/b.txt",
            "bbbbbbbbbbbbbbbb",
            "20250305-000000-000-123456",
            List.of(answer(0, null, "q")),
            List.of(),
            List.of(turn(0, "Host", "questioner", "q", null, null)));
    // The same bytes under another name: the same transcript_id, its own page.
    Interview c =
        interview("in/copy-of-a.txt", "aaaaaaaaaaaaaaaa", a.answers(), a.mentions(), a.turns());
    Map<String, String> pages =
        HtmlReport.render(new ReportData.Report(List.of(a, b, c), List.of()), "out", NOW);
    assertEquals(
        List.of(
            "index.html",
            "aaaaaaaaaaaaaaaa.html",
            "bbbbbbbbbbbbbbbb.html",
            "aaaaaaaaaaaaaaaa-2.html"),
        List.copyOf(pages.keySet()));
    String index = pages.get("index.html");
    for (String page : pages.keySet()) {
      if (!page.equals("index.html")) {
        assertEquals(1, count(index, "<a href=\"" + page + "\">"), page);
        assertTrue(pages.get(page).contains("<a href=\"index.html\">"), page + " links back");
      }
    }
    assertEquals(3, count(index, "<svg class=\"spark\""), "a sparkline per interview");
    assertTrue(
        index.contains(">a.txt</a>")
            && index.contains(">copy-of-a.txt</a>")
            && index.contains(">b.txt</a>"));
    assertTrue(index.contains(RUN) && index.contains("20250305-000000-000-123456"), "the run ids");
    assertTrue(index.contains("2025-03-04 05:06:07 UTC"), "the generation time");
    // Top entities: the named types first (2024 is a DATE), with their counts.
    assertTrue(
        index.contains(
            "<td class=\"ents\">Paris <span class=\"n\">2</span><br>Ann <span"
                + " class=\"n\">1</span></td>"),
        index);
    assertTrue(
        index.contains("+0.50 <span style=\"color:#626d7a\">neutral</span>"), "a's mean sentiment");
    assertTrue(index.contains("n/a"), "b has no score");
    assertNull(HtmlReport.meanSentiment(b.answers()));
  }

  private static int count(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + part.length())) {
      n++;
    }
    return n;
  }
}
