package dev.unitaudit.check;

import dev.unitaudit.model.Setting;
import dev.unitaudit.model.Unit;
import dev.unitaudit.syntax.Assignment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small helpers the check kinds share. */
public final class Checks {

  private Checks() {}

  /** The unit's type section ({@code Service} for a service): the default section of a rule. */
  public static String section(Unit u, String sectionOrNull) {
    return sectionOrNull == null ? u.type().typeSection() : sectionOrNull;
  }

  /** A hit at the setting if present, else at the section header. */
  public static Hit hitAt(Unit u, String section, Optional<Setting> s, Map<String, String> values) {
    Assignment where = s.map(Setting::origin).orElseGet(() -> u.sectionLocation(section));
    return Hit.at(where, values);
  }

  /** Placeholder values: key, actual (or "unset"). */
  public static Map<String, String> values(String key, Optional<Setting> s) {
    Map<String, String> v = new HashMap<>();
    v.put("key", key);
    v.put("actual", s.map(Setting::value).orElse("unset"));
    return v;
  }

  public static List<Hit> none() {
    return List.of();
  }
}
