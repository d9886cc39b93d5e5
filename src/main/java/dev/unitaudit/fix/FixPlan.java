package dev.unitaudit.fix;

import java.util.List;

/**
 * What {@code unitaudit fix} adds to one unit, and what it would not do.
 *
 * @param lines the drop-in's assignments in order, each with the rules it closes and its warnings
 * @param skipped open findings left open on purpose, each with the reason
 * @param closes the rule ids whose findings the lines close
 */
public record FixPlan(List<Line> lines, List<Skipped> skipped, List<String> closes) {

  /**
   * One assignment of the drop-in.
   *
   * @param rules "UA1001 no-new-privileges: title" for each rule it closes
   * @param warnings what the setting may break and why (rendered as comments and on stderr)
   */
  public record Line(
      String section, String key, String value, List<String> rules, List<String> warnings) {
    public String assignment() {
      return key + "=" + value;
    }
  }

  /** A finding the fix leaves open: {@code rule} is "UA1003 protect-system-strict". */
  public record Skipped(String rule, String reason) {}

  public boolean isEmpty() {
    return lines.isEmpty();
  }
}
