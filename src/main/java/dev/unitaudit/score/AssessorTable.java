package dev.unitaudit.score;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The 81 checks of systemd-analyze security 252 in systemd's evaluation order, with systemd's exact
 * names, json_fields (including the stray {@code )} of the NET_BIND row), weights, ranges and
 * description texts. Weights sum to 56460 (../shared/facts/assessors.json).
 */
final class AssessorTable {

  static final List<Assessor> ROWS = build();

  private AssessorTable() {}

  private static List<Assessor> build() {
    List<Assessor> t = new ArrayList<>();
    t.add(
        new Assessor(
            "User=/DynamicUser=",
            "UserOrDynamicUser",
            null,
            "Service runs as root user",
            null,
            2000,
            10,
            false,
            AssessorTable::user));
    t.add(
        new Assessor(
            "SupplementaryGroups=",
            "SupplementaryGroups",
            "Service has no supplementary groups",
            "Service runs with supplementary groups",
            "Service runs as root, option does not matter",
            200,
            1,
            false,
            i -> i.runsPrivileged() ? na() : Badness.of(!i.supplementaryGroups().isEmpty())));
    bool(
        t,
        "PrivateDevices",
        "Service has no access to hardware devices",
        "Service potentially has access to hardware devices",
        1000,
        SecurityInfo::privateDevices);
    bool(
        t,
        "PrivateMounts",
        "Service cannot install system mounts",
        "Service may install system mounts",
        1000,
        SecurityInfo::privateMounts);
    bool(
        t,
        "PrivateNetwork",
        "Service has no access to the host's network",
        "Service has access to the host's network",
        2500,
        SecurityInfo::privateNetwork);
    t.add(
        new Assessor(
            "PrivateTmp=",
            "PrivateTmp",
            "Service has no access to other software's temporary files",
            "Service has access to other software's temporary files",
            null,
            1000,
            1,
            true,
            i -> Badness.of(!i.privateTmp())));
    bool(
        t,
        "PrivateUsers",
        "Service does not have access to other users",
        "Service has access to other users",
        1000,
        SecurityInfo::privateUsers);
    bool(
        t,
        "ProtectControlGroups",
        "Service cannot modify the control group file system",
        "Service may modify the control group file system",
        1000,
        SecurityInfo::protectControlGroups);
    bool(
        t,
        "ProtectKernelModules",
        "Service cannot load or read kernel modules",
        "Service may load or read kernel modules",
        1000,
        SecurityInfo::protectKernelModules);
    bool(
        t,
        "ProtectKernelTunables",
        "Service cannot alter kernel tunables (/proc/sys, …)",
        "Service may alter kernel tunables",
        1000,
        SecurityInfo::protectKernelTunables);
    bool(
        t,
        "ProtectKernelLogs",
        "Service cannot read from or write to the kernel log ring buffer",
        "Service may read from or write to the kernel log ring buffer",
        1000,
        SecurityInfo::protectKernelLogs);
    bool(
        t,
        "ProtectClock",
        "Service cannot write to the hardware clock or system clock",
        "Service may write to the hardware clock or system clock",
        1000,
        SecurityInfo::protectClock);
    t.add(
        new Assessor(
            "ProtectHome=",
            "ProtectHome",
            null,
            null,
            null,
            1000,
            10,
            true,
            AssessorTable::protectHome));
    bool(
        t,
        "ProtectHostname",
        "Service cannot change system host/domainname",
        "Service may change system host/domainname",
        50,
        SecurityInfo::protectHostname);
    t.add(
        new Assessor(
            "ProtectSystem=",
            "ProtectSystem",
            null,
            null,
            null,
            1000,
            10,
            true,
            AssessorTable::protectSystem));
    t.add(
        new Assessor(
            "RootDirectory=/RootImage=",
            "RootDirectoryOrRootImage",
            "Service has its own root directory/image",
            "Service runs within the host's root directory",
            null,
            200,
            1,
            true,
            i -> Badness.of(emptyOrRoot(i.rootDirectory()) && emptyOrRoot(i.rootImage()))));
    bool(
        t,
        "LockPersonality",
        "Service cannot change ABI personality",
        "Service may change ABI personality",
        100,
        SecurityInfo::lockPersonality);
    bool(
        t,
        "MemoryDenyWriteExecute",
        "Service cannot create writable executable memory mappings",
        "Service may create writable executable memory mappings",
        100,
        SecurityInfo::memoryDenyWriteExecute);
    bool(
        t,
        "NoNewPrivileges",
        "Service processes cannot acquire new privileges",
        "Service processes may acquire new privileges",
        1000,
        SecurityInfo::noNewPrivileges);
    capability(
        t,
        "CAP_SYS_ADMIN",
        "CAP_SYS_ADMIN",
        "Service has no administrator privileges",
        "Service has administrator privileges",
        1500,
        "CAP_SYS_ADMIN");
    capability(
        t,
        "CAP_SET(UID|GID|PCAP)",
        "CAP_SET_UID_GID_PCAP",
        "Service cannot change UID/GID identities/capabilities",
        "Service may change UID/GID identities/capabilities",
        1500,
        "CAP_SETUID",
        "CAP_SETGID",
        "CAP_SETPCAP");
    capability(
        t,
        "CAP_SYS_PTRACE",
        "CAP_SYS_PTRACE",
        "Service has no ptrace() debugging abilities",
        "Service has ptrace() debugging abilities",
        1500,
        "CAP_SYS_PTRACE");
    capability(
        t,
        "CAP_SYS_TIME",
        "CAP_SYS_TIME",
        "Service processes cannot change the system clock",
        "Service processes may change the system clock",
        1000,
        "CAP_SYS_TIME");
    capability(
        t,
        "CAP_NET_ADMIN",
        "CAP_NET_ADMIN",
        "Service has no network configuration privileges",
        "Service has network configuration privileges",
        1000,
        "CAP_NET_ADMIN");
    capability(
        t,
        "CAP_SYS_RAWIO",
        "CAP_SYS_RAWIO",
        "Service has no raw I/O access",
        "Service has raw I/O access",
        1000,
        "CAP_SYS_RAWIO");
    capability(
        t,
        "CAP_SYS_MODULE",
        "CAP_SYS_MODULE",
        "Service cannot load kernel modules",
        "Service may load kernel modules",
        1000,
        "CAP_SYS_MODULE");
    capability(
        t,
        "CAP_AUDIT_*",
        "CAP_AUDIT",
        "Service has no audit subsystem access",
        "Service has audit subsystem access",
        500,
        "CAP_AUDIT_CONTROL",
        "CAP_AUDIT_READ",
        "CAP_AUDIT_WRITE");
    capability(
        t,
        "CAP_SYSLOG",
        "CAP_SYSLOG",
        "Service has no access to kernel logging",
        "Service has access to kernel logging",
        500,
        "CAP_SYSLOG");
    capability(
        t,
        "CAP_SYS_(NICE|RESOURCE)",
        "CAP_SYS_NICE_RESOURCE",
        "Service has no privileges to change resource use parameters",
        "Service has privileges to change resource use parameters",
        500,
        "CAP_SYS_NICE",
        "CAP_SYS_RESOURCE");
    capability(
        t,
        "CAP_MKNOD",
        "CAP_MKNOD",
        "Service cannot create device nodes",
        "Service may create device nodes",
        500,
        "CAP_MKNOD");
    capability(
        t,
        "CAP_(CHOWN|FSETID|SETFCAP)",
        "CAP_CHOWN_FSETID_SETFCAP",
        "Service cannot change file ownership/access mode/capabilities",
        "Service may change file ownership/access mode/capabilities unrestricted",
        1000,
        "CAP_CHOWN",
        "CAP_FSETID",
        "CAP_SETFCAP");
    capability(
        t,
        "CAP_(DAC_*|FOWNER|IPC_OWNER)",
        "CAP_DAC_FOWNER_IPC_OWNER",
        "Service cannot override UNIX file/IPC permission checks",
        "Service may override UNIX file/IPC permission checks",
        1000,
        "CAP_DAC_OVERRIDE",
        "CAP_DAC_READ_SEARCH",
        "CAP_FOWNER",
        "CAP_IPC_OWNER");
    capability(
        t,
        "CAP_KILL",
        "CAP_KILL",
        "Service cannot send UNIX signals to arbitrary processes",
        "Service may send UNIX signals to arbitrary processes",
        500,
        "CAP_KILL");
    // systemd 252's json_field for this row really ends in ')'
    capability(
        t,
        "CAP_NET_(BIND_SERVICE|BROADCAST|RAW)",
        "CAP_NET_BIND_SERVICE_BROADCAST_RAW)",
        "Service has no elevated networking privileges",
        "Service has elevated networking privileges",
        500,
        "CAP_NET_BIND_SERVICE",
        "CAP_NET_BROADCAST",
        "CAP_NET_RAW");
    capability(
        t,
        "CAP_SYS_BOOT",
        "CAP_SYS_BOOT",
        "Service cannot issue reboot()",
        "Service may issue reboot()",
        100,
        "CAP_SYS_BOOT");
    capability(
        t,
        "CAP_MAC_*",
        "CAP_MAC",
        "Service cannot adjust SMACK MAC",
        "Service may adjust SMACK MAC",
        100,
        "CAP_MAC_ADMIN",
        "CAP_MAC_OVERRIDE");
    capability(
        t,
        "CAP_LINUX_IMMUTABLE",
        "CAP_LINUX_IMMUTABLE",
        "Service cannot mark files immutable",
        "Service may mark files immutable",
        75,
        "CAP_LINUX_IMMUTABLE");
    capability(
        t,
        "CAP_IPC_LOCK",
        "CAP_IPC_LOCK",
        "Service cannot lock memory into RAM",
        "Service may lock memory into RAM",
        50,
        "CAP_IPC_LOCK");
    capability(
        t,
        "CAP_SYS_CHROOT",
        "CAP_SYS_CHROOT",
        "Service cannot issue chroot()",
        "Service may issue chroot()",
        50,
        "CAP_SYS_CHROOT");
    capability(
        t,
        "CAP_BLOCK_SUSPEND",
        "CAP_BLOCK_SUSPEND",
        "Service cannot establish wake locks",
        "Service may establish wake locks",
        25,
        "CAP_BLOCK_SUSPEND");
    capability(
        t,
        "CAP_WAKE_ALARM",
        "CAP_WAKE_ALARM",
        "Service cannot program timers that wake up the system",
        "Service may program timers that wake up the system",
        25,
        "CAP_WAKE_ALARM");
    capability(
        t,
        "CAP_LEASE",
        "CAP_LEASE",
        "Service cannot create file leases",
        "Service may create file leases",
        25,
        "CAP_LEASE");
    capability(
        t,
        "CAP_SYS_TTY_CONFIG",
        "CAP_SYS_TTY_CONFIG",
        "Service cannot issue vhangup()",
        "Service may issue vhangup()",
        25,
        "CAP_SYS_TTY_CONFIG");
    capability(
        t,
        "CAP_SYS_PACCT",
        "CAP_SYS_PACCT",
        "Service cannot use acct()",
        "Service may use acct()",
        25,
        "CAP_SYS_PACCT");
    capability(
        t,
        "CAP_BPF",
        "CAP_BPF",
        "Service may not load BPF programs",
        "Service may load BPF programs",
        25,
        "CAP_BPF");
    t.add(new Assessor("UMask=", "UMask", null, null, null, 100, 10, false, AssessorTable::umask));
    t.add(
        new Assessor(
            "KeyringMode=",
            "KeyringMode",
            "Service doesn't share key material with other services",
            "Service shares key material with other service",
            null,
            1000,
            1,
            false,
            i -> Badness.of(!"private".equals(i.keyringMode()))));
    t.add(
        new Assessor(
            "ProtectProc=",
            "ProtectProc",
            "Service has restricted access to process tree (/proc hidepid=)",
            "Service has full access to process tree (/proc hidepid=)",
            null,
            1000,
            3,
            false,
            AssessorTable::protectProc));
    t.add(
        new Assessor(
            "ProcSubset=",
            "ProcSubset",
            "Service has no access to non-process /proc files (/proc subset=)",
            "Service has full access to non-process /proc files (/proc subset=)",
            null,
            10,
            1,
            false,
            i -> Badness.of(!"pid".equals(i.procSubset()))));
    t.add(
        new Assessor(
            "NotifyAccess=",
            "NotifyAccess",
            "Service child processes cannot alter service state",
            "Service child processes may alter service state",
            null,
            1000,
            1,
            false,
            i -> Badness.of("all".equals(i.notifyAccess()))));
    t.add(
        new Assessor(
            "RemoveIPC=",
            "RemoveIPC",
            "Service user cannot leave SysV IPC objects around",
            "Service user may leave SysV IPC objects around",
            "Service runs as root, option does not apply",
            100,
            1,
            false,
            i -> i.runsPrivileged() ? na() : Badness.of(!i.removeIpc())));
    t.add(
        new Assessor(
            "Delegate=",
            "Delegate",
            "Service does not maintain its own delegated control group subtree",
            "Service maintains its own delegated control group subtree",
            null,
            100,
            1,
            false,
            i -> Badness.of(i.delegate())));
    bool(
        t,
        "RestrictRealtime",
        "Service realtime scheduling access is restricted",
        "Service may acquire realtime scheduling",
        500,
        SecurityInfo::restrictRealtime);
    bool(
        t,
        "RestrictSUIDSGID",
        "SUID/SGID file creation by service is restricted",
        "Service may create SUID/SGID files",
        1000,
        SecurityInfo::restrictSuidSgid);
    namespace(t, "user", "user", 1500);
    namespace(t, "mnt", "file system", 500);
    namespace(t, "ipc", "IPC", 500);
    namespace(t, "pid", "process", 500);
    namespace(t, "cgroup", "cgroup", 500);
    namespace(t, "net", "network", 500);
    namespace(t, "uts", "hostname", 100);
    family(
        t,
        "AF_(INET|INET6)",
        "AF_INET_INET6",
        "Internet",
        1500,
        af -> af == AddressFamilies.AF_INET || af == AddressFamilies.AF_INET6);
    family(t, "AF_UNIX", "AF_UNIX", "local", 25, af -> af == AddressFamilies.AF_UNIX);
    family(t, "AF_NETLINK", "AF_NETLINK", "netlink", 200, af -> af == AddressFamilies.AF_NETLINK);
    family(t, "AF_PACKET", "AF_PACKET", "packet", 1000, af -> af == AddressFamilies.AF_PACKET);
    family(
        t,
        "…",
        "OTHER",
        "exotic",
        1250,
        af ->
            af != AddressFamilies.AF_INET
                && af != AddressFamilies.AF_INET6
                && af != AddressFamilies.AF_UNIX
                && af != AddressFamilies.AF_NETLINK
                && af != AddressFamilies.AF_PACKET);
    t.add(
        new Assessor(
            "SystemCallArchitectures=",
            "SystemCallArchitectures",
            null,
            null,
            null,
            1000,
            10,
            false,
            AssessorTable::architectures));
    for (Object[] g :
        new Object[][] {
          {"@swap", 1000},
          {"@obsolete", 250},
          {"@clock", 1000},
          {"@cpu-emulation", 250},
          {"@debug", 1000},
          {"@mount", 1000},
          {"@module", 1000},
          {"@raw-io", 1000},
          {"@reboot", 1000},
          {"@privileged", 700},
          {"@resources", 700}
        }) {
      String group = (String) g[0];
      t.add(
          new Assessor(
              "SystemCallFilter=~" + group,
              "SystemCallFilter_" + group.substring(1).replace('-', '_'),
              null,
              null,
              null,
              (Integer) g[1],
              10,
              false,
              i -> syscallFilter(i, group)));
    }
    t.add(
        new Assessor(
            "IPAddressDeny=",
            "IPAddressDeny",
            null,
            null,
            null,
            1000,
            10,
            false,
            AssessorTable::ipAddress));
    t.add(
        new Assessor(
            "DeviceAllow=",
            "DeviceAllow",
            null,
            null,
            null,
            1000,
            10,
            false,
            AssessorTable::deviceAllow));
    t.add(
        new Assessor(
            "AmbientCapabilities=",
            "AmbientCapabilities",
            "Service process does not receive ambient capabilities",
            "Service process receives ambient capabilities",
            null,
            500,
            1,
            false,
            i -> Badness.of(i.ambientCapabilities() != 0)));
    return Collections.unmodifiableList(t);
  }

