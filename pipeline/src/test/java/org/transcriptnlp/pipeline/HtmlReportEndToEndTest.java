package org.transcriptnlp.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.transcriptnlp.pipeline.console.RunSummary;
import org.transcriptnlp.pipeline.options.TranscriptNlpOptions;
import org.transcriptnlp.pipeline.report.HtmlReport;
import org.transcriptnlp.pipeline.report.Svg;
import org.transcriptnlp.pipeline.runs.RunCommit;
import org.transcriptnlp.pipeline.runs.Warehouse;
import org.transcriptnlp.testing.Fixtures;

/**
 * The report of the real job's Iceberg tables on the three samples (both annotators), checked
 * against the tables read back independently with DuckDB (the data files of each table's current
 * snapshot, {@link Duck}); then an incremental run after one sample changed, whose report shows
 * only the current rows, while the first run's rows stay in the tables' earlier snapshot.
 */
class HtmlReportEndToEndTest {
  private static final String FOX = "wh_2025-02-16_fox-sports_trump_short.md";

  private static Path dir;
  private static Path in;
  private static Path out;
  private static Path report;
  private static Path firstOutput;
  private static List<String> firstWritten;
  private static Map<String, String> firstPages;
  private static List<String> secondWritten;
  private static Map<String, String> secondPages;
  private static RunSummary secondRun;

  private static RunSummary job() {
    TranscriptNlpOptions options =
        PipelineOptionsFactory.fromArgs(
                "--input=" + in + "/*", "--output=" + out, "--annotators=sentiment,entities")
            .withValidation()
            .as(TranscriptNlpOptions.class);
    return TranscriptNlp.run(options);
  }

