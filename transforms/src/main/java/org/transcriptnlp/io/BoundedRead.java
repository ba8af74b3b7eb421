package org.transcriptnlp.io;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * Reads a file's bytes within limits: never more than the size limit, and for gzip never more than
 * the compression-ratio limit allows, so a gzip bomb is rejected while it is being inflated instead
 * of filling memory. Every way a read can fail has its own reason code.
 */
public final class BoundedRead {
  private static final int CHUNK = 64 * 1024;

  /** The input cannot be used; {@code reason} is the rejects table's code. */
  public static final class Refused extends Exception {
    private final String reason;

    Refused(String reason, String detail) {
      super(detail);
      this.reason = reason;
    }

    public String reason() {
      return reason;
    }
  }

  private BoundedRead() {}

  /**
   * Opens a matched file through Beam's file systems and reads it within the limits. A local entry
   * that is not a regular file (a directory, FIFO, device, a dangling or looping link) is refused
   * without being opened: opening a FIFO would wait for a writer forever.
   */
  public static byte[] readFile(MatchResult.Metadata file, long maxBytes, int maxRatio)
      throws Refused {
    java.nio.file.Path local = LocalEntry.localPath(file.resourceId());
    if (local != null) {
      LocalEntry kind = LocalEntry.of(local);
      if (kind.refused()) {
        throw new Refused(kind.reason(), kind.detail(local));
      }
    }
    String name = file.resourceId().getFilename();
    boolean gzip = name != null && name.endsWith(".gz");
    try (InputStream raw = Channels.newInputStream(FileSystems.open(file.resourceId()))) {
      return read(raw, gzip, file.sizeBytes(), maxBytes, maxRatio);
    } catch (IOException e) {
      throw refusal(e, file.resourceId());
    }
  }

  /** Whether a local file exists (Beam's local file system reports a denied open as not found). */
  private static boolean existsLocally(ResourceId id) {
    if (id == null || !"file".equals(id.getScheme())) {
      return false;
    }
    try {
      return java.nio.file.Files.exists(java.nio.file.Path.of(id.toString()));
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** The reject reason for a failed open or read ({@code file} null when not known). */
  private static Refused refusal(IOException e, ResourceId file) {
    boolean notFound = e instanceof NoSuchFileException || e instanceof FileNotFoundException;
    if (notFound && !existsLocally(file)) {
      return new Refused("file_vanished", "the file was matched but is gone: " + e.getMessage());
    }
    if (e instanceof AccessDeniedException || notFound) {
      return new Refused("permission_denied", "no permission to read the file: " + e.getMessage());
    }
    if (e instanceof EOFException) {
      return new Refused("truncated_gzip", "the gzip data ends early: " + e.getMessage());
    }
    if (e instanceof ZipException) {
      return new Refused("corrupt_gzip", "not valid gzip data: " + e.getMessage());
    }
    return new Refused("unreadable", e.getClass().getSimpleName() + ": " + e.getMessage());
  }

  /**
   * @param raw the file's bytes as stored
   * @param gzip whether to inflate them
   * @param storedSize the stored (compressed) size, for the ratio limit
   */
  static byte[] read(InputStream raw, boolean gzip, long storedSize, long maxBytes, int maxRatio)
      throws Refused {
    long ratioCap = gzip ? Math.max(CHUNK, storedSize * (long) maxRatio) : Long.MAX_VALUE;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[CHUNK];
    try (InputStream in = gzip ? new GZIPInputStream(raw, CHUNK) : raw) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        out.write(buffer, 0, n);
        if (out.size() > maxBytes) {
          throw new Refused(
              gzip ? "decompressed_too_large" : "file_too_large",
              (gzip ? "inflates to more than " : "larger than ")
                  + "the limit of "
                  + maxBytes
                  + " bytes (--maxFileMegabytes)");
        }
        if (out.size() > ratioCap) {
          throw new Refused(
              "compression_ratio_too_high",
              "inflates more than "
                  + maxRatio
                  + " times its "
                  + storedSize
                  + " stored bytes (--maxCompressionRatio): a gzip bomb, not a transcript");
        }
      }
    } catch (IOException e) {
      throw refusal(e, null);
    }
    if (out.size() == 0) {
      throw new Refused("empty_file", gzip ? "the file inflates to nothing" : "the file is empty");
    }
    return out.toByteArray();
  }
}