  private static Badness na() {
    return new Badness(Badness.NOT_APPLICABLE, null);
  }

  private static void bool(
      List<Assessor> t,
      String key,
      String good,
      String bad,
      long weight,
      Predicate<SecurityInfo> on) {
    t.add(
        new Assessor(
            key + "=", key, good, bad, null, weight, 1, false, i -> Badness.of(!on.test(i))));
  }

  private static void capability(
      List<Assessor> t,
      String shown,
      String field,
      String good,
      String bad,
      long weight,
      String... caps) {
    long mask = 0;
    for (String c : caps) {
      mask |= Capabilities.bit(c);
    }
    long m = mask;
    t.add(
        new Assessor(
            "CapabilityBoundingSet=~" + shown,
            "CapabilityBoundingSet_" + field,
            good,
            bad,
            null,
            weight,
            1,
            false,
            i -> Badness.of((i.capabilityBoundingSet() & m) != 0)));
  }

  private static void namespace(List<Assessor> t, String type, String words, long weight) {
    long bit = Namespaces.bit(type);
    t.add(
        new Assessor(
            "RestrictNamespaces=~" + type,
            "RestrictNamespaces_" + type,
            "Service cannot create " + words + " namespaces",
            "Service may create " + words + " namespaces",
            null,
            weight,
            1,
            false,
            i -> Badness.of((i.namespaces() & bit) != 0)));
  }

