package org.transcriptnlp.pipeline;

/**
 * A test hook for crash safety: run the jar with {@code -Dtranscriptnlp.haltAt=POINT} and the JVM
 * stops at that point of a run as {@code kill -9} would (no shutdown hook, no finally block, exit
 * 137). {@code JarIT} stops a run at each point and checks that the next run ends with every row
 * exactly once. Without the property this does nothing.
 */
final class HaltPoint {
  static final String PROPERTY = "transcriptnlp.haltAt";

  private HaltPoint() {}

  static void reach(String point) {
    if (point.equals(System.getProperty(PROPERTY))) {
      System.err.println("transcript-nlp: halting at " + point + " (-D" + PROPERTY + ")");
      System.err.flush();
      Runtime.getRuntime().halt(137);
    }
  }
}
