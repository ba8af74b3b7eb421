package org.transcriptnlp.pipeline.runs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * No silent replacement: an incremental run whose row-shaping settings ({@link JobConfig#settings})
 * differ from those the current rows were made with does not replace them. It stops, saying which
 * settings differ and how to go on: {@code --mode=full} rebuilds every table with the new settings,
 * another {@code --output} keeps both. A quick look with {@code --annotators=none} never costs the
 * annotated rows.
 */
public final class SettingsCheck {
  private SettingsCheck() {}

  /**
   * The one line that stops the run, or empty when every current row was made with these settings.
   */
  public static Optional<String> refusal(RunHistory history, String settings, String fingerprint) {
    Map<String, Long> others = new LinkedHashMap<>();
    for (RunHistory.Entry e : history.current().values()) {
      if (!fingerprint.equals(e.settingsFingerprint())) {
        others.merge(e.settingsFingerprint(), 1L, Long::sum);
      }
    }
    if (others.isEmpty()) {
      return Optional.empty();
    }
    List<String> diffs = new ArrayList<>();
    long files = 0;
    for (Map.Entry<String, Long> o : others.entrySet()) {
      files += o.getValue();
      String before = history.settingsOf(o.getKey());
      diffs.addAll(
          before == null
              ? List.of("unknown settings (" + o.getKey() + ")")
              : differences(before, settings));
    }
    return Optional.of(
        "the current rows of "
            + files
            + " file(s) were made with other settings ("
            + String.join("; ", new TreeSet<>(diffs))
            + "): nothing was done. Run with --mode=full to rebuild every table with"
            + " these settings, or give another --output to keep both");
  }

  /** {@code key: old -> new} for each key whose value differs between two settings strings. */
  static List<String> differences(String before, String now) {
    Map<String, String> a = parse(before);
    Map<String, String> b = parse(now);
    List<String> out = new ArrayList<>();
    TreeSet<String> keys = new TreeSet<>(a.keySet());
    keys.addAll(b.keySet());
    for (String k : keys) {
      String x = a.getOrDefault(k, "(unset)");
      String y = b.getOrDefault(k, "(unset)");
      if (!x.equals(y)) {
        out.add(k + ": " + (x.isEmpty() ? "(none)" : x) + " -> " + (y.isEmpty() ? "(none)" : y));
      }
    }
    if (out.isEmpty()) {
      out.add("the same options, another pipeline version");
    }
    return out;
  }

  private static Map<String, String> parse(String settings) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String part : settings.split(";")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        m.put(part.substring(0, eq), part.substring(eq + 1));
      }
    }
    return m;
  }
}