  /**
   * The flag starts as "allow list"; every configured family of the bucket flips it to the
   * opposite, so an allow list is bad when it names one, a deny list good when it names one.
   */
  private static void family(
      List<Assessor> t,
      String shown,
      String field,
      String words,
      long weight,
      Predicate<Integer> bucket) {
    t.add(
        new Assessor(
            "RestrictAddressFamilies=~" + shown,
            "RestrictAddressFamilies_" + field,
            "Service cannot allocate " + words + " sockets",
            "Service may allocate " + words + " sockets",
            null,
            weight,
            1,
            false,
            i -> {
              boolean flag = i.addressFamiliesAllowList();
              for (int af : i.addressFamilies()) {
                if (bucket.test(af)) {
                  flag = !i.addressFamiliesAllowList();
                }
              }
              return Badness.of(!flag);
            }));
  }

  private static Badness user(SecurityInfo i) {
    String u = i.user();
    if ("nobody".equals(u)) {
      return new Badness(
          9, "Service runs under as 'nobody' user, which should not be used for services");
    }
    boolean root = "0".equals(u) || "root".equals(u);
    if (i.dynamicUser() && !root) {
      return new Badness(0, "Service runs under a transient non-root user identity");
    }
    if (u != null && !root && !u.isEmpty()) {
      return new Badness(0, "Service runs under a static non-root user identity");
    }
    return Badness.of(10);
  }

