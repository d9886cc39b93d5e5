package dev.unitaudit.report;

import dev.unitaudit.rules.RuleCatalog;

/** {@code --format json}: the report itself (DESIGN.md), LF line ends, fixed key order. */
public final class JsonReporter implements Reporter {

  @Override
  public String format() {
    return "json";
  }

  @Override
  public String render(AuditReport report, RuleCatalog catalog, RenderOptions options) {
    return Json.write(report);
  }
}
