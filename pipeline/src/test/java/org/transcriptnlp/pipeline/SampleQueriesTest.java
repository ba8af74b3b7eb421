package org.transcriptnlp.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.transcriptnlp.pipeline.options.TranscriptNlpOptions;
import org.transcriptnlp.testing.Fixtures;

/**
 * The analysts' queries of {@code samples/queries/} on the output of the three samples (both
 * annotators), each result checked against the same figure computed here in Java from the plain
 * current rows (each table's current snapshot, read with DuckDB).
 */
class SampleQueriesTest {
  private static Path output;
  private static Duck duck;

  @BeforeAll
  static void runJob() throws Exception {
    output = Files.createTempDirectory("transcript-nlp-queries");
    TranscriptNlpOptions options =
        PipelineOptionsFactory.fromArgs(
                "--input=" + Fixtures.path("samples/transcripts") + "/*", "--output=" + output)
            .withValidation()
            .as(TranscriptNlpOptions.class);
    assertTrue(TranscriptNlp.run(options).accountedFor());
    duck = new Duck(output);
  }

  @AfterAll
  static void close() throws Exception {
    if (duck != null) {
      duck.close();
    }
  }

  private static List<List<Object>> query(String file) throws Exception {
    List<String> statements = Duck.statements(Fixtures.path("samples/queries/" + file));
    assertEquals(1, statements.size(), file + " is one query");
    List<List<Object>> rows = duck.rows(statements.get(0));
    assertFalse(rows.isEmpty(), file + " returns rows on the samples");
    return rows;
  }

  private static double num(Object o) {
    return ((Number) o).doubleValue();
  }

  @Test
  void sentimentArcHasEveryAnswerInOrderWithItsMovingAverage() throws Exception {
    List<List<Object>> arc = query("sentiment_arc.sql");
    List<List<Object>> answers =
        duck.rows("SELECT source_path, answer_index, sentiment_score FROM answers ORDER BY 1, 2");
    assertEquals(answers.size(), arc.size(), "one row per answer");
    assertEquals(3, arc.stream().map(r -> r.get(0)).distinct().count(), "three interviews");
    for (int i = 0; i < arc.size(); i++) {
      assertEquals(answers.get(i).get(0), arc.get(i).get(0));
      assertEquals(answers.get(i).get(1), arc.get(i).get(1), "in interview order");
      // the moving average of the answer and its neighbours in the same interview
      double sum = 0;
      int n = 0;
      for (int j = i - 1; j <= i + 1; j++) {
        if (j >= 0
            && j < answers.size()
            && answers.get(j).get(0).equals(answers.get(i).get(0))
            && answers.get(j).get(2) != null) {
          sum += num(answers.get(j).get(2));
          n++;
        }
      }
      assertEquals(
          Math.round(sum / n * 100) / 100.0,
          num(arc.get(i).get(5)),
          0.0051,
          "moving average at row " + i);
    }
  }

  @Test
  void entitiesPerInterviewAreTheTopFiveOfEachTypeByMentions() throws Exception {
    Map<String, Map<String, Integer>> counts = new HashMap<>(); // source|type -> text -> mentions
    for (List<Object> r : duck.rows("SELECT source_path, type, text FROM entities")) {
      counts
          .computeIfAbsent(r.get(0) + "|" + r.get(1), k -> new HashMap<>())
          .merge((String) r.get(2), 1, Integer::sum);
    }
    List<List<Object>> top = query("entities_per_interview.sql");
    Set<String> groups = new HashSet<>();
    for (List<Object> r : top) {
      String group = r.get(0) + "|" + r.get(1);
      groups.add(group);
      Map<String, Integer> c = counts.get(group);
      assertEquals(
          c.get((String) r.get(2)).longValue(),
          ((Number) r.get(3)).longValue(),
          "mentions of " + r);
      long higher = c.values().stream().filter(v -> v > c.get((String) r.get(2))).count();
      assertEquals(higher + 1, ((Number) r.get(5)).longValue(), "rank of " + r);
      assertTrue(((Number) r.get(5)).longValue() <= 5);
    }
    assertEquals(counts.keySet(), groups, "every interview and type has its top entities");
    assertTrue(
        top.stream()
            .anyMatch(
                r ->
                    r.get(2).equals("Kazakhstan")
                        && r.get(1).equals("LOCATION")
                        && ((Number) r.get(5)).longValue() == 1),
        "Kazakhstan is the Tokayev interview's top location");
  }

