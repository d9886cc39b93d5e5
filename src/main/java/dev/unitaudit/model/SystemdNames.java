package dev.unitaudit.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names systemd 252 accepts inside list settings, so that the loader can say which words it ignores
 * and the exposure score can read the rest: namespace types, seccomp architectures, cgroup
 * controllers, system call groups and address families.
 */
public final class SystemdNames {

  /** namespace_info[] order (RestrictNamespaces=); a type's bit is 1 << its index. */
  public static final List<String> NAMESPACES =
      List.of("cgroup", "ipc", "net", "mnt", "pid", "user", "uts");

  /** seccomp_arch_from_string() on x86_64 (SystemCallArchitectures=). */
  public static final Set<String> ARCHITECTURES =
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

  /** cgroup_controller_from_string() (Delegate=). */
  public static final Set<String> CONTROLLERS =
      Set.of(
          "cpu",
          "cpuacct",
          "cpuset",
          "io",
          "blkio",
          "memory",
          "devices",
          "pids",
          "bpf-firewall",
          "bpf-devices",
          "bpf-foreign",
          "bpf-socket-bind",
          "bpf-restrict-network-interfaces");

  /** syscall_filter_sets[] of systemd 252 (SystemCallFilter= groups). */
  public static final Set<String> SYSCALL_GROUPS =
      Set.of(
          "@aio",
          "@basic-io",
          "@chown",
          "@clock",
          "@cpu-emulation",
          "@debug",
          "@default",
          "@file-system",
          "@io-event",
          "@ipc",
          "@keyring",
          "@known",
          "@memlock",
          "@module",
          "@mount",
          "@network-io",
          "@obsolete",
          "@pkey",
          "@privileged",
          "@process",
          "@raw-io",
          "@reboot",
          "@resources",
          "@setuid",
          "@signal",
          "@swap",
          "@sync",
          "@system-service",
          "@timer");

  private static final Map<String, Integer> FAMILIES = new HashMap<>();

  static {
    // af_from_name(): every AF_ constant of sys/socket.h except AF_UNSPEC and AF_MAX, aliases
    // included
    Object[] table = {
      "AF_UNIX",
      1,
      "AF_LOCAL",
      1,
      "AF_FILE",
      1,
      "AF_INET",
      2,
      "AF_AX25",
      3,
      "AF_IPX",
      4,
      "AF_APPLETALK",
      5,
      "AF_NETROM",
      6,
      "AF_BRIDGE",
      7,
      "AF_ATMPVC",
      8,
      "AF_X25",
      9,
      "AF_INET6",
      10,
      "AF_ROSE",
      11,
      "AF_DECnet",
      12,
      "AF_NETBEUI",
      13,
      "AF_SECURITY",
      14,
      "AF_KEY",
      15,
      "AF_NETLINK",
      16,
      "AF_ROUTE",
      16,
      "AF_PACKET",
      17,
      "AF_ASH",
      18,
      "AF_ECONET",
      19,
      "AF_ATMSVC",
      20,
      "AF_RDS",
      21,
      "AF_SNA",
      22,
      "AF_IRDA",
      23,
      "AF_PPPOX",
      24,
      "AF_WANPIPE",
      25,
      "AF_LLC",
      26,
      "AF_IB",
      27,
      "AF_MPLS",
      28,
      "AF_CAN",
      29,
      "AF_TIPC",
      30,
      "AF_BLUETOOTH",
      31,
      "AF_IUCV",
      32,
      "AF_RXRPC",
      33,
      "AF_ISDN",
      34,
      "AF_PHONET",
      35,
      "AF_IEEE802154",
      36,
      "AF_CAIF",
      37,
      "AF_ALG",
      38,
      "AF_NFC",
      39,
      "AF_VSOCK",
      40,
      "AF_KCM",
      41,
      "AF_QIPCRTR",
      42,
      "AF_SMC",
      43,
      "AF_XDP",
      44,
      "AF_MCTP",
      45,
    };
    for (int i = 0; i < table.length; i += 2) {
      FAMILIES.put(((String) table[i]).toUpperCase(java.util.Locale.ROOT), (Integer) table[i + 1]);
    }
  }

  private SystemdNames() {}

  /**
   * The address family number, or -1 for a name systemd does not know (names match in any case).
   */
  public static int addressFamily(String name) {
    Integer n = FAMILIES.get(name.toUpperCase(java.util.Locale.ROOT));
    return n == null ? -1 : n;
  }
}
