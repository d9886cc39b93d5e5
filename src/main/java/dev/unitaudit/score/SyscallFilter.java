package dev.unitaudit.score;

import dev.unitaudit.model.Errnos;
import dev.unitaudit.model.Words;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SystemCallFilter= as config_parse_syscall_filter() builds it: the first assignment of a run fixes
 * the mode (no {@code ~}: allow list that implicitly starts with {@code @default}; {@code ~}: deny
 * list); later names in the same mode are added, in the opposite mode removed; an empty assignment
 * resets. Entries map a syscall name to its errno tag (-1: none).
 */
final class SyscallFilter {

  private final SyscallGroups groups = SyscallGroups.get();
  private Map<String, Integer> entries;
  private boolean allowList;

  void apply(String value) {
    if (value.isEmpty()) {
      entries = null;
      allowList = false;
      return;
    }
    boolean invert = value.startsWith("~");
    String v = invert ? value.substring(1) : value;
    if (entries == null) {
      entries = new LinkedHashMap<>();
      allowList = !invert;
      if (allowList) {
        add("@default", -1, false);
      }
    }
    // extract_first_word() without unquoting: a quoted word is a name no group or call has
    for (String word : Words.splitPlain(v)) {
      int colon = word.indexOf(':');
      String name = colon < 0 ? word : word.substring(0, colon);
      int errno = -1;
      if (colon >= 0) {
        errno = Errnos.parse(word.substring(colon + 1));
        if (errno < 0) {
          continue; // "Failed to parse errno, ignoring"
        }
        if (!invert) {
          continue; // "Allow-listed system calls cannot take error number, ignoring"
        }
      }
      add(name, errno, invert);
    }
  }

  private void add(String name, int errno, boolean invert) {
    if (name.startsWith("@")) {
      var members = groups.members(name);
      if (members == null) {
        return; // unknown group: ignored with a warning
      }
      for (String m : members) {
        put(m, errno, invert);
      }
      return;
    }
    if (groups.resolves(name)) {
      put(name, errno, invert);
    }
  }

  private void put(String name, int errno, boolean invert) {
    if (!invert == allowList) {
      entries.put(name, errno);
    } else {
      entries.remove(name);
    }
  }

  boolean allowList() {
    return allowList;
  }

  /**
   * The names the analyzer sees: in allow-list mode, entries carrying an errno are not "allowed",
   * so they are left out.
   */
  Map<String, Integer> analyzed() {
    Map<String, Integer> out = new LinkedHashMap<>();
    if (entries != null) {
      entries.forEach(
          (k, e) -> {
            if (!(allowList && e >= 0)) {
              out.put(k, e);
            }
          });
    }
    return out;
  }
}
