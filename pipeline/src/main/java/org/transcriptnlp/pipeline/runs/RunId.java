package org.transcriptnlp.pipeline.runs;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A run's id, {@code yyyyMMdd-HHmmss-SSS-xxxxxx}: its start time in UTC to the millisecond, then 6
 * random hex digits. Ids sort as their runs started: a new id is always after the last committed
 * one, even when the clock went back. Every row the run makes, and every snapshot it commits,
 * carries it.
 */
public record RunId(String value, Instant started) implements Comparable<RunId> {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS", Locale.ROOT).withZone(ZoneOffset.UTC);
  static final Pattern PATTERN = Pattern.compile("\\d{8}-\\d{6}-\\d{3}-[0-9a-f]{6}");
  private static final SecureRandom RANDOM = new SecureRandom();

  public RunId {
    if (!PATTERN.matcher(value).matches()) {
      throw new IllegalArgumentException("not a run id: '" + value + "'");
    }
  }

  /** Parses an id (from a runs row or a snapshot's summary). */
  public static RunId parse(String value) {
    if (value == null || !PATTERN.matcher(value).matches()) {
      throw new IllegalArgumentException("not a run id: '" + value + "'");
    }
    Instant t = LocalDateTime.parse(value.substring(0, 19), TIME).toInstant(ZoneOffset.UTC);
    return new RunId(value, t);
  }

  /** Whether a folder name's value is a run id (the pattern and a real date and time). */
  static boolean isRunId(String value) {
    if (value == null || !PATTERN.matcher(value).matches()) {
      return false;
    }
    try {
      parse(value);
      return true;
    } catch (java.time.DateTimeException e) {
      return false;
    }
  }

  /**
   * A new id for a run starting {@code now}, after {@code last} (the last committed run, or null).
   */
  public static RunId next(Instant now, RunId last) {
    Instant t = now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    if (last != null && !t.isAfter(last.started())) {
      t = last.started().plusMillis(1);
    }
    byte[] random = new byte[3];
    RANDOM.nextBytes(random);
    return new RunId(TIME.format(t) + "-" + HexFormat.of().formatHex(random), t);
  }

  /** The run's date in UTC, {@code yyyy-MM-dd}. */
  String date() {
    return value.substring(0, 4) + "-" + value.substring(4, 6) + "-" + value.substring(6, 8);
  }

  @Override
  public int compareTo(RunId o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
