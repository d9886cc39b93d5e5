package dev.unitaudit.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The words of list settings systemd 252 skips, in its own words: a bad address family, address
 * prefix, architecture, controller or system call group is logged and the rest of the line
 * applies; an unknown namespace type or an invalid device path makes it ignore the whole line.
 * Unknown plain system call names are left out: whether libseccomp knows one depends on the host.
 */
public final class ListValueWarnings {

  /** What systemd does with one assignment: the warnings, and whether it drops the whole line. */
  public record Result(List<String> warnings, boolean ignoresLine) {
    static final Result NONE = new Result(List.of(), false);
  }

  private ListValueWarnings() {}

  /** Whether {@code key} is one of the list settings this class knows. */
  public static boolean covers(String key) {
    return switch (key) {
      case "RestrictNamespaces", "SystemCallArchitectures", "SystemCallFilter", "Delegate",
          "IPAddressAllow", "IPAddressDeny", "RestrictAddressFamilies", "DeviceAllow" -> true;
      default -> false;
    };
  }

  /** @param expanded the value with unit specifiers expanded (DeviceAllow= takes them) */
  public static Result check(String key, String value, String expanded) {
    if (value.isEmpty()) {
      return Result.NONE; // an empty assignment resets the list
    }
    Words.Result split = Words.split(value, false, true);
    if (!split.ok()) {
      return Result.NONE; // the quoting error is reported on its own
    }
    List<String> words = split.words();
    List<String> out = new ArrayList<>();
    switch (key) {
      case "RestrictNamespaces" -> {
        if (Values.parseBoolean(value) != null) {
          return Result.NONE;
        }
        String v = value.startsWith("~") ? value.substring(1) : value;
        for (String w : Words.split(v, false, true).words()) {
          if (!SystemdNames.NAMESPACES.contains(w)) {
            return new Result(List.of("Failed to parse namespace type string, ignoring: " + v), true);
          }
        }
      }
      case "SystemCallArchitectures" -> {
        for (String w : words) {
          if (!SystemdNames.ARCHITECTURES.contains(w)) {
            out.add("Failed to parse system call architecture \"" + w + "\", ignoring: Invalid argument");
          }
        }
      }
      case "SystemCallFilter" -> {
        List<String> ws = words;
        if (!ws.isEmpty() && ws.get(0).startsWith("~")) {
          ws = new ArrayList<>(ws);
          ws.set(0, ws.get(0).substring(1));
        }
        for (String w : ws) {
          int colon = w.indexOf(':');
          String name = colon < 0 ? w : w.substring(0, colon);
          if (name.startsWith("@") && !SystemdNames.SYSCALL_GROUPS.contains(name)) {
            out.add("Unknown system call group, ignoring: " + name);
          }
        }
      }
      case "Delegate" -> {
        if (Values.parseBoolean(value) != null) {
          return Result.NONE;
        }
        for (String w : words) {
          if (!SystemdNames.CONTROLLERS.contains(w)) {
            out.add("Invalid controller name '" + w + "', ignoring");
          }
        }
      }
      case "IPAddressAllow", "IPAddressDeny" -> {
        for (String w : words) {
          boolean special = w.equals("any") || w.equals("localhost") || w.equals("link-local") || w.equals("multicast");
          if (!special && InetAddresses.prefix(w) == null) {
            out.add("Address prefix is invalid, ignoring assignment: " + w);
          }
        }
      }
      case "RestrictAddressFamilies" -> {
        if (value.equals("none")) {
          return Result.NONE;
        }
        String v = value.startsWith("~") ? value.substring(1) : value;
        for (String w : Words.split(v, false, true).words()) {
          if (SystemdNames.addressFamily(w) < 0) {
            out.add("Failed to parse address family, ignoring: " + w);
          }
        }
      }
      case "DeviceAllow" -> {
        return deviceAllow(expanded);
      }
      default -> {
        return Result.NONE;
      }
    }
    return out.isEmpty() ? Result.NONE : new Result(List.copyOf(out), false);
  }

  /** config_parse_device_allow(): a device node path under /dev/ (or block-/char-), rights in rwm. */
  private static Result deviceAllow(String expanded) {
    List<String> words = Words.split(expanded, false, true).words();
    if (words.isEmpty()) {
      return Result.NONE;
    }
    String path = words.get(0);
    if (!path.startsWith("block-") && !path.startsWith("char-")) {
      if (!path.startsWith("/")) {
        return new Result(List.of("DeviceAllow= path is not absolute, ignoring: " + path), true);
      }
      String simple = simplify(path);
      if (!simple.startsWith("/dev/") && !simple.startsWith("/run/systemd/inaccessible/")) {
        return new Result(List.of("Invalid device node path '" + simple + "', ignoring."), true);
      }
    }
    String rights = String.join("", words.subList(1, words.size()));
    if (!rights.chars().allMatch(c -> c == 'r' || c == 'w' || c == 'm')) {
      return new Result(List.of("Invalid device rights '" + rights + "', ignoring."), true);
    }
    return Result.NONE;
  }

  /** path_simplify(): repeated slashes and "." components dropped, no trailing slash. */
  private static String simplify(String path) {
    StringBuilder sb = new StringBuilder();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      sb.append('/').append(part);
    }
    return sb.length() == 0 ? "/" : sb.toString();
  }
}
