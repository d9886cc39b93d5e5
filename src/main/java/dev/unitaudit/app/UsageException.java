package dev.unitaudit.app;

/** A problem with what the user asked for (exit code 2): a bad option value, unreadable input. */
public final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