  @Test
  void negativeQuestionsAreTheTenLowestScoresInOrder() throws Exception {
    List<List<Object>> rows = query("negative_questions.sql");
    List<Object> lowest =
        duck.column(
            "SELECT round(sentiment_score, 2) FROM answers WHERE sentiment_score IS NOT NULL "
                + "ORDER BY sentiment_score LIMIT 10");
    assertEquals(lowest, rows.stream().map(r -> r.get(4)).toList());
    List<Object> shares =
        duck.column(
            "SELECT round((negative_sentences + very_negative_sentences) / sentence_count, 2) FROM"
                + " answers WHERE sentiment_score IS NOT NULL ORDER BY sentiment_score LIMIT 10");
    List<Object> fromSentences =
        duck.column(
            "SELECT round(avg(CASE WHEN s.sentiment_label IN ('negative', 'very_negative') THEN 1.0"
                + " ELSE 0.0 END), 2) FROM answers a JOIN sentences s USING (answer_id,"
                + " source_path) WHERE a.sentiment_score IS NOT NULL GROUP BY a.answer_id,"
                + " a.sentiment_score ORDER BY a.sentiment_score LIMIT 10");
    for (int i = 0; i < rows.size(); i++) {
      assertEquals(
          num(shares.get(i)), num(rows.get(i).get(6)), 1e-9, "negative share of " + rows.get(i));
      assertEquals(
          num(fromSentences.get(i)),
          num(rows.get(i).get(6)),
          0.0051,
          "the share of its sentences labelled negative");
      assertFalse(((String) rows.get(i).get(2)).isBlank(), "each has its question");
    }
  }

  @Test
  void talkShareCountsEveryWordOfEverySpeakerAndAddsUpTo100PerInterview() throws Exception {
    Map<String, Long> words = new TreeMap<>();
    for (List<Object> r : duck.rows("SELECT source_path, speaker, text FROM turns")) {
      String text = ((String) r.get(2)).strip();
      words.merge(
          r.get(0) + "|" + r.get(1), text.isEmpty() ? 0L : text.split("\\s+").length, Long::sum);
    }
    List<List<Object>> rows = query("talk_share.sql");
    Map<String, Double> shares = new TreeMap<>();
    for (List<Object> r : rows) {
      assertEquals(
          words.get(r.get(0) + "|" + r.get(1)), ((Number) r.get(4)).longValue(), "words of " + r);
      shares.merge((String) r.get(0), num(r.get(5)), Double::sum);
    }
    assertEquals(words.size(), rows.size(), "one row per speaker of each interview");
    shares.forEach((source, total) -> assertEquals(100.0, total, 0.2, source));
    List<Object> top =
        rows.stream()
            .filter(r -> ((String) r.get(0)).endsWith("interview-tokayev-2024.txt"))
            .findFirst()
            .orElseThrow();
    assertEquals("Kassym-Jomart Tokayev", top.get(1), "the respondent talks most");
  }

  @Test
  void coMentionsAreEveryPairOfNamesInTwoOrMoreAnswersWithTheirCounts() throws Exception {
    Map<String, Set<String>> byAnswer = new HashMap<>(); // answer -> "text|type" of its names
    for (List<Object> r :
        duck.rows(
            "SELECT answer_id, text, type FROM entities WHERE type IN ('PERSON', 'LOCATION',"
                + " 'ORGANIZATION', 'MISC')")) {
      byAnswer
          .computeIfAbsent((String) r.get(0), k -> new HashSet<>())
          .add(r.get(1) + "|" + r.get(2));
    }
    Map<String, Long> expected = new TreeMap<>(); // "a|typeA|b|typeB" -> answers naming both, a < b
    for (Set<String> names : byAnswer.values()) {
      for (String x : names) {
        for (String y : names) {
          if (x.substring(0, x.indexOf('|')).compareTo(y.substring(0, y.indexOf('|'))) < 0) {
            expected.merge(x + "|" + y, 1L, Long::sum);
          }
        }
      }
    }
    expected.values().removeIf(n -> n < 2);
    List<List<Object>> rows = query("co_mentions.sql");
    Map<String, Long> got = new TreeMap<>();
    for (List<Object> r : rows) {
      got.put(
          r.get(0) + "|" + r.get(1) + "|" + r.get(2) + "|" + r.get(3),
          ((Number) r.get(4)).longValue());
    }
    assertTrue(
        expected.size() <= 30,
        "the samples have fewer pairs than the query's limit: " + expected.size());
    assertEquals(expected, got, "every pair named in two or more answers, with its count");
    List<Long> counts = rows.stream().map(r -> ((Number) r.get(4)).longValue()).toList();
    List<Long> sorted = new ArrayList<>(counts);
    sorted.sort(java.util.Comparator.reverseOrder());
    assertEquals(sorted, counts, "most co-mentioned first");
  }
}
