package dev.unitaudit.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A directory tree treated as a filesystem root that is never left: every symlink is resolved by
 * hand, component by component, with {@code ..} clamped at the root and absolute targets re-rooted,
 * the way the booted system would see the tree (unit-semantics.md §1: offline systemd follows
 * absolute links on the host instead; we deliberately do not). The OS is never asked to follow a
 * link, so no file outside the root is ever opened, and only regular files are read (a FIFO named
 * {@code x.service} cannot block the audit).
 */
public final class RootFs {

  /** Symlink hops before a path counts as a loop (the kernel's MAXSYMLINKS). */
  static final int MAX_HOPS = 40;

  /** Larger unit files are refused rather than read into memory. */
  static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

  private final Path root;

  /**
   * lstat() results and directory listings, cached: an audit reads a snapshot of the tree, and
   * loading thousands of units probes the same search directories for the same drop-in folders over
   * and over. A name missing from its (listed) parent needs no system call at all.
   */
  private final Map<String, Stat> stats = new ConcurrentHashMap<>();

  private final Map<String, Set<String>> listings = new ConcurrentHashMap<>();

  /**
   * What lstat() said about one root-relative path; {@code target} for links and git placeholders.
   */
  private record Stat(Kind kind, boolean link, long size, String target) {}

  private static final Stat ABSENT = new Stat(Kind.MISSING, false, 0, null);

  /** What a path turned out to be after resolution. */
  public enum Kind {
    FILE,
    DIRECTORY,
    OTHER,
    MISSING,
    DEV_NULL,
    LOOP
  }

  /**
   * A resolved path.
   *
   * @param real the root-relative path with every symlink resolved ("" for the root itself)
   * @param viaLink whether a symlink was followed on the way
   * @param size the file size for {@link Kind#FILE}
   */
  public record Resolved(Kind kind, String real, boolean viaLink, long size) {}

