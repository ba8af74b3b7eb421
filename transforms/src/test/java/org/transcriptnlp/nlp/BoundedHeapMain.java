package org.transcriptnlp.nlp;

import org.transcriptnlp.model.EntityMention;
import org.transcriptnlp.model.EntityResult;

/**
 * The entity annotator over the answers that ran it out of heap before {@link InputBounds}, for
 * {@link BoundedHeapTest}, which runs this in a JVM of its own with a small heap. Prints one line
 * per answer: its name, the mentions found (text and code-point offsets) and the bounds applied;
 * then, for a person measuring by hand, the time it took and the most heap in use after a garbage
 * collection so far. By hand, after {@code mvn -o -pl transforms test-compile}: {@code java -Xmx1g
 * -cp transforms/target/test-classes:transforms/target/classes:$(cat cp.txt)
 * org.transcriptnlp.nlp.BoundedHeapMain}, with the class path from {@code mvn -o -pl transforms
 * dependency:build-classpath -Dmdep.outputFile=cp.txt}.
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
    EntityAnnotator entities =
        new EntityAnnotator(AnnotatorSettings.defaults().withAnnotators(false, true));
    System.gc();
    System.out.printf("  models loaded: %d MB of heap used%n", used() >> 20);
    watchGarbageCollections();
    for (String[] answer : ANSWERS) {
      long start = System.nanoTime();
      EntityResult r = entities.annotate(answer[1]);
      long millis = (System.nanoTime() - start) / 1_000_000;
      System.out.println(line(answer[0], r));
      // For a person reading the output (the test compares only the lines above).
      System.out.printf(
          "  %d ms; most heap in use after a collection so far: %s%n",
          millis, maxAfterGc == 0 ? "no collection yet" : (maxAfterGc >> 20) + " MB");
    }
  }

  private static volatile long maxAfterGc;

  private static long used() {
    return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Records the heap in use after every garbage collection: what the annotation holds at once. */
  private static void watchGarbageCollections() {
    for (java.lang.management.GarbageCollectorMXBean gc :
        java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
      ((javax.management.NotificationEmitter) gc)
          .addNotificationListener(
              (n, handback) -> {
                if (n.getType()
                    .equals(
                        com.sun.management.GarbageCollectionNotificationInfo
                            .GARBAGE_COLLECTION_NOTIFICATION)) {
                  com.sun.management.GcInfo info =
                      com.sun.management.GarbageCollectionNotificationInfo.from(
                              (javax.management.openmbean.CompositeData) n.getUserData())
                          .getGcInfo();
                  long heap = 0;
                  for (java.lang.management.MemoryPoolMXBean pool :
                      java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
                    java.lang.management.MemoryUsage after =
                        info.getMemoryUsageAfterGc().get(pool.getName());
                    if (pool.getType() == java.lang.management.MemoryType.HEAP && after != null) {
                      heap += after.getUsed();
                    }
                  }
                  maxAfterGc = Math.max(maxAfterGc, heap);
                }
              },
              null,
              null);
    }
  }

  static String line(String name, EntityResult r) {
    StringBuilder b = new StringBuilder(name).append(':');
    for (EntityMention m : r.mentions()) {
      b.append(' ')
          .append(m.text())
          .append('@')
          .append(m.charBegin())
          .append('-')
          .append(m.charEnd());
    }
    return b.append(" | runs blanked ")
        .append(r.runsBlanked())
        .append(", tokens cut ")
        .append(r.tokensCut())
        .append(", sentences in windows ")
        .append(r.sentencesInWindows())
        .toString();
  }
}
