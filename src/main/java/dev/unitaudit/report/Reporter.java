package dev.unitaudit.report;

import dev.unitaudit.rules.RuleCatalog;

/**
 * Turns the JSON report into one output format. A reporter only formats: it reads the report
 * and the rule catalog's static metadata (titles, rationale, docs), never re-derives analysis.
 */
public interface Reporter {

  /** The --format name. */
  String format();

  String render(AuditReport report, RuleCatalog catalog, RenderOptions options);

  /** Presentation choices that do not change content: terminal capabilities. */
  record RenderOptions(boolean color, boolean unicode) {
    public static final RenderOptions PLAIN = new RenderOptions(false, false);
  }
}