  public RootFs(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  private final Map<String, Resolved> resolved = new ConcurrentHashMap<>();
  private final Map<String, Resolved> parents = new ConcurrentHashMap<>();

  /**
   * Resolves a root-relative path, following symlinks inside the root only (memoised: a snapshot).
   */
  public Resolved resolve(String rel) {
    Resolved r = resolved.get(rel);
    if (r == null) {
      r = missingFromListing(rel);
      if (r != null) {
        return r;
      }
      r = resolveUncached(rel);
      if (r.kind() != Kind.MISSING) {
        // most lookups are misses (every unit is probed in every search directory); they are
        // answered from the cached listings anyway, and remembering them costs more than it saves
        resolved.put(rel, r);
      }
    }
    return r;
  }

  /**
   * The common miss, answered cheaply: the parent resolves (from the memo) to a directory whose
   * cached listing lacks the name. Null when that does not settle it.
   */
  private Resolved missingFromListing(String rel) {
    int slash = rel.lastIndexOf('/');
    if (slash <= 0 || slash == rel.length() - 1) {
      return null;
    }
    String name = rel.substring(slash + 1);
    if (name.equals(".") || name.equals("..")) {
      return null;
    }
    String parentRel = rel.substring(0, slash);
    Resolved parent = parents.get(parentRel);
    if (parent == null) {
      // parents are few (the search directories and their folders), so misses are kept here
      parent = resolve(parentRel);
      parents.put(parentRel, parent);
    }
    if (parent.kind() != Kind.DIRECTORY) {
      return null;
    }
    Set<String> names = listing(parent.real());
    if (names == null || names.contains(name)) {
      return null;
    }
    return new Resolved(
        Kind.MISSING,
        parent.real().isEmpty() ? name : parent.real() + "/" + name,
        parent.viaLink(),
        0);
  }

  private Resolved resolveUncached(String rel) {
    Deque<String> todo = new ArrayDeque<>();
    pushAll(todo, rel);
    List<String> cur = new ArrayList<>();
    int hops = 0;
    boolean viaLink = false;
    try {
      while (!todo.isEmpty()) {
        String c = todo.pollFirst();
        if (c.isEmpty() || c.equals(".")) {
          continue;
        }
        if (c.equals("..")) {
          if (!cur.isEmpty()) {
            cur.remove(cur.size() - 1);
          }
          continue;
        }
        cur.add(c);
        Stat at = stat(String.join("/", cur));
        if (at.kind() == Kind.MISSING) {
          return new Resolved(Kind.MISSING, String.join("/", cur), viaLink, 0);
        }
        if (at.link()) {
          if (++hops > MAX_HOPS) {
            return new Resolved(Kind.LOOP, String.join("/", cur), true, 0);
          }
          viaLink = true;
          String target = at.target();
          cur.remove(cur.size() - 1);
          if (isDevNull(target) && todo.isEmpty()) {
            return new Resolved(Kind.DEV_NULL, "dev/null", true, 0);
          }
          if (target.startsWith("/")) {
            cur.clear();
          }
          pushAllFront(todo, target);
          continue;
        }
        if (at.kind() != Kind.DIRECTORY && !todo.isEmpty() && !onlyDots(todo)) {
          return new Resolved(Kind.MISSING, String.join("/", cur), viaLink, 0);
        }
      }
      String real = String.join("/", cur);
      if (cur.isEmpty()) {
        return new Resolved(Kind.DIRECTORY, real, viaLink, 0);
      }
      Stat at = stat(real);
      return new Resolved(at.kind(), real, viaLink, at.size());
    } catch (RuntimeException e) {
      return new Resolved(Kind.MISSING, String.join("/", cur), viaLink, 0);
    }
  }

  /** lstat() of a root-relative path (never "" ), through the cache. */
  private Stat stat(String real) {
    Stat cached = stats.get(real);
    if (cached != null) {
      return cached;
    }
    int slash = real.lastIndexOf('/');
    Set<String> siblings = listing(slash < 0 ? "" : real.substring(0, slash));
    if (siblings != null && !siblings.contains(real.substring(slash + 1))) {
      return ABSENT; // the cached listing already says so: nothing worth remembering
    }
    Stat st = lstat(toPath(real));
    stats.put(real, st);
    return st;
  }

  private Set<String> listing(String realDir) {
    Set<String> cached = listings.get(realDir);
    if (cached != null) {
      return cached;
    }
    Set<String> names = new HashSet<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(toPath(realDir))) {
      for (Path p : ds) {
        names.add(p.getFileName().toString());
      }
    } catch (IOException | RuntimeException e) {
      return null; // not a listable directory: fall back to lstat() per name
    }
    listings.put(realDir, names);
    return names;
  }

  private static Stat lstat(Path p) {
    try {
      BasicFileAttributes at =
          Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (at.isSymbolicLink()) {
        return new Stat(Kind.OTHER, true, 0, Files.readSymbolicLink(p).toString());
      }
      if (at.isRegularFile()) {
        String placeholder = gitPlaceholderTarget(p, at.size());
        return new Stat(Kind.FILE, placeholder != null, at.size(), placeholder);
      }
      return new Stat(at.isDirectory() ? Kind.DIRECTORY : Kind.OTHER, false, at.size(), null);
    } catch (IOException | RuntimeException e) {
      return ABSENT;
    }
  }

  private static boolean onlyDots(Deque<String> todo) {
    for (String s : todo) {
      if (!s.isEmpty() && !s.equals(".")) {
        return false;
      }
    }
    return true;
  }

  static boolean isDevNull(String target) {
    return normalizeLexically("/" + target).equals("dev/null") && target.startsWith("/");
  }

  /** The raw target of a symlink, or null when {@code rel} (resolved parent) is not a link. */
  public String readLink(String realParent, String name) {
    Stat st = stat(realParent.isEmpty() ? name : realParent + "/" + name);
    return st.link() ? st.target() : null;
  }

  /** Entry names of a resolved directory, sorted; empty when it cannot be listed. */
  public List<String> list(String realDir) {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(toPath(realDir))) {
      for (Path p : ds) {
        names.add(p.getFileName().toString());
      }
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
    Collections.sort(names);
    return names;
  }

