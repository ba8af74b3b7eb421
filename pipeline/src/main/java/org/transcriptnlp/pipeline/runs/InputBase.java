package org.transcriptnlp.pipeline.runs;

import java.nio.file.Path;
import java.util.List;

/**
 * A matched file's path relative to the base folder of the {@code --input} glob that names it: the
 * glob's leading folders that hold no wildcard ({@code /data/archive} for {@code
 * /data/archive/2024/*.txt}). It stays the same when the archive is moved or mounted elsewhere and
 * the glob moves with it, so it identifies a file together with its content hash.
 */
final class InputBase {
  private InputBase() {}

  /**
   * The folder of a glob before its first segment with a wildcard ({@link InputFiles#isGlob}); a
   * plain file's folder. Absolute and normalised for local patterns ({@link InputFiles#isLocal}).
   */
  static String base(String pattern) {
    String p = pattern.strip();
    if (InputFiles.isLocal(p)) {
      Path absolute = InputFiles.localPath(p);
      Path base = absolute.getRoot();
      for (int i = 0;
          i < absolute.getNameCount() - 1 && !InputFiles.isGlob(absolute.getName(i).toString());
          i++) {
        base = base.resolve(absolute.getName(i));
      }
      return base.normalize().toString();
    }
    String[] segments = p.split("/", -1);
    int folders = 0;
    while (folders < segments.length - 1 && !InputFiles.isGlob(segments[folders])) {
      folders++;
    }
    return String.join("/", java.util.Arrays.asList(segments).subList(0, folders));
  }

  /** The base of each pattern, in order: computed once for a run's files. */
  static List<String> bases(List<String> patterns) {
    return patterns.stream().map(InputBase::base).toList();
  }

  /**
   * The path relative to the first of these bases ({@link #bases}) that holds it; the file name
   * when none does (a path the globs no longer explain).
   */
  static String relative(String path, List<String> bases) {
    String file =
        InputFiles.isLocal(path) ? InputFiles.localPath(path).normalize().toString() : path;
    for (String base : bases) {
      String prefix = base.endsWith("/") ? base : base + "/";
      if (file.startsWith(prefix)) {
        return file.substring(prefix.length());
      }
    }
    return file.substring(file.lastIndexOf('/') + 1);
  }
}
