package dev.unitaudit.app;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One {@code .unitauditignore}, read with gitignore(5) rules: blank lines and {@code #} comments
 * are skipped, {@code !} re-includes, a trailing {@code /} matches folders only, a pattern with a
 * {@code /} elsewhere is anchored to the file's folder (otherwise it matches a name at any depth),
 * {@code *}, {@code ?} and {@code [...]} do not cross {@code /}, {@code **} does, and the last
 * matching line wins. Written by hand because gitignore semantics are small and no kept Java
 * library implements exactly them without pulling in a Git implementation.
 */
final class IgnoreFile {

  private record Rule(Pattern pattern, boolean negate, boolean dirOnly) {}

  private final List<Rule> rules;

  private IgnoreFile(List<Rule> rules) {
    this.rules = rules;
  }

  static IgnoreFile parse(String text) {
    List<Rule> rules = new ArrayList<>();
    for (String raw : text.split("\r?\n", -1)) {
      String line = trimTrailingSpaces(raw);
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      boolean negate = false;
      if (line.startsWith("!")) {
        negate = true;
        line = line.substring(1);
      } else if (line.startsWith("\\!") || line.startsWith("\\#")) {
        line = line.substring(1);
      }
      boolean dirOnly = line.endsWith("/") && !line.endsWith("\\/");
      if (dirOnly) {
        line = line.substring(0, line.length() - 1);
      }
      if (line.isEmpty()) {
        continue;
      }
      boolean anchored = line.indexOf('/') >= 0;
      if (line.startsWith("/")) {
        line = line.substring(1);
      }
      String regex = (anchored ? "" : "(?:.*/)?") + translate(line);
      rules.add(new Rule(Pattern.compile(regex, Pattern.DOTALL), negate, dirOnly));
    }
    return new IgnoreFile(List.copyOf(rules));
  }

  /**
   * Whether {@code rel} (a path relative to this file's folder, {@code /}-separated) is ignored:
   * true or false when a line decides, null when none matches.
   */
  Boolean decides(String rel, boolean isDir) {
    Boolean verdict = null;
    for (Rule r : rules) {
      if (r.dirOnly() && !isDir) {
        continue;
      }
      if (r.pattern().matcher(rel).matches()) {
        verdict = !r.negate();
      }
    }
    return verdict;
  }

  private static String trimTrailingSpaces(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == ' ' && !(end > 1 && s.charAt(end - 2) == '\\')) {
      end--;
    }
    return s.substring(0, end);
  }

  /** A gitignore glob as a regex over a relative path. */
  private static String translate(String glob) {
    StringBuilder re = new StringBuilder();
    int i = 0;
    while (i < glob.length()) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        boolean startsSegment = i == 0 || glob.charAt(i - 1) == '/';
        boolean endsSegment = i + 2 == glob.length() || glob.charAt(i + 2) == '/';
        if (startsSegment && endsSegment) {
          if (i + 2 == glob.length()) {
            re.append(".*"); // a/** : everything inside a
          } else {
            re.append("(?:.*/)?"); // **/ and a/**/b : zero or more folders
            i++; // the slash
          }
          i += 2;
          continue;
        }
        re.append("[^/]*"); // ** inside a name is an ordinary *
        i += 2;
        continue;
      }
      switch (c) {
        case '*' -> re.append("[^/]*");
        case '?' -> re.append("[^/]");
        case '[' -> {
          int close = glob.indexOf(']', i + 2);
          if (close < 0) {
            re.append("\\[");
          } else {
            String body = glob.substring(i + 1, close);
            if (body.startsWith("!")) {
              body = "^" + body.substring(1);
            }
            re.append('[').append(body.replace("\\", "\\\\").replace("[", "\\[")).append(']');
            i = close;
          }
        }
        case '\\' -> {
          if (i + 1 < glob.length()) {
            i++;
            re.append(Pattern.quote(String.valueOf(glob.charAt(i))));
          }
        }
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
      i++;
    }
    return re.toString();
  }
}
