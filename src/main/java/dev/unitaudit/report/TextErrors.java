package dev.unitaudit.report;

import java.util.Set;

/**
 * The report's errors[] as text lines, after the findings. A masked unit was switched off on
 * purpose: {@code note: x.service is masked}, not an error. A unit that was not found is named once
 * ({@code error: ssh.service: not found}) rather than with systemd's sentence, which names it
 * again, and the name the loader records as its location. Other errors keep unit and file:line,
 * which are never cut; the message is cut to the terminal width.
 */
final class TextErrors {

  private TextErrors() {}

  /** The number of errors[] entries that are notes (masked units) rather than errors. */
  static int notes(AuditReport report) {
    Set<String> masked = MaskedUnits.of(report);
    return (int) report.errors().stream().filter(e -> isMaskedNote(e, masked)).count();
  }

  static void render(StringBuilder sb, AuditReport report, TextStyle st) {
    Set<String> masked = MaskedUnits.of(report);
    Set<String> missing = new java.util.HashSet<>();
    for (AuditReport.UnitEntry u : report.units()) {
      if (u.status().equals("not-found")) {
        missing.add(u.unit());
      }
    }
    for (AuditReport.ErrorEntry e : report.errors()) {
      if (isMaskedNote(e, masked)) {
        sb.append("note: ").append(TextStyle.show(e.unit())).append(" is masked\n");
        continue;
      }
      boolean notFound = e.unit() != null && missing.contains(e.unit());
      StringBuilder prefix = new StringBuilder(st.red("error:")).append(' ');
      int used = "error: ".length();
      String where = e.unit() == null ? "" : TextStyle.show(e.unit()) + ": ";
      if (e.file() != null && !(notFound && e.file().equals(e.unit()))) {
        where += TextStyle.show(e.file()) + (e.line() == null ? "" : ":" + e.line()) + ": ";
      }
      prefix.append(where);
      used += Columns.width(where);
      String message =
          notFound && e.message().equals("Unit " + e.unit() + " not found.")
              ? "not found"
              : TextStyle.show(e.message());
      int room =
          st.width() == Columns.UNLIMITED ? Columns.UNLIMITED : Math.max(st.width() - used, 0);
      String shown = st.cut(message, room);
      // with no room left the line ends at its location, without a dangling separator
      sb.append(shown.isEmpty() ? prefix.toString().stripTrailing() : prefix + shown).append('\n');
    }
  }

  /** systemd-analyze's words for a masked unit, the entry Audit records for it. */
  private static boolean isMaskedNote(AuditReport.ErrorEntry e, Set<String> masked) {
    return e.unit() != null
        && masked.contains(e.unit())
        && e.message().equals("Unit " + e.unit() + " is masked.");
  }
}
