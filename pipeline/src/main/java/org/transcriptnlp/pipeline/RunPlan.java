package org.transcriptnlp.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transcriptnlp.beam.ReadTranscripts;

/**
 * Which matched files a run processes. Every matched file is hashed (SHA-256 of its bytes); in
 * incremental mode a file is processed when it has no current manifest entry (new), when its hash
 * differs (content) or when the settings that shape rows differ (settings); otherwise it is
 * unchanged and costs only its hash. In full mode every file is processed.
 */
final class RunPlan {
  private static final Logger LOG = LoggerFactory.getLogger(RunPlan.class);

  /** One matched file: its hash, and why it is processed ({@code null}: unchanged, not processed). */
  record Decision(MatchResult.Metadata file, String sha256, String change) {
    String path() {
      return file.resourceId().toString();
    }

    boolean processed() {
      return change != null;
    }
  }

  static final String NEW = "new";
  static final String CONTENT = "content";
  static final String SETTINGS = "settings";
  static final String FULL = "full";
  /** Processed again because its current rows were in a damaged table file ({@link TableRepair}). */
  static final String REPAIR = "repair";
  /** The hash recorded for a file the job could not read to hash it: never equal to a real one. */
  static final String UNREADABLE = "unreadable";

  private final List<Decision> decisions;
  private final String fingerprint;

  private RunPlan(List<Decision> decisions, String fingerprint) {
    this.decisions = decisions;
    this.fingerprint = fingerprint;
  }

  /** Hashes the matched files and decides for each, under these row-shaping settings ({@link JobConfig#settings}). */
  static RunPlan of(List<MatchResult.Metadata> matched, Map<String, RunHistory.Entry> current,
      String settings, JobConfig.Mode mode) {
    String fingerprint = fingerprint(settings);
    List<Decision> decisions = new ArrayList<>();
    for (MatchResult.Metadata file : matched) {
      String path = file.resourceId().toString();
      String sha = sha256(file);
      decisions.add(new Decision(file, sha, decide(sha, fingerprint, current.get(path), mode)));
    }
    return new RunPlan(List.copyOf(decisions), fingerprint);
  }

  /** The fingerprint of the settings the files were decided under (recorded with the rows). */
  String fingerprint() {
    return fingerprint;
  }

  /** Why a file with this hash is processed under these settings, or null when it is not. */
  static String decide(String sha256, String fingerprint, RunHistory.Entry current, JobConfig.Mode mode) {
    if (mode == JobConfig.Mode.FULL) {
      return FULL;
    }
    if (current == null) {
      return NEW;
    }
    if (sha256.equals(UNREADABLE) || !sha256.equals(current.sha256())) {
      return CONTENT;
    }
    if (!fingerprint.equals(current.settingsFingerprint())) {
      return SETTINGS;
    }
    return null;
  }

  List<Decision> decisions() {
    return decisions;
  }

  List<Decision> processed() {
    return decisions.stream().filter(Decision::processed).toList();
  }

  long count(String change) {
    return decisions.stream().filter(d -> change.equals(d.change())).count();
  }

  long unchanged() {
    return decisions.stream().filter(d -> !d.processed()).count();
  }

  /** SHA-256 of a file's bytes as stored, 64 hex digits; {@link #UNREADABLE} if it cannot be read (the pipeline then rejects it with the reason). */
  static String sha256(MatchResult.Metadata file) {
    try (InputStream in = Channels.newInputStream(FileSystems.open(file.resourceId()))) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException | RuntimeException e) {
      LOG.warn("cannot hash {}: {}; it is processed (and rejected if it cannot be read)", file.resourceId(), e.toString());
      return UNREADABLE;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** First 16 hex digits of the SHA-256 of a text (the settings fingerprint), as transcript ids are made. */
  static String fingerprint(String text) {
    return ReadTranscripts.transcriptId(text.getBytes(StandardCharsets.UTF_8));
  }

  /** This plan with these files, where it does not process them anyway, processed as {@code change}. */
  RunPlan reprocess(java.util.Set<String> paths, String change) {
    List<Decision> again = decisions.stream()
        .map(d -> !d.processed() && paths.contains(d.path()) ? new Decision(d.file(), d.sha256(), change) : d)
        .toList();
    return new RunPlan(again, fingerprint);
  }
}
