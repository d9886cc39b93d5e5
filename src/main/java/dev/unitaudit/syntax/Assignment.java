package dev.unitaudit.syntax;

/**
 * One {@code Key=value} line as systemd's config parser hands it to a setting parser: the section
 * it sits in, the key and value (both trimmed, value otherwise untouched: no unquoting, no escapes,
 * no specifiers), and where it came from. {@code line} is the number of the last physical line of
 * the logical line (systemd.syntax continuation rule).
 *
 * @param file the file as reports name it (relative to the audited root)
 */
public record Assignment(String section, String key, String value, String file, int line) {

  /** {@code file:line}, the form every diagnostic and report uses. */
  public String location() {
    return file + ":" + line;
  }
}
