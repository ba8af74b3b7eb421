package org.transcriptnlp.pipeline.runs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transcriptnlp.io.LocalEntry;
import org.transcriptnlp.model.Ids;
import org.transcriptnlp.pipeline.options.JobConfig;

/**
 * Which matched files a run processes. Every matched file is hashed (SHA-256 of its bytes); in
 * incremental mode a file is processed when it has no current manifest entry (new) or when its hash
 * differs (content); otherwise it is unchanged and costs only its hash. In full mode every file is
 * processed. (An incremental run whose row-shaping settings differ from those of a current row
 * never gets here: {@link SettingsCheck} stops it first.)
 */
public final class RunPlan {
  private static final Logger LOG = LoggerFactory.getLogger(RunPlan.class);

  /**
   * One matched file: its hash, its path relative to its glob's base ({@link InputBase}), why it is
   * processed ({@code null}: unchanged; {@link #MOVED}: its rows are taken over from another path,
   * not processed), and the current entry of the path it moved from (or null).
   */
  public record Decision(
      MatchResult.Metadata file,
      String sha256,
      String relativePath,
      String change,
      RunHistory.Entry movedFrom) {
    String path() {
      return file.resourceId().toString();
    }

    public boolean processed() {
      return change != null && !change.equals(MOVED);
    }
  }

  static final String NEW = "new";
  static final String CONTENT = "content";
  static final String FULL = "full";

  /**
   * The file's content is current under another path, which no longer exists: the archive was moved
   * or the file renamed. Its rows are copied under the new path, not made again.
   */
  static final String MOVED = "moved";

  /** The hash recorded for a file the job could not read to hash it: never equal to a real one. */
  static final String UNREADABLE = "unreadable";

  private final List<Decision> decisions;
  private final String fingerprint;

  private RunPlan(List<Decision> decisions, String fingerprint) {
    this.decisions = decisions;
    this.fingerprint = fingerprint;
  }

  /**
   * Hashes the matched files and decides for each, under these row-shaping settings ({@link
   * JobConfig#settings}). In incremental mode a file with no entry under its path takes over the
   * entry of a path that no longer exists ({@code exists} says) and held the same content: among
   * several, the one with the same path relative to its glob's base: the file is {@link #MOVED}
   * (its rows are copied) and the old path stops being current. A file with other content is new,
   * whatever its name: the entry of a deleted file with the same name stays current.
   *
   * <p>Precondition: in incremental mode every current entry was made with these settings ({@link
   * SettingsCheck} stops the run before the plan otherwise), so a moved file's rows can be copied
   * as they are and no entry is made again for its settings alone.
   */
  public static RunPlan of(
      List<MatchResult.Metadata> matched,
      List<String> patterns,
      Map<String, RunHistory.Entry> current,
      String settings,
      JobConfig.Mode mode,
      Predicate<String> exists) {
    String fingerprint = fingerprint(settings);
    Set<String> matchedPaths = new HashSet<>();
    matched.forEach(f -> matchedPaths.add(f.resourceId().toString()));
    // Entries whose path this run did not match, by content: candidates for a file that moved.
    Map<String, List<RunHistory.Entry>> bySha = new HashMap<>();
    for (RunHistory.Entry e : current.values()) {
      if (!matchedPaths.contains(e.sourcePath()) && !e.sha256().equals(UNREADABLE)) {
        bySha.computeIfAbsent(e.sha256(), k -> new ArrayList<>()).add(e);
      }
    }
    List<String> bases = InputBase.bases(patterns);
    Set<String> claimed = new HashSet<>();
    List<Decision> decisions = new ArrayList<>();
    for (MatchResult.Metadata file : matched) {
      String path = file.resourceId().toString();
      String sha = sha256(file);
      String relative = InputBase.relative(path, bases);
      RunHistory.Entry entry = current.get(path);
      RunHistory.Entry from = null;
      if (entry == null && mode == JobConfig.Mode.INCREMENTAL && bySha.containsKey(sha)) {
        List<RunHistory.Entry> same = new ArrayList<>(bySha.get(sha));
        // The same relative path first: the file where it was in the archive that moved.
        same.sort(Comparator.comparing((RunHistory.Entry e) -> !relative.equals(e.relativePath())));
        from = gone(same, claimed, exists);
      }
      String change;
      if (from != null) {
        // The same content, and (SettingsCheck made sure) the same settings: its rows are copied.
        claimed.add(from.sourcePath());
        change = MOVED;
      } else {
        change = decide(sha, entry, mode);
      }
      decisions.add(new Decision(file, sha, relative, change, from));
    }
    return new RunPlan(List.copyOf(decisions), fingerprint);
  }

