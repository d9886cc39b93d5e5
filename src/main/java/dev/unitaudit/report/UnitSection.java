package dev.unitaudit.report;

import java.util.Map;

/**
 * One unit's part of the text report: its name and description, systemd's table when asked for,
 * then its findings one line each (severity, rule id, file:line, message) with the fix indented
 * under it. Accepted findings are counted, or printed with who accepted them and why under
 * --show-suppressed. Severity, rule id and file:line are never cut; the message, the description
 * and each fix line are cut with an ellipsis to the terminal width, and a fix keeps all its lines
 * ({@code unitaudit fix} and the JSON report have them whole).
 */
final class UnitSection {

  private final boolean table;
  private final boolean showAccepted;

  /**
   * The longest severity word of the report, so that rule ids line up in every unit and no room is
   * lost.
   */
  private final int severityWidth;

  private final TextStyle st;

  /**
   * @param table whether systemd's table is shown (one unit audited, or --checks)
   * @param showAccepted --show-suppressed
   */
  UnitSection(AuditReport report, boolean table, boolean showAccepted, TextStyle st) {
    this.table = table;
    this.showAccepted = showAccepted;
    this.st = st;
    int w = 0;
    for (AuditReport.UnitEntry u : report.units()) {
      for (AuditReport.FindingEntry f : u.findings()) {
        if (f.suppressed() == null || showAccepted) {
          w = Math.max(w, Columns.width(f.severity()));
        }
      }
    }
    this.severityWidth = w;
  }

  /** Whether the unit has anything to show beyond its overview line. */
  boolean hasContent(AuditReport.UnitEntry u) {
    return !u.findings().isEmpty() || (table && !u.checks().isEmpty());
  }

  void render(StringBuilder sb, AuditReport.UnitEntry u) {
    header(sb, u);
    if (table && !u.checks().isEmpty()) {
      if (u.fragment() != null) {
        sb.append("  fragment ").append(TextStyle.show(u.fragment())).append('\n');
      }
      for (String d : u.dropins()) {
        sb.append("  drop-in ").append(TextStyle.show(d)).append('\n');
      }
      sb.append('\n');
      CheckTable.render(sb, u, st);
      if (!u.findings().isEmpty()) {
        sb.append('\n');
      }
    }
    for (AuditReport.FindingEntry f : u.findings()) {
      if (f.suppressed() == null || showAccepted) {
        finding(sb, f);
      }
    }
    Map<String, Integer> accepted = UnitFacts.accepted(u);
    if (!showAccepted && !accepted.isEmpty()) {
      int n = accepted.values().stream().mapToInt(Integer::intValue).sum();
      StringBuilder by = new StringBuilder();
      // "(inline)" when one source accepted them all, "(1 inline, 2 baseline)" otherwise
      accepted.forEach(
          (who, k) ->
              by.append(by.length() == 0 ? "" : ", ")
                  .append(accepted.size() == 1 ? "" : k + " ")
                  .append(TextStyle.show(who)));
      sb.append("  ")
          .append(n)
          .append(n == 1 ? " accepted finding" : " accepted findings")
          .append(" not shown (")
          .append(by)
          .append(")\n");
    }
  }

  /**
   * The unit's name, never cut; its other names and its description, cut to what is left of the
   * line.
   */
  private void header(StringBuilder sb, AuditReport.UnitEntry u) {
    String name = TextStyle.show(u.unit());
    StringBuilder rest = new StringBuilder();
    if (!u.aliases().isEmpty()) {
      rest.append(" (also ").append(TextStyle.show(String.join(", ", u.aliases()))).append(')');
    }
    if (u.description() != null && !u.description().isEmpty()) {
      rest.append(st.dash()).append(TextStyle.show(u.description()));
    }
    int room =
        st.width() == Columns.UNLIMITED ? Columns.UNLIMITED : st.width() - Columns.width(name);
    String shown = room > st.dash().length() ? st.cut(rest.toString(), room) : "";
    sb.append(st.bold(name)).append(shown).append('\n');
  }

  private void finding(StringBuilder sb, AuditReport.FindingEntry f) {
    String severity = Columns.pad(TextStyle.show(f.severity()), severityWidth, false);
    String where =
        TextStyle.show(f.rule())
            + (f.file() == null
                ? ""
                : " " + TextStyle.show(f.file()) + (f.line() == null ? "" : ":" + f.line()));
    int room =
        st.width() == Columns.UNLIMITED
            ? Columns.UNLIMITED
            : st.width() - Columns.width("  " + severity + " " + where + " ");
    String message = st.cut(TextStyle.show(f.message()), Math.max(room, 0));
    sb.append("  ")
        .append(st.severity(severity, f.severity()))
        .append(' ')
        .append(where)
        .append(message.isEmpty() ? "" : " " + message)
        .append('\n');
    if (f.suppressed() != null) {
      AuditReport.Suppressed s = f.suppressed();
      String why =
          "accepted ("
              + s.by()
              + ")"
              + (s.reason() == null || s.reason().isEmpty() ? "" : ": " + s.reason())
              + (s.until() == null ? "" : ", until " + s.until());
      sb.append("    ").append(st.cut(TextStyle.show(why), indented())).append('\n');
    }
    if (!f.fix().isEmpty()) {
      for (String line : f.fix().split("\n", -1)) {
        sb.append(line.isEmpty() ? "" : "    " + st.cut(TextStyle.show(line), indented()))
            .append('\n');
      }
    }
  }

  private int indented() {
    return st.width() == Columns.UNLIMITED ? Columns.UNLIMITED : Math.max(st.width() - 4, 0);
  }
}
