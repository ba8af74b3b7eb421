package org.transcriptnlp.pipeline.runs;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.LocalResources;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transcriptnlp.io.LocalEntry;
import org.transcriptnlp.pipeline.options.UsageException;

/**
 * The entries the input globs match, each once (by path), in path order, and the warnings a user
 * should see about them.
 *
 * <p>Local patterns are matched here, one folder level at a time, instead of by Beam's local file
 * system, which walks every folder below the pattern's fixed part and follows links while doing so
 * (a link to {@code /} in the input folder made {@code in/*} walk the whole disk), and which drops
 * whatever is not a regular file without a word. Here:
 *
 * <ul>
 *   <li>{@code *}, {@code ?}, {@code [...]} and {@code {...}} match within one name (Java's glob
 *       syntax, as before): a segment with them lists that one folder, through a link to a folder
 *       too; a pattern without {@code **} never looks deeper than it has segments.
 *   <li>{@code **} matches across folders: from its segment on, the folders below are walked (at
 *       most {@link #MAX_DEPTH} deep, a folder that is its own ancestor once) and every path is
 *       matched against the rest of the pattern, as before; links to folders are not followed there
 *       (each is a warning), so a link cannot take the walk outside the folder the user named.
 *   <li>Every entry the pattern names is kept, whatever it is, and the read step rejects what is
 *       not a regular file with its reason ({@link LocalEntry}): a folder ({@code is_directory}), a
 *       FIFO, socket or device ({@code not_a_regular_file}), a link to nothing ({@code
 *       dangling_link}) or a link loop ({@code link_loop}); none of them is ever opened. (Folders
 *       that a {@code **} walk goes into are not entries of their own.)
 *   <li>A folder that cannot be listed, and a pattern that matched nothing while others matched,
 *       are warnings.
 * </ul>
 *
 * <p>A pattern with a scheme other than {@code file:} ({@code hdfs://...}) is matched by Beam's
 * file system for it, as before.
 */
public final class InputFiles {
  private static final Logger LOG = LoggerFactory.getLogger(InputFiles.class);

  /** How many folders deep a {@code **} walk goes below the folder where the {@code **} starts. */
  static final int MAX_DEPTH = 64;

  /** A scheme as Beam's {@code FileSystems} reads one: letters, then {@code :/}. */
  private static final Pattern SCHEME =
      Pattern.compile("(?<scheme>[a-zA-Z][-a-zA-Z0-9+.]*):/.*", Pattern.DOTALL);

  /** The matched entries (in path order) and the warnings, one line each. */
  record Match(List<MatchResult.Metadata> files, List<String> warnings) {}

  private InputFiles() {}

  /**
   * The entries the patterns match; each warning is logged. A pattern that is not a valid glob, or
   * a remote file system that cannot list, is a {@link UsageException}.
   *
   * @param option the option the patterns come from, for the messages ({@code --input})
   */
  public static List<MatchResult.Metadata> match(String option, Collection<String> patterns) {
    Match m = of(option, patterns);
    for (String warning : m.warnings()) {
      LOG.warn("{}", warning);
    }
    return m.files();
  }

  /** {@link #match} without logging: the entries and the warnings. */
  static Match of(String option, Collection<String> patterns) {
    Map<String, MatchResult.Metadata> files = new TreeMap<>();
    List<String> warnings = new ArrayList<>();
    List<String> empty = new ArrayList<>();
    for (String pattern : patterns) {
      List<MatchResult.Metadata> found;
      try {
        found = isLocal(pattern) ? new Local(option, pattern, warnings).match() : remote(pattern);
      } catch (PatternSyntaxException e) {
        throw new UsageException(
            "cannot match "
                + option
                + " pattern '"
                + pattern
                + "': not a valid glob ("
                + e.getDescription()
                + ")");
      } catch (IOException | IllegalArgumentException e) {
        throw new UsageException(
            "cannot match " + option + " pattern '" + pattern + "': " + e.getMessage());
      }
      if (found.isEmpty()) {
        empty.add(pattern);
      }
      found.forEach(md -> files.putIfAbsent(md.resourceId().toString(), md));
    }
    if (!files.isEmpty()) {
      // When nothing matched at all, the run stops with a usage error that says so instead.
      for (String pattern : empty) {
        warnings.add(option + " pattern '" + pattern + "' matched no file");
      }
    }
    return new Match(List.copyOf(files.values()), List.copyOf(warnings));
  }

