package org.transcriptnlp.pipeline.runs;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A test hook for crash safety: run the jar with {@code -Dtranscriptnlp.haltAt=POINT} and the JVM
 * stops at that point of a run as {@code kill -9} would (no shutdown hook, no finally block, exit
 * 137). {@code JarIT} stops a run at each point and checks that the next run ends with every row
 * exactly once. With {@code -Dtranscriptnlp.pauseAt=POINT} the run waits at that point instead (for
 * a signal, or until the file {@code -Dtranscriptnlp.resumeWhen=PATH} exists). Without the
 * properties this does nothing.
 */
public final class HaltPoint {
  public static final String PROPERTY = "transcriptnlp.haltAt";
  public static final String PAUSE = "transcriptnlp.pauseAt";
  public static final String RESUME = "transcriptnlp.resumeWhen";

  private HaltPoint() {}

  public static void reach(String point) {
    if (point.equals(System.getProperty(PROPERTY))) {
      System.err.println("transcript-nlp: halting at " + point + " (-D" + PROPERTY + ")");
      System.err.flush();
      Runtime.getRuntime().halt(137);
    }
    if (point.equals(System.getProperty(PAUSE))) {
      System.err.println("transcript-nlp: pausing at " + point + " (-D" + PAUSE + ")");
      System.err.flush();
      String resume = System.getProperty(RESUME);
      while (resume == null || !Files.exists(Path.of(resume))) {
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }
}
