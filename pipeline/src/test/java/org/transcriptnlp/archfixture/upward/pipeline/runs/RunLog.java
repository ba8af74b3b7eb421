package org.transcriptnlp.archfixture.upward.pipeline.runs;

/** A pipeline.runs class. */
public final class RunLog {
  public static void note(String line) {}
}