  private static Badness protectHome(SecurityInfo i) {
    return switch (i.protectHome()) {
      case "yes" -> new Badness(0, "Service has no access to home directories");
      case "read-only" -> new Badness(5, "Service has read-only access to home directories");
      case "tmpfs" -> new Badness(1, "Service has access to fake empty home directories");
      default -> new Badness(10, "Service has full access to home directories");
    };
  }

  private static Badness protectSystem(SecurityInfo i) {
    return switch (i.protectSystem()) {
      case "strict" ->
          new Badness(0, "Service has strict read-only access to the OS file hierarchy");
      case "full" ->
          new Badness(3, "Service has very limited write access to the OS file hierarchy");
      case "yes" -> new Badness(5, "Service has limited write access to the OS file hierarchy");
      default -> new Badness(10, "Service has full access to the OS file hierarchy");
    };
  }

  private static boolean emptyOrRoot(String path) {
    return path == null || path.chars().allMatch(c -> c == '/');
  }

  private static Badness umask(SecurityInfo i) {
    int m = i.umask();
    if ((m & 0002) == 0) {
      return new Badness(10, "Files created by service are world-writable by default");
    } else if ((m & 0004) == 0) {
      return new Badness(5, "Files created by service are world-readable by default");
    } else if ((m & 0020) == 0) {
      return new Badness(2, "Files created by service are group-writable by default");
    } else if ((m & 0040) == 0) {
      return new Badness(1, "Files created by service are group-readable by default");
    }
    return new Badness(
        0, "Files created by service are accessible only by service's own user by default");
  }

