package org.transcriptnlp.pipeline;

import java.nio.file.Path;
import java.util.List;

/**
 * A matched file's path relative to the base folder of the {@code --input} glob that names it: the
 * glob's leading folders that hold no wildcard ({@code /data/archive} for
 * {@code /data/archive/2024/*.txt}). It stays the same when the archive is moved or mounted
 * elsewhere and the glob moves with it, so it identifies a file together with its content hash.
 */
final class InputBase {
  private InputBase() {}

  /** The folder of a glob before its first segment with a wildcard; a plain file's folder. Absolute for local paths. */
  static String base(String pattern) {
    String p = pattern.strip();
    int wild = firstWildcard(p);
    String head = wild < 0 ? p : p.substring(0, wild);
    int slash = head.lastIndexOf('/');
    String folder = slash < 0 ? "" : head.substring(0, slash);
    if (isLocal(p)) {
      // file:/x, file:///x and /x are the same folder.
      String local = p.startsWith("file:") ? folder.substring("file:".length()) : folder;
      String bare = p.startsWith("file:") ? p.substring("file:".length()) : p;
      return Path.of(local.isEmpty() ? (bare.startsWith("/") ? "/" : ".") : local).toAbsolutePath().normalize().toString();
    }
    return folder;
  }

  /**
   * The path relative to the base of the first pattern whose base holds it; the file name when
   * none does (a path the globs no longer explain).
   */
  static String relative(String path, List<String> patterns) {
    String file = path.startsWith("file:") ? Path.of(path.substring("file:".length())).normalize().toString() : path;
    for (String pattern : patterns) {
      String base = base(pattern);
      String prefix = base.endsWith("/") ? base : base + "/";
      if (file.startsWith(prefix)) {
        return file.substring(prefix.length());
      }
    }
    return file.substring(file.lastIndexOf('/') + 1);
  }

  private static int firstWildcard(String p) {
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (c == '*' || c == '?' || c == '[' || c == '{') {
        return i;
      }
    }
    return -1;
  }

  private static boolean isLocal(String p) {
    return p.startsWith("file:") || !p.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");
  }
}