  /** Whether the entry itself (not following links) is a symlink, file, directory or other. */
  public Kind entryKind(String realDir, String name) {
    Stat st = stat(realDir.isEmpty() ? name : realDir + "/" + name);
    // links (and symlinks git checked out as files) are left to the caller to resolve
    return st.link() ? null : st.kind();
  }

  /**
   * Reads a regular file found by {@link #resolve}. Opened with O_NOFOLLOW: the path has no
   * symlinks left, and if one appeared since, the read fails instead of leaving the root.
   */
  public byte[] read(String real) throws IOException {
    Path p = toPath(real);
    try (SeekableByteChannel ch =
        Files.newByteChannel(p, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))) {
      long size = ch.size();
      if (size > MAX_FILE_BYTES) {
        throw new IOException("file is larger than " + MAX_FILE_BYTES + " bytes");
      }
      ByteBuffer buf = ByteBuffer.allocate((int) size);
      while (buf.hasRemaining() && ch.read(buf) > 0) {
        // keep reading until full or EOF
      }
      if (buf.position() < size) {
        return java.util.Arrays.copyOf(buf.array(), buf.position());
      }
      return buf.array();
    }
  }

  /** Resolves and reads one file as bytes. */
  public InputStream open(String real) throws IOException {
    return new java.io.ByteArrayInputStream(read(real));
  }

  /**
   * Longest placeholder file considered: git writes the bare link target, and link targets in unit
   * trees are short (the corpus's longest is 45 bytes); unit files are longer, so most are never
   * read twice.
   */
  static final int MAX_PLACEHOLDER = 255;

  /**
   * When git checks a repository out with {@code core.symlinks=false} (or a tree is copied by a
   * tool that drops links), each symlink becomes a small regular file holding just the link target,
   * with no newline. Unit trees are full of such links (aliases, masks to /dev/null, {@code lib ->
   * usr/lib}), so such a file is read as the link it stands for; README documents this. A real unit
   * file always has a section header or an assignment, so it never matches.
   */
  static String gitPlaceholderTarget(Path p, long size) {
    if (size == 0 || size > MAX_PLACEHOLDER) {
      return null;
    }
    byte[] b;
    try {
      b = Files.readAllBytes(p);
    } catch (IOException | RuntimeException e) {
      return null;
    }
    for (byte c : b) {
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '/'
              || c == '.'
              || c == '-'
              || c == '_'
              || c == '@'
              || c == ':'
              || c == '+'
              || c == '\\';
      if (!ok) {
        return null;
      }
    }
    String t = new String(b, java.nio.charset.StandardCharsets.US_ASCII);
    int slash = t.lastIndexOf('/');
    String base = t.substring(slash + 1);
    // the target must look like a unit file, a drop-in, /dev/null or a directory path with a slash
    boolean unitLike = base.contains(".") && !base.startsWith(".");
    return t.equals("/dev/null") || unitLike || slash >= 0 ? t : null;
  }

  private Path toPath(List<String> comps) {
    Path p = root;
    for (String c : comps) {
      p = p.resolve(c);
    }
    return p;
  }

  private Path toPath(String real) {
    return real.isEmpty() ? root : root.resolve(real);
  }

  private static void pushAll(Deque<String> todo, String rel) {
    for (String c : rel.split("/")) {
      todo.addLast(c);
    }
  }

  private static void pushAllFront(Deque<String> todo, String target) {
    String[] parts = target.split("/");
    for (int i = parts.length - 1; i >= 0; i--) {
      todo.addFirst(parts[i]);
    }
  }

  /** Normalises a path lexically: no {@code .}, {@code ..} clamped at the root, no leading /. */
  public static String normalizeLexically(String path) {
    List<String> out = new ArrayList<>();
    for (String c : path.split("/")) {
      if (c.isEmpty() || c.equals(".")) {
        continue;
      }
      if (c.equals("..")) {
        if (!out.isEmpty()) {
          out.remove(out.size() - 1);
        }
        continue;
      }
      out.add(c);
    }
    return String.join("/", out);
  }
}
