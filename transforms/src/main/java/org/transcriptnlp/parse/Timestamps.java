package org.transcriptnlp.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Clock times as transcripts write them: {@code 1:02}, {@code 00:01:02}, {@code 00:01:02.500},
 * {@code 00:01:02,500}.
 */
public final class Timestamps {
  /** h:mm:ss(.fff), mm:ss(.fff) or d:hh:mm:ss (mission elapsed time). */
  public static final String CLOCK = "\\d{1,3}(?::\\d{2}){1,3}(?:[.,]\\d{1,3})?";

  private static final Pattern PARTS =
      Pattern.compile("^(\\d{1,3}(?::\\d{2}){1,3})(?:[.,](\\d{1,3}))?$");

  private Timestamps() {}

  /** Seconds of a clock time, or null when it is not one. */
  public static Double seconds(String clock) {
    if (clock == null) {
      return null;
    }
    Matcher m = PARTS.matcher(clock.strip());
    if (!m.matches()) {
      return null;
    }
    String[] fields = m.group(1).split(":");
    double total = 0;
    int[] scale =
        fields.length == 4
            ? new int[] {86400, 3600, 60, 1}
            : fields.length == 3 ? new int[] {3600, 60, 1} : new int[] {60, 1};
    for (int i = 0; i < fields.length; i++) {
      total += Integer.parseInt(fields[i]) * (double) scale[i];
    }
    if (m.group(2) != null) {
      String frac = m.group(2);
      total += Integer.parseInt(frac) / Math.pow(10, frac.length());
    }
    return total;
  }
}
