package dev.unitaudit.check;

import dev.unitaudit.model.Unit;
import dev.unitaudit.result.Fix;
import dev.unitaudit.result.FixKind;
import dev.unitaudit.syntax.Assignment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fix for credentials written into a unit (FixKind.MOVE_SECRET): the line rewritten without
 * them, plus {@code EnvironmentFile=} naming a root-only file under {@code /etc/credstore/} (the
 * directory systemd's LoadCredential= searches) that the person moves them to. The fix text is
 * printed in reports, so it never holds a credential: the line's words are kept as written except
 * the credentials, and when they cannot be cut out exactly the fix only says what to do.
 */
final class SecretMove {

  private SecretMove() {}

  /** The file the credentials of a unit move to. */
  static String file(Unit u) {
    return "/etc/credstore/" + u.name().prefix() + ".env";
  }

  /** Environment= without the credential variables; they go to the root-only file. */
  static Fix environment(Unit u, Assignment at, List<String[]> secrets) {
    List<String> names = new ArrayList<>();
    secrets.forEach(s -> names.add(s[0]));
    List<String> kept = new ArrayList<>();
    for (String w : rawWords(at.value())) {
      String bare = w.replace("\"", "").replace("'", "");
      int eq = bare.indexOf('=');
      if (eq > 0 && names.contains(bare.substring(0, eq))) {
        continue;
      }
      if (w.indexOf('%') >= 0 && names.stream().anyMatch(w::contains)) {
        return manual(
            u, at, names); // a name built from specifiers: cannot tell the words apart here
      }
      kept.add(w);
    }
    List<String> lines = new ArrayList<>();
    lines.add("[" + at.section() + "]");
    if (!kept.isEmpty()) {
      lines.add("Environment=" + String.join(" ", kept));
    }
    lines.add("EnvironmentFile=" + file(u));
    return fix(u, at, names, "", lines);
  }

  /**
   * The command line with each credential replaced by ${NAME}, which systemd fills in from the
   * file.
   */
  static Fix command(Unit u, Assignment at, List<String[]> secrets) {
    String line = at.value();
    Map<String, String> vars = new LinkedHashMap<>();
    for (String[] s : secrets) {
      String var = var(s[0], vars.size());
      String value = s[1];
      // the value as a whole word or after "=" (--password=x), never inside another word
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile(
                  "(?<=^|[\\s=])" + java.util.regex.Pattern.quote(value) + "(?=$|\\s)")
              .matcher(line);
      if (value.isEmpty()
          || !m.find()
          || value.indexOf('"') >= 0
          || value.indexOf('\'') >= 0
          || value.indexOf('\\') >= 0) {
        return manual(u, at, List.of(var));
      }
      line = m.replaceAll(java.util.regex.Matcher.quoteReplacement("${" + var + "}"));
      vars.put(var, value);
    }
    List<String> lines =
        List.of("[" + at.section() + "]", "EnvironmentFile=" + file(u), at.key() + "=" + line);
    List<String> refs = new ArrayList<>();
    vars.keySet().forEach(v -> refs.add("${" + v + "}"));
    return fix(
        u,
        at,
        new ArrayList<>(vars.keySet()),
        "; systemd puts "
            + String.join(" ", refs)
            + " back into the command when it starts it (a program that reads the secret from a"
            + " file keeps it out of ps too)",
        lines);
  }

  private static Fix fix(
      Unit u, Assignment at, List<String> names, String note, List<String> lines) {
    List<String> out = new ArrayList<>();
    out.add(
        "# move "
            + String.join(", ", names)
            + " out of the unit: write "
            + assignments(names)
            + " to "
            + file(u)
            + " (owned by root, chmod 0600)"
            + note
            + ",");
    out.add("# then replace " + at.location() + " with:");
    out.addAll(lines);
    return Fix.of(FixKind.MOVE_SECRET, out);
  }

  private static Fix manual(Unit u, Assignment at, List<String> names) {
    return Fix.of(
        FixKind.MANUAL,
        List.of(
            "# "
                + at.location()
                + ": move "
                + String.join(", ", names)
                + " out of the unit into "
                + file(u)
                + " (owned by root, chmod 0600), loaded with EnvironmentFile=,"
                + " and take the value out of the line"));
  }

  private static String assignments(List<String> names) {
    List<String> out = new ArrayList<>();
    names.forEach(n -> out.add(n + "=…"));
    return String.join(" ", out);
  }

  /** An environment variable name for a credential option: --db-password → DB_PASSWORD. */
  static String var(String option, int taken) {
    String n =
        option.replaceFirst("^-+", "").toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
    if (n.isEmpty() || n.equals("ARGUMENT") || Character.isDigit(n.charAt(0))) {
      n = "SECRET";
    }
    return taken == 0 ? n : n + "_" + (taken + 1);
  }

  /**
   * The words of a value as written: split at whitespace outside quotes, quotes and escapes kept.
   */
  static List<String> rawWords(String value) {
    List<String> out = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length()) {
        w.append(c).append(value.charAt(++i));
      } else if (quote != 0) {
        w.append(c);
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        w.append(c);
      } else if (Character.isWhitespace(c)) {
        if (w.length() > 0) {
          out.add(w.toString());
          w.setLength(0);
        }
      } else {
        w.append(c);
      }
    }
    if (w.length() > 0) {
      out.add(w.toString());
    }
    return out;
  }
}
