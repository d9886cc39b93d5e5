package dev.unitaudit.score;

import java.util.HashMap;
import java.util.Map;

/**
 * RestrictAddressFamilies=: the family names of af_from_name() (every AF_ constant of
 * sys/socket.h except AF_UNSPEC and AF_MAX, aliases included) and their numbers.
 */
final class AddressFamilies {

  static final int AF_UNIX = 1;
  static final int AF_INET = 2;
  static final int AF_INET6 = 10;
  static final int AF_NETLINK = 16;
  static final int AF_PACKET = 17;

  private static final Map<String, Integer> BY_NAME = new HashMap<>();

  static {
    Object[] table = {
      "AF_UNIX", 1, "AF_LOCAL", 1, "AF_FILE", 1, "AF_INET", 2, "AF_AX25", 3, "AF_IPX", 4,
      "AF_APPLETALK", 5, "AF_NETROM", 6, "AF_BRIDGE", 7, "AF_ATMPVC", 8, "AF_X25", 9,
      "AF_INET6", 10, "AF_ROSE", 11, "AF_DECnet", 12, "AF_NETBEUI", 13, "AF_SECURITY", 14,
      "AF_KEY", 15, "AF_NETLINK", 16, "AF_ROUTE", 16, "AF_PACKET", 17, "AF_ASH", 18,
      "AF_ECONET", 19, "AF_ATMSVC", 20, "AF_RDS", 21, "AF_SNA", 22, "AF_IRDA", 23,
      "AF_PPPOX", 24, "AF_WANPIPE", 25, "AF_LLC", 26, "AF_IB", 27, "AF_MPLS", 28, "AF_CAN", 29,
      "AF_TIPC", 30, "AF_BLUETOOTH", 31, "AF_IUCV", 32, "AF_RXRPC", 33, "AF_ISDN", 34,
      "AF_PHONET", 35, "AF_IEEE802154", 36, "AF_CAIF", 37, "AF_ALG", 38, "AF_NFC", 39,
      "AF_VSOCK", 40, "AF_KCM", 41, "AF_QIPCRTR", 42, "AF_SMC", 43, "AF_XDP", 44, "AF_MCTP", 45,
    };
    for (int i = 0; i < table.length; i += 2) {
      BY_NAME.put((String) table[i], (Integer) table[i + 1]);
    }
  }

  private AddressFamilies() {}

  /** The family number, or -1 for a name systemd does not know (it ignores those). */
  static int number(String name) {
    Integer n = BY_NAME.get(name);
    return n == null ? -1 : n;
  }

}
