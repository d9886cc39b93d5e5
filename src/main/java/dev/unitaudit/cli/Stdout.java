package dev.unitaudit.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The process's standard output as bytes, remembering why a write failed. A reader that closes the
 * pipe early ({@code unitaudit | head}) is not an error to report: the rest of the report is
 * dropped quietly. Any other failure (a full disk) is reported and exits 2. Unlike {@link
 * java.io.PrintStream}, which swallows the cause, this keeps it.
 */
final class Stdout extends OutputStream {

  private final OutputStream out = new FileOutputStream(FileDescriptor.out);
  private IOException failure;

  @Override
  public synchronized void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) {
    if (failure != null) {
      return; // the reader is gone or the disk is full: nothing more can be written
    }
    try {
      out.write(b, off, len);
    } catch (IOException e) {
      failure = e;
    }
  }

  @Override
  public synchronized void flush() {
    if (failure == null) {
      try {
        out.flush();
      } catch (IOException e) {
        failure = e;
      }
    }
  }

  /** The write error, or null. */
  synchronized IOException failure() {
    return failure;
  }

  /** Whether the reader closed the pipe (EPIPE), which is how {@code | head} ends a run. */
  synchronized boolean readerClosed() {
    return failure != null
        && failure.getMessage() != null
        && failure.getMessage().contains("Broken pipe");
  }
}
