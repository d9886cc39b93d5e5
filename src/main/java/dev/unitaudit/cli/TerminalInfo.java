package dev.unitaudit.cli;

import dev.unitaudit.report.Reporter;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** Decides what the terminal can show: text by default, colours, UTF-8 marks, and its width. */
final class TerminalInfo {

  private TerminalInfo() {}

  static boolean isTerminal() {
    return System.console() != null;
  }

  static Reporter.RenderOptions renderOptions() {
    boolean tty = isTerminal();
    boolean color =
        tty && System.getenv("NO_COLOR") == null && !"dumb".equals(System.getenv("TERM"));
    return new Reporter.RenderOptions(color, utf8());
  }

  /**
   * The width the text report is cut to on standard output, 0 for no limit: {@code COLUMNS} when it
   * is a positive integer (as systemd's columns() reads it), else the terminal's own width when
   * stdout is a terminal, else no limit (a pipe or a file keeps whole lines).
   */
  static int width() {
    Integer columns = columns(System.getenv("COLUMNS"));
    if (columns != null) {
      return columns;
    }
    return isTerminal() ? ttyColumns() : 0;
  }

  /** COLUMNS as systemd accepts it: a positive decimal integer; anything else is ignored. */
  static Integer columns(String value) {
    if (value == null || !value.matches("[0-9]{1,6}")) {
      return null;
    }
    int n = Integer.parseInt(value);
    return n > 0 ? n : null;
  }

  /**
   * The terminal's columns from {@code stty size} (rows and columns) on /dev/tty, one short process
   * only when stdout is a terminal; 0 when it cannot tell.
   */
  private static int ttyColumns() {
    try {
      Process p =
          new ProcessBuilder("stty", "size")
              .redirectInput(new File("/dev/tty"))
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
      if (!p.waitFor(2, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroy();
        return 0;
      }
      String[] parts = out.split("\\s+");
      Integer n = parts.length == 2 ? columns(parts[1]) : null;
      return n == null ? 0 : n;
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  /** As systemd: UTF-8 when the locale says so and TERM is not dumb/linux. */
  static boolean utf8() {
    String term = System.getenv("TERM");
    if ("dumb".equals(term) || "linux".equals(term)) {
      return false;
    }
    for (String v :
        new String[] {System.getenv("LC_ALL"), System.getenv("LC_CTYPE"), System.getenv("LANG")}) {
      if (v != null && !v.isEmpty()) {
        String l = v.toLowerCase(Locale.ROOT);
        return l.contains("utf-8") || l.contains("utf8");
      }
    }
    return false;
  }
}
