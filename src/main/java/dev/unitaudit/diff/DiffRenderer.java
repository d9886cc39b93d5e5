package dev.unitaudit.diff;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.unitaudit.report.AuditReport.FindingEntry;
import dev.unitaudit.report.Json;
import dev.unitaudit.report.TextSafety;
import java.util.List;

/** Renders a {@link ReportDiff.Result} as text, JSON or Markdown. */
public final class DiffRenderer {

  private DiffRenderer() {}

  public static String text(ReportDiff.Result r) {
    if (r.isEmpty()) {
      return "no changes\n";
    }
    StringBuilder sb = new StringBuilder();
    r.added().forEach(u -> sb.append("+ unit ").append(TextSafety.clean(u)).append(" (added)\n"));
    r.removed()
        .forEach(u -> sb.append("- unit ").append(TextSafety.clean(u)).append(" (removed)\n"));
    for (ReportDiff.UnitChange c : r.changed()) {
      sb.append("~ unit ").append(TextSafety.clean(c.unit())).append('\n');
      if (!java.util.Objects.equals(c.statusBefore(), c.statusAfter())) {
        sb.append("    status: ")
            .append(c.statusBefore())
            .append(" -> ")
            .append(c.statusAfter())
            .append('\n');
      }
      if (!java.util.Objects.equals(c.exposureBefore(), c.exposureAfter())) {
        sb.append("    exposure: ")
            .append(num(c.exposureBefore()))
            .append(" -> ")
            .append(num(c.exposureAfter()))
            .append(c.exposureUp() ? "  (worse)" : "")
            .append('\n');
      }
      if (!java.util.Objects.equals(c.levelBefore(), c.levelAfter())) {
        sb.append("    level: ")
            .append(c.levelBefore())
            .append(" -> ")
            .append(c.levelAfter())
            .append(c.levelDown() ? "  (worse)" : "")
            .append('\n');
      }
      for (FindingEntry f : c.newFindings()) {
        sb.append("    new   ").append(line(f)).append('\n');
      }
      for (FindingEntry f : c.fixedFindings()) {
        sb.append("    fixed ").append(line(f)).append('\n');
      }
      for (FindingEntry f : c.newlySuppressed()) {
        sb.append("    now suppressed ").append(line(f)).append(suppression(f)).append('\n');
      }
      for (ReportDiff.SettingChange s : c.settings()) {
        sb.append("    setting ")
            .append(TextSafety.clean(s.key()))
            .append(": ")
            .append(vals(s.before()))
            .append(" -> ")
            .append(vals(s.after()))
            .append('\n');
      }
    }
    if (!r.regressions().isEmpty()) {
      sb.append('\n').append(r.regressions().size()).append(" regression(s):\n");
      r.regressions().forEach(x -> sb.append("  ").append(TextSafety.clean(x)).append('\n'));
    }
    return sb.toString();
  }

  public static String markdown(ReportDiff.Result r) {
    if (r.isEmpty()) {
      return "**unitaudit diff:** no changes\n";
    }
    StringBuilder sb = new StringBuilder("## unitaudit diff\n");
    if (!r.added().isEmpty() || !r.removed().isEmpty()) {
      sb.append('\n');
    }
    r.added().forEach(u -> sb.append("- added `").append(md(u)).append("`\n"));
    r.removed().forEach(u -> sb.append("- removed `").append(md(u)).append("`\n"));
    for (ReportDiff.UnitChange c : r.changed()) {
      sb.append("\n### `")
          .append(md(c.unit()))
          .append("`\n\n| change | before | after |\n|---|---|---|\n");
      sb.append("| exposure | ")
          .append(num(c.exposureBefore()))
          .append(" | ")
          .append(num(c.exposureAfter()))
          .append(" |\n");
      sb.append("| level | ")
          .append(c.levelBefore())
          .append(" | ")
          .append(c.levelAfter())
          .append(" |\n");
      for (FindingEntry f : c.newFindings()) {
        sb.append("| new finding | | ").append(md(line(f))).append(" |\n");
      }
      for (FindingEntry f : c.fixedFindings()) {
        sb.append("| fixed finding | ").append(md(line(f))).append(" | |\n");
      }
      for (FindingEntry f : c.newlySuppressed()) {
        sb.append("| now suppressed | ")
            .append(md(line(f)))
            .append(" | ")
            .append(md(suppression(f).strip()))
            .append(" |\n");
      }
      for (ReportDiff.SettingChange s : c.settings()) {
        sb.append("| ")
            .append(md(s.key()))
            .append(" | ")
            .append(md(vals(s.before())))
            .append(" | ")
            .append(md(vals(s.after())))
            .append(" |\n");
      }
    }
    if (!r.regressions().isEmpty()) {
      sb.append("\n**Regressions:**\n\n");
      r.regressions().forEach(x -> sb.append("- ").append(md(x)).append('\n'));
    }
    return sb.toString();
  }

  public static String json(ReportDiff.Result r) {
    ObjectNode o = Json.mapper().createObjectNode();
    ArrayNode a = o.putArray("added");
    r.added().forEach(a::add);
    ArrayNode rm = o.putArray("removed");
    r.removed().forEach(rm::add);
    o.set("changed", Json.mapper().valueToTree(r.changed()));
    ArrayNode reg = o.putArray("regressions");
    r.regressions().forEach(reg::add);
    return Json.write(o);
  }

  private static String line(FindingEntry f) {
    return f.severity()
        + " "
        + f.rule()
        + " "
        + TextSafety.clean(f.file() == null ? "" : f.file())
        + (f.line() == null ? "" : ":" + f.line())
        + " "
        + TextSafety.clean(f.message());
  }

  private static String suppression(FindingEntry f) {
    var s = f.suppressed();
    return " (by "
        + TextSafety.clean(s.by())
        + (s.reason() == null ? "" : ": " + TextSafety.clean(s.reason()))
        + (s.until() == null ? "" : ", until " + TextSafety.clean(s.until()))
        + ")";
  }

  private static String vals(List<String> vs) {
    if (vs.isEmpty()) {
      return "(unset)";
    }
    return TextSafety.clean(String.join(", ", vs));
  }

  private static String num(java.math.BigDecimal b) {
    return b == null ? "-" : b.toPlainString();
  }

  private static String md(String s) {
    return TextSafety.clean(s)
        .replace("|", "\\|")
        .replace("`", "'")
        .replace("<", "&lt;")
        .replace(">", "&gt;");
  }
}
