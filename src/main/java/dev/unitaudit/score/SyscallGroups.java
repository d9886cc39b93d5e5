package dev.unitaudit.score;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * systemd 252's {@code @group} tables, reduced to the names that exist on x86_64 (the resource is
 * derived from ../shared/facts/syscall-groups.json). A name outside every group's resolvable list
 * has no syscall number, so it can never enter a seccomp filter.
 */
final class SyscallGroups {

  private static final SyscallGroups INSTANCE = load();

  private final Map<String, List<String>> groups;
  private final Set<String> resolvable;

  private SyscallGroups(Map<String, List<String>> groups) {
    this.groups = groups;
    Set<String> all = new HashSet<>();
    groups.values().forEach(all::addAll);
    this.resolvable = all;
  }

  static SyscallGroups get() {
    return INSTANCE;
  }

  /** The group's resolvable members in walk order, or null for an unknown group. */
  List<String> members(String group) {
    return groups.get(group);
  }

  boolean resolves(String syscall) {
    return resolvable.contains(syscall);
  }

  private static SyscallGroups load() {
    try (InputStream in = SyscallGroups.class.getResourceAsStream("syscall-groups.json")) {
      JsonNode root = new ObjectMapper().readTree(in);
      Map<String, List<String>> groups = new LinkedHashMap<>();
      root.get("groups")
          .fields()
          .forEachRemaining(
              e -> {
                List<String> names = new ArrayList<>();
                e.getValue().forEach(n -> names.add(n.asText()));
                groups.put(e.getKey(), Collections.unmodifiableList(names));
              });
      return new SyscallGroups(Collections.unmodifiableMap(groups));
    } catch (IOException e) {
      throw new UncheckedIOException("syscall-groups.json is missing from the jar", e);
    }
  }
}
