package dev.unitaudit.score;

import dev.unitaudit.model.ListValueWarnings;
import dev.unitaudit.model.Specifiers;
import dev.unitaudit.model.UnitName;
import dev.unitaudit.model.Values;
import dev.unitaudit.syntax.Assignment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Replays a unit's applied assignments (fragment, then drop-ins, only those systemd accepted)
 * through the setting parsers the assessors depend on, then applies the manager's implied changes
 * (unit_patch_contexts()): DynamicUser= sandboxing, capabilities dropped by Protect*=/Private*=,
 * device ACL entries. The result is what systemd-analyze security --offline sees.
 */
final class SecurityInfoReader {

  private static final Pattern USER_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,30}");
  private static final Set<String> ARCHITECTURES =
      Set.of(
          "native",
          "x86",
          "x86-64",
          "x32",
          "arm",
          "arm64",
          "mips",
          "mips64",
          "mips64-n32",
          "mips-le",
          "mips64-le",
          "mips64-le-n32",
          "parisc",
          "parisc64",
          "ppc",
          "ppc64",
          "ppc64-le",
          "riscv64",
          "s390",
          "s390x");

  private final UnitName name;
  private final String exec;

  private boolean defaultDependencies = true;
  private String user;
  private boolean dynamicUser;
  private List<String> supplementaryGroups = new ArrayList<>();
  private long bounding = Capabilities.ALL;
  private long ambient;
  private boolean privateDevices;
  private boolean privateMounts;
  private boolean privateNetwork;
  private boolean privateTmp;
  private boolean privateUsers;
  private boolean protectControlGroups;
  private boolean protectKernelModules;
  private boolean protectKernelTunables;
  private boolean protectKernelLogs;
  private boolean protectClock;
  private boolean protectHostname;
  private String protectHome = "no";
  private String protectSystem = "no";
  private String rootDirectory;
  private String rootImage;
  private boolean mountImages;
  private boolean lockPersonality;
  private boolean memoryDenyWriteExecute;
  private boolean noNewPrivileges;
  private int umask = 0022;
  private String keyringMode;
  private String protectProc = "default";
  private String procSubset = "all";
  private String notifyAccess;
  private boolean removeIpc;
  private boolean delegate;
  private boolean restrictRealtime;
  private boolean restrictSuidSgid;
  private long namespaces = Namespaces.INITIAL;
  private Set<Integer> families;
  private boolean familiesAllowList;
  private Set<String> architectures = new LinkedHashSet<>();
  private final SyscallFilter filter = new SyscallFilter();
  private List<IpAccess.Prefix> ipAllow = new ArrayList<>();
  private List<IpAccess.Prefix> ipDeny = new ArrayList<>();
  private int ingressFilters;
  private int egressFilters;
  private String devicePolicy = "auto";
  private final List<String> deviceAllow = new ArrayList<>();
  private boolean encryptedCredentials;

  private SecurityInfoReader(UnitName name) {
    this.name = name;
    this.exec = name.type().typeSection();
    // exec_context_init(): system-scope services keep their own session keyring
    this.keyringMode =
        switch (name.type()) {
          case SERVICE -> "private";
          default -> "shared";
        };
  }

  static SecurityInfo read(UnitName name, List<Assignment> applied) {
    SecurityInfoReader r = new SecurityInfoReader(name);
    for (Assignment a : applied) {
      if ("Unit".equals(a.section())) {
        if ("DefaultDependencies".equals(a.key())) {
          r.defaultDependencies = r.bool(a.value(), r.defaultDependencies);
        }
      } else if (r.exec.equals(a.section())) {
        r.apply(a.key(), a.value());
      }
    }
    return r.finish();
  }

  private boolean bool(String value, boolean current) {
    Boolean b = Values.parseBoolean(value);
    return b == null ? current : b;
  }

  private String printf(String v) {
    return Specifiers.expand(v, name);
  }

  @SuppressWarnings("checkstyle:CyclomaticComplexity")
  private void apply(String key, String v) {
    switch (key) {
      case "User" -> user = v.isEmpty() ? null : printf(v);
      case "DynamicUser" -> dynamicUser = bool(v, dynamicUser);
      case "SupplementaryGroups" -> {
        if (v.isEmpty()) {
          supplementaryGroups = new ArrayList<>();
        } else {
          for (String w : ScoreWords.split(v)) {
            supplementaryGroups.add(printf(w));
          }
        }
      }
      case "CapabilityBoundingSet" -> bounding = Capabilities.apply(bounding, Capabilities.ALL, v);
      case "AmbientCapabilities" -> ambient = Capabilities.apply(ambient, 0, v);
      case "PrivateDevices" -> privateDevices = bool(v, privateDevices);
      case "PrivateMounts" -> privateMounts = bool(v, privateMounts);
      case "PrivateNetwork" -> privateNetwork = bool(v, privateNetwork);
      case "PrivateTmp" -> privateTmp = bool(v, privateTmp);
      case "PrivateUsers" -> privateUsers = bool(v, privateUsers);
      case "ProtectControlGroups" -> protectControlGroups = bool(v, protectControlGroups);
      case "ProtectKernelModules" -> protectKernelModules = bool(v, protectKernelModules);
      case "ProtectKernelTunables" -> protectKernelTunables = bool(v, protectKernelTunables);
      case "ProtectKernelLogs" -> protectKernelLogs = bool(v, protectKernelLogs);
      case "ProtectClock" -> protectClock = bool(v, protectClock);
      case "ProtectHostname" -> protectHostname = bool(v, protectHostname);
      case "ProtectHome" -> protectHome = enumOrBool(v, protectHome, "read-only", "tmpfs");
      case "ProtectSystem" -> protectSystem = enumOrBool(v, protectSystem, "full", "strict");
      case "RootDirectory" -> rootDirectory = v.isEmpty() ? null : printf(v);
      case "RootImage" -> rootImage = v.isEmpty() ? null : printf(v);
      case "MountImages" -> mountImages = !v.isEmpty();
      case "LockPersonality" -> lockPersonality = bool(v, lockPersonality);
      case "MemoryDenyWriteExecute" -> memoryDenyWriteExecute = bool(v, memoryDenyWriteExecute);
      case "NoNewPrivileges" -> noNewPrivileges = bool(v, noNewPrivileges);
      case "UMask" -> umask = mode(v, umask);
      case "KeyringMode" -> keyringMode = oneOf(v, keyringMode, "inherit", "private", "shared");
      case "ProtectProc" ->
          protectProc = oneOf(v, protectProc, "noaccess", "invisible", "ptraceable", "default");
      case "ProcSubset" -> procSubset = oneOf(v, procSubset, "all", "pid");
      case "NotifyAccess" -> notifyAccess = oneOf(v, notifyAccess, "none", "main", "exec", "all");
      case "RemoveIPC" -> removeIpc = bool(v, removeIpc);
      case "Delegate" -> delegate = v.isEmpty() || bool(v, true);
      case "RestrictRealtime" -> restrictRealtime = bool(v, restrictRealtime);
      case "RestrictSUIDSGID" -> restrictSuidSgid = bool(v, restrictSuidSgid);
      case "RestrictNamespaces" -> namespaces = Namespaces.apply(namespaces, v);
      case "RestrictAddressFamilies" -> addressFamilies(v);
      case "SystemCallArchitectures" -> {
        if (v.isEmpty()) {
          architectures = new LinkedHashSet<>();
        } else {
          for (String w : ScoreWords.split(v)) {
            if (ARCHITECTURES.contains(w)) {
              architectures.add(w);
            }
          }
        }
      }
      case "SystemCallFilter" -> filter.apply(v);
      case "IPAddressAllow" ->
          ipAllow = v.isEmpty() ? new ArrayList<>() : append(ipAllow, IpAccess.parse(v));
      case "IPAddressDeny" ->
          ipDeny = v.isEmpty() ? new ArrayList<>() : append(ipDeny, IpAccess.parse(v));
      case "IPIngressFilterPath" -> ingressFilters = v.isEmpty() ? 0 : ingressFilters + 1;
      case "IPEgressFilterPath" -> egressFilters = v.isEmpty() ? 0 : egressFilters + 1;
      case "DevicePolicy" -> devicePolicy = oneOf(v, devicePolicy, "auto", "closed", "strict");
      case "DeviceAllow" -> deviceAllow(v);
      case "LoadCredentialEncrypted", "SetCredentialEncrypted" ->
          encryptedCredentials = !v.isEmpty();
      default -> {
        // not read by any assessor
      }
    }
  }

  private static List<IpAccess.Prefix> append(
      List<IpAccess.Prefix> list, List<IpAccess.Prefix> more) {
    list.addAll(more);
    return list;
  }

  private static String enumOrBool(String v, String current, String... words) {
    Boolean b = Values.parseBoolean(v);
    if (b != null) {
      return b ? "yes" : "no";
    }
    return oneOf(v, current, words);
  }

  private static String oneOf(String v, String current, String... words) {
    for (String w : words) {
      if (w.equals(v)) {
        return w;
      }
    }
    return current;
  }

  /** parse_mode(): octal, at most 07777. */
  private static int mode(String v, int current) {
    String s = v.strip();
    if (s.isEmpty() || s.length() > 5 || !s.chars().allMatch(c -> c >= '0' && c <= '7')) {
      return current;
    }
    int m = Integer.parseInt(s, 8);
    return m <= 07777 ? m : current;
  }

  /**
   * config_parse_address_families(): the set is created, with its mode, before the words are read.
   */
  private void addressFamilies(String v) {
    if (v.isEmpty()) {
      families = null;
      familiesAllowList = false;
      return;
    }
    if (v.equals("none")) {
      families = null;
      familiesAllowList = true;
      return;
    }
    boolean invert = v.startsWith("~");
    String words = invert ? v.substring(1) : v;
    if (families == null) {
      families = new HashSet<>();
      familiesAllowList = !invert;
    }
    for (String w : ScoreWords.split(words)) {
      int af = AddressFamilies.number(w);
      if (af < 0) {
        continue;
      }
      if (!invert == familiesAllowList) {
        families.add(af);
      } else {
        families.remove(af);
      }
    }
  }

  /** config_parse_device_allow(): one path (or block-/char- class) and optional rwm rights. */
  private void deviceAllow(String v) {
    if (v.isEmpty()) {
      deviceAllow.clear();
      return;
    }
    // the loader's own reading of the line (it also says why systemd would ignore it)
    ListValueWarnings.DeviceRule d = ListValueWarnings.deviceAllow(v, this::printf);
    if (d.problem() == null) {
      addDevice(d.path(), d.rights());
    }
  }

  /** cgroup_add_device_allow(): newest entries go first. */
  private void addDevice(String path, String rights) {
    boolean all = rights.isEmpty();
    String perms =
        (all || rights.indexOf('r') >= 0 ? "r" : "")
            + (all || rights.indexOf('w') >= 0 ? "w" : "")
            + (all || rights.indexOf('m') >= 0 ? "m" : "");
    deviceAllow.add(0, path + ":" + perms);
  }

  private SecurityInfo finish() {
    if (dynamicUser) {
      if (user == null) {
        String prefix = name.prefix();
        user = USER_NAME.matcher(prefix).matches() ? prefix : "_du-hashed";
      }
      privateTmp = true;
      removeIpc = true;
      protectSystem = "strict";
      if (protectHome.equals("no")) {
        protectHome = "read-only";
      }
      noNewPrivileges = true;
      restrictSuidSgid = true;
    }
    if (privateDevices) {
      bounding &= ~(Capabilities.bit("CAP_MKNOD") | Capabilities.bit("CAP_SYS_RAWIO"));
      if (devicePolicy.equals("auto")) {
        devicePolicy = "closed";
      }
    }
    if (protectKernelModules) {
      bounding &= ~Capabilities.bit("CAP_SYS_MODULE");
    }
    if (protectKernelLogs) {
      bounding &= ~Capabilities.bit("CAP_SYSLOG");
    }
    if (protectClock) {
      bounding &= ~(Capabilities.bit("CAP_SYS_TIME") | Capabilities.bit("CAP_WAKE_ALARM"));
    }
    if (!devicePolicy.equals("auto") || !deviceAllow.isEmpty()) {
      if (rootImage != null || mountImages) {
        addDevice("/dev/loop-control", "rw");
        addDevice("/dev/mapper/control", "rw");
        addDevice("block-loop", "rwm");
        addDevice("block-blkext", "rwm");
        addDevice("block-device-mapper", "rwm");
      }
      if (protectClock) {
        addDevice("char-rtc", "r");
      }
      if (encryptedCredentials) {
        addDevice("/dev/tpmrm0", "rw");
      }
    }
    boolean denyV4 = false;
    boolean denyV6 = false;
    for (IpAccess.Prefix p : ipDeny) {
      if (p.length() == 0) {
        denyV4 |= !p.ipv6();
        denyV6 |= p.ipv6();
      }
    }
    boolean allowLocal = false;
    boolean allowOther = false;
    for (IpAccess.Prefix p : ipAllow) {
      allowLocal |= p.localhost();
      allowOther |= !p.localhost();
    }
    return new SecurityInfo(
        name.name(),
        defaultDependencies,
        user,
        dynamicUser,
        List.copyOf(supplementaryGroups),
        bounding,
        ambient,
        privateDevices,
        privateMounts,
        privateNetwork,
        privateTmp,
        privateUsers,
        protectControlGroups,
        protectKernelModules,
        protectKernelTunables,
        protectKernelLogs,
        protectClock,
        protectHostname,
        protectHome,
        protectSystem,
        rootDirectory,
        rootImage,
        lockPersonality,
        memoryDenyWriteExecute,
        noNewPrivileges,
        umask,
        keyringMode,
        protectProc,
        procSubset,
        name.type() == dev.unitaudit.model.UnitType.SERVICE ? notifyAccess : null,
        removeIpc,
        delegate,
        restrictRealtime,
        restrictSuidSgid,
        namespaces == Namespaces.INITIAL ? Namespaces.ALL : namespaces,
        familiesAllowList,
        families == null ? Set.of() : Set.copyOf(families),
        Set.copyOf(architectures),
        filter.allowList(),
        filter.analyzed(),
        denyV4 && denyV6,
        allowLocal,
        allowOther,
        ingressFilters > 0 || egressFilters > 0,
        devicePolicy,
        List.copyOf(deviceAllow));
  }
}