  /** Whether Beam would take the pattern to its local file system (no scheme, or {@code file:}). */
  static boolean isLocal(String pattern) {
    Matcher m = SCHEME.matcher(pattern);
    return !m.matches() || m.group("scheme").equalsIgnoreCase("file");
  }

  /** A local pattern as an absolute path, without its {@code file:} scheme. */
  static Path localPath(String pattern) {
    return Path.of(pattern.regionMatches(true, 0, "file:", 0, 5) ? pattern.substring(5) : pattern)
        .toAbsolutePath();
  }

  private static List<MatchResult.Metadata> remote(String pattern) throws IOException {
    return OutputFolder.matched(FileSystems.match(pattern, EmptyMatchTreatment.ALLOW));
  }

  /**
   * Whether a pattern segment has glob characters (else it is a name, resolved without listing).
   */
  static boolean isGlob(String segment) {
    return segment.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
  }

  /**
   * Java's glob syntax, with a backslash taken as a character of the name, as Beam's local match
   * takes it (it doubles every backslash before compiling the glob).
   */
  private static String glob(String pattern) {
    return pattern.replace("\\", "\\\\");
  }

  /** A concrete path inside a glob: each glob character escaped. */
  private static String literal(String path) {
    StringBuilder b = new StringBuilder();
    for (char c : path.toCharArray()) {
      if ("\\*?[]{}".indexOf(c) >= 0) {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }

  /** One local pattern being matched. */
  private static final class Local {
    private final String option;
    private final String pattern;
    private final List<String> warnings;
    private final List<MatchResult.Metadata> found = new ArrayList<>();
    private List<String> segments;

    /** Where the {@code **} walk starts. */
    private Path top;

    Local(String option, String pattern, List<String> warnings) {
      this.option = option;
      this.pattern = pattern;
      this.warnings = warnings;
    }

    public List<MatchResult.Metadata> match() {
      Path absolute = localPath(pattern);
      // An entry that exists under the name as given is that entry, glob characters and all (as in
      // Beam's local match); a link is taken as it is, whether its target exists or not.
      if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
        add(absolute);
        return found;
      }
      segments = new ArrayList<>();
      absolute.forEach(name -> segments.add(name.toString()));
      int first = 0;
      while (first < segments.size() && !isGlob(segments.get(first))) {
        first++;
      }
      if (first == segments.size()) {
        return found; // a name without glob characters that does not exist
      }
      // The whole glob is checked first, also the parts after a folder that does not exist.
      java.nio.file.FileSystems.getDefault()
          .getPathMatcher(
              "glob:" + glob(String.join("/", segments.subList(first, segments.size()))));
      Path base = absolute.getRoot();
      for (String name : segments.subList(0, first)) {
        base = base.resolve(name);
      }
      walk(base, first);
      return found;
    }

    /**
     * Matches segment {@code i} and those after it in {@code dir}, which matched the ones before.
     */
    private void walk(Path dir, int i) {
      String segment = segments.get(i);
      boolean last = i == segments.size() - 1;
      if (segment.contains("**")) {
        PathMatcher rest =
            java.nio.file.FileSystems.getDefault()
                .getPathMatcher(
                    "glob:"
                        + literal(dir.toString().endsWith("/") ? dir.toString() : dir + "/")
                        + glob(String.join("/", segments.subList(i, segments.size()))));
        top = dir;
        Set<Object> ancestors = new HashSet<>();
        Object key = key(dir);
        if (key != null) {
          ancestors.add(key);
        }
        descend(dir, rest, 1, ancestors);
        return;
      }
      if (!isGlob(segment)) {
        Path next = dir.resolve(segment);
        if (last) {
          if (Files.exists(next, LinkOption.NOFOLLOW_LINKS)) {
            add(next);
          }
        } else if (Files.exists(next, LinkOption.NOFOLLOW_LINKS)) {
          enter(next, i + 1);
        }
        return;
      }
      PathMatcher name =
          java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + glob(segment));
      for (Path entry : list(dir)) {
        if (!name.matches(entry.getFileName())) {
          continue;
        }
        if (last) {
          add(entry); // whatever it is: the read step rejects what is not a regular file
        } else {
          enter(entry, i + 1); // through a link too: one level, as the segment says
        }
      }
    }

    /**
     * Goes on in a folder a segment named; a link there that leads nowhere is a warning, not
     * silence.
     */
    private void enter(Path entry, int next) {
      if (Files.isDirectory(entry)) {
        walk(entry, next);
        return;
      }
      LocalEntry kind = LocalEntry.of(entry);
      if (kind == LocalEntry.DANGLING_LINK || kind == LocalEntry.LINK_LOOP) {
        warn("cannot look inside " + entry + ": " + kind.detail(entry));
      }
    }

    /**
     * The {@code **} walk: every path below {@code dir} that matches, without following links to
     * folders.
     */
    private void descend(Path dir, PathMatcher rest, int depth, Set<Object> ancestors) {
      for (Path entry : list(dir)) {
        BasicFileAttributes own;
        try {
          own = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | RuntimeException e) {
          if (rest.matches(entry)) {
            add(entry); // listed but its attributes cannot be read: the read step says why
          }
          continue;
        }
        if (own.isDirectory()) {
          Object key = own.fileKey();
          if (depth >= MAX_DEPTH) {
            warn(
                "not looking inside "
                    + entry
                    + ": it is "
                    + MAX_DEPTH
                    + " folders below "
                    + top
                    + ", where '**' starts");
          } else if (key != null && ancestors.contains(key)) {
            warn(
                "not looking inside "
                    + entry
                    + " again: it is a folder above it (mounted inside itself)");
          } else {
            if (key != null) {
              ancestors.add(key);
            }
            descend(entry, rest, depth + 1, ancestors);
            if (key != null) {
              ancestors.remove(key);
            }
          }
        } else if (own.isSymbolicLink() && Files.isDirectory(entry)) {
          warn(
              "not following "
                  + entry
                  + ", a link to the folder "
                  + target(entry)
                  + ": '**' does not follow links to folders (give that folder a pattern of its"
                  + " own)");
        } else if (rest.matches(entry)) {
          add(entry);
        }
      }
    }

    /** The entries of a folder, sorted by name; none, with a warning, when it cannot be listed. */
    private List<Path> list(Path dir) {
      List<Path> entries = new ArrayList<>();
      try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
        stream.forEach(entries::add);
      } catch (NoSuchFileException | NotDirectoryException e) {
        LocalEntry kind = LocalEntry.of(dir);
        if (kind == LocalEntry.DANGLING_LINK || kind == LocalEntry.LINK_LOOP) {
          warn("cannot look inside " + dir + ": " + kind.detail(dir));
        }
        return entries; // a folder the pattern names that does not exist: nothing matched there
      } catch (IOException | DirectoryIteratorException | SecurityException e) {
        IOException cause = e instanceof DirectoryIteratorException d ? d.getCause() : null;
        LocalEntry kind = LocalEntry.of(dir);
        String why =
            kind == LocalEntry.LINK_LOOP
                ? kind.detail(dir)
                : (cause != null ? cause : e).getClass().getSimpleName()
                    + ": "
                    + (cause != null ? cause : e).getMessage();
        warn("cannot list " + dir + " (" + why + "): what it holds is not matched");
      }
      entries.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
      return entries;
    }

