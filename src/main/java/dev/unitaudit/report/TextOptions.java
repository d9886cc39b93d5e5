package dev.unitaudit.report;

import java.util.List;

/**
 * What the text report shows beyond the report itself: the command line's view options and the
 * outcome of the gates, which are decided before rendering (app.Gates) so that the report can end
 * with them.
 *
 * @param quiet only the totals and the failed gates (-q)
 * @param checks systemd's table for every service, not only when one unit is audited (--checks)
 * @param showSuppressed print accepted findings instead of counting them (--show-suppressed)
 * @param minSeverity the --min-severity the report was filtered with, or null; named in the totals
 * @param gatesHeld the gates given that hold, as options ("--threshold 50")
 * @param gatesFailed one reason per failure ("--require-level 1: x.service meets level 0")
 */
public record TextOptions(
    boolean quiet,
    boolean checks,
    boolean showSuppressed,
    String minSeverity,
    List<String> gatesHeld,
    List<String> gatesFailed) {

  public static final TextOptions DEFAULT =
      new TextOptions(false, false, false, null, List.of(), List.of());

  public TextOptions {
    gatesHeld = List.copyOf(gatesHeld);
    gatesFailed = List.copyOf(gatesFailed);
  }
}
