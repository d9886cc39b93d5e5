package dev.unitaudit.check;

import dev.unitaudit.result.Fix;
import java.util.List;
import java.util.Map;

/**
 * Something a check found: where (the assignment that set the offending value, or the section
 * header when the setting is missing) and the values that fill the rule's message placeholders.
 *
 * @param fix the fix computed for this hit, replacing the rule's {@code fix} lines; null when the
 *     rule's lines (with placeholders filled) are the fix
 * @param fixOmit keys whose lines the rule's fix leaves out: the unit already sets them as the rule
 *     wants (a unit missing one of two start-limit keys gets only that one, not a new value for the
 *     other)
 */
public record Hit(
    String file, int line, Map<String, String> values, Fix fix, List<String> fixOmit) {

  public Hit(String file, int line, Map<String, String> values) {
    this(file, line, values, null, null);
  }

  public static Hit at(dev.unitaudit.syntax.Assignment where, Map<String, String> values) {
    return new Hit(where.file(), where.line(), values);
  }

  /** This hit with its own fix. */
  public Hit withFix(Fix f) {
    return new Hit(file, line, values, f, fixOmit);
  }

  /** This hit, leaving the rule's fix lines for these keys out. */
  public Hit withFixOmit(List<String> keys) {
    return new Hit(file, line, values, fix, List.copyOf(keys));
  }
}
