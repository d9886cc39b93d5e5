package dev.unitaudit.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text report's last block: units (scored, and why the others are not), services by rating and
 * by hardening level, open findings by severity, accepted findings, errors and notes, then the
 * gates: which held, and one {@code gate failed: …} line per failure, the report's last lines. A
 * line too long for the terminal wraps between its counts, so no count is ever cut; a gate failure
 * names a unit and file:line and is never cut.
 */
final class TextTotals {

  private static final int LABEL_WIDTH = "findings  ".length();

  private TextTotals() {}

  static void render(StringBuilder sb, AuditReport report, TextOptions t, TextStyle st) {
    int scored = 0;
    Map<String, Integer> unscored = new LinkedHashMap<>();
    Map<String, Integer> ratings = new LinkedHashMap<>();
    UnitFacts.RATINGS.forEach(r -> ratings.put(r, 0));
    int[] levels = new int[4];
    int services = 0;
    Map<String, Integer> open = new LinkedHashMap<>();
    UnitFacts.SEVERITIES.forEach(s -> open.put(s, 0));
    Map<String, Integer> accepted = new LinkedHashMap<>();
    for (AuditReport.UnitEntry u : report.units()) {
      String why = UnitFacts.unscored(u);
      if (why == null) {
        scored++;
        ratings.merge(u.rating(), 1, Integer::sum);
      } else {
        unscored.merge(why, 1, Integer::sum);
      }
      if (u.level() != null && u.level() >= 0 && u.level() < levels.length) {
        levels[u.level()]++;
        services++;
      }
      UnitFacts.open(u).forEach((s, n) -> open.merge(s, n, Integer::sum));
      UnitFacts.accepted(u).forEach((by, n) -> accepted.merge(by, n, Integer::sum));
    }

    List<String> units = new ArrayList<>();
    units.add(scored + " scored");
    // the most frequent reason first, then by name: the same line for the same tree
    unscored.entrySet().stream()
        .sorted(
            Map.Entry.<String, Integer>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> units.add(e.getValue() + " " + TextStyle.show(e.getKey())));
    line(
        sb,
        "units",
        Integer.toString(report.units().size()),
        report.units().isEmpty() ? List.of() : units,
        st);

    List<String> rated = new ArrayList<>();
    ratings.forEach(
        (r, n) -> {
          if (n > 0) {
            rated.add(n + " " + TextStyle.show(r));
          }
        });
    line(sb, "ratings", rated.isEmpty() ? "none" : null, rated, st);

    List<String> ladder = new ArrayList<>();
    for (int l = 0; l < levels.length; l++) {
      ladder.add(levels[l] + " at level " + l);
    }
    line(sb, "levels", services == 0 ? "none" : null, services == 0 ? List.of() : ladder, st);

    // with --min-severity the hidden severities are not counted as zero: they are not shown
    int shownUpTo =
        t.minSeverity() == null
            ? UnitFacts.SEVERITIES.size() - 1
            : UnitFacts.SEVERITIES.indexOf(t.minSeverity());
    List<String> severities = new ArrayList<>();
    int total = 0;
    for (Map.Entry<String, Integer> e : open.entrySet()) {
      int i = UnitFacts.SEVERITIES.indexOf(e.getKey());
      if (i < 0 || i <= shownUpTo) {
        severities.add(e.getValue() + " " + TextStyle.show(e.getKey()));
      }
      total += e.getValue();
    }
    boolean hiding = t.minSeverity() != null && shownUpTo < UnitFacts.SEVERITIES.size() - 1;
    line(
        sb,
        "findings",
        total + (hiding ? " at " + t.minSeverity() + " or above" : ""),
        severities,
        st);

    List<String> by = new ArrayList<>();
    accepted.forEach((who, n) -> by.add(n + " " + TextStyle.show(who)));
    line(
        sb,
        "accepted",
        Integer.toString(accepted.values().stream().mapToInt(Integer::intValue).sum()),
        by,
        st);

    int notes = TextErrors.notes(report);
    line(sb, "errors", Integer.toString(report.errors().size() - notes), List.of(), st);
    if (notes > 0) {
      line(sb, "notes", notes + " (masked " + (notes == 1 ? "unit)" : "units)"), List.of(), st);
    }

    gates(sb, t, st);
  }

  private static void gates(StringBuilder sb, TextOptions t, TextStyle st) {
    List<String> parts = new ArrayList<>();
    String head;
    if (t.gatesFailed().isEmpty() && t.gatesHeld().isEmpty()) {
      head = "none given";
    } else if (t.gatesFailed().isEmpty()) {
      head = "held";
    } else {
      head = t.gatesFailed().size() + (t.gatesFailed().size() == 1 ? " failure" : " failures");
      if (!t.gatesHeld().isEmpty()) {
        head += "; held";
      }
    }
    t.gatesHeld().forEach(g -> parts.add(TextStyle.show(g)));
    line(sb, "gates", head, parts, st);
    for (String f : t.gatesFailed()) {
      sb.append(st.red("gate failed:")).append(' ').append(TextStyle.show(f)).append('\n');
    }
  }

  /**
   * {@code label head: part, part, …}, wrapped between parts at the terminal width with the
   * continuation under the first part. A null head starts with the parts.
   */
  private static void line(
      StringBuilder sb, String label, String head, List<String> parts, TextStyle st) {
    List<String> words = new ArrayList<>();
    if (head != null) {
      words.add(parts.isEmpty() ? head : head + ":");
    }
    for (int i = 0; i < parts.size(); i++) {
      words.add(parts.get(i) + (i < parts.size() - 1 ? "," : ""));
    }
    StringBuilder out = new StringBuilder(Columns.pad(label, LABEL_WIDTH, false));
    int col = LABEL_WIDTH;
    boolean first = true;
    for (String w : words) {
      int ww = Columns.width(w);
      if (!first && st.width() != Columns.UNLIMITED && col + 1 + ww > st.width()) {
        out.append('\n').append(" ".repeat(LABEL_WIDTH));
        col = LABEL_WIDTH;
        first = true;
      }
      if (!first) {
        out.append(' ');
        col++;
      }
      out.append(w);
      col += ww;
      first = false;
    }
    sb.append(out).append('\n');
  }
}
