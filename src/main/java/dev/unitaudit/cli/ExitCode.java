package dev.unitaudit.cli;

/** unitaudit's exit codes (DESIGN.md): a contract with CI systems. */
public enum ExitCode {
  /** The audit ran and every gate holds (or no gate was given). */
  OK(0),
  /** A gate failed, or {@code diff} found a regression. */
  GATE_FAILED(1),
  /** Usage error, unreadable input, or nothing could be audited. */
  USAGE(2),
  /** A bug in unitaudit: "internal error" and the stack trace are on stderr. */
  INTERNAL(3);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
