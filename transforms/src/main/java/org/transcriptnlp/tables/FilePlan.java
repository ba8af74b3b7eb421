package org.transcriptnlp.tables;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Which staged files (one per bundle) go into which output file: in name order, consecutive staged
 * files fill an output file until it reaches the target size. Every table gets at least one output
 * file, empty when nothing was staged.
 */
public final class FilePlan {
  private FilePlan() {}

  /** A staged file and its size in bytes. */
  public record Staged(String path, long bytes) {}

  /** One output file: its name in the table folder and the staged files it is made of. */
  public record Output(String name, List<String> staged) {}

  /**
   * The output files for these staged files, each about {@code targetBytes} (the last one smaller).
   */
  public static List<Output> plan(List<Staged> staged, long targetBytes) {
    if (targetBytes < 1) {
      throw new IllegalArgumentException("target file size must be positive, got " + targetBytes);
    }
    List<Staged> sorted = new ArrayList<>(staged);
    sorted.sort(Comparator.comparing(Staged::path));
    List<List<String>> groups = new ArrayList<>();
    List<String> current = new ArrayList<>();
    long bytes = 0;
    for (Staged s : sorted) {
      if (!current.isEmpty() && bytes + s.bytes() > targetBytes) {
        groups.add(current);
        current = new ArrayList<>();
        bytes = 0;
      }
      current.add(s.path());
      bytes += s.bytes();
    }
    groups.add(current);
    List<Output> outputs = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      outputs.add(new Output(name(i, groups.size()), List.copyOf(groups.get(i))));
    }
    return outputs;
  }

  /** {@code part-SSSSS-of-NNNNN.parquet}, as Beam names sharded files. */
  public static String name(int shard, int shards) {
    return String.format(Locale.ROOT, "part-%05d-of-%05d.parquet", shard, shards);
  }

  /**
   * {@code part-00000-of-00001.parquet} tagged {@code T}: {@code part-00000-of-00001-T.parquet}.
   */
  public static String tagged(String name, String tag) {
    return name.substring(0, name.length() - ".parquet".length()) + "-" + tag + ".parquet";
  }
}
