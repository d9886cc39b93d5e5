package dev.unitaudit.report;

import dev.unitaudit.rules.RuleCatalog;
import java.math.BigDecimal;

/**
 * {@code --format text}: for people. Per unit, systemd-analyze security's table in the assessor
 * table's order, the overall exposure line, then the findings with their fixes. Everything taken
 * from unit files passes through {@link TextSafety}.
 */
public final class TextReporter implements Reporter {

  @Override
  public String format() {
    return "text";
  }

  @Override
  public String render(AuditReport report, RuleCatalog catalog, RenderOptions o) {
    StringBuilder sb = new StringBuilder();
    for (AuditReport.UnitEntry u : report.units()) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append(bold(o, "unit " + TextSafety.clean(u.unit())));
      if (!u.aliases().isEmpty()) {
        sb.append(" (also ").append(TextSafety.clean(String.join(", ", u.aliases()))).append(')');
      }
      sb.append(o.unicode() ? " — " : " - ").append(u.status());
      if (u.fragment() != null) {
        sb.append(", ").append(TextSafety.clean(u.fragment()));
      }
      sb.append('\n');
      if (u.description() != null) {
        sb.append("  ").append(TextSafety.clean(u.description())).append('\n');
      }
      for (String d : u.dropins()) {
        sb.append("  drop-in ").append(TextSafety.clean(d)).append('\n');
      }
      if (!u.checks().isEmpty()) {
        sb.append('\n');
        int nameW = 4;
        int descW = 11;
        for (AuditReport.CheckEntry c : u.checks()) {
          nameW = Math.max(nameW, name(c, o).length());
          descW = Math.max(descW, c.description() == null ? 0 : c.description().length());
        }
        sb.append(String.format("  %-" + nameW + "s %-" + descW + "s %s%n", "NAME", "DESCRIPTION", "EXPOSURE"));
        for (AuditReport.CheckEntry c : u.checks()) {
          // systemd's glyphs: ✓/✗, and + / - where the terminal is not UTF-8
          String mark = c.set() == null ? " " : c.set() ? (o.unicode() ? "✓" : "+") : (o.unicode() ? "✗" : "-");
          if (o.color() && c.set() != null) {
            mark = (c.set() ? "\u001b[32m" : "\u001b[31m") + mark + "\u001b[0m";
          }
          sb.append(mark).append(' ').append(String.format("%-" + nameW + "s %-" + descW + "s %s%n", name(c, o),
              c.description() == null ? "" : TextSafety.clean(c.description()),
              c.exposure() == null ? "" : c.exposure().toPlainString()));
        }
        sb.append('\n').append(o.unicode() ? "→ " : "-> ").append("Overall exposure level for ")
            .append(TextSafety.clean(u.unit())).append(": ").append(u.exposure().toPlainString()).append(' ')
            .append(colorRating(o, u.rating())).append(' ').append(face(u.rating(), o.unicode())).append('\n');
      }
      if (u.level() != null) {
        sb.append("  hardening level: ").append(u.level()).append('\n');
      }
      if (!u.findings().isEmpty()) {
        sb.append('\n');
        for (AuditReport.FindingEntry f : u.findings()) {
          sb.append("  ").append(f.severity().toUpperCase(java.util.Locale.ROOT)).append(' ').append(f.rule())
              .append(' ').append(TextSafety.clean(f.file() == null ? "" : f.file()))
              .append(f.line() == null ? "" : ":" + f.line()).append(suppressed(f.suppressed()))
              .append('\n').append("    ").append(TextSafety.clean(f.message())).append('\n');
          if (!f.fix().isEmpty()) {
            for (String line : f.fix().split("\n")) {
              sb.append("    fix: ").append(TextSafety.clean(line)).append('\n');
            }
          }
        }
      }
    }
    if (!report.errors().isEmpty()) {
      sb.append('\n');
      for (AuditReport.ErrorEntry e : report.errors()) {
        sb.append("error: ").append(e.unit() == null ? "" : TextSafety.clean(e.unit()) + ": ")
            .append(TextSafety.clean(e.file() == null ? "" : e.file())).append(e.line() == null ? "" : ":" + e.line())
            .append(": ").append(TextSafety.clean(e.message())).append('\n');
      }
    }
    return sb.toString();
  }

  private static String bold(RenderOptions o, String s) {
    return o.color() ? "\u001b[1m" + s + "\u001b[0m" : s;
  }

  private static String colorRating(RenderOptions o, String rating) {
    if (!o.color()) {
      return rating;
    }
    switch (rating) {
      case "DANGEROUS":
      case "UNSAFE":
        return "\u001b[31m" + rating + "\u001b[0m";
      case "EXPOSED":
        return "\u001b[33m" + rating + "\u001b[0m";
      case "MEDIUM":
        return rating;
      default:
        return "\u001b[32m" + rating + "\u001b[0m";
    }
  }

  /** systemd-analyze's faces, with its ASCII fallback (analyze-security.md §1). */
  static String face(String rating, boolean unicode) {
    switch (rating) {
      case "DANGEROUS": return unicode ? "🤢" : ":-[";
      case "UNSAFE": return unicode ? "😨" : ":-{";
      case "EXPOSED": return unicode ? "🙁" : ":-(";
      case "MEDIUM": return unicode ? "😐" : ":-|";
      case "OK": return unicode ? "🙂" : ":-)";
      case "SAFE": return unicode ? "😀" : ":-}";
      default: return unicode ? "😇" : ":-]";
    }
  }

  static String num(BigDecimal b) {
    return b == null ? "" : b.toPlainString();
  }

  /** The assessor's name; systemd writes "…" as "..." where the terminal is not UTF-8. */
  private static String name(AuditReport.CheckEntry c, Reporter.RenderOptions o) {
    return o.unicode() ? c.name() : c.name().replace("…", "...");
  }

  /** Who accepted a finding and why, so a reader can judge the suppression (it may come from the tree). */
  private static String suppressed(AuditReport.Suppressed s) {
    if (s == null) {
      return "";
    }
    return " (suppressed by " + s.by() + (s.reason() == null || s.reason().isEmpty() ? "" : ": " + TextSafety.clean(s.reason()))
        + (s.until() == null ? "" : ", until " + TextSafety.clean(s.until())) + ")";
  }
}
