package dev.unitaudit.check;

import dev.unitaudit.model.Setting;
import dev.unitaudit.model.Unit;
import dev.unitaudit.model.Values;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The value of a restriction list as the manager ends up with it: either an allow list ("only
 * these") or a deny list ("everything except these"), tokens kept opaque (no syscall resolution).
 * Replays the assignments in effect (after the last reset) the way systemd 252's parsers do
 * (../shared/facts/unit-semantics.md §4.1, analyze-security.md §4):
 *
 * <ul>
 *   <li>CapabilityBoundingSet= starts as "all"; an empty list or a set still at that initial value
 *       is replaced ({@code ~} = all except), after that a plain list is ORed in and a {@code ~}
 *       list removed; PrivateDevices=, ProtectKernelModules=, ProtectKernelLogs= and ProtectClock=
 *       then drop their capabilities;
 *   <li>SystemCallFilter= and RestrictAddressFamilies= start unset (all permitted); the first
 *       assignment sets the polarity, later plain words permit and {@code ~} words deny; {@code
 *       none} (families) is an empty allow list; {@code :errno} suffixes are ignored;
 *   <li>RestrictNamespaces= is the same, except that a boolean replaces everything ({@code yes} =
 *       none permitted).
 * </ul>
 */
final class PermittedSet {
  // compiled once: these run for every unit (a regex in String.split/matches compiles each call)
  private static final Pattern WS = Pattern.compile("\\s+");

  static final List<String> KEYS =
      List.of(
          "CapabilityBoundingSet",
          "SystemCallFilter",
          "RestrictAddressFamilies",
          "RestrictNamespaces");

  /** Syscall groups that contain other groups (src/shared/seccomp-util.c, v252). */
  private static final Map<String, Set<String>> GROUPS =
      Map.of("@privileged", Set.of("@chown", "@clock", "@module", "@raw-io", "@reboot", "@swap"));

  private static final Map<String, List<String>> IMPLIED_CAPABILITY_DROPS =
      Map.of(
          "PrivateDevices", List.of("CAP_MKNOD", "CAP_SYS_RAWIO"),
          "ProtectKernelModules", List.of("CAP_SYS_MODULE"),
          "ProtectKernelLogs", List.of("CAP_SYSLOG"),
          "ProtectClock", List.of("CAP_SYS_TIME", "CAP_WAKE_ALARM"));

  private boolean unset = true;
  private boolean allowList;
  private final Set<String> tokens = new HashSet<>();

  private PermittedSet() {}

  static PermittedSet replay(String key, List<Setting> settings, Unit u) {
    PermittedSet s = new PermittedSet();
    boolean caps = key.equals("CapabilityBoundingSet");
    if (caps) {
      s.unset = false; // "all": a deny list of nothing
    }
    for (Setting st : settings) {
      String v = st.value().strip();
      Boolean b = key.equals("RestrictNamespaces") ? Values.parseBoolean(v) : null;
      if (b != null || (key.equals("RestrictAddressFamilies") && v.equals("none"))) {
        s.replace(b == null || b, List.of());
        continue;
      }
      boolean invert = v.startsWith("~");
      List<String> words = words(invert ? v.substring(1) : v, caps);
      boolean initial = s.unset || (caps && !s.allowList && s.tokens.isEmpty());
      if (initial || (caps && words.isEmpty())) {
        s.replace(!invert, words);
      } else if (invert) {
        s.deny(words);
      } else {
        s.permit(words);
      }
    }
    if (caps) {
      IMPLIED_CAPABILITY_DROPS.forEach(
          (k, drops) -> {
            if (u.bool(u.type().typeSection(), k).orElse(false)) {
              s.deny(drops);
            }
          });
    }
    return s;
  }

  private static List<String> words(String text, boolean caps) {
    String t = text.strip();
    if (t.isEmpty()) {
      return List.of();
    }
    return java.util.Arrays.stream(WS.split(t))
        .map(w -> w.indexOf(':') > 0 ? w.substring(0, w.indexOf(':')) : w)
        .map(w -> caps ? w.toUpperCase(Locale.ROOT) : w)
        .toList();
  }

  private void replace(boolean allow, List<String> words) {
    unset = false;
    allowList = allow;
    tokens.clear();
    tokens.addAll(words);
  }

  private void permit(List<String> words) {
    if (allowList) {
      tokens.addAll(words);
    } else {
      words.forEach(tokens::remove);
    }
  }

  private void deny(List<String> words) {
    if (allowList) {
      words.forEach(tokens::remove);
    } else {
      tokens.addAll(words);
    }
  }

  /** Whether the token is permitted (a group listed in the set counts for its member groups). */
  boolean permits(String token) {
    if (unset) {
      return true;
    }
    boolean listed =
        tokens.contains(token)
            || tokens.stream().anyMatch(t -> GROUPS.getOrDefault(t, Set.of()).contains(token));
    return allowList == listed;
  }

  /** The allowed tokens when this is an allow list; empty for a deny list or unset. */
  Optional<Set<String>> allowList() {
    return !unset && allowList ? Optional.of(Set.copyOf(tokens)) : Optional.empty();
  }
}
