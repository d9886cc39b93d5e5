package dev.unitaudit.report;

import dev.unitaudit.report.AuditReport.CheckEntry;
import dev.unitaudit.report.AuditReport.FindingEntry;
import dev.unitaudit.report.AuditReport.UnitEntry;
import dev.unitaudit.rules.RuleCatalog;
import java.math.BigDecimal;
import java.util.List;

/**
 * {@code --format html}: one self-contained page (see {@link Html}) with the exposure histogram and
 * the level ladder (inline SVG, {@link Svg}), a unit table that sorts and filters when scripts run
 * and is a plain table when they do not, then per unit its exposure and rating, its findings with
 * file:line and fix, and systemd's checks folded in a {@code <details>}. It formats the report
 * only; every string from it is escaped.
 */
public final class HtmlReporter implements Reporter {

  static final String[] BINS = {
    "0-1", "1-2", "2-3", "3-4", "4-5", "5-6", "6-7", "7-8", "8-9", "9-10"
  };

  @Override
  public String format() {
    return "html";
  }

  /** The labels of the histogram's ten one-point bins. */
  public static String[] bins() {
    return BINS.clone();
  }

  /** Which of the ten one-point bins an exposure falls in (10.0 joins 9-10). */
  public static int bin(BigDecimal exposure) {
    return Math.min(9, exposure.intValue());
  }

  @Override
  public String render(AuditReport report, RuleCatalog catalog, RenderOptions options) {
    StringBuilder b = new StringBuilder();
    String title = "unitaudit report" + (report.host() == null ? "" : ": " + report.host());
    b.append("<header><h1>")
        .append(Html.text(title))
        .append("</h1>\n<p class=\"muted\">")
        .append(Html.text(report.tool().name() + " " + report.tool().version()))
        .append("</p></header>\n<main>\n");
    int[] bins = new int[10];
    int[] reach = new int[4];
    int[] severities = new int[5];
    int scored = 0;
    for (UnitEntry u : report.units()) {
      if (u.exposure() != null) {
        bins[bin(u.exposure())]++;
        scored++;
      }
      if (u.level() != null) {
        for (int k = 0; k <= Math.min(3, u.level()); k++) {
          reach[k]++;
        }
      }
      for (FindingEntry f : u.findings()) {
        if (f.suppressed() == null) {
          severities[severity(f.severity())]++;
        }
      }
    }
    b.append("<p id=\"totals\">")
        .append(report.units().size())
        .append(" units, ")
        .append(scored)
        .append(" scored; unsuppressed findings: ");
    for (int i = 0; i < 5; i++) {
      b.append(i == 0 ? "" : ", ")
          .append("<span class=\"")
          .append(SEVERITIES[i])
          .append("\">")
          .append(severities[i])
          .append(' ')
          .append(SEVERITIES[i])
          .append("</span>");
    }
    b.append("; ").append(report.errors().size()).append(" errors.</p>\n");
    b.append("<section id=\"charts\">\n<figure>")
        .append(Svg.histogram("Exposure histogram", BINS, bins))
        .append("<figcaption>Exposure (systemd-analyze security) of the ")
        .append(scored)
        .append(" scored units</figcaption></figure>\n<figure>")
        .append(Svg.ladder("Hardening ladder", reach))
        .append(
            "<figcaption>Services reaching each hardening level</figcaption></figure>\n"
                + "</section>\n");
    unitTable(b, report.units());
    for (int i = 0; i < report.units().size(); i++) {
      unit(b, i, report.units().get(i));
    }
    if (!report.errors().isEmpty()) {
      b.append("<section id=\"errors\"><h2>Errors</h2><ul>\n");
      for (AuditReport.ErrorEntry e : report.errors()) {
        b.append("<li>")
            .append(e.unit() == null ? "" : "<code>" + Html.text(e.unit()) + "</code> ")
            .append(
                e.file() == null
                    ? ""
                    : "<span class=\"loc\">"
                        + Html.text(e.file() + (e.line() == null ? "" : ":" + e.line()))
                        + "</span> ")
            .append(Html.text(e.message()))
            .append("</li>\n");
      }
      b.append("</ul></section>\n");
    }
    b.append("</main>\n");
    return Html.page(title, b.toString());
  }

  static final String[] SEVERITIES = {"critical", "high", "medium", "low", "info"};

  static int severity(String word) {
    for (int i = 0; i < SEVERITIES.length; i++) {
      if (SEVERITIES[i].equals(word)) {
        return i;
      }
    }
    return 4;
  }

