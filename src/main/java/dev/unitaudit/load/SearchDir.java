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

  public String relOf(String name) {
    return rel.isEmpty() ? name : rel + "/" + name;
  }
}
