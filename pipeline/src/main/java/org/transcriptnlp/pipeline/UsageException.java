package org.transcriptnlp.pipeline;

/** A fatal misuse (bad option, no input, unwritable output): reported as one line, exit code 2. */
public class UsageException extends RuntimeException {
  public UsageException(String message) {
    super(message);
  }
}
