package dev.unitaudit.syntax;

/**
 * A located message about a unit file: what systemd would log while loading it, or what unitaudit
 * adds on top. {@code line} is 0 when the message concerns the whole file.
 *
 * @param subject the assignment the message is about, as written (an ignored or refused line is in
 *     no other list of the unit), or null; fixes for the line start from it
 */
public record Diagnostic(
    String file, int line, Severity severity, String message, String category, Assignment subject) {

  public Diagnostic(String file, int line, Severity severity, String message, String category) {
    this(file, line, severity, message, category, null);
  }

  /** A diagnostic about one assignment, located at it. */
  public static Diagnostic about(Assignment a, Severity severity, String message, String category) {
    return new Diagnostic(a.file(), a.line(), severity, message, category, a);
  }

  /** What a diagnostic is about; the UA0xxx rules select diagnostics by category. */
  public static final String SYNTAX = "syntax";

  public static final String FILE_ERROR = "file-error";
  public static final String UNKNOWN_SECTION = "unknown-section";
  public static final String UNKNOWN_KEY = "unknown-key";
  public static final String INVALID_VALUE = "invalid-value";
  public static final String DEPRECATED = "deprecated";
  public static final String REFUSED = "refused";
  public static final String TREE = "tree";
  public static final String INEFFECTIVE = "ineffective";
  public static final String NOT_FOUND = "not-found";
  public static final String MASKED = "masked";
  public static final String UNSAFE = "unsafe";

  /** A symlink in a folder audited on its own that points outside the folder (it needs --root). */
  public static final String OUTSIDE_LINK = "outside-link";

  /** Every category, for the rules that select by category (a misspelt one is refused). */
  public static final java.util.Set<String> CATEGORIES =
      java.util.Set.of(
          SYNTAX,
          FILE_ERROR,
          UNKNOWN_SECTION,
          UNKNOWN_KEY,
          INVALID_VALUE,
          DEPRECATED,
          REFUSED,
          TREE,
          INEFFECTIVE,
          NOT_FOUND,
          MASKED,
          UNSAFE,
          OUTSIDE_LINK);

  public Diagnostic(String file, int line, Severity severity, String message) {
    this(file, line, severity, message, severity == Severity.ERROR ? FILE_ERROR : SYNTAX);
  }

  /** How serious the diagnostic is for loading the file. */
  public enum Severity {
    /** The file (fragment) or the rest of the file (drop-in) was not applied. */
    ERROR,
    /** systemd warns and ignores the line or value. */
    WARNING,
    /** Accepted by systemd, but worth knowing (deprecated, unusual). */
    NOTICE
  }

  public String location() {
    return line > 0 ? file + ":" + line : file;
  }

  @Override
  public String toString() {
    return location() + ": " + message;
  }
}
