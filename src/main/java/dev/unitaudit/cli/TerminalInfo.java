package dev.unitaudit.cli;

import dev.unitaudit.report.Reporter;
import java.util.Locale;

/** Decides what the terminal can show: text by default, colours, and UTF-8 marks. */
final class TerminalInfo {

  private TerminalInfo() {}

  static boolean isTerminal() {
    return System.console() != null;
  }

  static Reporter.RenderOptions renderOptions() {
    boolean tty = isTerminal();
    boolean color = tty && System.getenv("NO_COLOR") == null && !"dumb".equals(System.getenv("TERM"));
    return new Reporter.RenderOptions(color, utf8());
  }

  /** As systemd: UTF-8 when the locale says so and TERM is not dumb/linux. */
  static boolean utf8() {
    String term = System.getenv("TERM");
    if ("dumb".equals(term) || "linux".equals(term)) {
      return false;
    }
    for (String v : new String[] {System.getenv("LC_ALL"), System.getenv("LC_CTYPE"), System.getenv("LANG")}) {
      if (v != null && !v.isEmpty()) {
        String l = v.toLowerCase(Locale.ROOT);
        return l.contains("utf-8") || l.contains("utf8");
      }
    }
    return false;
  }
}
