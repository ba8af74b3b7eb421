package org.transcriptnlp.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The entity annotator, in a JVM of its own with a 1 GB heap (its models take about 370 MB), over a
 * 99,999-char token, a 100,000-char sentence and runs of 30,000 emoji and 40,000 CJK chars without
 * a space. Without {@link InputBounds} the token needed about 10 GB (out of memory at 3 GB), and
 * the emoji ran the tagger out of 3 GB. Any OutOfMemoryError, even one CoreNLP catches and logs,
 * ends that JVM ({@code -XX:+ExitOnOutOfMemoryError}) and fails the test.
 */
class BoundedHeapTest {

  @TempDir Path dir;

  @Test
  void theWorstAnswersAreAnnotatedWithinASmallHeap() throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path log = dir.resolve("out.txt");
    Process p =
        new ProcessBuilder(
                java,
                "-Xmx1g",
                "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError",
                "-cp",
                System.getProperty("java.class.path"),
                BoundedHeapMain.class.getName())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean ended = p.waitFor(15, TimeUnit.MINUTES);
    if (!ended) {
      p.destroyForcibly().waitFor();
    }
    String out = Files.readString(log, StandardCharsets.UTF_8);
    assertTrue(ended, "still running after 15 minutes:\n" + out);
    assertEquals(0, p.exitValue(), out);
    List<String> lines =
        out.lines().filter(l -> l.matches("^(token|sentence|emoji|cjk):.*")).toList();
    int tokenEnd = 30 + 99_999;
    int sentenceEnd = BoundedAnnotationTest.hugeSentence().length();
    assertEquals(
        List.of(
            "token: Angela Merkel@0-13 Berlin@22-28 Barack Obama@"
                + (tokenEnd + 6)
                + "-"
                + (tokenEnd + 18)
                + " Paris@"
                + (tokenEnd + 27)
                + "-"
                + (tokenEnd + 32)
                + " | runs blanked 1, tokens cut 2, sentences in windows 0",
            "sentence: Angela Merkel@0-13 Berlin@22-28 Barack Obama@"
                + (sentenceEnd - 27)
                + "-"
                + (sentenceEnd - 15)
                + " Paris@"
                + (sentenceEnd - 6)
                + "-"
                + (sentenceEnd - 1)
                + " | runs blanked 0, tokens cut 0, sentences in windows 1",
            "emoji: Angela Merkel@0-13 Berlin@30025-30031 | runs blanked 1, tokens cut 0, sentences"
                + " in windows 1",
            "cjk: Angela Merkel@0-13 Berlin@40024-40030 | runs blanked 1, tokens cut 2, sentences"
                + " in windows 0"),
        lines,
        out);
  }
}
