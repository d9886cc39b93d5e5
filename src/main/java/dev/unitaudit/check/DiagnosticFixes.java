package dev.unitaudit.check;

import dev.unitaudit.model.AssignmentValidator;
import dev.unitaudit.model.Unit;
import dev.unitaudit.result.Fix;
import dev.unitaudit.result.FixKind;
import dev.unitaudit.syntax.Assignment;
import dev.unitaudit.syntax.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fix for what loading a unit said (the {@code diagnostic} kind): the nearest known section for
 * an unknown header, the value without what systemd skipped (an inline comment, the words a list
 * parser ignored) when that value is then accepted, what service_verify() found missing, and
 * otherwise what to do. Null when the rule's own fix text applies.
 */
final class DiagnosticFixes {

  private static final Pattern UNKNOWN_SECTION =
      Pattern.compile("Unknown section '(.*)'\\. Ignoring\\.");
  private static final Pattern BAD_HEADER =
      Pattern.compile("Invalid section header '\\[([A-Za-z-]*).*");

  /** The word a list parser names at the end of its warning: {@code …, ignoring: AF_BOGUS}. */
  private static final Pattern SKIPPED_WORD =
      Pattern.compile(".*, ignoring: (\\S+)|.* '([^']+)', ignoring\\.");

  /** systemd has no comments after a value: {@code 2h # kill} is one (invalid) value. */
  private static final Pattern TRAILING_COMMENT = Pattern.compile("(.*?)\\s+([#;].*)");

  private static final Pattern WS = Pattern.compile("\\s+");

  private static final AssignmentValidator VALIDATOR = new AssignmentValidator();

  private DiagnosticFixes() {}

  static Fix of(Unit u, Diagnostic d) {
    switch (d.category()) {
      case Diagnostic.UNKNOWN_SECTION:
        return section(u, d, UNKNOWN_SECTION.matcher(d.message()));
      case Diagnostic.FILE_ERROR:
        Matcher h = BAD_HEADER.matcher(d.message());
        return h.matches()
            ? section(u, d, h)
            : LineFix.manual(
                LineFix.where(d.file(), d.line())
                    + ": repair what the message names; systemd does not read the rest of the"
                    + " file");
      case Diagnostic.INVALID_VALUE:
        return value(u, d);
      case Diagnostic.REFUSED:
        return refused(d);
      case Diagnostic.UNSAFE:
        return d.subject() == null
            ? null
            : LineFix.edit(d.subject(), d.subject().section(), List.of("DynamicUser=yes"));
      default:
        return null;
    }
  }

  private static Fix section(Unit u, Diagnostic d, Matcher m) {
    if (!m.matches()) {
      return null;
    }
    String name = m.group(1);
    List<String> known = u.type().sections();
    String near = UnknownKeyCheck.suggest(name, known, 3);
    if (near != null) {
      return LineFix.header(d.file(), d.line(), near, "the nearest known section");
    }
    return LineFix.manual(
        LineFix.where(d.file(), d.line())
            + ": a ."
            + u.type().suffix()
            + " unit has the sections ["
            + String.join("], [", known)
            + "]: rename ["
            + name
            + "] to the one its lines belong to, move them to the"
            + " unit they are meant for, or name it [X-"
            + name
            + "] if systemd is meant to ignore it");
  }

  /**
   * The line with what systemd skipped taken out, when systemd then accepts the value without a
   * warning: every word the list parser named on this line, or a trailing {@code # comment}, which
   * is kept as a line of its own.
   */
  private static Fix value(Unit u, Diagnostic d) {
    Assignment a = d.subject();
    if (a == null) {
      return null;
    }
    List<String> skipped = new ArrayList<>();
    for (Diagnostic o : u.diagnostics()) {
      if (o.subject() == a && Diagnostic.INVALID_VALUE.equals(o.category())) {
        Matcher w = SKIPPED_WORD.matcher(o.message());
        if (w.matches()) {
          skipped.add(w.group(1) != null ? w.group(1) : w.group(2));
        }
      }
    }
    Matcher c = TRAILING_COMMENT.matcher(a.value());
    if (c.matches() && accepted(u, a, c.group(1))) {
      return LineFix.edit(
          a,
          a.section(),
          List.of("# " + c.group(2).substring(1).strip()),
          List.of(a.key() + "=" + c.group(1)));
    }
    List<String> kept = new ArrayList<>();
    for (String w : WS.split(a.value().strip())) {
      if (!skipped.contains(w)) {
        kept.add(w);
      }
    }
    String value = String.join(" ", kept);
    if (!skipped.isEmpty() && !kept.isEmpty() && accepted(u, a, value)) {
      return LineFix.edit(a, a.section(), List.of(a.key() + "=" + value));
    }
    String near = nearestWord(a);
    if (near != null && accepted(u, a, near)) {
      return LineFix.edit(
          a,
          a.section(),
          List.of(
              "# the nearest value " + a.key() + "= accepts: check that it is the one" + " meant"),
          List.of(a.key() + "=" + near));
    }
    return LineFix.manual(
        a.location()
            + ": write a value "
            + a.key()
            + "= accepts (its man page lists them),"
            + " or delete the line; until then "
            + (kept.isEmpty() || skipped.isEmpty()
                ? "the line does nothing"
                : "the words systemd skips do nothing"));
  }

