package org.transcriptnlp.pipeline;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run at a time per output folder: {@code <output>/_lock}, created atomically, holding the
 * owner's pid, host and start time, deleted when the run ends. A lock whose owner is a process of
 * this host that no longer runs (a run killed with -9) is taken over. Outputs on other file systems
 * (hdfs://...) are not locked: the scheduler must not overlap runs there.
 */
final class RunLock implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RunLock.class);
  static final String NAME = "_lock";

  /** Another run holds the lock. */
  static final class Held extends RuntimeException {
    Held(String message) {
      super(message);
    }
  }

  private final Path file;

  private RunLock(Path file) {
    this.file = file;
  }

  /** Takes the output's lock, or throws {@link Held}; empty for outputs that are not local folders. */
  static Optional<RunLock> acquire(String output) {
    if (output.contains("://")) {
      LOG.warn("--output={} is not a local folder: no lock against overlapping runs", output);
      return Optional.empty();
    }
    Path file = Path.of(output, NAME);
    String me = ProcessHandle.current().pid() + " " + thisHost() + " " + Instant.now();
    for (int attempt = 0; attempt < 2; attempt++) {
      try {
        Files.createDirectories(file.getParent());
        Files.writeString(Files.createFile(file), me + "\n", StandardCharsets.UTF_8);
        return Optional.of(new RunLock(file));
      } catch (FileAlreadyExistsException e) {
        Owner owner = Owner.read(file);
        if (owner == null || !owner.deadHere()) {
          throw new Held("another run is writing to " + output + " ("
              + (owner == null ? "owner unknown" : "pid " + owner.pid + " on " + owner.host + ", started " + owner.started)
              + "); if no run is going on, delete " + file);
        }
        LOG.warn("taking over {}: its run (pid {}, started {}) is no longer running", file, owner.pid, owner.started);
        try {
          Files.deleteIfExists(file);
        } catch (IOException io) {
          throw new UsageException("cannot remove the stale lock " + file + ": " + io.getMessage());
        }
      } catch (IOException e) {
        throw new UsageException("cannot create the lock " + file + ": " + e.getMessage());
      }
    }
    throw new Held("another run took " + file + " at the same time");
  }

  @Override
  public void close() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warn("cannot remove the lock {}: {}", file, e.toString());
    }
  }

  private static String thisHost() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown-host";
    }
  }

  /** What a lock file says of its owner. */
  private record Owner(long pid, String host, String started) {
    static Owner read(Path file) {
      try {
        String[] f = Files.readString(file, StandardCharsets.UTF_8).strip().split(" ");
        return f.length == 3 ? new Owner(Long.parseLong(f[0]), f[1], f[2]) : null;
      } catch (NoSuchFileException e) {
        return new Owner(-1, thisHost(), "just now, and gone");
      } catch (IOException | NumberFormatException e) {
        return null;
      }
    }

    /** The owner was a process of this host that has ended. */
    boolean deadHere() {
      return host.equals(thisHost()) && (pid < 0 || ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
    }
  }
}
