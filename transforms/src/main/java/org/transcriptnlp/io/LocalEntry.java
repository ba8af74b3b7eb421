package org.transcriptnlp.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * What a local directory entry is, told from its attributes alone, never by opening it: opening a
 * FIFO for reading waits until something writes to it, so a job that opened one would never end. A
 * link is judged by what it leads to; a link that leads nowhere or back to itself is a kind of its
 * own. Used when matching the input (the pipeline's {@code InputFiles}), before hashing a file and
 * before reading one ({@link BoundedRead}).
 */
public enum LocalEntry {
  /** A regular file, or a link to one: the only kind that is opened. */
  REGULAR_FILE(null),
  /** A directory, or a link to one. */
  DIRECTORY("is_directory"),
  /** A FIFO, socket or device (or a link to one). */
  NOT_A_REGULAR_FILE("not_a_regular_file"),
  /** A symbolic link whose target does not exist (e.g. on a share that is not mounted). */
  DANGLING_LINK("dangling_link"),
  /** A symbolic link that leads back to itself (too many levels of symbolic links). */
  LINK_LOOP("link_loop"),
  /** Gone, or its attributes cannot be read (e.g. no permission): opening it tells why. */
  UNKNOWN(null);

  private final String reason;

  LocalEntry(String reason) {
    this.reason = reason;
  }

  /** The rejects table's reason for an entry of this kind, or null when it is to be opened. */
  public String reason() {
    return reason;
  }

  /** Whether the entry is not to be opened: it is a rejects row with {@link #reason()}. */
  public boolean refused() {
    return reason != null;
  }

  /** The local path of a resource of Beam's local file system, or null for any other scheme. */
  public static Path localPath(ResourceId id) {
    if (id == null || !"file".equals(id.getScheme())) {
      return null;
    }
    try {
      return Path.of(id.toString());
    } catch (InvalidPathException e) {
      return null;
    }
  }

  /** The kind of a local entry; never opens it. */
  public static LocalEntry of(Path path) {
    BasicFileAttributes own;
    try {
      own = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException | RuntimeException e) {
      return UNKNOWN;
    }
    if (!own.isSymbolicLink()) {
      return kind(own);
    }
    try {
      return kind(Files.readAttributes(path, BasicFileAttributes.class));
    } catch (NoSuchFileException e) {
      return DANGLING_LINK;
    } catch (AccessDeniedException e) {
      return UNKNOWN;
    } catch (FileSystemException e) {
      // ELOOP: the JDK reports it as "<strerror> or unable to access attributes of symbolic link".
      return e.getReason() != null && e.getReason().contains("symbolic link") ? LINK_LOOP : UNKNOWN;
    } catch (IOException | RuntimeException e) {
      return UNKNOWN;
    }
  }

  private static LocalEntry kind(BasicFileAttributes a) {
    if (a.isRegularFile()) {
      return REGULAR_FILE;
    }
    return a.isDirectory() ? DIRECTORY : NOT_A_REGULAR_FILE;
  }

  /** A sentence for the rejects table's detail column: what the entry is and why it is not read. */
  public String detail(Path path) {
    return switch (this) {
      case DIRECTORY -> "the input pattern matched a directory" + linkNote(path);
      case NOT_A_REGULAR_FILE ->
          "not a regular file but "
              + special(path)
              + ": it is not opened (reading a FIFO waits for a writer, a device may never end)";
      case DANGLING_LINK ->
          "a symbolic link to "
              + target(path)
              + ", which does not exist (a share that is not mounted?)";
      case LINK_LOOP ->
          "a symbolic link that leads back to itself ("
              + target(path)
              + "): too many levels of symbolic links";
      default -> "";
    };
  }

  private static String linkNote(Path path) {
    return Files.isSymbolicLink(path) ? " (through a symbolic link to " + target(path) + ")" : "";
  }

  private static String target(Path link) {
    try {
      return "'" + Files.readSymbolicLink(link) + "'";
    } catch (IOException | RuntimeException e) {
      return "an unreadable target";
    }
  }

  /**
   * What kind of special file it is, from the file type bits of st_mode where the JDK gives them.
   */
  private static String special(Path path) {
    try {
      int mode = (Integer) Files.getAttribute(path, "unix:mode");
      return switch (mode & 0170000) {
        case 0010000 -> "a FIFO (named pipe)";
        case 0140000 -> "a socket";
        case 0020000 -> "a character device";
        case 0060000 -> "a block device";
        default -> "a special file";
      };
    } catch (IOException | RuntimeException e) {
      return "a special file";
    }
  }
}
