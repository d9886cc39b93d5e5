package dev.unitaudit.app;

import dev.unitaudit.model.UnitName;
import dev.unitaudit.model.UnitType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the folders of a repository that hold units (DESIGN.md: a repository folder is "searched
 * recursively for units and *.d/ drop-ins"). Each such folder is audited as a unit directory of its
 * own. Skipped: {@code .git} and every hidden folder, {@code node_modules}, {@code target}, {@code
 * build}, and whatever a {@code .unitauditignore} (gitignore syntax, in the folder, below it or
 * above it up to the repository root) ignores. Folders reached through a symlink are not searched
 * (they may lead out of the repository or loop); each is named in the notes.
 */
final class RepositoryWalk {

  static final String IGNORE_FILE = ".unitauditignore";
  private static final Set<String> SKIPPED = Set.of("node_modules", "target", "build");
  private static final List<String> UNIT_FOLDER_SUFFIXES =
      List.of(".d", ".wants", ".requires", ".upholds");

  /**
   * One folder that holds units.
   *
   * @param ignored names of unit files in it that an ignore file excludes
   */
  record Folder(Path dir, String display, Set<String> ignored) {}

  record Result(List<Folder> folders, List<String> notes) {}

  private record Scoped(IgnoreFile file, Path base) {}

  private final List<Folder> folders = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  private RepositoryWalk() {}

  /**
   * @param display how reports name {@code start} ("" for the current directory)
   */
  static Result walk(Path start, String display) {
    RepositoryWalk w = new RepositoryWalk();
    Path abs = start.toAbsolutePath().normalize();
    w.visit(abs, display, w.upwardIgnores(abs));
    return new Result(List.copyOf(w.folders), List.copyOf(w.notes));
  }

  private void visit(Path dir, String display, List<Scoped> ignores) {
    List<Scoped> here = ignores;
    Path ignoreFile = dir.resolve(IGNORE_FILE);
    if (Files.isRegularFile(ignoreFile, LinkOption.NOFOLLOW_LINKS)) {
      here = new ArrayList<>(ignores);
      here.add(new Scoped(read(ignoreFile), dir));
    }
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      ds.forEach(entries::add);
    } catch (IOException | RuntimeException e) {
      notes.add(show(display) + ": cannot be listed (" + e.getMessage() + "), not searched");
      return;
    }
    entries.sort(null);
    boolean holdsUnits = false;
    Set<String> ignoredUnits = new TreeSet<>();
    List<Path> subfolders = new ArrayList<>();
    for (Path p : entries) {
      String name = p.getFileName().toString();
      boolean link = Files.isSymbolicLink(p);
      boolean isDir = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
      if (isDir && unitFolder(name)) {
        holdsUnits |= !ignored(here, p, true); // drop-ins and links of a unit: part of this folder
        continue;
      }
      if (!isDir && UnitName.parse(name) != null) {
        if (ignored(here, p, false)) {
          ignoredUnits.add(name);
        } else {
          holdsUnits = true;
        }
        continue;
      }
      if (isDir) {
        if (!name.startsWith(".") && !SKIPPED.contains(name) && !ignored(here, p, true)) {
          subfolders.add(p);
        }
      } else if (link && Files.isDirectory(p) && !name.startsWith(".")) {
        notes.add(
            show(join(display, name))
                + ": symlink to a folder, not searched (name the folder itself to audit it)");
      }
    }
    if (holdsUnits) {
      folders.add(new Folder(dir, display, Set.copyOf(ignoredUnits)));
    }
    for (Path sub : subfolders) {
      visit(sub, join(display, sub.getFileName().toString()), here);
    }
  }

  /**
   * {@code foo.service.d}, {@code multi-user.target.wants}, {@code service.d}: a unit's own folder.
   */
  private static boolean unitFolder(String name) {
    for (String suffix : UNIT_FOLDER_SUFFIXES) {
      if (name.endsWith(suffix)) {
        String stem = name.substring(0, name.length() - suffix.length());
        if (UnitName.parse(stem) != null
            || (suffix.equals(".d") && UnitType.fromSuffix(stem) != null)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * gitignore precedence: deeper files override shallower ones; within a file the last match wins.
   */
  private static boolean ignored(List<Scoped> ignores, Path p, boolean isDir) {
    boolean verdict = false;
    for (Scoped s : ignores) {
      if (!p.startsWith(s.base())) {
        continue;
      }
      Boolean d = s.file().decides(s.base().relativize(p).toString().replace('\\', '/'), isDir);
      if (d != null) {
        verdict = d;
      }
    }
    return verdict;
  }

  /** Ignore files above the start folder, up to the repository root (the folder holding .git). */
  private List<Scoped> upwardIgnores(Path start) {
    List<Path> chain = new ArrayList<>();
    for (Path p = start.getParent(); p != null; p = p.getParent()) {
      chain.add(0, p);
      if (Files.exists(p.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
        List<Scoped> out = new ArrayList<>();
        for (Path c : chain) {
          Path f = c.resolve(IGNORE_FILE);
          if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
            out.add(new Scoped(read(f), c));
          }
        }
        return out;
      }
    }
    return List.of(); // not inside a repository: only the folder's own ignore files count
  }

  private IgnoreFile read(Path f) {
    try {
      return IgnoreFile.parse(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      notes.add(f + ": cannot be read (" + e.getMessage() + "), nothing is ignored by it");
      return IgnoreFile.parse("");
    }
  }

  private static String join(String display, String name) {
    return display.isEmpty() ? name : display.endsWith("/") ? display + name : display + "/" + name;
  }

  private static String show(String display) {
    return display.isEmpty() ? "." : display;
  }
}
