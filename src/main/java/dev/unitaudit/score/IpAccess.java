package dev.unitaudit.score;

import java.util.ArrayList;
import java.util.List;

/**
 * IPAddressAllow=/IPAddressDeny= entries as the analyzer needs them: the family, the prefix
 * length and whether the address is a loopback address (in_addr_prefix_from_string_auto()).
 */
final class IpAccess {

  /** One parsed prefix. */
  record Prefix(boolean ipv6, int length, boolean localhost) {}

  private IpAccess() {}

  /** The prefixes of one assignment's words; invalid words are skipped, as systemd does. */
  static List<Prefix> parse(String value) {
    List<Prefix> out = new ArrayList<>();
    for (String w : ScoreWords.split(value)) {
      switch (w) {
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
    int slash = word.indexOf('/');
    String addr = slash < 0 ? word : word.substring(0, slash);
    int[] v4 = ipv4(addr);
    int[] v6 = v4 == null ? ipv6(addr) : null;
    if (v4 == null && v6 == null) {
      return null;
    }
    int max = v4 != null ? 32 : 128;
    int len = max;
    if (slash >= 0) {
      String l = word.substring(slash + 1);
      if (l.isEmpty() || l.length() > 3 || !l.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return null;
      }
      len = Integer.parseInt(l);
      if (len > max) {
        return null;
      }
    }
    // the address is masked to its prefix before anything looks at it (in_addr_prefix_add()),
    // so 127.0.0.1/4 is 112.0.0.0/4 and not a loopback address (verified with systemd 252)
    if (v4 != null) {
      int first = len >= 8 ? v4[0] : v4[0] & (0xff << (8 - len)) & 0xff;
      return new Prefix(false, len, first == 127);
    }
    boolean loopback = len == 128;
    for (int i = 0; i < 7; i++) {
      loopback &= v6[i] == 0;
    }
    return new Prefix(true, len, loopback && v6[7] == 1);
  }

  /** inet_pton(AF_INET): exactly four decimal parts 0..255. */
  static int[] ipv4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    int[] out = new int[4];
    for (int i = 0; i < 4; i++) {
      String p = parts[i];
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return null;
      }
      out[i] = Integer.parseInt(p);
      if (out[i] > 255) {
        return null;
      }
    }
    return out;
  }

  /** inet_pton(AF_INET6): eight 16-bit groups, one {@code ::}, an optional trailing IPv4. */
  static int[] ipv6(String s) {
    if (s.isEmpty() || !s.contains(":")) {
      return null;
    }
    int dbl = s.indexOf("::");
    if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) {
      return null;
    }
    List<Integer> head = new ArrayList<>();
    List<Integer> tail = new ArrayList<>();
    if (dbl >= 0) {
      if (!groups(s.substring(0, dbl), head, false) || !groups(s.substring(dbl + 2), tail, true)) {
        return null;
      }
      if (head.size() + tail.size() > 7) {
        return null;
      }
    } else {
      if (!groups(s, head, true) || head.size() != 8) {
        return null;
      }
    }
    int[] out = new int[8];
    for (int i = 0; i < head.size(); i++) {
      out[i] = head.get(i);
    }
    for (int i = 0; i < tail.size(); i++) {
      out[8 - tail.size() + i] = tail.get(i);
    }
    return out;
  }

  private static boolean groups(String s, List<Integer> out, boolean allowV4Tail) {
    if (s.isEmpty()) {
      return true;
    }
    String[] parts = s.split(":", -1);
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      if (i == parts.length - 1 && allowV4Tail && p.contains(".")) {
        int[] v4 = ipv4(p);
        if (v4 == null) {
          return false;
        }
        out.add(v4[0] << 8 | v4[1]);
        out.add(v4[2] << 8 | v4[3]);
        continue;
      }
      if (p.isEmpty() || p.length() > 4) {
        return false;
      }
      for (char c : p.toCharArray()) {
        if (Character.digit(c, 16) < 0) {
          return false;
        }
      }
      out.add(Integer.parseInt(p, 16));
    }
    return true;
  }
}