  /** The first candidate not yet taken whose path no longer exists. */
  private static RunHistory.Entry gone(
      List<RunHistory.Entry> candidates, Set<String> claimed, Predicate<String> exists) {
    if (candidates != null) {
      for (RunHistory.Entry e : candidates) {
        if (!claimed.contains(e.sourcePath()) && !exists.test(e.sourcePath())) {
          return e;
        }
      }
    }
    return null;
  }

  /**
   * Whether a path still exists; an error while asking counts as existing (the path is not taken
   * over).
   */
  public static boolean exists(String path) {
    try {
      MatchResult m = FileSystems.match(List.of(path)).get(0);
      return m.status() != MatchResult.Status.NOT_FOUND;
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "cannot tell whether {} still exists ({}); a file with its content is not taken for it"
              + " moved",
          path,
          e.toString());
      return true;
    }
  }

  /** The fingerprint of the settings the files were decided under (recorded with the rows). */
  public String fingerprint() {
    return fingerprint;
  }

  /**
   * Why a file with this hash is processed, or null when it is not. The settings are not compared:
   * an incremental run starts only when every current row was made with its settings ({@link
   * SettingsCheck}).
   */
  static String decide(String sha256, RunHistory.Entry current, JobConfig.Mode mode) {
    if (mode == JobConfig.Mode.FULL) {
      return FULL;
    }
    if (current == null) {
      return NEW;
    }
    if (sha256.equals(UNREADABLE) || !sha256.equals(current.sha256())) {
      return CONTENT;
    }
    return null;
  }

  List<Decision> decisions() {
    return decisions;
  }

  public List<Decision> processed() {
    return decisions.stream().filter(Decision::processed).toList();
  }

  /** Files whose rows are copied from the path they moved from, not processed. */
  public List<Decision> moved() {
    return decisions.stream().filter(d -> MOVED.equals(d.change())).toList();
  }

  long count(String change) {
    return decisions.stream().filter(d -> change.equals(d.change())).count();
  }

  public long unchanged() {
    return decisions.stream().filter(d -> d.change() == null).count();
  }

  /**
   * SHA-256 of a file's bytes as stored, 64 hex digits; {@link #UNREADABLE} if it cannot be read
   * (the pipeline then rejects it with the reason). A local directory, FIFO, device or broken link
   * is not opened (a FIFO would block the run until something wrote to it): it is {@link
   * #UNREADABLE}.
   */
  static String sha256(MatchResult.Metadata file) {
    java.nio.file.Path local = LocalEntry.localPath(file.resourceId());
    if (file.resourceId().isDirectory() || (local != null && LocalEntry.of(local).refused())) {
      return UNREADABLE;
    }
    try (InputStream in = Channels.newInputStream(FileSystems.open(file.resourceId()))) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "cannot hash {}: {}; it is processed (and rejected if it cannot be read)",
          file.resourceId(),
          e.toString());
      return UNREADABLE;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /**
   * First 16 hex digits of the SHA-256 of a text (the settings fingerprint), as transcript ids are
   * made.
   */
  public static String fingerprint(String text) {
    return Ids.transcriptId(text.getBytes(StandardCharsets.UTF_8));
  }
}
