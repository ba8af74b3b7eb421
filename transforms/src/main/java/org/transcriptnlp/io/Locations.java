package org.transcriptnlp.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;

/** Paths and whole-file publishing on any of Beam's file systems (local, HDFS). */
public final class Locations {
  private Locations() {}

  /**
   * The folder or file {@code name} in {@code dir}, on any file system ({@code dir} may end with a
   * slash).
   */
  public static String folder(String dir, String name) {
    return dir.endsWith("/") ? dir + name : dir + "/" + name;
  }

  /**
   * Renames a whole file from its in-progress name to its name. On a local disk the file's bytes
   * are forced to the disk first and the folder after, so that after a power loss a file under its
   * name is whole (or absent), never empty.
   */
  public static void publish(ResourceId partial, ResourceId file) throws IOException {
    if ("file".equals(partial.getScheme())) {
      try (FileChannel c =
          FileChannel.open(Path.of(partial.toString()), StandardOpenOption.WRITE)) {
        c.force(true);
      }
    }
    FileSystems.rename(List.of(partial), List.of(file));
    if ("file".equals(file.getScheme())) {
      try (FileChannel dir =
          FileChannel.open(Path.of(file.toString()).getParent(), StandardOpenOption.READ)) {
        dir.force(true);
      }
    }
  }
}
