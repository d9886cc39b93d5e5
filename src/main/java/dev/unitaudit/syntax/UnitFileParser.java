package dev.unitaudit.syntax;

import dev.unitaudit.syntax.Diagnostic.Severity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A port of systemd 252's {@code config_parse()} / {@code parse_line()} (src/shared/conf-parser.c)
 * and {@code read_line_full()} (src/basic/fileio.c): bytes in, the ordered assignment stream out.
 *
 * <p>It never throws on any input: every problem becomes a {@link Diagnostic}. It does not know
 * what keys mean; unknown keys and invalid values are the model's business. See
 * ../shared/facts/unit-semantics.md §2 and §8.4 for the rules and their evidence, and README ("Why
 * not ini4j") for why this is not an INI library.
 */
public final class UnitFileParser {

  /** systemd's LONG_LINE_MAX: a physical line this long fails the file (ENOBUFS). */
  static final int LONG_LINE_MAX = 1024 * 1024;

  private final String file;
  private final Set<String> knownSections;
  private final List<Assignment> assignments = new ArrayList<>();
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final List<Assignment> headers = new ArrayList<>();
  private final List<Assignment> directives = new ArrayList<>();
  private String section;
  private boolean sectionIgnored;

  private UnitFileParser(String file, Set<String> knownSections) {
    this.file = file;
    this.knownSections = knownSections;
  }

  /**
   * Parses one unit file or drop-in.
   *
   * @param data the file's bytes
   * @param file the name used in diagnostics and provenance
   * @param knownSections the sections the unit type has (e.g. Unit, Service, Install); keys in
   *     other sections are dropped with a warning ({@code X-} sections silently); null accepts
   *     every section
   */
  public static ParsedFile parse(byte[] data, String file, Set<String> knownSections) {
    return new UnitFileParser(file, knownSections).run(data);
  }

  private ParsedFile run(byte[] data) {
    Diagnostic failure = null;
    try {
      failure = readLines(data);
    } catch (RuntimeException e) {
      // Defensive: the parser must never let an exception escape; a bug here becomes a located
      // error on the file instead of a crash of the whole audit.
      failure = new Diagnostic(file, 0, Severity.ERROR, "internal parser error: " + e);
    }
    if (failure != null) {
      diagnostics.add(failure);
    }
    return new ParsedFile(
        List.copyOf(assignments),
        List.copyOf(diagnostics),
        failure,
        data.length == 0,
        List.copyOf(headers),
        List.copyOf(directives));
  }

  /** Returns the file-level failure, or null when the whole file was read. */
  private Diagnostic readLines(byte[] data) {
    int pos = 0;
    int lineNo = 0;
    boolean bomSeen = false;
    byte[] pending = null; // continuation text so far (its trailing backslash already a space)
    int n = data.length;
    while (pos < n) {
      int start = pos;
      while (pos < n && !isEol(data[pos])) {
        pos++;
      }
      int end = pos;
      pos = skipTerminator(data, pos);
      lineNo++;
      int len = end - start;
      if (len >= LONG_LINE_MAX) {
        return error(
            lineNo,
            "Line too long ("
                + len
                + " bytes; systemd's limit is 1 MiB), the rest of the file is not read");
      }
      if (isCommentLine(data, start, end)) {
        collectDirective(data, start, end, lineNo);
        continue; // L3: comments vanish even inside a continuation
      }
      int from = start;
      if (!bomSeen
          && len >= 3
          && (data[start] & 0xff) == 0xEF
          && (data[start + 1] & 0xff) == 0xBB
          && (data[start + 2] & 0xff) == 0xBF) {
        from += 3; // L5: only the first BOM seen in a file is stripped
        bomSeen = true;
      }
      byte[] text;
      if (pending != null) {
        if ((long) pending.length + (end - from) > LONG_LINE_MAX) {
          return error(
              lineNo, "Continued line too long (over 1 MiB), the rest of the file is not read");
        }
        text = concat(pending, data, from, end);
      } else {
        text = slice(data, from, end);
      }
      if (endsWithUnescapedBackslash(text)) {
        text[text.length - 1] = ' '; // L6: the continuation backslash becomes one space
        pending = text;
        continue;
      }
      pending = null;
      Diagnostic failure = handleLogical(text, lineNo);
      if (failure != null) {
        return failure;
      }
    }
    if (pending != null) {
      return handleLogical(pending, lineNo + 1); // L8: numbered one past the last line
    }
    return null;
  }

  private Diagnostic handleLogical(byte[] raw, int lineNo) {
    int a = 0;
    int b = raw.length;
    while (a < b && isTrimmable(raw[a])) {
      a++;
    }
    while (b > a && isTrimmable(raw[b - 1])) {
      b--;
    }
    if (a == b) {
      return null;
    }
    if (!Utf8.isValid(raw, a, b)) {
      return error(lineNo, "String is not UTF-8 clean, the rest of the file is not read");
    }
    String t = new String(raw, a, b - a, StandardCharsets.UTF_8);
    if (t.charAt(0) == '[') {
      return sectionHeader(t, lineNo);
    }
    if (section == null) {
      if (!sectionIgnored) {
        warn(lineNo, "Assignment outside of section. Ignoring.");
      }
      return null;
    }
    int eq = t.indexOf('=');
    if (eq < 0) {
      warn(lineNo, "Missing '=', ignoring line.");
      return null;
    }
    if (eq == 0) {
      warn(lineNo, "Missing key name before '=', ignoring line.");
      return null;
    }
    assignments.add(
        new Assignment(
            section, strip(t.substring(0, eq)), strip(t.substring(eq + 1)), file, lineNo));
    return null;
  }

  private Diagnostic sectionHeader(String t, int lineNo) {
    if (t.length() < 2 || t.charAt(t.length() - 1) != ']') {
      return error(lineNo, "Invalid section header '" + t + "', the rest of the file is not read");
    }
    String name = t.substring(1, t.length() - 1); // L12: not trimmed, case-sensitive
    if (!isSafe(name)) {
      return error(
          lineNo, "Bad characters in section header '" + t + "', the rest of the file is not read");
    }
    if (knownSections != null && !knownSections.contains(name)) {
      if (!name.startsWith("X-")) {
        diagnostics.add(
            new Diagnostic(
                file,
                lineNo,
                Severity.WARNING,
                "Unknown section '" + name + "'. Ignoring.",
                Diagnostic.UNKNOWN_SECTION));
      }
      section = null;
      sectionIgnored = true;
    } else {
      section = name;
      sectionIgnored = false;
      headers.add(new Assignment(name, "", "", file, lineNo));
    }
    return null;
  }

  /** systemd's string_is_safe(): no control characters, quotes or backslashes. */
  private static boolean isSafe(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < ' ' || c == 0x7f || c == '"' || c == '\'' || c == '\\') {
        return false;
      }
    }
    return true;
  }

  private static boolean isEol(byte c) {
    return c == '\n' || c == '\r' || c == 0;
  }

  /**
   * L1: a run of terminator bytes is one line end as long as no kind repeats. Measured on systemd
   * 252 (the facts' "\n\r is one" is wrong there): a NUL ends the run, and a CR only starts one, so
   * "\r\n", "\r\0" and "\r\n\0" are one terminator while "\n\r", "\0\n" and "\n\n" are two.
   */
  private static int skipTerminator(byte[] d, int pos) {
    int seen = 0;
    while (pos < d.length && isEol(d[pos])) {
      int bit = d[pos] == '\n' ? 1 : d[pos] == '\r' ? 2 : 4;
      if ((seen & bit) != 0 || (seen & 4) != 0 || (bit == 2 && seen != 0)) {
        break;
      }
      seen |= bit;
      pos++;
    }
    return pos;
  }

  /** Marker of unitaudit's own comment directives (inline suppressions). */
  static final String DIRECTIVE = "unitaudit:";

  /**
   * Keeps comment lines of the form {@code # unitaudit: …} (after the comment character and
   * blanks): systemd ignores them, unitaudit reads them as inline suppressions.
   */
  private void collectDirective(byte[] d, int start, int end, int lineNo) {
    int i = start;
    while (i < end && isTrimmable(d[i])) {
      i++;
    }
    i++; // the '#' or ';'
    while (i < end && (d[i] == ' ' || d[i] == '\t')) {
      i++;
    }
    int len = DIRECTIVE.length();
    if (end - i < len || !new String(d, i, len, StandardCharsets.US_ASCII).equals(DIRECTIVE)) {
      return;
    }
    if (!Utf8.isValid(d, i, end)) {
      return;
    }
    String text = new String(d, i + len, end - i - len, StandardCharsets.UTF_8).strip();
    directives.add(new Assignment("", DIRECTIVE, text, file, lineNo));
  }

  private static boolean isCommentLine(byte[] d, int start, int end) {
    int i = start;
    while (i < end && isTrimmable(d[i])) {
      i++;
    }
    return i < end && (d[i] == '#' || d[i] == ';');
  }

  private static boolean isTrimmable(byte c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  private static boolean endsWithUnescapedBackslash(byte[] t) {
    boolean escaped = false;
    for (byte c : t) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      }
    }
    return escaped;
  }

  private static String strip(String s) {
    int a = 0;
    int b = s.length();
    while (a < b && " \t\n\r".indexOf(s.charAt(a)) >= 0) {
      a++;
    }
    while (b > a && " \t\n\r".indexOf(s.charAt(b - 1)) >= 0) {
      b--;
    }
    return s.substring(a, b);
  }

  private static byte[] slice(byte[] d, int from, int to) {
    byte[] r = new byte[to - from];
    System.arraycopy(d, from, r, 0, r.length);
    return r;
  }

  private static byte[] concat(byte[] head, byte[] d, int from, int to) {
    byte[] r = new byte[head.length + (to - from)];
    System.arraycopy(head, 0, r, 0, head.length);
    System.arraycopy(d, from, r, head.length, to - from);
    return r;
  }

  private void warn(int line, String message) {
    diagnostics.add(new Diagnostic(file, line, Severity.WARNING, message));
  }

  private Diagnostic error(int line, String message) {
    return new Diagnostic(file, line, Severity.ERROR, message);
  }
}
