package dev.unitaudit.fleet;

import dev.unitaudit.report.TextSafety;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code unitaudit summary} as text: the totals, then units worst first, hosts, rules by spread,
 * configuration that differs, what moved, and the rejected files. Every name from a report goes
 * through {@link TextSafety}, since reports carry unit-file text.
 */
public final class SummaryText {

  private SummaryText() {}

  public static String render(Summary s) {
    StringBuilder sb = new StringBuilder();
    Summary.Totals t = s.totals();
    sb.append("unitaudit summary: ")
        .append(t.hosts())
        .append(t.hosts() == 1 ? " host, " : " hosts, ")
        .append(t.units())
        .append(" units (")
        .append(t.unitEntries())
        .append(" over all hosts), ")
        .append(t.findings())
        .append(" findings");
    if (t.rejected() > 0) {
      sb.append(", ").append(t.rejected()).append(" file(s) not summarised");
    }
    sb.append("\n\nUnits, worst first (exposure min/median/max over the hosts that score them):\n");
    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {
          "UNIT",
          "HOSTS",
          "MIN",
          "MEDIAN",
          "MAX",
          "LEVELS 0/1/2/3",
          "FINDINGS",
          "WORST ON",
          "CONFIG"
        });
    s.units().stream()
        .sorted(Figures.WORST_FIRST)
        .forEach(
            u ->
                rows.add(
                    new String[] {
                      u.unit(),
                      Integer.toString(u.hosts()),
                      Figures.num(u.exposure().min()),
                      Figures.num(u.exposure().median()),
                      Figures.num(u.exposure().max()),
                      Figures.levels(u.levels()),
                      Integer.toString(u.findings().total()),
                      Figures.hosts(u.worst().hosts()),
                      Figures.configBrief(u.config())
                    }));
    table(sb, rows);
    sb.append("\nHosts:\n");
    rows.clear();
    rows.add(
        new String[] {
          "HOST",
          "UNITS",
          "MEAN",
          "MAX",
          "LEVELS 0/1/2/3",
          "CRIT",
          "HIGH",
          "MED",
          "LOW",
          "INFO",
          "SUPPRESSED",
          "ERRORS"
        });
    for (Summary.HostRollup h : s.hosts()) {
      Summary.Severities f = h.findings();
      rows.add(
          new String[] {
            h.host(),
            Integer.toString(h.units()),
            Figures.num(h.meanExposure()),
            Figures.num(h.maxExposure()),
            Figures.levels(h.levels()),
            Integer.toString(f.critical()),
            Integer.toString(f.high()),
            Integer.toString(f.medium()),
            Integer.toString(f.low()),
            Integer.toString(f.info()),
            Integer.toString(h.suppressed()),
            Integer.toString(h.errors())
          });
    }
    table(sb, rows);
    sb.append("\nRules, widest first:\n");
    rows.clear();
    rows.add(new String[] {"RULE", "HOSTS", "UNITS", "FINDINGS", "SEVERITY", "TITLE"});
    s.rules().stream()
        .sorted(Figures.WIDEST_FIRST)
        .forEach(
            r ->
                rows.add(
                    new String[] {
                      r.rule(),
                      Integer.toString(r.hosts()),
                      Integer.toString(r.units()),
                      Long.toString(r.findings()),
                      r.severity(),
                      r.title() == null ? "" : r.title()
                    }));
    table(sb, rows);
    List<Summary.UnitRollup> differing =
        s.units().stream().filter(u -> u.config().differs()).toList();
    sb.append("\nConfiguration that differs between hosts: ")
        .append(differing.isEmpty() ? "none" : differing.size() + " unit(s)")
        .append('\n');
    for (Summary.UnitRollup u : differing) {
      sb.append("  ").append(TextSafety.clean(u.unit())).append('\n');
      if (!u.config().dropins().isEmpty()) {
        sb.append("    drop-ins: ")
            .append(TextSafety.clean(Figures.dropins(u.config().dropins())))
            .append('\n');
      }
      for (Summary.SettingDifference d : u.config().settings()) {
        sb.append("    [")
            .append(TextSafety.clean(d.section()))
            .append("] ")
            .append(TextSafety.clean(d.key()))
            .append("=: ")
            .append(TextSafety.clean(Figures.variants(d)))
            .append('\n');
      }
    }
    if (s.since() != null) {
      Summary.Since m = s.since();
      sb.append("\nSince ").append(TextSafety.clean(m.file())).append(":\n");
      changes(sb, "regressed", m.regressed());
      changes(sb, "improved", m.improved());
      changes(sb, "added", m.added());
      changes(sb, "removed", m.removed());
    }
    for (Summary.Input i : s.inputs()) {
      if (i.error() != null) {
        sb.append("\nnot summarised: ").append(TextSafety.clean(i.error())).append('\n');
      } else if (i.note() != null) {
        sb.append("\nnote: ").append(TextSafety.clean(i.note())).append('\n');
      }
    }
    return sb.toString();
  }

  private static void changes(StringBuilder sb, String what, List<Summary.Change> list) {
    sb.append("  ").append(what).append(": ").append(list.size()).append('\n');
    for (Summary.Change c : list) {
      sb.append("    ").append(TextSafety.clean(Figures.change(c))).append('\n');
    }
  }

  /** Left-aligned columns two spaces apart; cells cleaned of anything a terminal would execute. */
  private static void table(StringBuilder sb, List<String[]> rows) {
    int cols = rows.get(0).length;
    int[] width = new int[cols];
    List<String[]> clean = new ArrayList<>(rows.size());
    for (String[] r : rows) {
      String[] c = new String[cols];
      for (int i = 0; i < cols; i++) {
        c[i] = TextSafety.clean(r[i]);
        width[i] = Math.max(width[i], c[i].length());
      }
      clean.add(c);
    }
    for (String[] r : clean) {
      StringBuilder line = new StringBuilder("  ");
      for (int i = 0; i < cols; i++) {
        line.append(r[i]);
        if (i < cols - 1) {
          line.append(" ".repeat(width[i] - r[i].length() + 2));
        }
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
  }
}
