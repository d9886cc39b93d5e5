package dev.unitaudit.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The unit search path, highest priority first. For {@code --root DIR} it is the list systemd 252
 * uses offline on Debian (unit-semantics.md §5.1; analyze-security.md §3), under DIR; the transient
 * and generator directories are left out because offline systemd replaces them with an empty
 * temporary directory. PATH arguments that are directories come first.
 */
public final class SearchPath {

  /** systemd 252's system unit path on Debian (split-usr: /lib before /usr/lib). */
  public static final List<String> SYSTEM_DIRS =
      List.of(
          "etc/systemd/system.control",
          "run/systemd/system.control",
          "etc/systemd/system",
          "etc/systemd/system.attached",
          "run/systemd/system",
          "run/systemd/system.attached",
          "usr/local/lib/systemd/system",
          "lib/systemd/system",
          "usr/lib/systemd/system");

  private final List<SearchDir> dirs;

  private SearchPath(List<SearchDir> dirs) {
    this.dirs = List.copyOf(dirs);
  }

  public List<SearchDir> dirs() {
    return dirs;
  }

  /** Builds the search path: PATH directories (with their display names) first, then the root's. */
  public static SearchPath of(List<PathDir> pathDirs, Path rootOrNull) {
    List<SearchDir> out = new ArrayList<>();
    Set<String> seenReal = new HashSet<>();
    for (PathDir pd : pathDirs) {
      RootFs fs = new RootFs(pd.dir());
      String key = fs.root().toString();
      if (seenReal.add(key)) {
        out.add(new SearchDir(fs, "", "", pd.display()));
      }
    }
    if (rootOrNull != null) {
      RootFs fs = new RootFs(rootOrNull);
      for (String d : SYSTEM_DIRS) {
        RootFs.Resolved r = fs.resolve(d);
        if (r.kind() != RootFs.Kind.DIRECTORY) {
          continue;
        }
        // lookup_paths_reduce(): a directory reached twice (lib -> usr/lib) is searched once,
        // under the earlier name, which is how Debian reports lib/systemd/system paths
        if (seenReal.add(fs.root() + "/" + r.real())) {
          out.add(new SearchDir(fs, d, r.real(), d));
        }
      }
    }
    return new SearchPath(out);
  }

  /** A PATH argument directory and the name reports give it (relative to the working dir). */
  public record PathDir(Path dir, String display) {}

  /**
   * A directory that is one of a root's unit directories: {@code /srv/img/etc/systemd/system} is
   * {@code etc/systemd/system} of the root {@code /srv/img}.
   *
   * @param rel the entry of {@link #SYSTEM_DIRS} it is
   */
  public record RootDir(Path root, String rel) {}

  /**
   * The root a directory is a unit directory of, judged by its name alone (the absolute path,
   * normalised without following links, ends with one of the search-path directories), or null. The
   * longest match wins, so {@code /usr/lib/systemd/system} is {@code usr/lib/systemd/system} of
   * {@code /}, not {@code lib/systemd/system} of {@code /usr}.
   */
  public static RootDir rootDirOf(Path dir) {
    Path abs = dir.toAbsolutePath().normalize();
    RootDir best = null;
    for (String d : SYSTEM_DIRS) {
      Path rel = Path.of(d);
      if (abs.getNameCount() < rel.getNameCount() || !abs.endsWith(rel)) {
        continue;
      }
      if (best == null || rel.getNameCount() > Path.of(best.rel()).getNameCount()) {
        Path root = abs;
        for (int i = 0; i < rel.getNameCount(); i++) {
          root = root.getParent();
        }
        best = new RootDir(root, d);
      }
    }
    return best;
  }

  /**
   * The root search directory that {@code rel} (a {@link #SYSTEM_DIRS} entry) is searched as, or
   * null.
   */
  public SearchDir rootDir(String rel) {
    for (SearchDir d : dirs) {
      if (d.rel().equals(rel)) {
        return d;
      }
    }
    // reached under another name (lib -> usr/lib): the same real directory
    for (SearchDir d : dirs) {
      if (!d.rel().isEmpty()) {
        RootFs.Resolved r = d.fs().resolve(rel);
        if (r.kind() == RootFs.Kind.DIRECTORY && r.real().equals(d.real())) {
          return d;
        }
      }
    }
    return null;
  }
}