  private static Badness protectProc(SecurityInfo i) {
    return switch (i.protectProc()) {
      case "noaccess" -> Badness.of(1);
      case "invisible", "ptraceable" -> Badness.of(0);
      default -> Badness.of(3);
    };
  }

  private static Badness architectures(SecurityInfo i) {
    var a = i.systemCallArchitectures();
    if (a.isEmpty()) {
      return new Badness(10, "Service may execute system calls with all ABIs");
    }
    if (a.size() == 1 && a.contains("native")) {
      return new Badness(0, "Service may execute system calls only with native ABI");
    }
    return new Badness(8, "Service may execute system calls with multiple ABIs");
  }

  private static Badness syscallFilter(SecurityInfo i, String group) {
    Map<String, Integer> f = i.systemCallFilter();
    boolean allow = i.systemCallFilterAllowList();
    if (!allow && f.isEmpty()) {
      return new Badness(10, "Service does not filter system calls");
    }
    String offender = null;
    for (String name : SyscallGroups.get().members(group)) {
      if (f.containsKey(name) == allow) {
        offender = name;
        break;
      }
    }
    if (allow) {
      return offender != null
          ? new Badness(
              9,
              "System call allow list defined for service, and "
                  + group
                  + " is included (e.g. "
                  + offender
                  + " is allowed)")
          : new Badness(
              0, "System call allow list defined for service, and " + group + " is not included");
    }
    return offender != null
        ? new Badness(
            10,
            "System call deny list defined for service, and "
                + group
                + " is not included (e.g. "
                + offender
                + " is allowed)")
        : new Badness(
            0, "System call deny list defined for service, and " + group + " is included");
  }

