package dev.unitaudit.rules;

/** A rules file that cannot be loaded; the message names the file and line. */
public final class RuleException extends Exception {
  private static final long serialVersionUID = 1L;

  public RuleException(String message) {
    super(message);
  }
}
