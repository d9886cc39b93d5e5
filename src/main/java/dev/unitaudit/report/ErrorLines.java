package dev.unitaudit.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code errors[]} entry as a person reads it: a masked unit is a note, a unit not found is
 * named once ({@code error: ssh.service: not found}), anything else keeps its file:line. The JSON
 * keeps systemd-analyze's own words ({@code Unit x is masked.}); this is only their rendering.
 */
public final class ErrorLines {

  private static final Pattern MASKED = Pattern.compile("Unit (.+) is masked\\.");
  private static final Pattern NOT_FOUND = Pattern.compile("Unit (.+) not found\\.");

  private ErrorLines() {}

  /**
   * The lines for stderr: every entry as {@link #of}, except that masked units, which need no
   * action, are one note ({@code note: 15 units are masked: a.service, b.service, …}) so that a
   * stock machine's masks do not bury the errors.
   */
  public static List<String> all(List<AuditReport.ErrorEntry> errors) {
    List<String> masked = new ArrayList<>();
    List<String> out = new ArrayList<>();
    for (AuditReport.ErrorEntry e : errors) {
      Matcher m = MASKED.matcher(e.message());
      if (m.matches()) {
        masked.add(m.group(1));
      } else {
        out.add(of(e));
      }
    }
    if (masked.size() == 1) {
      out.add(TextSafety.clean("note: " + masked.get(0) + " is masked"));
    } else if (masked.size() > 1) {
      int shown = Math.min(masked.size(), 5);
      out.add(
          TextSafety.clean(
              "note: "
                  + masked.size()
                  + " units are masked: "
                  + String.join(", ", masked.subList(0, shown))
                  + (shown < masked.size() ? ", …" : "")));
    }
    return out;
  }

  /** The line, cleaned of terminal controls. */
  public static String of(AuditReport.ErrorEntry e) {
    Matcher m = MASKED.matcher(e.message());
    if (m.matches()) {
      return TextSafety.clean("note: " + m.group(1) + " is masked");
    }
    m = NOT_FOUND.matcher(e.message());
    if (m.matches()) {
      return TextSafety.clean("error: " + m.group(1) + ": not found");
    }
    String where =
        e.file() == null ? "" : e.file() + (e.line() == null ? "" : ":" + e.line()) + ": ";
    return TextSafety.clean((e.unit() == null ? "" : e.unit() + ": ") + where + e.message());
  }
}