  private static Badness ipAddress(SecurityInfo i) {
    if (i.ipCustomFilters()) {
      return new Badness(0, "Service defines custom ingress/egress IP filters with BPF programs");
    } else if (!i.ipDenyAll()) {
      return new Badness(10, "Service does not define an IP address allow list");
    } else if (i.ipAllowOther()) {
      return new Badness(5, "Service defines IP address allow list with non-localhost entries");
    } else if (i.ipAllowLocalhost()) {
      return new Badness(2, "Service defines IP address allow list with only localhost entries");
    }
    return new Badness(0, "Service blocks all IP address ranges");
  }

  private static Badness deviceAllow(SecurityInfo i) {
    String p = i.devicePolicy();
    if (p.equals("strict") || p.equals("closed")) {
      if (!i.deviceAllow().isEmpty()) {
        return new Badness(
            5,
            "Service has a device ACL with some special devices: "
                + String.join(" ", i.deviceAllow()));
      }
      return new Badness(0, "Service has a minimal device ACL");
    }
    return new Badness(10, "Service has no device ACL");
  }

  /** For tests: look a row up by json_field. */
  static Assessor byField(String field) {
    return ROWS.stream().filter(a -> a.jsonField().equals(field)).findFirst().orElseThrow();
  }

  static <T> List<T> map(Function<Assessor, T> f) {
    return ROWS.stream().map(f).toList();
  }
}
