package dev.unitaudit.fix;

import dev.unitaudit.model.ExecCommand;
import dev.unitaudit.model.Setting;
import dev.unitaudit.model.Specifiers;
import dev.unitaudit.model.Unit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The paths a service visibly writes, and whether ProtectSystem=strict leaves them writable.
 * "Visibly" is what the unit says: {@code StandardOutput=}/{@code StandardError=} to {@code
 * append:}/{@code file:}/{@code truncate:} a file, the directory of {@code PIDFile=}, and the
 * operands of file-changing commands (mkdir, chown, touch, …) in Exec*= lines without the {@code +}
 * prefix. Already writable under strict: ReadWritePaths= of the fragment and of every drop-in, the
 * directories of StateDirectory=/CacheDirectory=/LogsDirectory=/RuntimeDirectory=, /dev, /proc,
 * /sys, and /tmp, /var/tmp with PrivateTmp=yes. EnvironmentFile= is only read.
 */
public final class WritablePaths {

  /**
   * A path the service needs writable; {@code declare} is what ReadWritePaths= gets (may keep
   * specifiers).
   */
  public record Need(String path, String declare, String why) {}

  /** Needs not yet writable, and needs that cannot be declared without a broad path. */
  public record Result(List<Need> missing, List<Need> broad) {}

  /**
   * Writable directories whose declaration UA1006 reports (its list); a need there cannot be
   * declared.
   */
  public static final Set<String> BROAD =
      Set.of("/", "/boot", "/etc", "/home", "/opt", "/root", "/run", "/srv", "/usr", "/var");

  /** Where a daemon P conventionally writes (FHS, Debian policy): /var/lib/P, /var/log/P, … */
  public static final List<String> CONVENTIONAL =
      List.of("/var/lib", "/var/cache", "/var/log", "/var/spool", "/run");

  private static final Set<String> CREATORS =
      Set.of(
          "mkdir",
          "touch",
          "install",
          "ln",
          "mv",
          "cp",
          "rm",
          "tee",
          "truncate",
          "mkfifo",
          "mknod");
  private static final Set<String> CHANGERS = Set.of("chown", "chmod", "chgrp", "setfacl");

  private WritablePaths() {}

  /**
   * @param privateTmp whether PrivateTmp=yes will be in effect (then /tmp and /var/tmp are
   *     writable)
   * @param onlyDeclared count only explicit declarations as covering (UA1005 wants them named)
   */
  public static Result analyse(Unit u, boolean privateTmp, boolean onlyDeclared) {
    return analyse(u, privateTmp, onlyDeclared, false);
  }

