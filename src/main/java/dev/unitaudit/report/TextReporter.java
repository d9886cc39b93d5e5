package dev.unitaudit.report;

import dev.unitaudit.rules.RuleCatalog;

/**
 * {@code --format text}: for people, read from the top. First the overview, one line per unit
 * ({@link TextOverview}); then each unit with findings, its findings one line each with the fix
 * under it, and systemd's table when one unit is audited or with --checks ({@link UnitSection});
 * then the errors and notes ({@link TextErrors}); last the totals and the gates ({@link
 * TextTotals}). With --quiet only the totals. Lines are cut to the terminal width given in the
 * options. Everything taken from unit files passes through {@link TextSafety}.
 */
public final class TextReporter implements Reporter {

  @Override
  public String format() {
    return "text";
  }

  @Override
  public String render(AuditReport report, RuleCatalog catalog, RenderOptions o) {
    TextStyle st = new TextStyle(o);
    TextOptions t = o.text();
    StringBuilder sb = new StringBuilder();
    if (!t.quiet()) {
      if (!report.units().isEmpty()) {
        TextOverview.render(sb, report.units(), st);
      }
      // systemd-analyze prints its table for one unit and the overview for many; --checks asks for
      // both
      UnitSection units =
          new UnitSection(report, t.checks() || report.units().size() == 1, t.showSuppressed(), st);
      for (AuditReport.UnitEntry u : report.units()) {
        if (units.hasContent(u)) {
          separate(sb);
          units.render(sb, u);
        }
      }
      if (!report.errors().isEmpty()) {
        separate(sb);
        TextErrors.render(sb, report, st);
      }
      separate(sb);
    }
    TextTotals.render(sb, report, t, st);
    return sb.toString();
  }

  private static void separate(StringBuilder sb) {
    if (sb.length() > 0) {
      sb.append('\n');
    }
  }
}
