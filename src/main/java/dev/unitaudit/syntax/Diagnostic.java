package dev.unitaudit.syntax;

/**
 * A located message about a unit file: what systemd would log while loading it, or what
 * unitaudit adds on top. {@code line} is 0 when the message concerns the whole file.
 */
public record Diagnostic(String file, int line, Severity severity, String message) {

  /** How serious the diagnostic is for loading the file. */
  public enum Severity {
    /** The file (fragment) or the rest of the file (drop-in) was not applied. */
    ERROR,
    /** systemd warns and ignores the line or value. */
    WARNING,
    /** Accepted by systemd, but worth knowing (deprecated, unusual). */
    NOTICE
  }

  public String location() {
    return line > 0 ? file + ":" + line : file;
  }

  @Override
  public String toString() {
    return location() + ": " + message;
  }
}
