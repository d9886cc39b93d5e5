package dev.unitaudit.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The words of list settings systemd 252 skips, in its own words: a bad address family, address
 * prefix, architecture, controller or system call group is logged and the rest of the line applies;
 * an unknown namespace type or an invalid device path makes it ignore the whole line. Unknown plain
 * system call names are left out: whether libseccomp knows one depends on the host.
 */
public final class ListValueWarnings {

  /** What systemd does with one assignment: the warnings, and whether it drops the whole line. */
  public record Result(List<String> warnings, boolean ignoresLine) {
    static final Result NONE = new Result(List.of(), false);
  }

  private static final java.util.regex.Pattern SYSCALL_NAME =
      java.util.regex.Pattern.compile("[a-z0-9_]+");

  private ListValueWarnings() {}

  /** Whether {@code key} is one of the list settings this class knows. */
  public static boolean covers(String key) {
    return switch (key) {
      case "RestrictNamespaces",
          "SystemCallArchitectures",
          "SystemCallFilter",
          "Delegate",
          "IPAddressAllow",
          "IPAddressDeny",
          "RestrictAddressFamilies",
          "DeviceAllow" ->
          true;
      default -> false;
    };
  }

  /**
   * @param unit the unit whose specifiers DeviceAllow= expands
   */
  public static Result check(String key, String value, UnitName unit) {
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
        for (String w : Words.splitPlain(v)) { // namespace_flags_from_string() does not unquote
          if (!SystemdNames.NAMESPACES.contains(w)) {
            return new Result(
                List.of("Failed to parse namespace type string, ignoring: " + v), true);
          }
        }
      }
      case "SystemCallArchitectures" -> {
        for (String w : words) {
          if (!SystemdNames.ARCHITECTURES.contains(w)) {
            out.add(
                "Failed to parse system call architecture \""
                    + w
                    + "\", ignoring: Invalid argument");
          }
        }
      }
      case "SystemCallFilter" -> {
        boolean invert = value.startsWith("~");
        for (String w : Words.splitPlain(invert ? value.substring(1) : value)) { // not unquoted
          int colon = w.indexOf(':');
          String name = colon < 0 ? w : w.substring(0, colon);
          if (colon >= 0 && Errnos.parse(w.substring(colon + 1)) < 0) {
            out.add("Failed to parse syscall:errno, ignoring: " + w);
          } else if (colon >= 0 && !invert) {
            out.add("Allow-listed system calls cannot take error number, ignoring: " + w);
          } else if (name.startsWith("@")) {
            if (!SystemdNames.SYSCALL_GROUPS.contains(name)) {
              out.add("Unknown system call group, ignoring: " + name);
            }
          } else if (!SYSCALL_NAME.matcher(name).matches()) {
            // no system call is spelt like this; unknown lower-case names depend on libseccomp
            out.add("Failed to parse system call, ignoring: " + name);
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
        for (String w : Words.splitPlain(value)) { // not unquoted: "10.0.0.1" is no address
          String lower = w.toLowerCase(java.util.Locale.ROOT);
          boolean special =
              lower.equals("any")
                  || lower.equals("localhost")
                  || lower.equals("link-local")
                  || lower.equals("multicast");
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
        DeviceRule d = deviceAllow(value, w -> Specifiers.expand(w, unit));
        return d.problem() == null ? Result.NONE : new Result(List.of(d.problem()), true);
      }
      default -> {
        return Result.NONE;
      }
    }
    return out.isEmpty() ? Result.NONE : new Result(List.copyOf(out), false);
  }

  /** One DeviceAllow= line as systemd reads it: the entry it adds, or why it ignores the line. */
  public record DeviceRule(String path, String rights, String problem) {}

  /** Unit specifiers unit_path_printf() knows (anything else fails the whole line). */
  private static final String SPECIFIERS = "aAbBCdEfgGhHiIjJlLmMnNopPqsStTuUvVwWyY%";

  /**
   * config_parse_device_allow(): the first word (unquoted, specifiers expanded) is a device node
   * path under /dev (normalised) or a block-/char- class; the rest of the line, as written, is the
   * rights, from "rwm".
   */
  public static DeviceRule deviceAllow(
      String raw, java.util.function.UnaryOperator<String> expand) {
    String v = raw.strip();
    List<String> words = Words.split(v, false, true).words();
    if (words.isEmpty()) {
      return new DeviceRule(null, null, "Invalid syntax, ignoring: " + raw);
    }
    int end = 0;
    while (end < v.length() && !Character.isWhitespace(v.charAt(end))) {
      end++;
    }
    String rights = v.substring(end).strip();
    String word = words.get(0);
    for (int i = 0; i < word.length(); i++) {
      if (word.charAt(i) == '%'
          && (i + 1 >= word.length() || SPECIFIERS.indexOf(word.charAt(++i)) < 0)) {
        return new DeviceRule(
            null,
            null,
            "Failed to resolve unit specifiers in '" + word + "', ignoring: Invalid slot");
      }
    }
    String path = expand.apply(word);
    if (!path.startsWith("block-") && !path.startsWith("char-")) {
      for (String part : path.split("/")) {
        if (part.equals("..")) {
          return new DeviceRule(
              null, null, "DeviceAllow= path is not normalized, ignoring: " + path);
        }
      }
      path = simplify(path);
      if (!under(path, "/dev") && !under(path, "/run/systemd/inaccessible")) {
        return new DeviceRule(null, null, "Invalid device node path '" + path + "', ignoring.");
      }
    }
    if (!rights.chars().allMatch(c -> c == 'r' || c == 'w' || c == 'm')) {
      return new DeviceRule(null, null, "Invalid device rights '" + rights + "', ignoring.");
    }
    return new DeviceRule(path, rights, null);
  }

  /** path_startswith(): the prefix is the path or a whole leading component run of it. */
  private static boolean under(String path, String prefix) {
    return path.equals(prefix) || path.startsWith(prefix + "/");
  }

  /** path_simplify(): repeated slashes and "." components dropped, no trailing slash. */
  private static String simplify(String path) {
    StringBuilder sb = new StringBuilder();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      sb.append(sb.length() == 0 && !path.startsWith("/") ? "" : "/").append(part);
    }
    return sb.length() == 0 ? (path.startsWith("/") ? "/" : ".") : sb.toString();
  }
}
