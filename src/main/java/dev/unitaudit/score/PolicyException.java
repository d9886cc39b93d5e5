package dev.unitaudit.score;

/** A security policy that is not valid JSON, has the wrong shape, or would make systemd abort. */
public final class PolicyException extends Exception {
  private static final long serialVersionUID = 1L;

  public PolicyException(String message) {
    super(message);
  }
}