  /**
   * @param conventional also the directories Debian packages conventionally give a daemon named P
   *     when the unit declares none of its own ({@link #CONVENTIONAL}): declared with {@code -}, so
   *     a missing one is ignored
   */
  public static Result analyse(
      Unit u, boolean privateTmp, boolean onlyDeclared, boolean conventional) {
    List<String> writable = new ArrayList<>();
    for (Setting s : u.list("Service", "ReadWritePaths")) {
      for (String w : s.value().trim().split("\\s+")) {
        if (!w.isBlank()) {
          writable.add(normalise(expand(strip(w), u)));
        }
      }
    }
    dirs(u, "StateDirectory", "/var/lib", writable);
    dirs(u, "CacheDirectory", "/var/cache", writable);
    dirs(u, "LogsDirectory", "/var/log", writable);
    dirs(u, "RuntimeDirectory", "/run", writable);
    boolean declaresAny = !writable.isEmpty();
    if (!onlyDeclared) {
      writable.addAll(List.of("/dev", "/proc", "/sys"));
      if (privateTmp) {
        writable.addAll(List.of("/tmp", "/var/tmp"));
      }
    }
    Map<String, Need> needs = new LinkedHashMap<>();
    for (String k : List.of("StandardOutput", "StandardError")) {
      Optional<Setting> s = u.scalar("Service", k);
      if (s.isEmpty()) {
        continue;
      }
      String v = s.get().value();
      for (String prefix : List.of("append:", "file:", "truncate:")) {
        if (v.startsWith(prefix) && v.length() > prefix.length()) {
          String raw = v.substring(prefix.length());
          add(needs, u, raw, raw, k + "=" + v + " (" + s.get().location() + ") writes there");
        }
      }
    }
    Optional<Setting> pid = u.scalar("Service", "PIDFile");
    if (pid.isPresent() && !pid.get().value().isBlank()) {
      String raw = pid.get().value().trim();
      if (raw.startsWith("/var/run/")) {
        raw = raw.substring(4); // systemd itself rewrites /var/run to /run
      }
      add(
          needs,
          u,
          parent(raw),
          parent(raw),
          "PIDFile=" + pid.get().value() + " (" + pid.get().location() + ") is created there");
    }
    for (String k : Hazards.EXEC_KEYS) {
      for (Setting s : u.list("Service", k)) {
        List<ExecCommand> cmds =
            dev.unitaudit.model.ExecLineParser.parse(s.value(), u.name()).commands();
        for (ExecCommand c : cmds) {
          if (c.privileged()) {
            continue;
          }
          String prog = Hazards.basename(c.path());
          boolean creates = CREATORS.contains(prog);
          if (!creates && !CHANGERS.contains(prog)) {
            continue;
          }
          for (int i = 1; i < c.argv().size(); i++) {
            String a = c.argv().get(i);
            if (a.startsWith("/") && !a.startsWith("/dev/null")) {
              String target = creates ? parent(a) : a;
              add(
                  needs,
                  u,
                  target,
                  target,
                  k + "=" + prog + " " + a + " (" + s.location() + ") changes it");
            }
          }
        }
      }
    }
    if (conventional && !declaresAny) {
      String p = u.name().prefix();
      for (String base : CONVENTIONAL) {
        add(
            needs,
            u,
            base + "/" + p,
            base + "/%p",
            "the conventional place for "
                + p
                + "'s files (the unit"
                + " declares no writable directory of its own)");
      }
    }
    List<Need> missing = new ArrayList<>();
    List<Need> broad = new ArrayList<>();
    for (Need n : needs.values()) {
      if (covered(n.path(), writable)) {
        continue;
      }
      if (BROAD.contains(n.path())) {
        broad.add(n);
      } else {
        missing.add(n);
      }
    }
    return new Result(missing, broad);
  }

  private static void add(Map<String, Need> needs, Unit u, String raw, String declare, String why) {
    String path = normalise(expand(raw, u));
    if (!path.startsWith("/")) {
      return;
    }
    needs.putIfAbsent(path, new Need(path, declare, why));
  }

  private static void dirs(Unit u, String key, String base, List<String> out) {
    for (Setting s : u.list("Service", key)) {
      for (String w : s.value().trim().split("\\s+")) {
        if (!w.isBlank()) {
          String d = w.contains(":") ? w.substring(0, w.indexOf(':')) : w;
          out.add(normalise(base + "/" + expand(d, u)));
        }
      }
    }
  }

  static boolean covered(String path, List<String> writable) {
    for (String w : writable) {
      if (w.equals("/") || path.equals(w) || path.startsWith(w + "/")) {
        return true;
      }
    }
    return false;
  }

  static String parent(String p) {
    String n = p.endsWith("/") && p.length() > 1 ? p.substring(0, p.length() - 1) : p;
    int s = n.lastIndexOf('/');
    return s <= 0 ? "/" : n.substring(0, s);
  }

  private static String strip(String w) {
    String s = w;
    while (s.startsWith("-") || s.startsWith("+")) {
      s = s.substring(1);
    }
    return s;
  }

  /** Specifiers as the system manager expands them (the host-independent directory ones too). */
  static String expand(String raw, Unit u) {
    String s =
        raw.replace("%t", "/run")
            .replace("%S", "/var/lib")
            .replace("%C", "/var/cache")
            .replace("%L", "/var/log")
            .replace("%T", "/tmp")
            .replace("%V", "/var/tmp")
            .replace("%E", "/etc");
    return Specifiers.expand(s, u.name());
  }

  static String normalise(String path) {
    String p = path.replaceAll("/{2,}", "/");
    if (p.startsWith("/var/run/") || p.equals("/var/run")) {
      p = p.substring(4);
    }
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }
}
