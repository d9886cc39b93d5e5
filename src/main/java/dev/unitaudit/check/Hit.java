package dev.unitaudit.check;

import java.util.Map;

/**
 * Something a check found: where (the assignment that set the offending value, or the section
 * header when the setting is missing) and the values that fill the rule's message placeholders.
 */
public record Hit(String file, int line, Map<String, String> values) {

  public static Hit at(dev.unitaudit.syntax.Assignment where, Map<String, String> values) {
    return new Hit(where.file(), where.line(), values);
  }
}
