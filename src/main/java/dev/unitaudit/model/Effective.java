package dev.unitaudit.model;

import java.util.List;

/**
 * The effective value(s) of one {@code Section.Key}: a single winning assignment for scalar
 * settings, or the assignments still in effect after the last reset for lists.
 */
public record Effective(String section, String key, SettingKind kind, List<Setting> settings) {

  public boolean isList() {
    return kind == SettingKind.LIST
        || kind == SettingKind.DEPENDENCY
        || kind == SettingKind.CONDITION
        || kind == SettingKind.ASSERT;
  }

  /** The winning setting of a scalar (the last one). */
  public Setting last() {
    return settings.get(settings.size() - 1);
  }
}
