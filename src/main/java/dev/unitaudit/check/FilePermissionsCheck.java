package dev.unitaudit.check;

import dev.unitaudit.model.ExecCommand;
import dev.unitaudit.model.Setting;
import dev.unitaudit.model.Specifiers;
import dev.unitaudit.model.Unit;
import dev.unitaudit.syntax.Assignment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code file-permissions}: the modes and owners of files the unit depends on, read from the
 * audited root through {@link CheckContext#fileFacts} (only under a real {@code --root}; a
 * repository PATH has no trustworthy modes, so nothing is reported there). {@code files} picks
 * them: {@code unit} (the fragment and applied drop-ins), {@code environment} (EnvironmentFile=),
 * {@code exec} (the executables of ExecStart=, ExecStartPre=, ExecStartPost=, ExecStop=,
 * ExecReload=). A file is reported when its mode has one of the {@code forbid} bits (octal), a
 * group bit counting only when {@code nonRootGroup} is set and the group is not root, or when
 * {@code nonRootOwner} is set and a non-root user owns it writable. Unit files are reported at line
 * 0 (the whole file); the others at the assignment that names them.
 */
public final class FilePermissionsCheck implements CheckKind<FilePermissionsCheck.Params> {

  /** Parameters: files (unit | environment | exec), forbid (octal), nonRootGroup, nonRootOwner. */
  public record Params(String files, String forbid, Boolean nonRootGroup, Boolean nonRootOwner) {}

  private static final List<String> EXEC_KEYS =
      List.of("ExecStartPre", "ExecStart", "ExecStartPost", "ExecReload", "ExecStop");

  @Override
  public String name() {
    return "file-permissions";
  }

  @Override
  public Class<Params> paramsType() {
    return Params.class;
  }

  @Override
  public void validate(Params p) {
    if (!List.of("unit", "environment", "exec").contains(String.valueOf(p.files()))) {
      throw new IllegalArgumentException(
          "file-permissions needs files \"unit\", \"environment\" or \"exec\"");
    }
    if (p.forbid() == null || ModeBitsCheck.octal(p.forbid()) <= 0) {
      throw new IllegalArgumentException("file-permissions needs forbid as octal bits (\"0002\")");
    }
  }

  /** A file to look at and where a finding about it points. */
  private record Target(String path, String file, int line) {}

  @Override
  public List<Hit> evaluate(CheckContext ctx, Params p) {
    Unit u = ctx.unit();
    List<Hit> hits = new ArrayList<>();
    int forbid = ModeBitsCheck.octal(p.forbid());
    for (Target t : targets(u, p.files())) {
      var facts = ctx.fileFacts(t.path());
      if (facts.isEmpty()) {
        continue;
      }
      int mode = facts.get().mode() & 07777;
      int bad = mode & forbid;
      if (Boolean.TRUE.equals(p.nonRootGroup()) && facts.get().gid() == 0) {
        bad &= ~0070;
      }
      boolean ownerWrites =
          Boolean.TRUE.equals(p.nonRootOwner()) && facts.get().uid() != 0 && (mode & 0200) != 0;
      if (bad == 0 && !ownerWrites) {
        continue;
      }
      Map<String, String> v = new HashMap<>();
      v.put("path", t.path());
      v.put("mode", String.format("%04o", mode));
      v.put("uid", Integer.toString(facts.get().uid()));
      v.put("gid", Integer.toString(facts.get().gid()));
      v.put("who", who(bad, ownerWrites));
      hits.add(new Hit(t.file(), t.line(), v).withFix(chmod(t.path(), mode, bad, ownerWrites)));
    }
    return hits;
  }

  /**
   * The commands that take exactly the reported access away: chown to root when a non-root owner
   * can write (which also makes the group root's, so group write no longer counts), then chmod
   * without the remaining forbidden bits. Paths are the root's own ({@code /etc/…}).
   */
  private static dev.unitaudit.result.Fix chmod(
      String path, int mode, int bad, boolean ownerWrites) {
    List<String> lines = new ArrayList<>();
    int left = bad;
    if (ownerWrites) {
      lines.add("# chown root:root /" + path);
      left &= ~0070;
    }
    if (left != 0) {
      lines.add(String.format("# chmod %04o /%s", mode & ~left & 07777, path));
    }
    return dev.unitaudit.result.Fix.of(dev.unitaudit.result.FixKind.CHMOD, lines);
  }

  private static String who(int bad, boolean ownerWrites) {
    List<String> w = new ArrayList<>();
    if (ownerWrites) {
      w.add("its non-root owner");
    }
    if ((bad & 0070) != 0) {
      w.add("its non-root group");
    }
    if ((bad & 0007) != 0) {
      w.add("every user");
    }
    return String.join(" and ", w);
  }

  private static List<Target> targets(Unit u, String files) {
    Set<Target> out = new LinkedHashSet<>();
    String section = u.type().typeSection();
    switch (files) {
      case "unit":
        if (u.fragment() != null) {
          out.add(new Target(u.fragment(), u.fragment(), 0));
        }
        u.dropins().forEach(d -> out.add(new Target(d, d, 0)));
        break;
      case "environment":
        for (Setting s : u.list(section, "EnvironmentFile")) {
          String path = Specifiers.expand(s.value().strip(), u.name());
          path = path.startsWith("-") ? path.substring(1) : path;
          add(out, path, s.origin());
        }
        break;
      default:
        for (String key : EXEC_KEYS) {
          for (Setting s : u.list(section, key)) {
            for (ExecCommand c :
                dev.unitaudit.model.ExecLineParser.parse(s.value(), u.name()).commands()) {
              add(out, c.path(), s.origin());
            }
          }
        }
    }
    return new ArrayList<>(out);
  }

  /** Absolute paths only, made root-relative; anything with ".." is not followed. */
  private static void add(Set<Target> out, String path, Assignment where) {
    if (!path.startsWith("/") || path.contains("/../") || path.endsWith("/..")) {
      return;
    }
    out.add(new Target(path.substring(1), where.file(), where.line()));
  }
}
