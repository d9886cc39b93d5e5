package dev.unitaudit.check;

import dev.unitaudit.result.Fix;
import dev.unitaudit.result.FixKind;
import dev.unitaudit.syntax.Assignment;
import java.util.ArrayList;
import java.util.List;

/**
 * Fix texts that change one line where it is (FixKind.EDIT) or only say what to do
 * (FixKind.MANUAL), worded the same way by every kind: {@code # replace FILE:LINE with:} when the
 * corrected line stays in its section, {@code # move FILE:LINE to the [S] section, as:} when it
 * belongs in another one, followed by the section header and the lines.
 */
final class LineFix {

  private LineFix() {}

  /**
   * {@code at} rewritten as {@code lines} under {@code section} (moved there when it is another).
   */
  static Fix edit(Assignment at, String section, List<String> lines) {
    return edit(at, section, List.of(), lines);
  }

  /** As {@link #edit(Assignment, String, List)}, with comment lines put before the header line. */
  static Fix edit(Assignment at, String section, List<String> comments, List<String> lines) {
    List<String> out = new ArrayList<>();
    out.add(
        section.equals(at.section())
            ? "# replace " + at.location() + " with:"
            : "# move " + at.location() + " to the [" + section + "] section, as:");
    out.addAll(comments);
    out.add("[" + section + "]");
    out.addAll(lines);
    return Fix.of(FixKind.EDIT, out);
  }

  /** A section header line replaced by another header. */
  static Fix header(String file, int line, String section, String why) {
    return Fix.of(
        FixKind.EDIT,
        List.of("# replace " + file + ":" + line + " with " + why + ":", "[" + section + "]"));
  }

  /** What to do, as comment lines: nothing here can be computed. */
  static Fix manual(String... lines) {
    List<String> out = new ArrayList<>();
    for (String l : lines) {
      out.add("# " + l);
    }
    return Fix.of(FixKind.MANUAL, out);
  }

  /** {@code file:line}, or the file alone for a finding about a whole file. */
  static String where(String file, int line) {
    return line > 0 ? file + ":" + line : file;
  }
}
