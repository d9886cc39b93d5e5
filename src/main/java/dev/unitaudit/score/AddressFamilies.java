package dev.unitaudit.score;

import dev.unitaudit.model.SystemdNames;

/**
 * RestrictAddressFamilies=: the families the assessor names, and the numbers of af_from_name()
 * ({@link SystemdNames#addressFamily}).
 */
final class AddressFamilies {

  static final int AF_UNIX = 1;
  static final int AF_INET = 2;
  static final int AF_INET6 = 10;
  static final int AF_NETLINK = 16;
  static final int AF_PACKET = 17;

  private AddressFamilies() {}

  /** The family number, or -1 for a name systemd does not know (it ignores those). */
  static int number(String name) {
    return SystemdNames.addressFamily(name);
  }
}
