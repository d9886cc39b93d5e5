package dev.unitaudit.result;

import java.util.Locale;

/** How bad a finding is, lowest first; {@code --fail-on} compares with this order. */
public enum Severity {
  INFO,
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a severity word in any case ("high", "HIGH"), or returns null. */
  public static Severity parse(String s) {
    if (s == null) {
      return null;
    }
    String word = s.toLowerCase(Locale.ROOT);
    for (Severity v : values()) {
      if (v.word().equals(word)) {
        return v;
      }
    }
    return null;
  }
}
