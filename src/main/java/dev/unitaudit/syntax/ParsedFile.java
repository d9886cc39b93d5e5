package dev.unitaudit.syntax;

import java.util.List;

/**
 * What the parser read from one file.
 *
 * @param assignments the assignments in file order, up to the point of failure if any
 * @param diagnostics warnings about single lines, plus the failure itself when there is one
 * @param failure the file-level error that stopped the parse (systemd: the fragment fails to load;
 *     a drop-in loses the rest of its lines), or null when the file was read to its end
 * @param zeroBytes true when the file is empty (0 bytes): systemd treats such a fragment or drop-in
 *     as a mask
 * @param sectionHeaders each known section header, as an assignment with an empty key (where a
 *     finding about a missing setting points)
 * @param directives comment lines {@code # unitaudit: …}, the text after the marker as value
 */
public record ParsedFile(
    List<Assignment> assignments,
    List<Diagnostic> diagnostics,
    Diagnostic failure,
    boolean zeroBytes,
    List<Assignment> sectionHeaders,
    List<Assignment> directives) {

  public boolean failed() {
    return failure != null;
  }
}
