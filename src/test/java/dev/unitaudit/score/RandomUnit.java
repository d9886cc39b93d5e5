package dev.unitaudit.score;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Writes a random service that exercises the settings the assessors read: valid and invalid values,
 * resets, repeated list assignments and overriding drop-ins.
 */
final class RandomUnit {

  private static final String[] BOOLEANS = {"yes", "no", "true", "0", "on", "Off", "maybe", ""};

  private static final List<String> BOOLEAN_KEYS =
      List.of(
          "PrivateDevices",
          "PrivateMounts",
          "PrivateNetwork",
          "PrivateTmp",
          "PrivateUsers",
          "ProtectControlGroups",
          "ProtectKernelModules",
          "ProtectKernelTunables",
          "ProtectKernelLogs",
          "ProtectClock",
          "ProtectHostname",
          "LockPersonality",
          "MemoryDenyWriteExecute",
          "NoNewPrivileges",
          "RemoveIPC",
          "RestrictRealtime",
          "RestrictSUIDSGID",
          "DynamicUser");

  private static final String[][] CHOICES = {
    {"User", "root", "0", "nobody", "65534", "svc", "%p", ""},
    {"SupplementaryGroups", "adm", "adm wheel", ""},
    {
      "CapabilityBoundingSet",
      "",
      "~",
      "CAP_SYS_ADMIN",
      "~CAP_SYS_ADMIN CAP_NET_RAW",
      "CAP_NET_BIND_SERVICE CAP_KILL",
      "cap_chown",
      "~CAP_SYS_TIME CAP_WAKE_ALARM CAP_BPF",
      "CAP_BOGUS",
      "12 21",
      "~CAP_MKNOD"
    },
    {"AmbientCapabilities", "", "CAP_NET_BIND_SERVICE", "~CAP_NET_BIND_SERVICE", "CAP_BOGUS"},
    {"ProtectHome", "yes", "no", "read-only", "tmpfs", "true", "bogus", ""},
    {"ProtectSystem", "yes", "no", "full", "strict", "false", "bogus", ""},
    {"RootDirectory", "/", "/srv/root", "//", ""},
    {"UMask", "0022", "0077", "0027", "0002", "0007", "0070", "0000", "777", "bogus"},
    {"KeyringMode", "private", "shared", "inherit", "bogus"},
    {"ProtectProc", "noaccess", "invisible", "ptraceable", "default", "bogus"},
    {"ProcSubset", "pid", "all", "bogus"},
    {"NotifyAccess", "all", "main", "none", "exec"},
    {"Delegate", "yes", "no", "", "cpu memory", "bogus", "\"cpu\" memory"},
    {
      "RestrictNamespaces",
      "yes",
      "no",
      "",
      "user net",
      "~user",
      "~mnt pid",
      "cgroup ipc uts",
      "bogus",
      "~yes",
      "\"net\" ipc",
      "~\"user\""
    },
    {
      "RestrictAddressFamilies",
      "",
      "none",
      "AF_UNIX",
      "AF_INET AF_INET6",
      "~AF_INET",
      "~AF_PACKET AF_NETLINK",
      "AF_UNIX AF_NETLINK",
      "~AF_BLUETOOTH",
      "AF_UNSPEC",
      "AF_LOCAL AF_ROUTE",
      "~AF_UNIX",
      "af_unix",
      "~af_inet Af_Inet6",
      "\"AF_UNIX\" AF_INET"
    },
    {"SystemCallArchitectures", "native", "", "native x86-64", "x86-64", "bogus", "native native"},
    {
      "SystemCallFilter",
      "",
      "@system-service",
      "~@privileged @resources",
      "~@mount",
      "@default",
      "~@clock:EPERM",
      "@system-service @clock",
      "~@debug @obsolete @cpu-emulation @raw-io @reboot @swap @module",
      "~swapon:EACCES",
      "setuid",
      "@bogus",
      "~reboot",
      "~@chown",
      "\"@clock\"",
      "@clock:EPERM",
      "~@foo:XYZ",
      "~@privileged:EPERM @mount"
    },
    {"IPAddressDeny", "any", "", "0.0.0.0/0", "::/0", "0.0.0.0/0 ::/0", "10.0.0.0/8", "bogus"},
    {
      "IPAddressAllow",
      "localhost",
      "",
      "127.0.0.1",
      "10.1.2.3/8",
      "::1",
      "link-local",
      "any",
      "127.0.0.1/4",
      "10.0.0.0/010",
      "010.0.0.1",
      "LOCALHOST",
      "\"10.0.0.1\" ::1",
      "127.0.0.1/0x8"
    },
    {"IPIngressFilterPath", "/sys/fs/bpf/foo", ""},
    {"DevicePolicy", "auto", "closed", "strict", "bogus"},
    {
      "DeviceAllow",
      "/dev/null rw",
      "char-rtc r",
      "",
      "block-loop",
      "/dev/sda rwm",
      "/dev//null r",
      "/tmp/x r",
      "/dev/null r w",
      "/dev r",
      "/dev/../etc/x r",
      "\"/dev/null\" rw"
    },
    {"RootImage", "/srv/img.raw", ""},
  };

