package dev.unitaudit.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A port of config_parse_exec() (src/core/load-fragment.c): one {@code Exec*=} value into one or
 * more commands (a lone {@code ;} separates them; {@code \;} is a literal {@code ;} argument).
 */
public final class ExecLineParser {

  /**
   * The parsed commands, or an error. {@code fatal} is true when systemd would fail the file: an
   * error without the {@code -} prefix. {@code warning} is a non-fatal note (unknown escapes).
   */
  public record Result(List<ExecCommand> commands, String error, boolean fatal, String warning) {}

  private ExecLineParser() {}

  public static Result parse(String value, UnitName unit) {
    List<ExecCommand> commands = new ArrayList<>();
    String warning = null;
    for (String part : splitOnSemicolons(value)) {
      Words.Result words = Words.split(part, true, true);
      if (!words.ok() && words.words().isEmpty()) {
        boolean ignore = part.strip().startsWith("-");
        return new Result(commands, words.error() + ": " + value, !ignore, null);
      }
      if (words.unknownEscapes()) {
        warning = "Ignoring unknown escape sequences: \"" + value + "\"";
      }
      List<String> w = words.words();
      if (w.isEmpty()) {
        continue;
      }
      String first = w.get(0);
      boolean ignore = false;
      boolean argv0 = false;
      boolean plus = false;
      boolean bang = false;
      int k = 0;
      while (k < first.length()) {
        char c = first.charAt(k);
        if (c == '-' && !ignore) {
          ignore = true;
        } else if (c == '@' && !argv0) {
          argv0 = true;
        } else if (c == ':') {
          // no environment variable substitution; does not affect the audit
        } else if (c == '+' && !plus && !bang) {
          plus = true;
        } else if (c == '!' && !plus && !bang) {
          bang = true;
          if (k + 1 < first.length() && first.charAt(k + 1) == '!') {
            k++;
          }
        } else {
          break;
        }
        k++;
      }
      if (!words.ok()) {
        return new Result(commands, words.error() + ": " + value, !ignore, null);
      }
      String path = Specifiers.expand(first.substring(k), unit);
      String problem = checkPath(path);
      if (problem != null) {
        return new Result(
            commands, problem + (ignore ? ", ignoring: " : ": ") + value, !ignore, null);
      }
      List<String> argv = new ArrayList<>();
      int start = argv0 ? 1 : 0;
      if (!argv0) {
        argv.add(path);
      }
      for (int j = 1; j < w.size(); j++) {
        if (j >= start) {
          // "\\;" is how a literal ";" argument is written (find … {} \;)
          String word = w.get(j).equals("\\;") ? ";" : w.get(j);
          argv.add(Specifiers.expand(word, unit));
        }
      }
      if (argv0 && w.size() < 2) {
        return new Result(
            commands, "Empty executable name or zeroeth argument: " + value, !ignore, null);
      }
      commands.add(new ExecCommand(path, List.copyOf(argv), ignore, plus, bang));
    }
    return new Result(commands, null, false, warning);
  }

  private static String checkPath(String path) {
    if (path.isEmpty()) {
      return "Empty path in command line";
    }
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c < ' ' || c == 0x7f || c == '"' || c == '\'' || c == '\\') {
        return "Executable name contains special characters";
      }
    }
    if (path.endsWith("/")) {
      return "Executable path specifies a directory";
    }
    if (!path.startsWith("/") && path.indexOf('/') >= 0) {
      return "Neither a valid executable name nor an absolute path";
    }
    return null;
  }

  /** Splits at lone {@code ;} words, keeping quoted text and {@code \;} intact. */
  private static List<String> splitOnSemicolons(String value) {
    List<String> parts = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    char quote = 0;
    int n = value.length();
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < n) {
        cur.append(c).append(value.charAt(++i));
        continue;
      }
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
        cur.append(c);
        continue;
      }
      if (c == '"' || c == '\'') {
        quote = c;
        cur.append(c);
        continue;
      }
      boolean wordStart = i == 0 || isSpace(value.charAt(i - 1));
      boolean wordEnd = i + 1 >= n || isSpace(value.charAt(i + 1));
      if (c == ';' && wordStart && wordEnd) {
        parts.add(cur.toString());
        cur.setLength(0);
        continue;
      }
      cur.append(c);
    }
    parts.add(cur.toString());
    return parts;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t';
  }
}
