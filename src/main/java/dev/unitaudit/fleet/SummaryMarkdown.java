package dev.unitaudit.fleet;

import dev.unitaudit.report.MarkdownReporter;
import java.util.List;

/** {@code unitaudit summary -f markdown}: the text view's sections as GitHub tables. */
public final class SummaryMarkdown {

  private SummaryMarkdown() {}

  public static String render(Summary s) {
    StringBuilder sb = new StringBuilder("# unitaudit fleet summary\n\n");
    Summary.Totals t = s.totals();
    sb.append(t.hosts())
        .append(" hosts, ")
        .append(t.units())
        .append(" units (")
        .append(t.unitEntries())
        .append(" over all hosts), ")
        .append(t.findings())
        .append(" findings")
        .append(t.rejected() > 0 ? ", " + t.rejected() + " file(s) not summarised" : "")
        .append(".\n\n## Units, worst first\n\n")
        .append(
            "| Unit | Hosts | Min | Median | Max | Levels 0/1/2/3 | Findings | Worst on | Config"
                + " |\n")
        .append("|---|---:|---:|---:|---:|---|---:|---|---|\n");
    s.units().stream()
        .sorted(Figures.WORST_FIRST)
        .forEach(
            u ->
                row(
                    sb,
                    u.unit(),
                    Integer.toString(u.hosts()),
                    Figures.num(u.exposure().min()),
                    Figures.num(u.exposure().median()),
                    Figures.num(u.exposure().max()),
                    Figures.levels(u.levels()),
                    Integer.toString(u.findings().total()),
                    Figures.hosts(u.worst().hosts()),
                    Figures.configBrief(u.config())));
    sb.append("\n## Hosts\n\n")
        .append(
            "| Host | Units | Mean | Max | Levels 0/1/2/3 | Critical | High | Medium | Low | Info |"
                + " Suppressed | Errors |\n")
        .append("|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Summary.HostRollup h : s.hosts()) {
      Summary.Severities f = h.findings();
      row(
          sb,
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
          Integer.toString(h.errors()));
    }
    sb.append(
            "\n## Rules, widest first\n\n| Rule | Hosts | Units | Findings | Severity | Title |\n")
        .append("|---|---:|---:|---:|---|---|\n");
    s.rules().stream()
        .sorted(Figures.WIDEST_FIRST)
        .forEach(
            r ->
                row(
                    sb,
                    r.rule(),
                    Integer.toString(r.hosts()),
                    Integer.toString(r.units()),
                    Long.toString(r.findings()),
                    r.severity(),
                    r.title() == null ? "" : r.title()));
    List<Summary.UnitRollup> differing =
        s.units().stream().filter(u -> u.config().differs()).toList();
    sb.append("\n## Configuration that differs between hosts\n\n");
    if (differing.isEmpty()) {
      sb.append("None.\n");
    } else {
      sb.append("| Unit | Setting | Values |\n|---|---|---|\n");
      for (Summary.UnitRollup u : differing) {
        if (!u.config().dropins().isEmpty()) {
          row(sb, u.unit(), "drop-ins", Figures.dropins(u.config().dropins()));
        }
        for (Summary.SettingDifference d : u.config().settings()) {
          row(sb, u.unit(), "[" + d.section() + "] " + d.key() + "=", Figures.variants(d));
        }
      }
    }
    if (s.since() != null) {
      Summary.Since m = s.since();
      sb.append("\n## Since ").append(MarkdownReporter.cell(m.file())).append("\n\n");
      changes(sb, "Regressed", m.regressed());
      changes(sb, "Improved", m.improved());
      changes(sb, "Added", m.added());
      changes(sb, "Removed", m.removed());
    }
    List<Summary.Input> rejected = s.inputs().stream().filter(i -> i.error() != null).toList();
    if (!rejected.isEmpty()) {
      sb.append("\n## Not summarised\n\n");
      rejected.forEach(i -> sb.append("- ").append(MarkdownReporter.cell(i.error())).append('\n'));
    }
    return sb.toString();
  }

  private static void changes(StringBuilder sb, String what, List<Summary.Change> list) {
    sb.append("- ").append(what).append(": ").append(list.size()).append('\n');
    list.forEach(
        c -> sb.append("  - ").append(MarkdownReporter.cell(Figures.change(c))).append('\n'));
  }

  private static void row(StringBuilder sb, String... cells) {
    sb.append('|');
    for (String c : cells) {
      sb.append(' ').append(MarkdownReporter.cell(c)).append(" |");
    }
    sb.append('\n');
  }
}
