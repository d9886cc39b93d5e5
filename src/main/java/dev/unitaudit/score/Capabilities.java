package dev.unitaudit.score;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Linux capability names and numbers (linux/capability.h), and systemd's capability-set merge. */
final class Capabilities {

  /** In kernel order: the index is the capability number. */
  static final List<String> NAMES =
      List.of(
          "cap_chown",
          "cap_dac_override",
          "cap_dac_read_search",
          "cap_fowner",
          "cap_fsetid",
          "cap_kill",
          "cap_setgid",
          "cap_setuid",
          "cap_setpcap",
          "cap_linux_immutable",
          "cap_net_bind_service",
          "cap_net_broadcast",
          "cap_net_admin",
          "cap_net_raw",
          "cap_ipc_lock",
          "cap_ipc_owner",
          "cap_sys_module",
          "cap_sys_rawio",
          "cap_sys_chroot",
          "cap_sys_ptrace",
          "cap_sys_pacct",
          "cap_sys_admin",
          "cap_sys_boot",
          "cap_sys_nice",
          "cap_sys_resource",
          "cap_sys_time",
          "cap_sys_tty_config",
          "cap_mknod",
          "cap_lease",
          "cap_audit_write",
          "cap_audit_control",
          "cap_setfcap",
          "cap_mac_override",
          "cap_mac_admin",
          "cap_syslog",
          "cap_wake_alarm",
          "cap_block_suspend",
          "cap_audit_read",
          "cap_perfmon",
          "cap_bpf",
          "cap_checkpoint_restore");

  static final long ALL = -1L;

  private static final Map<String, Integer> BY_NAME = new HashMap<>();

  static {
    for (int i = 0; i < NAMES.size(); i++) {
      BY_NAME.put(NAMES.get(i), i);
    }
  }

  private Capabilities() {}

  /** The bit of a capability name such as {@code CAP_SYS_ADMIN}. */
  static long bit(String name) {
    Integer n = BY_NAME.get(name.toLowerCase(Locale.ROOT));
    if (n == null) {
      throw new IllegalArgumentException(name);
    }
    return 1L << n;
  }

  /** capability_from_name(): a name (any case) or a number below 64; -1 when unknown. */
  static int number(String word) {
    Integer n = BY_NAME.get(word.toLowerCase(Locale.ROOT));
    if (n != null) {
      return n;
    }
    try {
      int i = Integer.parseInt(word);
      return i >= 0 && i < 64 ? i : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * config_parse_capability_set(): {@code ~} inverts; unknown names are skipped; an empty parsed
   * set, or a set still at its starting value, is replaced; otherwise the words are OR-ed in, or
   * cleared when inverted.
   */
  static long apply(long current, long initial, String value) {
    boolean invert = false;
    String v = value;
    if (v.startsWith("~")) {
      invert = true;
      v = v.substring(1);
    }
    long sum = 0;
    for (String w : ScoreWords.split(v)) {
      int n = number(w);
      if (n >= 0) {
        sum |= 1L << n;
      }
    }
    if (sum == 0 || current == initial) {
      return invert ? ~sum : sum;
    }
    return invert ? current & ~sum : current | sum;
  }
}
