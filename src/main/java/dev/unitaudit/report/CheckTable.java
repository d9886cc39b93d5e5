package dev.unitaudit.report;

/**
 * systemd-analyze security's table for one service: its 81 rows in the assessor table's order
 * (systemd sorts them by description), then the overall exposure line. When the table is wider than
 * the terminal, NAME and DESCRIPTION share the room equally, a column that needs less than its half
 * keeping its width, and cells are cut with an ellipsis, as systemd 252 prints it at {@code
 * COLUMNS=80}. EXPOSURE is right-aligned under its header and never cut.
 */
final class CheckTable {

  private static final String EXPOSURE = "EXPOSURE";

  /** The mark column and the three separating spaces around the cells. */
  private static final int FIXED = 2 + 1 + 1 + EXPOSURE.length();

  private CheckTable() {}

  static void render(StringBuilder sb, AuditReport.UnitEntry u, TextStyle st) {
    int nameW = "NAME".length();
    int descW = "DESCRIPTION".length();
    for (AuditReport.CheckEntry c : u.checks()) {
      nameW = Math.max(nameW, Columns.width(st.checkName(c.name())));
      descW = Math.max(descW, Columns.width(description(c)));
    }
    if (st.width() != Columns.UNLIMITED && nameW + descW > st.width() - FIXED) {
      int room = Math.max("NAME".length() + "DESCRIPTION".length(), st.width() - FIXED);
      int half = room / 2;
      if (nameW <= half) {
        descW = room - nameW;
      } else if (descW <= room - half) {
        nameW = room - descW;
      } else {
        descW = half;
        nameW = room - half;
      }
    }
    sb.append(
            strip(
                "  "
                    + Columns.pad("NAME", nameW, false)
                    + " "
                    + Columns.pad("DESCRIPTION", descW, false)
                    + " "
                    + EXPOSURE))
        .append('\n');
    for (AuditReport.CheckEntry c : u.checks()) {
      String exposure =
          c.exposure() == null
              ? ""
              : Columns.pad(c.exposure().toPlainString(), EXPOSURE.length(), true);
      String row =
          Columns.pad(st.cut(st.checkName(c.name()), nameW), nameW, false)
              + " "
              + Columns.pad(st.cut(description(c), descW), descW, false)
              + " "
              + exposure;
      sb.append(st.mark(c.set())).append(' ').append(strip(row)).append('\n');
    }
    sb.append('\n')
        .append(st.arrow())
        .append("Overall exposure level for ")
        .append(TextStyle.show(u.unit()))
        .append(": ")
        .append(u.exposure().toPlainString())
        .append(' ')
        .append(st.rating(u.rating(), u.rating()))
        .append(' ')
        .append(st.face(u.rating()))
        .append('\n');
  }

  private static String description(AuditReport.CheckEntry c) {
    return c.description() == null ? "" : TextStyle.show(c.description());
  }

  /** Rows without an exposure end at their description: no trailing blanks. */
  private static String strip(String s) {
    return s.stripTrailing();
  }
}
