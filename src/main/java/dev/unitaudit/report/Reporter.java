package dev.unitaudit.report;

import dev.unitaudit.rules.RuleCatalog;

/**
 * Turns the JSON report into one output format. A reporter only formats: it reads the report and
 * the rule catalog's static metadata (titles, rationale, docs), never re-derives analysis.
 */
public interface Reporter {

  /** The --format name. */
  String format();

  String render(AuditReport report, RuleCatalog catalog, RenderOptions options);

  /**
   * Presentation choices that do not change content: terminal capabilities, the width lines are cut
   * to ({@code 0}: no limit, the default, and always for files), and what the text report shows
   * ({@link TextOptions}; the other formats ignore it).
   */
  record RenderOptions(boolean color, boolean unicode, int width, TextOptions text) {
    public static final RenderOptions PLAIN = new RenderOptions(false, false);

    public RenderOptions(boolean color, boolean unicode) {
      this(color, unicode, 0, TextOptions.DEFAULT);
    }

    public RenderOptions {
      if (width < 0) {
        throw new IllegalArgumentException("width " + width);
      }
      text = text == null ? TextOptions.DEFAULT : text;
    }

    /** The width as a column budget: {@link Columns#UNLIMITED} when there is no limit. */
    int columns() {
      return width == 0 ? Columns.UNLIMITED : width;
    }
  }
}
