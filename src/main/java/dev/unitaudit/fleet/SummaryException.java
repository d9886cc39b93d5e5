package dev.unitaudit.fleet;

/** The summary cannot be made at all: the {@code --since} summary is unreadable or invalid. */
public final class SummaryException extends Exception {

  private static final long serialVersionUID = 1L;

  public SummaryException(String message) {
    super(message);
  }
}