  private static Map<String, String> pages(Path folder) throws Exception {
    Map<String, String> pages = new LinkedHashMap<>();
    try (var files = Files.list(folder)) {
      for (Path f : files.sorted().toList()) {
        pages.put(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8));
      }
    }
    return pages;
  }

  @BeforeAll
  static void runTwiceAndReportEachTime() throws Exception {
    dir = Files.createTempDirectory("transcript-nlp-report");
    in = Files.createDirectories(dir.resolve("in"));
    try (var samples = Files.list(Fixtures.path("samples/transcripts"))) {
      for (Path s : samples.toList()) {
        Files.copy(s, in.resolve(s.getFileName()));
      }
    }
    out = dir.resolve("out");
    report = dir.resolve("report");
    job();
    // The tables as the first run left them: a copy of the catalog's folders. The copy's metadata
    // names the data files in out/, which stay there as long as the first run's snapshots do.
    firstOutput = dir.resolve("out-after-first-run");
    copyTree(out, firstOutput);
    firstWritten = report(out, report);
    firstPages = pages(report);

    // One more question and answer in one sample: a new transcript_id, one answer more.
    Path fox = in.resolve(FOX);
    List<String> lines = new ArrayList<>(Files.readAllLines(fox, StandardCharsets.UTF_8));
    int from = indexOf(lines, "Are you going to get on the radio");
    int to = indexOf(lines, "Mr. President, enjoy your time.");
    lines.addAll(to, List.copyOf(lines.subList(from, to)));
    Files.write(fox, lines, StandardCharsets.UTF_8);
    secondRun = job();
    secondWritten = report(out, report);
    secondPages = pages(report);
  }

  /** Writes the report of an output's tables (HtmlReport.write on the output's Hadoop catalog). */
  private static List<String> report(Path output, Path folder) {
    try (Warehouse w = Warehouse.existing(output.toString(), "hadoop")) {
      return HtmlReport.write(w, folder.toString());
    }
  }

  private static void copyTree(Path from, Path to) throws java.io.IOException {
    try (var all = Files.walk(from)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        Files.createDirectories(target.getParent());
        Files.copy(p, target);
      }
    }
  }

  /**
   * The answers of the changed sample in a snapshot of the answers table (Iceberg's generic
   * reader).
   */
  private static long foxAnswers(org.apache.iceberg.Table answers, long snapshot) throws Exception {
    long n = 0;
    try (var rows =
        org.apache.iceberg.data.IcebergGenerics.read(answers).useSnapshot(snapshot).build()) {
      for (org.apache.iceberg.data.Record r : rows) {
        n += String.valueOf(r.getField("source_path")).endsWith("/" + FOX) ? 1 : 0;
      }
    }
    return n;
  }

  private static int indexOf(List<String> lines, String part) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(part)) {
        return i;
      }
    }
    throw new AssertionError(part + " is not in the sample");
  }

  @AfterAll
  static void removeTheFolder() throws Exception {
    if (dir != null) {
      Fixtures.deleteTree(dir);
    }
  }

  private static int count(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + part.length())) {
      n++;
    }
    return n;
  }

  private static String one(String html, String regex) {
    Matcher m = Pattern.compile(regex).matcher(html);
    assertTrue(m.find(), regex + " not in the page");
    return m.group(1);
  }

  /** Checks a report's pages against the current rows DuckDB reads from the output. */
  private static void assertReportMatchesTheTables(
      Map<String, String> pages, List<String> written, Path folder) throws Exception {
    try (Duck duck = new Duck(folder)) {
      Set<String> ids =
          duck.column("SELECT DISTINCT transcript_id FROM answers").stream()
              .map(String::valueOf)
              .collect(Collectors.toCollection(TreeSet::new));
      assertEquals(3, ids.size());
      Set<String> expected = new TreeSet<>(ids.stream().map(id -> id + ".html").toList());
      expected.add("index.html");
      assertEquals(
          expected, pages.keySet(), "an index and one page per current transcript, nothing else");
      assertEquals(report.resolve("index.html").toString(), written.get(0));
      assertEquals(
          expected,
          new TreeSet<>(written.stream().map(w -> Path.of(w).getFileName().toString()).toList()));
      String index = pages.get("index.html");
      for (String id : ids) {
        String page = pages.get(id + ".html");
        String where = " WHERE transcript_id = '" + id + "'";
        long answers = duck.count("SELECT count(*) FROM answers" + where);
        assertTrue(answers > 0);
        assertEquals(
            answers,
            duck.count("SELECT count(sentiment_score) FROM answers" + where),
            "every answer has a score");
        assertEquals(answers, count(page, "<circle class=\"pt\""), id + ": a point per answer");
        assertEquals(
            String.valueOf(answers),
            one(page, "<div class=\"k\">Answers</div><div class=\"v\">(\\d+)</div>"));
        assertEquals(
            String.valueOf(duck.count("SELECT count(*) FROM entities" + where)),
            one(page, "<div class=\"k\">Entity mentions</div><div class=\"v\">([\\d,]+)</div>")
                .replace(",", ""));
        assertEquals(
            String.valueOf(duck.count("SELECT count(*) FROM turns" + where)),
            one(page, "<div class=\"k\">Turns</div><div class=\"v\">(\\d+)</div>"));
        String source =
            String.valueOf(duck.one("SELECT DISTINCT source_path FROM answers" + where));
        String run = String.valueOf(duck.one("SELECT DISTINCT run_id FROM answers" + where));
        assertEquals(
            source, one(page.replace("<wbr>", ""), "<dt>source_path</dt><dd>([^<]+)</dd>"));
        assertEquals(run, one(page, "<dt>run_id</dt><dd>([^<]+)</dd>"));
        // Every answer's question is in a point's tooltip, in answer_index order.
        List<Object> indexes =
            duck.column("SELECT answer_index FROM answers" + where + " ORDER BY answer_index");
        Matcher titles =
            Pattern.compile(
                    "<circle class=\"pt\"[^>]*><title>Answer (\\d+) of (\\d+) \\(answer_index"
                        + " (\\d+)\\)")
                .matcher(page);
        List<Object> shown = new ArrayList<>();
        while (titles.find()) {
          assertEquals(String.valueOf(answers), titles.group(2));
          shown.add(Integer.parseInt(titles.group(3)));
        }
        assertEquals(indexes, shown);
        // Talk time: the samples give no turn times, so words per speaker (counted by DuckDB here).
        assertTrue(page.contains("Unit: words"));
        List<List<Object>> words =
            duck.rows(
                "SELECT speaker, sum(len(regexp_extract_all(text, '\\S+'))) FROM turns"
                    + where
                    + " GROUP BY speaker");
        double total = words.stream().mapToDouble(r -> ((Number) r.get(1)).doubleValue()).sum();
        double shares = 0;
        for (List<Object> w : words) {
          long n = ((Number) w.get(1)).longValue();
          Matcher bar =
              Pattern.compile(
                      ">"
                          + Pattern.quote(Svg.escape(String.valueOf(w.get(0))))
                          + "</text><rect [^>]*/><text [^>]*>([\\d.]+) % \u00b7 ([\\d,]+)"
                          + " words</text>")
                  .matcher(page);
          assertTrue(bar.find(), w.get(0) + " has a talk bar on " + id);
          assertEquals(n, Long.parseLong(bar.group(2).replace(",", "")), w.get(0) + "'s words");
          double share = Double.parseDouble(bar.group(1));
          assertEquals(100.0 * n / total, share, 0.1);
          shares += share;
        }
        assertEquals(100.0, shares, 1e-6, id + ": the shares add up to 100 %");
        // The most mentioned text of each entity type comes first in its chart.
        for (List<Object> top :
            duck.rows(
                "SELECT type, text, n FROM (SELECT type, text, count(*) n, row_number() OVER "
                    + "(PARTITION BY type ORDER BY count(*) DESC, text) r FROM entities"
                    + where
                    + " GROUP BY type, text) WHERE r = 1")) {
          String title =
              Svg.escape(
                  top.get(1)
                      + " ("
                      + top.get(0)
                      + "): "
                      + top.get(2)
                      + (((Number) top.get(2)).longValue() == 1 ? " mention" : " mentions"));
          int h3 = page.indexOf("<h3>" + top.get(0) + " ");
          assertTrue(h3 > 0, top.get(0) + " has a chart");
          assertTrue(
              page.indexOf("<g class=\"bar\">", h3)
                  == page.indexOf("<g class=\"bar\"><title>" + title, h3),
              title + " first");
        }
        // The index's row: its link, answers, run.
        assertEquals(1, count(index, "<a href=\"" + id + ".html\">"));
        Matcher row =
            Pattern.compile("<tr><td><a href=\"" + id + "\\.html\">.*?</tr>", Pattern.DOTALL)
                .matcher(index);
        assertTrue(row.find());
        assertTrue(row.group().contains("<td class=\"num\">" + answers + "</td>"), row.group());
        assertTrue(row.group().contains("<td class=\"run\">" + run + "</td>"), row.group());
        assertTrue(row.group().contains("<svg class=\"spark\""));
      }
    }
  }

  @Test
  void theFirstReportHasAPageForEachSampleMatchingTheTables() throws Exception {
    assertReportMatchesTheTables(firstPages, firstWritten, firstOutput);
    for (Map.Entry<String, String> page : firstPages.entrySet()) {
      String html = page.getValue().replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
      assertFalse(
          html.contains("<script")
              || html.contains("src=")
              || html.contains("<link")
              || html.contains("url(")
              || html.contains("http://")
              || html.contains("https://")
              || html.contains("@import"),
          page.getKey() + " loads nothing");
    }
  }

  @Test
  void afterAnIncrementalRunTheReportShowsOnlyTheCurrentRows() throws Exception {
    RunCommit.Report run = secondRun.report();
    assertEquals(
        List.of(0L, 1L, 2L),
        List.of(run.added(), run.changed(), run.unchanged()),
        "only the changed file was processed");
    assertReportMatchesTheTables(secondPages, secondWritten, out);
    try (Duck duck = new Duck(out);
        Duck before = new Duck(firstOutput)) {
      String where = " WHERE source_path LIKE '%" + FOX + "'";
      String oldId =
          String.valueOf(before.one("SELECT DISTINCT transcript_id FROM answers" + where));
      String newId = String.valueOf(duck.one("SELECT DISTINCT transcript_id FROM answers" + where));
      assertFalse(oldId.equals(newId));
      assertEquals(8, before.count("SELECT count(*) FROM answers" + where));
      assertEquals(9, duck.count("SELECT count(*) FROM answers" + where));
      assertEquals(
          9,
          count(secondPages.get(newId + ".html"), "<circle class=\"pt\""),
          "only the current run's answers");
      assertFalse(
          secondPages.containsKey(oldId + ".html"),
          "the earlier page of the changed file is removed");
      assertFalse(secondPages.get("index.html").contains(oldId));
      List<Object> runs = duck.column("SELECT run_id FROM runs ORDER BY run_id");
      assertEquals(2, runs.size());
      // The first run's rows are in the answers table's earlier snapshot (history is Iceberg's
      // snapshots).
      try (Warehouse w = Warehouse.existing(out.toString(), "hadoop")) {
        org.apache.iceberg.Table answers = w.table(org.transcriptnlp.tables.Table.ANSWERS);
        org.apache.iceberg.Snapshot current = answers.currentSnapshot();
        assertEquals(
            runs.get(1), current.summary().get(org.transcriptnlp.tables.IcebergTables.RUN_ID));
        org.apache.iceberg.Snapshot first = answers.snapshot(current.parentId());
        assertEquals(
            runs.get(0), first.summary().get(org.transcriptnlp.tables.IcebergTables.RUN_ID));
        assertEquals(
            8,
            foxAnswers(answers, first.snapshotId()),
            "the first run's rows of the changed file, in its snapshot");
        assertEquals(9, foxAnswers(answers, current.snapshotId()));
      }
      String index = secondPages.get("index.html");
      assertTrue(
          index.contains(
              "Rows from runs <span class=\"run\">"
                  + runs.get(0)
                  + "</span>, <span class=\"run\">"
                  + runs.get(1)
                  + "</span>"));
      assertEquals(
          1,
          count(index, "<td class=\"run\">" + runs.get(1) + "</td>"),
          "the changed file's row is from the second run");
      assertEquals(2, count(index, "<td class=\"run\">" + runs.get(0) + "</td>"));
      // The unchanged files' pages are the same but for the generation time.
      for (String page : firstPages.keySet()) {
        if (!page.equals("index.html") && !page.equals(oldId + ".html")) {
          assertEquals(
              firstPages.get(page).replaceAll("Generated [^<.]+", ""),
              secondPages.get(page).replaceAll("Generated [^<.]+", ""),
              page);
        }
      }
    }
  }
}
