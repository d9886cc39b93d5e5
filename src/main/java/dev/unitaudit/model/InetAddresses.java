package dev.unitaudit.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Address prefixes as in_addr_prefix_from_string_auto() reads them (inet_pton(), then an optional
 * {@code /length}), without any name lookup: the loader warns about the words systemd rejects and
 * the exposure score reads the ones it accepts.
 */
public final class InetAddresses {

  /** A parsed prefix: IPv4 as four octets, IPv6 as eight 16-bit groups. */
  public record Prefix(boolean ipv6, int length, int[] address) {}

  private InetAddresses() {}

  /** "10.0.0.0/8", "::1", …; null when systemd would reject the word. */
  public static Prefix prefix(String word) {
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
      // safe_atou8(): base 0, so "/010" is 8, "/0x8" is 8 and "/08" is no number
      java.math.BigInteger l = CNumbers.parse(word.substring(slash + 1));
      if (l == null || l.signum() < 0 || l.compareTo(java.math.BigInteger.valueOf(max)) > 0) {
        return null;
      }
      len = l.intValue();
    }
    return new Prefix(v4 == null, len, v4 != null ? v4 : v6);
  }

  /** inet_pton(AF_INET): exactly four decimal parts 0..255, no leading zeros. */
  public static int[] ipv4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    int[] out = new int[4];
    for (int i = 0; i < 4; i++) {
      String p = parts[i];
      // inet_pton() refuses leading zeros ("010" could be read as octal)
      if (p.isEmpty()
          || p.length() > 3
          || !p.chars().allMatch(c -> c >= '0' && c <= '9')
          || (p.length() > 1 && p.charAt(0) == '0')) {
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
  public static int[] ipv6(String s) {
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
        if (CNumbers.asciiDigit(c, 16) < 0) {
          return false;
        }
      }
      out.add(Integer.parseInt(p, 16));
    }
    return true;
  }
}
