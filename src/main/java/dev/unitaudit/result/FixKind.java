package dev.unitaudit.result;

import java.util.Locale;

/**
 * What a finding's fix text is, so that a person (and FixTextsTest) knows how to apply it. The text
 * itself says so too: every kind but {@link #DROPIN} starts with a {@code #} line naming what to do
 * (rules/README.md, "Fix kinds").
 */
public enum FixKind {
  /** Unit-file lines that close the finding when written as a drop-in ({@code UNIT.d/x.conf}). */
  DROPIN,
  /**
   * The lines replace the finding's line ({@code file:line}) where it is; their section header
   * names the section the corrected line belongs to, so a line in the wrong section moves.
   */
  EDIT,
  /**
   * {@code # chmod MODE PATH} (and {@code # chown USER:GROUP PATH}) lines: a file's mode or owner.
   */
  CHMOD,
  /**
   * {@code # create NAME:} and the unit file to create beside the unit files, optionally followed
   * by {@code # and add to UNIT in a drop-in:} and the drop-in lines that use it.
   */
  CREATE_UNIT,
  /**
   * An {@link #EDIT} that takes a credential out of the unit: the line without it, plus the
   * root-only file ({@code mode 0600}) the credential moves to, named in a {@code #} line.
   */
  MOVE_SECRET,
  /** Only {@code #} lines: what to do when no fix can be computed (a human decision). */
  MANUAL;

  /** The word rules files use: {@code dropin}, {@code create-unit}, … */
  public String word() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The kind a rules file names, or null. */
  public static FixKind parse(String word) {
    for (FixKind k : values()) {
      if (k.word().equals(word)) {
        return k;
      }
    }
    return null;
  }
}
