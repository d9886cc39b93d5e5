package dev.unitaudit.report;

import java.util.Locale;

/**
 * The text report's glyphs and colours: systemd-analyze's (✓/✗, → and its faces, with its ASCII
 * fallbacks where the terminal is not UTF-8), and ANSI colours only when the options allow them.
 * Colour is applied to a cell after it is cut and padded, so escape codes never count as columns.
 */
final class TextStyle {

  private static final String RESET = "\u001b[0m";

  private final Reporter.RenderOptions o;

  TextStyle(Reporter.RenderOptions o) {
    this.o = o;
  }

  boolean unicode() {
    return o.unicode();
  }

  int width() {
    return o.columns();
  }

  /** Text from a unit file or a path, safe for a terminal and one column per tab. */
  static String show(String s) {
    return TextSafety.clean(s).replace('\t', ' ');
  }

  String cut(String s, int max) {
    return Columns.cut(s, max, o.unicode());
  }

  String bold(String s) {
    return paint("\u001b[1m", s);
  }

  String dash() {
    return o.unicode() ? " — " : " - ";
  }

  String arrow() {
    return o.unicode() ? "→ " : "-> ";
  }

  /** systemd's mark for a check: ✓ set, ✗ not set, blank when it does not apply. */
  String mark(Boolean set) {
    if (set == null) {
      return " ";
    }
    String m = set ? (o.unicode() ? "✓" : "+") : (o.unicode() ? "✗" : "-");
    return paint(set ? "\u001b[32m" : "\u001b[31m", m);
  }

  /**
   * Colours as systemd-analyze colours the rating: red when unsafe, yellow when exposed, else
   * green.
   */
  String rating(String cell, String rating) {
    if (rating == null) {
      return cell;
    }
    switch (rating) {
      case "DANGEROUS":
      case "UNSAFE":
        return paint("\u001b[31m", cell);
      case "EXPOSED":
        return paint("\u001b[33m", cell);
      case "MEDIUM":
        return cell;
      default:
        return paint("\u001b[32m", cell);
    }
  }

  /**
   * critical and high in red, medium in yellow: the severities a gate usually fails on stand out.
   */
  String severity(String cell, String severity) {
    switch (severity.toLowerCase(Locale.ROOT)) {
      case "critical":
      case "high":
        return paint("\u001b[31m", cell);
      case "medium":
        return paint("\u001b[33m", cell);
      default:
        return cell;
    }
  }

  String red(String s) {
    return paint("\u001b[31m", s);
  }

  private String paint(String code, String s) {
    return o.color() ? code + s + RESET : s;
  }

  /** systemd-analyze's faces, with its ASCII fallback (analyze-security.md §1). */
  String face(String rating) {
    boolean u = o.unicode();
    switch (rating) {
      case "DANGEROUS":
        return u ? "🤢" : ":-[";
      case "UNSAFE":
        return u ? "😨" : ":-{";
      case "EXPOSED":
        return u ? "🙁" : ":-(";
      case "MEDIUM":
        return u ? "😐" : ":-|";
      case "OK":
        return u ? "🙂" : ":-)";
      case "SAFE":
        return u ? "😀" : ":-}";
      default:
        return u ? "😇" : ":-]";
    }
  }

  /** An assessor's name; systemd writes its "…" as "..." where the terminal is not UTF-8. */
  String checkName(String name) {
    return o.unicode() ? name : name.replace("…", "...");
  }
}
