package org.transcriptnlp.pipeline.options;

/** A fatal misuse (bad option, no input, unwritable output): reported as one line, exit code 2. */
public class UsageException extends RuntimeException {
  public UsageException(String message) {
    super(message);
  }
}