    /** Keeps an entry the pattern matched, as what it is (a folder keeps Beam's trailing slash). */
    private void add(Path entry) {
      LocalEntry kind = LocalEntry.of(entry);
      long size = 0;
      long modified = 0;
      try {
        BasicFileAttributes a =
            kind == LocalEntry.REGULAR_FILE || kind == LocalEntry.DIRECTORY
                ? Files.readAttributes(entry, BasicFileAttributes.class)
                : Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        size = kind == LocalEntry.REGULAR_FILE ? a.size() : 0;
        modified = a.lastModifiedTime().toMillis();
      } catch (IOException | RuntimeException e) {
        // gone or unreadable since it was listed: the read step says which
      }
      found.add(
          MatchResult.Metadata.builder()
              .setResourceId(LocalResources.fromPath(entry, kind == LocalEntry.DIRECTORY))
              .setIsReadSeekEfficient(true)
              .setSizeBytes(size)
              .setLastModifiedMillis(modified)
              .build());
    }

    private void warn(String message) {
      warnings.add(option + " pattern '" + pattern + "': " + message);
    }

    private static Object key(Path dir) {
      try {
        return Files.readAttributes(dir, BasicFileAttributes.class).fileKey();
      } catch (IOException | RuntimeException e) {
        return null;
      }
    }

    private static String target(Path link) {
      try {
        return "'" + Files.readSymbolicLink(link) + "'";
      } catch (IOException | RuntimeException e) {
        return "(unreadable)";
      }
    }
  }
}
