package org.transcriptnlp.pipeline.report;

import static org.transcriptnlp.pipeline.report.Svg.escape;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;
import org.transcriptnlp.io.Locations;
import org.transcriptnlp.pipeline.report.ReportData.Answer;
import org.transcriptnlp.pipeline.report.ReportData.Interview;
import org.transcriptnlp.pipeline.report.ReportData.Mention;
import org.transcriptnlp.pipeline.report.ReportData.Turn;
import org.transcriptnlp.pipeline.runs.OutputFolder;
import org.transcriptnlp.pipeline.runs.RunCommit;
import org.transcriptnlp.pipeline.runs.Warehouse;
import org.transcriptnlp.tables.ParquetFiles;

/**
 * A self-contained HTML report of an output folder's current rows: {@code index.html}, one row per
 * interview, and one {@code <transcript_id>.html} page per interview with its sentiment arc, top
 * entities by type and talk time per speaker. CSS and charts (SVG) are inline: the pages need no
 * network and no JavaScript.
 *
 * <p>{@link #write} reads ({@link ReportData}) and writes; {@link #render} and the functions it
 * uses turn plain records into HTML and are tested without files.
 */
public final class HtmlReport {
  private HtmlReport() {}

  static final String INDEX = "index.html";

  /** Interview page names, as written (for removing a page a transcript no longer has). */
  private static final Pattern PAGE = Pattern.compile("[0-9a-f]{16}(-\\d+)?\\.html");

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  /**
   * Writes the report of an output folder's current rows to {@code reportDir} (created if needed):
   * index.html and one page per interview. In a local report folder, interview pages of an earlier
   * report whose transcript is no longer current are removed. Returns the written pages' paths,
   * index.html first. The output may be on any file system Beam is set up for (the caller sets
   * {@link FileSystems#setDefaultPipelineOptions}); so may the report folder.
   */
  public static List<String> write(Warehouse w, String reportDir) {
    ReportData.Report report = ReportData.read(w);
    Map<String, String> pages = render(report, w.output(), Instant.now());
    List<String> written = new ArrayList<>();
    try {
      // Each page as the tables' files are written: under a hidden name, then renamed when whole
      // (forced to disk first on a local disk), on any file system. The local file system creates
      // the folder.
      for (Map.Entry<String, String> page : pages.entrySet()) {
        ResourceId file =
            FileSystems.matchNewResource(Locations.folder(reportDir, page.getKey()), false);
        ResourceId partial = ParquetFiles.inProgress(file);
        try (OutputStream out =
            Channels.newOutputStream(FileSystems.create(partial, MimeTypes.TEXT))) {
          out.write(page.getValue().getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
          try {
            FileSystems.delete(
                List.of(partial), MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
          } catch (IOException notThere) {
            e.addSuppressed(notThere);
          }
          throw e;
        }
        Locations.publish(partial, file);
        written.add(file.toString());
      }
      if (OutputFolder.isLocal(reportDir)) {
        try (Stream<Path> all = Files.list(Path.of(reportDir))) {
          for (Path stale :
              all.filter(
                      p ->
                          PAGE.matcher(p.getFileName().toString()).matches()
                              && !pages.containsKey(p.getFileName().toString()))
                  .toList()) {
            Files.deleteIfExists(stale);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the report to " + reportDir + ": " + e.getMessage(), e);
    }
    return written;
  }

  /**
   * Every page of the report, by file name: index.html first, then the interviews' pages in source
   * path order.
   */
  static Map<String, String> render(ReportData.Report report, String output, Instant generated) {
    Map<String, String> names = pageNames(report.interviews());
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put(INDEX, index(report, names, output, generated));
    for (Interview i : report.interviews()) {
      pages.put(names.get(i.sourcePath()), page(i, generated));
    }
    return pages;
  }

  /**
   * Each interview's page name, by source path: {@code <transcript_id>.html}; files with identical
   * bytes share a transcript_id, so the second one's page is {@code <transcript_id>-2.html}, ...
   */
  static Map<String, String> pageNames(List<Interview> interviews) {
    Map<String, String> names = new LinkedHashMap<>();
    Map<String, Integer> seen = new HashMap<>();
    for (Interview i : interviews) {
      String id =
          i.transcriptId() == null
              ? "transcript"
              : i.transcriptId().replaceAll("[^A-Za-z0-9_-]", "_");
      int n = seen.merge(id, 1, Integer::sum);
      names.put(i.sourcePath(), id + (n == 1 ? "" : "-" + n) + ".html");
    }
    return names;
  }

  // ---------------------------------------------------------------- figures

  /** The mean of the answers' non-null scores; null when none has one. */
  static Double meanSentiment(List<Answer> answers) {
    var scores =
        answers.stream()
            .map(Answer::sentimentScore)
            .filter(s -> s != null)
            .mapToDouble(Double::doubleValue)
            .summaryStatistics();
    return scores.getCount() == 0 ? null : scores.getAverage();
  }

  /** An entity text and its number of mentions. */
  record TopEntity(String text, long mentions) {}

  /**
   * An NER type: its mentions, distinct texts, and the most mentioned texts (most first, then by
   * text).
   */
  record EntityType(String type, long mentions, int distinct, List<TopEntity> top) {}

  /** The entity types, most mentioned first, each with its {@code perType} most mentioned texts. */
  static List<EntityType> entityTypes(List<Mention> mentions, int perType) {
    Map<String, List<Mention>> byType =
        mentions.stream()
            .collect(Collectors.groupingBy(Mention::type, LinkedHashMap::new, Collectors.toList()));
    List<EntityType> types = new ArrayList<>();
    for (Map.Entry<String, List<Mention>> t : byType.entrySet()) {
      List<TopEntity> counted = top(t.getValue(), Integer.MAX_VALUE);
      types.add(
          new EntityType(
              t.getKey(),
              t.getValue().size(),
              counted.size(),
              counted.subList(0, Math.min(perType, counted.size()))));
    }
    types.sort(
        Comparator.comparingLong(EntityType::mentions).reversed().thenComparing(EntityType::type));
    return types;
  }

  /** The {@code n} most mentioned entity texts, whatever their type (most first, then by text). */
  static List<TopEntity> top(List<Mention> mentions, int n) {
    Map<String, Long> counts =
        mentions.stream().collect(Collectors.groupingBy(Mention::text, Collectors.counting()));
    return counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(n)
        .map(e -> new TopEntity(e.getKey(), e.getValue()))
        .toList();
  }

  /**
   * The numeric and time NER types (the numeric classifiers and SUTime), left out of the index's
   * top entities.
   */
  static final java.util.Set<String> NUMERIC_TYPES =
      java.util.Set.of("DATE", "NUMBER", "MONEY", "PERCENT", "ORDINAL", "DURATION", "TIME", "SET");

  /**
   * The {@code n} most mentioned texts of the named types (not {@link #NUMERIC_TYPES}); of all
   * types when there is none.
   */
  static List<TopEntity> topNamed(List<Mention> mentions, int n) {
    List<Mention> named = mentions.stream().filter(m -> !NUMERIC_TYPES.contains(m.type())).toList();
    return top(named.isEmpty() ? mentions : named, n);
  }

  /**
   * A speaker's talk: amount in the unit, share in percent (to 0.1; the shares add up to 100),
   * role.
   */
  record Talk(String speaker, String role, double amount, double share) {}

  /** Talk time per speaker, most first; unit is {@code seconds} or {@code words}. */
  record TalkTime(String unit, List<Talk> speakers) {}

  private static final Pattern WORD = Pattern.compile("\\S+");

  /**
   * Talk per speaker: in seconds (end - start) when every turn has start_seconds and end_seconds,
   * otherwise in words of the turns' text.
   */
  static TalkTime talkTime(List<Turn> turns) {
    boolean timed =
        !turns.isEmpty()
            && turns.stream().allMatch(t -> t.startSeconds() != null && t.endSeconds() != null);
    double timedTotal =
        timed
            ? turns.stream().mapToDouble(t -> Math.max(0, t.endSeconds() - t.startSeconds())).sum()
            : 0;
    String unit = timed && timedTotal > 0 ? "seconds" : "words";
    Map<String, Double> amount = new LinkedHashMap<>();
    Map<String, Map<String, Integer>> roles = new HashMap<>();
    for (Turn t : turns) {
      double a =
          unit.equals("seconds")
              ? Math.max(0, t.endSeconds() - t.startSeconds())
              : t.text() == null ? 0 : WORD.matcher(t.text()).results().count();
      amount.merge(t.speaker(), a, Double::sum);
      roles
          .computeIfAbsent(t.speaker(), s -> new HashMap<>())
          .merge(t.role() == null ? "other" : t.role(), 1, Integer::sum);
    }
    List<String> speakers = new ArrayList<>(amount.keySet());
    speakers.sort(Comparator.comparingDouble((String s) -> -amount.get(s)).thenComparing(s -> s));
    double[] values = speakers.stream().mapToDouble(amount::get).toArray();
    long[] tenths = percentTenths(values);
    List<Talk> talks = new ArrayList<>();
    for (int i = 0; i < speakers.size(); i++) {
      String s = speakers.get(i);
      String role =
          roles.get(s).entrySet().stream()
              .max(
                  Map.Entry.<String, Integer>comparingByValue()
                      .thenComparing(Map.Entry.comparingByKey()))
              .map(Map.Entry::getKey)
              .orElse("other");
      talks.add(new Talk(s, role, values[i], tenths[i] / 10.0));
    }
    return new TalkTime(unit, talks);
  }

  /**
   * Shares in tenths of a percent that add up to exactly 1000 (largest remainder); all 0 when the
   * total is 0.
   */
  static long[] percentTenths(double[] values) {
    double total = 0;
    for (double v : values) {
      total += v;
    }
    long[] t = new long[values.length];
    if (total <= 0) {
      return t;
    }
    double[] frac = new double[values.length];
    long sum = 0;
    for (int i = 0; i < values.length; i++) {
      double exact = values[i] / total * 1000;
      t[i] = (long) Math.floor(exact);
      frac[i] = exact - t[i];
      sum += t[i];
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingDouble((Integer i) -> -frac[i]).thenComparingInt(i -> i));
    for (int k = 0; sum < 1000; k++, sum++) {
      t[order.get(k % order.size())]++;
    }
    return t;
  }

  // ---------------------------------------------------------------- pages

  /** The pages' style sheet ({@code report.css} beside this class), inlined in every page. */
  private static final String CSS = resource("report.css");

  private static String resource(String name) {
    try (java.io.InputStream in = HtmlReport.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String head(String title) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
        + escape(title)
        + "</title>\n<style>\n"
        + CSS
        + "</style>\n</head>\n<body>\n";
  }

  private static String footer(Instant generated) {
    return "<footer>Generated "
        + escape(TIME.format(generated))
        + " by transcript-nlp "
        + escape(version())
        + " from the current rows of the output's tables.</footer>\n</main>\n</body>\n</html>\n";
  }

  private static String version() {
    try {
      return RunCommit.pipelineVersion();
    } catch (RuntimeException e) {
      return "";
    }
  }

  private static String sentiment(Double score) {
    if (score == null) {
      return "<span class=\"sent\" style=\"color:#8c939d\">n/a</span>";
    }
    return "<span class=\"sent\"><span class=\"dot\" style=\"background:"
        + Svg.color(score)
        + "\"></span>"
        + Svg.score(score)
        + " <span style=\"color:#626d7a\">"
        + Svg.labelName(Svg.label(score))
        + "</span></span>";
  }

  /** A path escaped, with a line break opportunity after each slash. */
  private static String path(String p) {
    return escape(p).replace("/", "/<wbr>");
  }

  private static String fileName(String path) {
    String p = path.replaceAll("/+$", "");
    return p.substring(p.lastIndexOf('/') + 1);
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static List<Svg.Point> points(Interview i) {
    List<Svg.Point> points = new ArrayList<>();
    for (Answer a : i.answers()) {
      points.add(
          new Svg.Point(a.answerIndex(), a.sentimentScore(), tooltip(a, i.answers().size())));
    }
    return points;
  }

  /**
   * A point's tooltip: the answer's number, speakers, score and label, and the question shortened
   * to about 200 characters.
   */
  static String tooltip(Answer a, int answers) {
    String score =
        a.sentimentScore() == null
            ? "no score"
            : "score "
                + Svg.score(a.sentimentScore())
                + " ("
                + Svg.labelName(
                    a.sentimentLabel() != null ? a.sentimentLabel() : Svg.label(a.sentimentScore()))
                + ")";
    return "Answer "
        + (a.answerIndex() + 1)
        + " of "
        + answers
        + " (answer_index "
        + a.answerIndex()
        + ") \u00b7 "
        + a.answerSpeaker()
        + " \u00b7 "
        + score
        + "\nQ ("
        + a.questionSpeaker()
        + "): "
        + Svg.shorten(a.questionText(), 200);
  }

  /** The index page: one row per interview with a link to its page. */
  static String index(
      ReportData.Report report, Map<String, String> names, String output, Instant generated) {
    List<Interview> all = report.interviews();
    TreeSet<String> runs =
        all.stream().map(Interview::runId).collect(Collectors.toCollection(TreeSet::new));
    long answers = all.stream().mapToLong(i -> i.answers().size()).sum();
    long mentions = all.stream().mapToLong(i -> i.mentions().size()).sum();
    StringBuilder b = new StringBuilder(head("Interviews \u00b7 transcript-nlp report"));
    b.append(
        "<div class=\"bar-top\"><div class=\"wrap\">transcript-nlp report</div></div>\n"
            + "<main class=\"wrap\">\n");
    b.append("<h1>Interviews</h1>\n<div class=\"path\">").append(path(output)).append("</div>\n");
    b.append("<div class=\"facts\">")
        .append(fact("Interviews", count(all.size())))
        .append(fact("Answers", count(answers)))
        .append(fact("Mean sentiment", meanOfAll(all)))
        .append(fact("Entity mentions", count(mentions)))
        .append(fact("Runs", count(runs.size())))
        .append("</div>\n");
    b.append("<p class=\"note lead\">Generated ")
        .append(escape(TIME.format(generated)))
        .append(
            ". One row per interview (a source file whose current rows have turns); open one for"
                + " its sentiment arc, talk time and entities. Top entities: the most mentioned of"
                + " the named types (not dates, numbers, ...).</p>\n");
    b.append(
        "<section class=\"card\">\n"
            + "<table>\n"
            + "<thead><tr><th>Interview</th><th class=\"num\">Answers</th><th>Mean"
            + " sentiment</th><th>Sentiment arc</th><th>Top"
            + " entities</th><th>Run</th></tr></thead>\n"
            + "<tbody>\n");
    for (Interview i : all) {
      List<TopEntity> top = topNamed(i.mentions(), 3);
      b.append("<tr><td><a href=\"")
          .append(escape(names.get(i.sourcePath())))
          .append("\">")
          .append(escape(fileName(i.sourcePath())))
          .append("</a><div class=\"path\">")
          .append(path(i.sourcePath()))
          .append("</div></td>");
      b.append("<td class=\"num\">").append(count(i.answers().size())).append("</td>");
      b.append("<td>").append(sentiment(meanSentiment(i.answers()))).append("</td>");
      b.append("<td>").append(Svg.sparkline(points(i))).append("</td>");
      b.append("<td class=\"ents\">");
      if (top.isEmpty()) {
        b.append("<span class=\"n\">none</span>");
      }
      for (int k = 0; k < top.size(); k++) {
        b.append(k == 0 ? "" : "<br>")
            .append(escape(top.get(k).text()))
            .append(" <span class=\"n\">")
            .append(top.get(k).mentions())
            .append("</span>");
      }
      b.append("</td><td class=\"run\">").append(escape(i.runId())).append("</td></tr>\n");
    }
    if (all.isEmpty()) {
      b.append(
          "<tr><td colspan=\"6\" class=\"note\">No current interview in this output"
              + " folder.</td></tr>\n");
    }
    b.append("</tbody>\n</table>\n</section>\n");
    b.append("<p class=\"note\">Rows from run")
        .append(runs.size() == 1 ? " " : "s ")
        .append(
            runs.stream()
                .map(r -> "<span class=\"run\">" + escape(r) + "</span>")
                .collect(Collectors.joining(", ")))
        .append(runs.isEmpty() ? "none" : "")
        .append(". Each interview's rows are those of its file's latest committed run.</p>\n");
    if (!report.withoutTurns().isEmpty()) {
      b.append("<p class=\"note\">")
          .append(report.withoutTurns().size())
          .append(" current file(s) gave no turns (see the rejects table): ")
          .append(
              report.withoutTurns().stream()
                  .map(p -> "<span class=\"path\">" + path(p) + "</span>")
                  .collect(Collectors.joining(", ")))
          .append("</p>\n");
    }
    b.append(Svg.legend());
    return b.append(footer(generated)).toString();
  }

  private static String meanOfAll(List<Interview> all) {
    return meanHtml(meanSentiment(all.stream().flatMap(i -> i.answers().stream()).toList()));
  }

  /** A mean score for a fact box: a dot of its class's color, the score and the class. */
  private static String meanHtml(Double m) {
    return m == null
        ? "<span class=\"na\">n/a</span>"
        : "<span class=\"dot big\" style=\"background:"
            + Svg.color(m)
            + "\"></span>"
            + Svg.score(m)
            + " <span class=\"lab\">"
            + Svg.labelName(Svg.label(m))
            + "</span>";
  }

  private static String fact(String key, String valueHtml) {
    return "<div class=\"fact\"><div class=\"k\">"
        + escape(key)
        + "</div><div class=\"v\">"
        + valueHtml
        + "</div></div>";
  }

  private static final Map<String, String> ROLE_COLORS =
      Map.of("respondent", "#3b6ea5", "questioner", "#a0845c", "other", "#8c939d");

  /**
   * An interview's page: header, sentiment arc, top entities by type, talk time per speaker, the
   * answers.
   */
  static String page(Interview i, Instant generated) {
    List<Answer> answers = i.answers();
    Double mean = meanSentiment(answers);
    long unscored = answers.stream().filter(a -> a.sentimentScore() == null).count();
    StringBuilder b =
        new StringBuilder(head(fileName(i.sourcePath()) + " \u00b7 transcript-nlp report"));
    b.append("<div class=\"bar-top\"><div class=\"wrap\"><a href=\"")
        .append(INDEX)
        .append("\">\u2190 All interviews</a></div></div>\n");
    b.append("<main class=\"wrap\">\n<h1>")
        .append(escape(fileName(i.sourcePath())))
        .append("</h1>\n");
    b.append("<dl class=\"meta\"><dt>source_path</dt><dd>")
        .append(path(i.sourcePath()))
        .append("</dd><dt>transcript_id</dt><dd>")
        .append(escape(i.transcriptId()))
        .append("</dd><dt>run_id</dt><dd>")
        .append(escape(i.runId()))
        .append("</dd></dl>\n<div class=\"facts\">")
        .append(fact("Answers", count(answers.size())))
        .append(fact("Mean sentiment", meanHtml(mean)))
        .append(fact("Entity mentions", count(i.mentions().size())))
        .append(fact("Turns", count(i.turns().size())))
        .append(fact("Speakers", count(i.turns().stream().map(Turn::speaker).distinct().count())))
        .append("</div>\n");

    b.append(
        "<section class=\"card\">\n"
            + "<h2>Sentiment arc</h2>\n"
            + "<p class=\"note\">answers.sentiment_score of each answer, in order (-2 very negative"
            + " .. +2 very positive). Hover a point for the question.");
    if (unscored > 0) {
      b.append(' ')
          .append(unscored)
          .append(unscored == 1 ? " answer has" : " answers have")
          .append(" no score: gaps in the line.");
    }
    b.append("</p>\n")
        .append(Svg.arc(points(i)))
        .append('\n')
        .append("<div class=\"legend\">")
        .append(Svg.legend())
        .append("</div>\n</section>\n");

    TalkTime talk = talkTime(i.turns());
    b.append("<section class=\"card\">\n<h2>Talk time per speaker</h2>\n<p class=\"note\">");
    b.append(
        talk.unit().equals("seconds")
            ? "Unit: seconds (end_seconds - start_seconds of each turn)."
            : "Unit: words of the turns' text (the source gives no start and end time for every"
                + " turn).");
    b.append(
        " Share of the interview's total, from the turns table. Colors: <span"
            + " style=\"color:#3b6ea5\">respondent</span>, <span"
            + " style=\"color:#a0845c\">questioner</span>, <span"
            + " style=\"color:#8c939d\">other</span>.</p>\n");
    List<Svg.Bar> talkBars =
        talk.speakers().stream()
            .map(
                t -> {
                  String amount =
                      talk.unit().equals("seconds")
                          ? duration(t.amount())
                          : count(Math.round(t.amount())) + " words";
                  String share = Svg.num(t.share(), 1) + " %";
                  return new Svg.Bar(
                      t.speaker(),
                      t.amount(),
                      share + " \u00b7 " + amount,
                      t.speaker() + " (" + t.role() + "): " + share + ", " + amount,
                      ROLE_COLORS.getOrDefault(t.role(), "#8c939d"));
                })
            .toList();
    b.append(talkBars.isEmpty() ? "<p class=\"note\">No turns.</p>" : Svg.bars(talkBars, 1000, 260))
        .append("\n</section>\n");

    List<EntityType> types = entityTypes(i.mentions(), 10);
    b.append(
        "<section class=\"card\">\n"
            + "<h2>Top entities by type</h2>\n"
            + "<p class=\"note\">The most mentioned entity texts of each NER type (entities.type),"
            + " with their number of mentions; at most 10 per type.</p>\n");
    if (types.isEmpty()) {
      b.append(
          "<p class=\"note\">No entity mentions (the rows were made without the entities annotator,"
              + " or it found none).</p>\n");
    } else {
      b.append("<div class=\"grid\">\n");
      for (EntityType t : types) {
        List<Svg.Bar> bars =
            t.top().stream()
                .map(
                    e ->
                        new Svg.Bar(
                            e.text(),
                            e.mentions(),
                            String.valueOf(e.mentions()),
                            e.text()
                                + " ("
                                + t.type()
                                + "): "
                                + e.mentions()
                                + (e.mentions() == 1 ? " mention" : " mentions"),
                            "#4f7cac"))
                .toList();
        b.append("<div class=\"etype\"><h3>")
            .append(escape(t.type()))
            .append(" <span class=\"sub\">\u00b7 ")
            .append(count(t.mentions()))
            .append(t.mentions() == 1 ? " mention, " : " mentions, ")
            .append(count(t.distinct()))
            .append(" distinct</span></h3>")
            .append(Svg.bars(bars, 500, 200))
            .append("</div>\n");
      }
      b.append("</div>\n");
    }
    b.append("</section>\n");

    b.append(
        "<section class=\"card\">\n"
            + "<h2>Answers</h2>\n"
            + "<table>\n"
            + "<thead><tr><th class=\"num\""
            + " title=\"answer_index\">#</th><th>Question</th><th>Answered"
            + " by</th><th>Sentiment</th><th class=\"num\">Entities</th></tr></thead>\n"
            + "<tbody>\n");
    for (Answer a : answers) {
      b.append("<tr><td class=\"num\">")
          .append(a.answerIndex())
          .append("</td><td class=\"q\"><b>")
          .append(escape(a.questionSpeaker()))
          .append(":</b> ")
          .append(escape(Svg.shorten(a.questionText(), 160)))
          .append("</td><td>")
          .append(escape(a.answerSpeaker()))
          .append("</td><td>")
          .append(sentiment(a.sentimentScore()))
          .append("</td><td class=\"num\">")
          .append(a.entityCount() == null ? "" : a.entityCount())
          .append("</td></tr>\n");
    }
    b.append("</tbody>\n</table>\n</section>\n");
    return b.append(footer(generated)).toString();
  }

  private static String duration(double seconds) {
    long s = Math.round(seconds);
    return s >= 60 ? (s / 60) + " min " + (s % 60) + " s" : s + " s";
  }
}
