package org.transcriptnlp.nlp;

/**
 * The entity annotator over the answers that ran it out of heap before {@link InputBounds}, for
 * {@link BoundedHeapTest}, which runs this in a JVM of its own with a small heap. Prints one line
 * per answer: its name, the mentions found (text and code-point offsets) and the bounds applied.
 */
public final class BoundedHeapMain {
  private BoundedHeapMain() {}

  /** The answers: name, then text. */
  static final String[][] ANSWERS = {
    {"token", BoundedAnnotationTest.hugeToken()},
    {"sentence", BoundedAnnotationTest.hugeSentence()},
    {"emoji", "Angela Merkel smiled " + "\uD83D\uDE00".repeat(30_000) + " in Berlin."},
    {"cjk", "Angela Merkel wrote " + "中文".repeat(20_000) + " in Berlin."},
  };

  public static void main(String[] args) {
    EntityAnnotator entities = new EntityAnnotator(AnnotatorSettings.defaults().withAnnotators(false, true));
    for (String[] answer : ANSWERS) {
      System.out.println(line(answer[0], entities.annotate(answer[1])));
    }
  }

  static String line(String name, EntityResult r) {
    StringBuilder b = new StringBuilder(name).append(':');
    for (EntityMention m : r.mentions()) {
      b.append(' ').append(m.text()).append('@').append(m.charBegin()).append('-').append(m.charEnd());
    }
    return b.append(" | runs blanked ").append(r.runsBlanked())
        .append(", tokens cut ").append(r.tokensCut())
        .append(", sentences in windows ").append(r.sentencesInWindows())
        .toString();
  }
}
