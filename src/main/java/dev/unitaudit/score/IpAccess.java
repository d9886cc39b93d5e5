package dev.unitaudit.score;

import dev.unitaudit.model.InetAddresses;
import java.util.ArrayList;
import java.util.List;

/**
 * IPAddressAllow=/IPAddressDeny= entries as the analyzer needs them: the family, the prefix length
 * and whether the address is a loopback address (in_addr_prefix_from_string_auto()).
 */
final class IpAccess {

  /** One parsed prefix. */
  record Prefix(boolean ipv6, int length, boolean localhost) {}

  private IpAccess() {}

  /** The prefixes of one assignment's words; invalid words are skipped, as systemd does. */
  static List<Prefix> parse(String value) {
    List<Prefix> out = new ArrayList<>();
    // extract_first_word() without unquoting; the special names in any case
    for (String w : dev.unitaudit.model.Words.splitPlain(value)) {
      switch (w.toLowerCase(java.util.Locale.ROOT)) {
        case "any" -> {
          out.add(new Prefix(false, 0, false));
          out.add(new Prefix(true, 0, false));
        }
        case "localhost" -> {
          out.add(new Prefix(false, 8, true));
          out.add(new Prefix(true, 128, true));
        }
        case "link-local" -> {
          out.add(new Prefix(false, 16, false));
          out.add(new Prefix(true, 64, false));
        }
        case "multicast" -> {
          out.add(new Prefix(false, 4, false));
          out.add(new Prefix(true, 8, false));
        }
        default -> {
          Prefix p = prefix(w);
          if (p != null) {
            out.add(p);
          }
        }
      }
    }
    return out;
  }

  private static Prefix prefix(String word) {
    InetAddresses.Prefix p = InetAddresses.prefix(word);
    if (p == null) {
      return null;
    }
    int len = p.length();
    int[] a = p.address();
    // the address is masked to its prefix before anything looks at it (in_addr_prefix_add()),
    // so 127.0.0.1/4 is 112.0.0.0/4 and not a loopback address (verified with systemd 252)
    if (!p.ipv6()) {
      int first = len >= 8 ? a[0] : a[0] & (0xff << (8 - len)) & 0xff;
      return new Prefix(false, len, first == 127);
    }
    boolean loopback = len == 128;
    for (int i = 0; i < 7; i++) {
      loopback &= a[i] == 0;
    }
    return new Prefix(true, len, loopback && a[7] == 1);
  }
}
