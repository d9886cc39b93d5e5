package dev.unitaudit.load;

/**
 * One directory of the unit search path.
 *
 * @param fs the confinement root its symlinks resolve in
 * @param rel the directory relative to {@code fs} as the search path names it ("" = fs root)
 * @param real the same directory with symlinks resolved (for duplicate detection and aliases)
 * @param display how reports name files in it: {@code display + "/" + name}
 */
public record SearchDir(RootFs fs, String rel, String real, String display) {

  public String displayOf(String relToDir) {
    return display.isEmpty() ? relToDir : display + "/" + relToDir;
  }

  /** How reports name a path given relative to this directory's confinement root. */
  public String displayOfFsPath(String fsReal) {
    // root search dirs have a non-empty rel and display paths relative to the root; a PATH
    // directory is its own confinement root and is displayed as the user named it
    if (!rel.isEmpty() || display.isEmpty()) {
      return fsReal;
    }
    return fsReal.isEmpty() ? display : display + "/" + fsReal;
  }

  /** The directories a distribution's packages install units into (Debian's split-usr pair). */
  public static final java.util.Set<String> VENDOR_DIRS =
      java.util.Set.of("lib/systemd/system", "usr/lib/systemd/system");

  /**
   * Whether files here are the distribution's: a root's {@code lib/systemd/system} or {@code
   * usr/lib/systemd/system}. A PATH directory (rel "") never is.
   */
  public boolean vendor() {
    return VENDOR_DIRS.contains(rel);
  }

  public String relOf(String name) {
    return rel.isEmpty() ? name : rel + "/" + name;
  }
}
