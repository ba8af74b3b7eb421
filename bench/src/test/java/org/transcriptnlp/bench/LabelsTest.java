package org.transcriptnlp.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelsTest {
  @TempDir Path dir;

  private static Labels.Sentence s(String doc, int begin, int end) {
    return new Labels.Sentence(doc, begin, end);
  }

  @Test
  void agreementCountsOnlySentencesWithTheSameSpan() {
    Map<Labels.Sentence, Integer> left =
        new TreeMap<>(
            Map.of(
                s("a.txt", 0, 10), 1, // same class
                s("a.txt", 11, 20), 2, // one apart, polarity differs (neutral vs positive)
                s("a.txt", 21, 30), 0, // one apart, same polarity (negative)
                s("a.txt", 31, 40), 1, // two apart, polarity differs
                s("b.txt", 0, 5), 4)); // only on the left
    Map<Labels.Sentence, Integer> right =
        new TreeMap<>(
            Map.of(
                s("a.txt", 0, 10), 1,
                s("a.txt", 11, 20), 3,
                s("a.txt", 21, 30), 1,
                s("a.txt", 31, 40), 3,
                s("a.txt", 21, 31), 0)); // another span: not matched

    Labels.Agreement a = Labels.compare(left, right);

    assertEquals(new Labels.Agreement(5, 5, 4, 1, 3, 2), a);
    assertEquals(
        "4 of 5 / 5 sentences matched by span; same class 25.0%, at most one class apart 75.0%, "
            + "same polarity (negative/neutral/positive) 50.0%",
        a.describe());
  }

  @Test
  void labelsRoundTripThroughTheirFile() throws Exception {
    Map<Labels.Sentence, Integer> labels =
        new TreeMap<>(Map.of(s("0000001.txt", 0, 42), 3, s("0000002.txt", 7, 9), 0));
    Path file = dir.resolve("labels.tsv");
    Labels.write(file, labels);
    assertEquals(labels, Labels.read(file));
  }

  @Test
  void readsTheCommandLinesJsonSpansAndValues() throws Exception {
    Path json = dir.resolve("cli");
    Files.createDirectories(json);
    Files.writeString(
        json.resolve("0000001.txt.json"),
        """
        {"docId": "0000001.txt", "sentences": [
          {"index": 0, "sentiment": "Negative", "sentimentValue": "1",
           "tokens": [{"characterOffsetBegin": 0, "characterOffsetEnd": 3},
                      {"characterOffsetBegin": 4, "characterOffsetEnd": 9}]},
          {"index": 1, "tokens": [{"characterOffsetBegin": 10, "characterOffsetEnd": 12}]},
          {"index": 2, "sentiment": "Verypositive", "sentimentValue": "4",
           "tokens": [{"characterOffsetBegin": 13, "characterOffsetEnd": 20}]}
        ]}\
        """,
        StandardCharsets.UTF_8);
    Files.writeString(json.resolve("files.txt"), "not json", StandardCharsets.UTF_8);

    assertEquals(
        Map.of(s("0000001.txt", 0, 9), 1, s("0000001.txt", 13, 20), 4),
        Labels.readCoreNlpJson(json));
  }
}
