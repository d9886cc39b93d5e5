package dev.unitaudit.syntax;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code # unitaudit: ignore=UA1001,UA2003 reason="…" until=2027-06-30} comment line. A reason
 * is required; {@code until} is optional (an ISO date, inclusive).
 *
 * @param problem why the line is not a valid suppression, or null
 */
public record InlineSuppression(
    List<String> ids, String reason, LocalDate until, String file, int line, String problem) {

  /** Parses the text after {@code unitaudit:}. */
  public static InlineSuppression parse(Assignment directive) {
    String text = directive.value();
    List<String> ids = new ArrayList<>();
    String reason = null;
    LocalDate until = null;
    int i = 0;
    int n = text.length();
    while (i < n) {
      while (i < n && text.charAt(i) == ' ') {
        i++;
      }
      if (i >= n) {
        break;
      }
      int eq = text.indexOf('=', i);
      if (eq < 0) {
        return bad(directive, "expected key=value, got '" + text.substring(i) + "'");
      }
      String key = text.substring(i, eq).strip();
      String value;
      int j = eq + 1;
      if (j < n && text.charAt(j) == '"') {
        int close = text.indexOf('"', j + 1);
        if (close < 0) {
          return bad(directive, "unterminated quote");
        }
        value = text.substring(j + 1, close);
        i = close + 1;
      } else {
        int sp = text.indexOf(' ', j);
        value = sp < 0 ? text.substring(j) : text.substring(j, sp);
        i = sp < 0 ? n : sp;
      }
      switch (key) {
        case "ignore":
          for (String id : value.split(",")) {
            if (!id.isBlank()) {
              ids.add(id.strip());
            }
          }
          break;
        case "reason":
          reason = value.strip();
          break;
        case "until":
          try {
            until = LocalDate.parse(value);
          } catch (DateTimeParseException e) {
            return bad(directive, "until must be a date like 2027-06-30, got '" + value + "'");
          }
          break;
        default:
          return bad(directive, "unknown key '" + key + "' (ignore, reason, until)");
      }
    }
    if (ids.isEmpty()) {
      return bad(directive, "no rule ids (ignore=UA1001,…)");
    }
    if (reason == null || reason.isEmpty()) {
      return new InlineSuppression(
          ids,
          null,
          until,
          directive.file(),
          directive.line(),
          "a reason is required (reason=\"…\")");
    }
    return new InlineSuppression(
        List.copyOf(ids), reason, until, directive.file(), directive.line(), null);
  }

  private static InlineSuppression bad(Assignment d, String why) {
    return new InlineSuppression(List.of(), null, null, d.file(), d.line(), why);
  }

  public boolean expiredOn(LocalDate today) {
    return until != null && today.isAfter(until);
  }

  public String location() {
    return file + ":" + line;
  }
}
