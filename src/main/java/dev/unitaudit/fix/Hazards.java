package dev.unitaudit.fix;

import dev.unitaudit.model.ExecCommand;
import dev.unitaudit.model.Setting;
import dev.unitaudit.model.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a unit visibly runs, and the documented lists {@code unitaudit fix} uses to decide that a
 * hardening setting would break it. The lists are deliberately small and conservative: a match
 * means "do not add this setting" (or add a weaker one), never "add more".
 *
 * <ul>
 *   <li><b>JIT runtimes</b> ({@link #JIT_RUNTIMES}): programs that map memory writable and
 *       executable, which {@code MemoryDenyWriteExecute=yes} forbids: java, jsvc, node/nodejs,
 *       deno, bun, dotnet, mono, pypy, luajit, beam.smp/erl (Erlang JIT), julia, qemu-system-*
 *       (TCG), php-fpm/php (opcache.jit), plus python with {@code -X jit} or {@code PYTHON_JIT=1}
 *       and ruby with {@code --yjit}/{@code --jit} or {@code RUBY_YJIT_ENABLE=1}.
 *   <li><b>Session spawners</b> ({@link #SESSION_SPAWNERS}, or any unit with {@code PAMName=}):
 *       services whose children are users' login sessions (sshd, cron, atd, getty, display
 *       managers). Users' sessions inherit the sandbox, so {@code NoNewPrivileges=} would break
 *       sudo, and {@code ProtectSystem=}/{@code ProtectHome=}/{@code PrivateTmp=} would make the
 *       users' own files read-only or invisible.
 *   <li><b>Home servers</b> ({@link #HOME_SERVERS}): daemons whose job is to write in users' home
 *       directories (Samba, Dovecot, FTP and NFS servers): no {@code ProtectHome=}.
 *   <li><b>Home readers</b> ({@link #HOME_READERS}): MTAs and web servers that read {@code
 *       ~/.forward} or {@code ~/public_html}: {@code ProtectHome=read-only}.
 *   <li><b>Privilege changers</b> ({@link #PRIVILEGE_CHANGERS}): sudo, su, … run by an Exec*= line:
 *       no {@code NoNewPrivileges=}.
 * </ul>
 */
public final class Hazards {

  private Hazards() {}

  public static final Set<String> JIT_RUNTIMES =
      Set.of(
          "java",
          "jsvc",
          "node",
          "nodejs",
          "deno",
          "bun",
          "dotnet",
          "mono",
          "pypy",
          "pypy3",
          "luajit",
          "beam",
          "beam.smp",
          "erl",
          "elixir",
          "julia",
          "php-fpm",
          "php");

  public static final Set<String> SESSION_SPAWNERS =
      Set.of(
          "sshd",
          "dropbear",
          "cron",
          "crond",
          "anacron",
          "atd",
          "agetty",
          "getty",
          "mingetty",
          "login",
          "gdm",
          "gdm3",
          "lightdm",
          "sddm",
          "xdm",
          "lxdm",
          "slim",
          "xrdp",
          "xrdp-sesman",
          "systemd-logind",
          "systemd-user-sessions",
          "in.telnetd",
          "telnetd",
          "rshd",
          "rlogind");

  public static final Set<String> HOME_SERVERS =
      Set.of(
          "smbd",
          "nmbd",
          "samba",
          "dovecot",
          "vsftpd",
          "proftpd",
          "pure-ftpd",
          "in.ftpd",
          "rpc.nfsd",
          "nfsd",
          "rpc.mountd",
          "ganesha.nfsd",
          "sftp-server",
          "syncthing",
          "nextcloud",
          "courierimapd",
          "cyrus-master");

  public static final Set<String> HOME_READERS =
      Set.of(
          "master",
          "postfix",
          "exim",
          "exim4",
          "sendmail",
          "opensmtpd",
          "smtpd",
          "apache2",
          "apachectl",
          "apache2ctl",
          "httpd",
          "nginx",
          "lighttpd",
          "procmail",
          "fetchmail");

  public static final Set<String> PRIVILEGE_CHANGERS =
      Set.of("sudo", "su", "doas", "pkexec", "newgrp", "sg");

  static final List<String> EXEC_KEYS =
      List.of(
          "ExecStartPre",
          "ExecStart",
          "ExecStartPost",
          "ExecReload",
          "ExecStop",
          "ExecStopPost",
          "ExecCondition");

  /** Every Exec*= command of the unit's type section. */
  static List<ExecCommand> commands(Unit u) {
    List<ExecCommand> out = new ArrayList<>();
    for (String k : EXEC_KEYS) {
      out.addAll(u.exec(k));
    }
    return out;
  }

  static String basename(String path) {
    if (path == null) {
      return "";
    }
    int s = path.lastIndexOf('/');
    return s < 0 ? path : path.substring(s + 1);
  }

  /** The words of a command: argv plus the words of any {@code sh -c "…"} script in it. */
  static List<String> words(ExecCommand c) {
    List<String> out = new ArrayList<>();
    out.add(c.path());
    for (String a : c.argv()) {
      for (String w : a.trim().split("[\\s;|&()'\"`]+")) {
        if (!w.isEmpty()) {
          out.add(w);
        }
      }
    }
    return out;
  }

  /** The names of programs a command runs as far as we can see (binary, wrapped binaries). */
  static List<String> programs(ExecCommand c) {
    List<String> out = new ArrayList<>();
    for (String w : words(c)) {
      out.add(basename(w));
    }
    return out;
  }

  /** The JIT runtime ExecStart= runs, or empty. */
  public static Optional<String> jitRuntime(Unit u) {
    Map<String, String> env = u.environment();
    for (ExecCommand c : u.exec("ExecStart")) {
      List<String> ws = words(c);
      for (int i = 0; i < ws.size(); i++) {
        String b = basename(ws.get(i)).toLowerCase(Locale.ROOT);
        String bare = b.replaceAll("[0-9.]+$", "");
        if (JIT_RUNTIMES.contains(b)
            || JIT_RUNTIMES.contains(bare)
            || b.startsWith("qemu-system-")
            || b.startsWith("php-fpm")
            || b.startsWith("php") && bare.equals("php")) {
          return Optional.of(b);
        }
        if (bare.equals("python") || bare.equals("python3")) {
          boolean jit = "1".equals(env.get("PYTHON_JIT"));
          for (int j = i + 1; j + 1 < ws.size() && !jit; j++) {
            jit = ws.get(j).equals("-X") && ws.get(j + 1).startsWith("jit");
          }
          if (jit) {
            return Optional.of(b + " (JIT enabled)");
          }
        }
        if (bare.equals("ruby")) {
          boolean jit = "1".equals(env.get("RUBY_YJIT_ENABLE"));
          for (int j = i + 1; j < ws.size() && !jit; j++) {
            jit =
                ws.get(j).equals("--yjit")
                    || ws.get(j).equals("--jit")
                    || ws.get(j).equals("--mjit");
          }
          if (jit) {
            return Optional.of(b + " (JIT enabled)");
          }
        }
      }
    }
    return Optional.empty();
  }

  /** Why users' sessions descend from this unit, or empty. */
  public static Optional<String> sessionSpawner(Unit u) {
    Optional<Setting> pam = u.scalar("Service", "PAMName");
    if (pam.isPresent() && !pam.get().value().isBlank()) {
      return Optional.of(
          "PAMName=" + pam.get().value() + " (" + pam.get().location() + ") opens login sessions");
    }
    for (ExecCommand c : u.exec("ExecStart")) {
      String b = basename(c.path());
      if (SESSION_SPAWNERS.contains(b)) {
        return Optional.of(b + " starts users' login sessions");
      }
    }
    return Optional.empty();
  }

  /** A known program of the set run by ExecStart=, or empty. */
  static Optional<String> runs(Unit u, Set<String> names, boolean allExec) {
    for (ExecCommand c : allExec ? commands(u) : u.exec("ExecStart")) {
      if (c.privileged()) {
        continue; // '+': runs outside the sandbox
      }
      for (String p : allExec ? programs(c) : List.of(basename(c.path()))) {
        if (names.contains(p)) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }
}
