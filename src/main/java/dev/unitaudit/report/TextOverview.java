package dev.unitaudit.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The text report's first lines: one per unit, like {@code systemd-analyze security} without
 * arguments (UNIT, EXPOSURE, RATING), plus what only we know: the hardening level and the open
 * findings by severity. A unit without a score says why in the EXPOSURE column (its type, or
 * masked, not-found, bad-setting). When the table is wider than the terminal, the UNIT column is
 * narrowed and long names cut with an ellipsis, as systemd's tables do; numbers are never cut.
 */
final class TextOverview {

  private static final List<String> COUNT_HEADERS = List.of("CRIT", "HIGH", "MED", "LOW", "INFO");
  private static final int COUNT_WIDTH = 4;

  /** The narrowest the UNIT column gets: below this a name says nothing. */
  private static final int MIN_UNIT_WIDTH = 12;

  private TextOverview() {}

  static void render(StringBuilder sb, List<AuditReport.UnitEntry> units, TextStyle st) {
    List<String[]> rows = new ArrayList<>(units.size());
    int unitW = "UNIT".length();
    int exposureW = "EXPOSURE".length();
    int ratingW = "RATING".length();
    for (AuditReport.UnitEntry u : units) {
      String name = TextStyle.show(u.unit());
      String why = UnitFacts.unscored(u);
      String[] row = {
        name,
        why != null ? why : u.exposure().toPlainString(),
        u.rating() == null ? "-" : u.rating(),
        u.level() == null ? "-" : u.level().toString()
      };
      rows.add(row);
      unitW = Math.max(unitW, Columns.width(name));
      exposureW = Math.max(exposureW, Columns.width(row[1]));
      ratingW = Math.max(ratingW, row[2].length());
    }
    int rest =
        1
            + exposureW
            + 1
            + ratingW
            + 1
            + "LEVEL".length()
            + COUNT_HEADERS.size() * (1 + COUNT_WIDTH);
    if (st.width() != Columns.UNLIMITED && unitW + rest > st.width()) {
      unitW = Math.max(MIN_UNIT_WIDTH, st.width() - rest);
    }
    StringBuilder header =
        new StringBuilder(Columns.pad("UNIT", unitW, false))
            .append(' ')
            .append(Columns.pad("EXPOSURE", exposureW, true))
            .append(' ')
            .append(Columns.pad("RATING", ratingW, false))
            .append(" LEVEL");
    COUNT_HEADERS.forEach(h -> header.append(' ').append(Columns.pad(h, COUNT_WIDTH, true)));
    sb.append(header).append('\n');
    for (int i = 0; i < rows.size(); i++) {
      AuditReport.UnitEntry u = units.get(i);
      String[] row = rows.get(i);
      sb.append(Columns.pad(st.cut(row[0], unitW), unitW, false))
          .append(' ')
          .append(Columns.pad(row[1], exposureW, true))
          .append(' ')
          .append(st.rating(Columns.pad(row[2], ratingW, false), u.rating()))
          .append(' ')
          .append(Columns.pad(row[3], "LEVEL".length(), true));
      Map<String, Integer> open = UnitFacts.open(u);
      for (String severity : UnitFacts.SEVERITIES) {
        int n = open.get(severity);
        // a unit the rules never ran on has no counts, not zero findings
        String cell =
            Columns.pad(UnitFacts.checked(u) ? Integer.toString(n) : "-", COUNT_WIDTH, true);
        sb.append(' ').append(n > 0 ? st.severity(cell, severity) : cell);
      }
      sb.append('\n');
    }
  }
}
