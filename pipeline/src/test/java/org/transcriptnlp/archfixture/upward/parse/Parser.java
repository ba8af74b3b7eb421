package org.transcriptnlp.archfixture.upward.parse;

/** A parse class, above model. */
public final class Parser {
  public static String parse(String text) {
    return text.strip();
  }
}
