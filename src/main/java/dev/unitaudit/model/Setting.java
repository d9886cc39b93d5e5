package dev.unitaudit.model;

import dev.unitaudit.syntax.Assignment;

/**
 * One effective value and the assignment that set it (its provenance: file and line).
 *
 * @param value the raw value as written (trimmed, not unquoted)
 */
public record Setting(String value, Assignment origin) {

  public String file() {
    return origin.file();
  }

  public int line() {
    return origin.line();
  }

  public String location() {
    return origin.location();
  }
}
