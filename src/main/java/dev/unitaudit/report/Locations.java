package dev.unitaudit.report;

/**
 * How the CI formats name a place in the audited tree. Report paths are relative to --root (or to
 * the current directory for PATH arguments); a leading slash, if any, is dropped so that CI systems
 * resolve them from the repository or workspace root.
 */
final class Locations {

  private Locations() {}

  /** The path without leading slashes, or null when there is none. */
  static String relative(String file) {
    if (file == null) {
      return null;
    }
    int i = 0;
    while (i < file.length() && file.charAt(i) == '/') {
      i++;
    }
    return i == file.length() ? null : file.substring(i);
  }

  /** {@code file:line}, {@code file}, or "" when the report has no file. */
  static String where(String file, Integer line) {
    if (file == null) {
      return "";
    }
    return line == null ? file : file + ":" + line;
  }
}
