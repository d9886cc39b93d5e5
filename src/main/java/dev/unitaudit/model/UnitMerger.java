package dev.unitaudit.model;

import dev.unitaudit.syntax.Assignment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds the applied assignment stream (fragment, then drop-ins in order; only assignments the
 * validator let through) into effective values, following each setting's reset rules
 * (unit-semantics.md §4). Order across keys matters (TimeoutSec= against TimeoutStartSec=), so this
 * replays the stream rather than grouping by key.
 */
final class UnitMerger {

  private final SettingCatalog catalog = SettingCatalog.get();

  /**
   * Lists grow in place while the stream is replayed and are frozen once at the end: copying a list
   * on each assignment made a unit of N list lines cost N² (issue 16).
   */
  private final Map<String, Pending> effective = new LinkedHashMap<>();

  /**
   * How many times a setting was written into a list (appended, or copied when frozen): the merge
   * test checks that this grows with the input, not faster.
   */
  private long writes;

  static Map<String, Effective> merge(List<Assignment> applied) {
    return new UnitMerger().fold(applied);
  }

  /** Replays the stream; the merger's {@link #writes()} then tells what it cost. */
  Map<String, Effective> fold(List<Assignment> applied) {
    for (Assignment a : applied) {
      apply(a);
    }
    return result();
  }

  long writes() {
    return writes;
  }

  private Map<String, Effective> result() {
    Map<String, Effective> out = new LinkedHashMap<>(effective.size() * 2);
    for (Map.Entry<String, Pending> e : effective.entrySet()) {
      Pending p = e.getValue();
      out.put(e.getKey(), new Effective(p.section, p.key, p.kind, List.copyOf(p.settings)));
      writes += p.settings.size();
    }
    return out;
  }

  /** An effective value under construction. */
  private static final class Pending {
    final String section;
    final String key;
    final SettingKind kind;
    final List<Setting> settings = new ArrayList<>(1);

    Pending(String section, String key, SettingKind kind) {
      this.section = section;
      this.key = key;
      this.kind = kind;
    }
  }

  private void apply(Assignment a) {
    String section = a.section();
    String key = a.key();
    if (isStartLimitCompat(section, key)) {
      // [Service] StartLimitBurst=/StartLimitInterval= and [Unit] StartLimitInterval= write the
      // same fields as [Unit] StartLimitBurst=/StartLimitIntervalSec= (load-fragment-gperf)
      section = "Unit";
      key = "StartLimitBurst".equals(key) ? key : "StartLimitIntervalSec";
    }
    SettingKind kind = catalog.kindOf(section, key);
    Setting s = new Setting(a.value(), a);
    String id = section + "." + key;
    switch (kind) {
      case LIST:
        if (a.value().isEmpty()
            && !"CapabilityBoundingSet".equals(key)
            && !"AmbientCapabilities".equals(key)) {
          effective.remove(id);
          if ("BindPaths".equals(key) || "BindReadOnlyPaths".equals(key)) {
            effective.remove(section + ".BindPaths");
            effective.remove(section + ".BindReadOnlyPaths");
          }
          return;
        }
        if (resetsWholeList(key, a.value())) {
          effective.remove(id);
        }
        append(id, section, key, kind, s);
        return;
      case DEPENDENCY:
        if (!a.value().isEmpty()) {
          append(id, section, key, kind, s);
        }
        return;
      case CONDITION:
      case ASSERT:
        if (a.value().isEmpty()) {
          String family = kind == SettingKind.CONDITION ? "Condition" : "Assert";
          effective.keySet().removeIf(k -> k.startsWith("Unit." + family));
          return;
        }
        append(id, section, key, kind, s);
        return;
      default:
        put(id, section, key, kind, s);
        if ("TimeoutSec".equals(key)) {
          put(section + ".TimeoutStartSec", section, "TimeoutStartSec", kind, s);
          put(section + ".TimeoutStopSec", section, "TimeoutStopSec", kind, s);
        }
    }
  }

  /** A boolean RestrictNamespaces= or an empty capability set replaces everything before it. */
  private static boolean resetsWholeList(String key, String value) {
    if ("RestrictNamespaces".equals(key)) {
      return Values.parseBoolean(value) != null;
    }
    if ("CapabilityBoundingSet".equals(key) || "AmbientCapabilities".equals(key)) {
      return value.isEmpty() || value.equals("~");
    }
    return false;
  }

  private static boolean isStartLimitCompat(String section, String key) {
    return ("Service".equals(section)
            && ("StartLimitBurst".equals(key) || "StartLimitInterval".equals(key)))
        || ("Unit".equals(section) && "StartLimitInterval".equals(key));
  }

  private void put(String id, String section, String key, SettingKind kind, Setting s) {
    effective.remove(id); // keep insertion order = order of the winning assignment
    Pending p = new Pending(section, key, kind);
    p.settings.add(s);
    effective.put(id, p);
    writes++;
  }

  private void append(String id, String section, String key, SettingKind kind, Setting s) {
    Pending p = effective.get(id);
    if (p == null) {
      p = new Pending(section, key, kind);
      effective.put(id, p);
    }
    p.settings.add(s);
    writes++;
  }
}