  private static void unitTable(StringBuilder b, List<UnitEntry> units) {
    b.append("<section id=\"unit-table\"><h2>Units</h2>\n")
        .append("<table id=\"units\" class=\"sortable\" aria-label=\"units\"><thead><tr>")
        .append(
            "<th>Unit</th><th>Type</th><th>Status</th><th class=\"n\">Exposure</th><th>Rating</th>")
        .append("<th class=\"n\">Level</th><th class=\"n\">Critical</th><th class=\"n\">High</th>")
        .append("<th class=\"n\">Medium</th><th class=\"n\">Low</th><th class=\"n\">Info</th>")
        .append("<th class=\"n\">Suppressed</th></tr></thead>\n<tbody>\n");
    for (int i = 0; i < units.size(); i++) {
      UnitEntry u = units.get(i);
      int[] sev = new int[5];
      int suppressed = 0;
      for (FindingEntry f : u.findings()) {
        if (f.suppressed() == null) {
          sev[severity(f.severity())]++;
        } else {
          suppressed++;
        }
      }
      b.append("<tr><td><a href=\"#u")
          .append(i)
          .append("\">")
          .append(Html.text(u.unit()))
          .append("</a></td><td>")
          .append(Html.text(u.type()))
          .append("</td><td>")
          .append(Html.text(u.status()))
          .append("</td>")
          .append(num(u.exposure() == null ? null : u.exposure().toPlainString()))
          .append("<td>")
          .append(Html.text(u.rating() == null ? "" : u.rating()))
          .append("</td>")
          .append(num(u.level() == null ? null : u.level().toString()));
      for (int s : sev) {
        b.append(num(Integer.toString(s)));
      }
      b.append(num(Integer.toString(suppressed))).append("</tr>\n");
    }
    b.append("</tbody></table></section>\n");
  }

  /** A number cell; an absent value shows a dash and sorts below every number. */
  static String num(String v) {
    return v == null
        ? "<td class=\"n\" data-v=\"-1\">-</td>"
        : "<td class=\"n\">" + Html.text(v) + "</td>";
  }

  private static void unit(StringBuilder b, int i, UnitEntry u) {
    b.append("<section class=\"unit\" id=\"u")
        .append(i)
        .append("\"><h2>")
        .append(Html.text(u.unit()))
        .append("</h2>\n");
    if (u.description() != null) {
      b.append("<p>").append(Html.text(u.description())).append("</p>\n");
    }
    b.append("<p>");
    if (u.exposure() != null) {
      b.append("Exposure <strong>")
          .append(Html.text(u.exposure().toPlainString()))
          .append("</strong> ")
          .append(Html.text(u.rating() == null ? "" : u.rating()))
          .append(" · ");
    }
    b.append(u.level() == null ? "" : "level " + u.level() + " · ")
        .append(Html.text(u.type() + ", " + u.status()));
    if (u.fragment() != null) {
      b.append(" · <span class=\"loc\">").append(Html.text(u.fragment())).append("</span>");
    }
    for (String d : u.dropins()) {
      b.append(" + <span class=\"loc\">").append(Html.text(d)).append("</span>");
    }
    b.append("</p>\n");
    if (u.findings().isEmpty()) {
      b.append("<p class=\"muted\">No findings.</p>\n");
    } else {
      b.append("<ol class=\"findings\">\n");
      for (FindingEntry f : u.findings()) {
        b.append("<li><span class=\"sev ")
            .append(SEVERITIES[severity(f.severity())])
            .append("\">")
            .append(Html.text(f.severity()))
            .append("</span> <code>")
            .append(Html.text(f.rule()))
            .append("</code> ")
            .append(Html.text(f.title() == null ? "" : f.title()))
            .append(": ")
            .append(Html.text(f.message()));
        if (f.file() != null) {
          b.append(" <span class=\"loc\">")
              .append(Html.text(f.file() + (f.line() == null ? "" : ":" + f.line())))
              .append("</span>");
        }
        if (f.suppressed() != null) {
          b.append(" <em>(accepted: ")
              .append(Html.text(f.suppressed().by() + ", " + f.suppressed().reason()))
              .append(")</em>");
        }
        if (f.fix() != null && !f.fix().isEmpty()) {
          b.append("<pre class=\"fix\">").append(Html.text(f.fix())).append("</pre>");
        }
        b.append("</li>\n");
      }
      b.append("</ol>\n");
    }
    if (!u.checks().isEmpty()) {
      b.append("<details><summary>systemd-analyze security: ")
          .append(u.checks().size())
          .append(" checks</summary>\n<table><thead><tr><th>Check</th><th>Set</th>")
          .append("<th class=\"n\">Exposure</th><th>Description</th></tr></thead><tbody>\n");
      for (CheckEntry c : u.checks()) {
        b.append("<tr><td>")
            .append(Html.text(c.name()))
            .append("</td><td>")
            .append(c.set() == null ? "-" : c.set() ? "yes" : "no")
            .append("</td>")
            .append(num(c.exposure() == null ? null : c.exposure().toPlainString()))
            .append("<td>")
            .append(Html.text(c.description() == null ? "" : c.description()))
            .append("</td></tr>\n");
      }
      b.append("</tbody></table></details>\n");
    }
    b.append("</section>\n");
  }
}