  private static final List<String> BOOLEAN_WORDS =
      List.of("yes", "no", "true", "false", "on", "off");

  /**
   * For a boolean or an enum, the one accepted word within two edits of the value
   * (ProtectSystem=stric is strict, NoNewPrivileges=ture is true); none when two words are as close
   * (of: on or off?).
   */
  private static String nearestWord(Assignment a) {
    dev.unitaudit.model.SettingCatalog cat = dev.unitaudit.model.SettingCatalog.get();
    dev.unitaudit.model.SettingKind kind = cat.kindOf(a.section(), a.key());
    List<String> words = new ArrayList<>();
    if (kind == dev.unitaudit.model.SettingKind.BOOLEAN) {
      words.addAll(BOOLEAN_WORDS);
    } else if (kind == dev.unitaudit.model.SettingKind.ENUM) {
      words.addAll(cat.enumWords(a.key()));
    } else {
      return null;
    }
    org.apache.commons.text.similarity.LevenshteinDistance lev =
        new org.apache.commons.text.similarity.LevenshteinDistance(2);
    String best = null;
    int bestDist = Integer.MAX_VALUE;
    boolean tie = false;
    String v = a.value().toLowerCase(java.util.Locale.ROOT);
    for (String w : words) {
      int d = lev.apply(v, w);
      if (d < 0) {
        continue;
      }
      if (d < bestDist) {
        best = w;
        bestDist = d;
        tie = false;
      } else if (d == bestDist && !w.equals(best)) {
        tie = true;
      }
    }
    return tie ? null : best;
  }

  private static boolean accepted(Unit u, Assignment a, String value) {
    if (value.isBlank()) {
      return false; // an empty value resets the setting: not the same line
    }
    AssignmentValidator.Verdict v =
        VALIDATOR.check(new Assignment(a.section(), a.key(), value, a.file(), a.line()), u.name());
    return v.outcome() == AssignmentValidator.Outcome.APPLY && v.messages().isEmpty();
  }

  /** service_verify()'s refusals add what is missing; a refused line says what to write. */
  private static Fix refused(Diagnostic d) {
    String m = d.message();
    if (m.startsWith("Service has no ExecStart=, ExecStop=")
        || m.startsWith("Service has no ExecStart= setting")) {
      return Fix.of(
          FixKind.DROPIN,
          List.of(
              "# add the command the service runs (an absolute path and its arguments):",
              "[Service]",
              "ExecStart=/path/to/program"));
    }
    if (m.startsWith("Service has no ExecStart= and no SuccessAction=")) {
      return Fix.of(
          FixKind.DROPIN,
          List.of(
              "# a Type=oneshot service with only ExecStop= stays active so that it can be"
                  + " stopped:",
              "[Service]",
              "RemainAfterExit=yes"));
    }
    if (m.startsWith("Service has Restart= set to either always or on-success")) {
      return Fix.of(FixKind.DROPIN, List.of("[Service]", "Restart=on-failure"));
    }
    if (m.startsWith("Service has more than one ExecStart=")) {
      return LineFix.manual(
          LineFix.where(d.file(), d.line())
              + ": keep one ExecStart= (run the other commands with ExecStartPre= or"
              + " ExecStartPost=), or set Type=oneshot when the commands run one after the other"
              + " and exit");
    }
    if (m.startsWith("Service is of type D-Bus")) {
      return LineFix.manual(
          "add BusName= with the D-Bus name the service acquires, or set the Type= the program"
              + " has");
    }
    Assignment a = d.subject();
    if (a != null) {
      return LineFix.manual(
          a.location()
              + ": write a "
              + a.key()
              + "= value systemd accepts ("
              + (a.key().equals("User") || a.key().equals("Group")
                  ? "a user or group name, or a numeric ID"
                  : a.key().equals("DynamicUser") ? "yes or no" : "see its man page")
              + "); until then systemd refuses the whole file");
    }
    return null;
  }
}