  private RandomUnit() {}

  /** {@code count} units gen0.service… written into {@code dir} from one seed; their names. */
  static java.util.List<String> writeTree(Path dir, long seed, int count) throws IOException {
    Random rnd = new Random(seed);
    java.util.List<String> names = new java.util.ArrayList<>();
    for (int i = 0; i < count; i++) {
      String name = "gen" + i + ".service";
      names.add(name);
      write(rnd, dir, name);
    }
    return names;
  }

  static void write(Random rnd, Path dir, String name) throws IOException {
    StringBuilder unit = new StringBuilder("[Unit]\nDescription=generated\n");
    if (rnd.nextInt(6) == 0) {
      unit.append("DefaultDependencies=").append(rnd.nextBoolean() ? "no" : "yes").append('\n');
    }
    unit.append("[Service]\nExecStart=/bin/true\n");
    int lines = rnd.nextInt(25);
    for (int i = 0; i < lines; i++) {
      unit.append(line(rnd)).append('\n');
    }
    Files.writeString(dir.resolve(name), unit.toString());
    if (rnd.nextInt(3) == 0) {
      Path d = Files.createDirectories(dir.resolve(name + ".d"));
      StringBuilder drop = new StringBuilder("[Service]\n");
      int more = 1 + rnd.nextInt(6);
      for (int i = 0; i < more; i++) {
        drop.append(line(rnd)).append('\n');
      }
      Files.writeString(d.resolve("override.conf"), drop.toString());
    }
  }

  /**
   * Keys the assessors of systemd-analyze security 252 read, keys whose bad value fails the unit,
   * and keys that tie units of one run together: the parser draws leave them to the lines above, so
   * that SystemdDifferentialTest still compares scores on mostly loaded units.
   */
  private static final java.util.Set<String> SCORED =
      java.util.Set.of(
          "User",
          "DynamicUser",
          "Group",
          "SupplementaryGroups",
          "PrivateDevices",
          "PrivateMounts",
          "PrivateNetwork",
          "PrivateTmp",
          "PrivateUsers",
          "PrivateIPC",
          "ProtectControlGroups",
          "ProtectKernelModules",
          "ProtectKernelTunables",
          "ProtectKernelLogs",
          "ProtectClock",
          "ProtectHome",
          "ProtectHostname",
          "ProtectSystem",
          "RootDirectory",
          "RootImage",
          "RootVerity",
          "LockPersonality",
          "MemoryDenyWriteExecute",
          "NoNewPrivileges",
          "CapabilityBoundingSet",
          "AmbientCapabilities",
          "UMask",
          "KeyringMode",
          "ProtectProc",
          "ProcSubset",
          "NotifyAccess",
          "RemoveIPC",
          "Delegate",
          "RestrictRealtime",
          "RestrictSUIDSGID",
          "RestrictNamespaces",
          "RestrictAddressFamilies",
          "SystemCallArchitectures",
          "SystemCallFilter",
          "IPAddressDeny",
          "IPAddressAllow",
          "DevicePolicy",
          "DeviceAllow",
          "IPIngressFilterPath",
          "IPEgressFilterPath",
          "NetworkNamespacePath",
          "IPCNamespacePath",
          "WorkingDirectory",
          "Type",
          "ExecStart",
          // one manager loads every unit of a run: two units with one bus name refuse each other
          "BusName");

  /** [Service] keys of every ported value parser, with the samples to draw from. */
  private static final java.util.List<String[]> PARSER_DRAWS = parserDraws();

  private static java.util.List<String[]> parserDraws() {
    dev.unitaudit.model.ValueParsers parsers = dev.unitaudit.model.ValueParsers.forVersion(252);
    java.util.List<String[]> draws = new java.util.ArrayList<>();
    for (String parser : new java.util.TreeSet<>(parsers.portedParsers())) {
      java.util.List<String> samples = dev.unitaudit.ParserSamples.all().get(parser);
      for (String sk : parsers.keysOf(parser)) {
        String key = sk.substring(sk.indexOf('.') + 1);
        if (sk.startsWith("Service.") && !SCORED.contains(key) && samples != null) {
          String[] d = new String[samples.size() + 1];
          d[0] = key;
          for (int i = 0; i < samples.size(); i++) {
            d[i + 1] = samples.get(i);
          }
          draws.add(d);
        }
      }
    }
    return java.util.List.copyOf(draws);
  }

  private static String line(Random rnd) {
    if (rnd.nextInt(4) == 0) {
      String[] d = PARSER_DRAWS.get(rnd.nextInt(PARSER_DRAWS.size()));
      return d[0] + "=" + d[1 + rnd.nextInt(d.length - 1)];
    }
    if (rnd.nextInt(3) == 0) {
      String key = BOOLEAN_KEYS.get(rnd.nextInt(BOOLEAN_KEYS.size()));
      return key + "=" + BOOLEANS[rnd.nextInt(BOOLEANS.length)];
    }
    String[] c = CHOICES[rnd.nextInt(CHOICES.length)];
    return c[0] + "=" + c[1 + rnd.nextInt(c.length - 1)];
  }
}
