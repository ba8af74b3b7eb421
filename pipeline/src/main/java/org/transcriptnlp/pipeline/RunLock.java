package org.transcriptnlp.pipeline;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run at a time per output folder: an operating-system lock on {@code <output>/_lock}, held for
 * the whole run. The kernel releases it when the process ends, however it ends (kill -9, power
 * loss), so a dead run never blocks the next one. The file itself stays; it holds the last owner's
 * pid, host and start time, for the message a refused run prints. Outputs on other file systems
 * (hdfs://...) are not locked; there, and where {@code _lock} was deleted during a run, the runs'
 * markers ({@link LiveRun}) make a run that starts while another writes refuse in the same way.
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

  private final FileChannel channel;
  private final FileLock lock;

  private RunLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes the output's lock, or throws {@link Held}; empty for outputs that are not local folders. */
  static Optional<RunLock> acquire(String output) {
    if (!OutputFolder.isLocal(output)) {
      LOG.info("--output={} is not a local folder: no lock; the runs' markers in _staging/ guard against overlapping runs", output);
      return Optional.empty();
    }
    Path file = Path.of(output, NAME);
    FileChannel channel;
    try {
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UsageException("cannot open the lock " + file + ": " + e.getMessage());
    }
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // held by this JVM
    } catch (IOException e) {
      close(channel);
      throw new UsageException("cannot lock " + file + ": " + e.getMessage());
    }
    if (lock == null) {
      String owner = owner(channel);
      close(channel);
      throw new Held("another run is writing to " + output + " (" + owner + "); try again when it has finished");
    }
    try {
      String me = ProcessHandle.current().pid() + " " + thisHost() + " " + Instant.now() + "\n";
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(me.getBytes(StandardCharsets.UTF_8)), 0);
      channel.force(false);
    } catch (IOException e) {
      LOG.warn("cannot write the owner into {}: {}", file, e.toString());
    }
    return Optional.of(new RunLock(channel, lock));
  }

  /** The owner as the lock file names it: "pid P on H, started T". */
  private static String owner(FileChannel channel) {
    try {
      ByteBuffer buf = ByteBuffer.allocate(512);
      channel.read(buf, 0);
      String[] f = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8).strip().split(" ");
      return f.length == 3 ? "pid " + f[0] + " on " + f[1] + ", started " + f[2] : "owner unknown";
    } catch (IOException e) {
      return "owner unknown";
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException e) {
      LOG.warn("cannot release the lock: {}", e.toString());
    }
    close(channel);
  }

  private static void close(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      LOG.warn("cannot close the lock file: {}", e.toString());
    }
  }

  private static String thisHost() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown-host";
    }
  }
}
