package dev.unitaudit.model;

import java.util.List;
import java.util.Locale;

/** The unit types systemd knows, with the sections a file of that type may have. */
public enum UnitType {
  SERVICE("Service"),
  SOCKET("Socket"),
  TIMER("Timer"),
  PATH("Path"),
  MOUNT("Mount"),
  AUTOMOUNT("Automount"),
  SWAP("Swap"),
  SLICE("Slice"),
  SCOPE("Scope"),
  TARGET("Target"),
  DEVICE("Device");

  private final String typeSection;
  private final String suffix;

  UnitType(String typeSection) {
    this.typeSection = typeSection;
    this.suffix = name().toLowerCase(Locale.ROOT); // asked for per rule per unit: computed once
  }

  /** The type-specific section, e.g. {@code Service}. */
  public String typeSection() {
    return typeSection;
  }

  /** Every section valid in a file of this type (src/core/unit.h vtable sections). */
  public List<String> sections() {
    return List.of("Unit", typeSection, "Install");
  }

  /** The file-name suffix without the dot, e.g. {@code service}. */
  public String suffix() {
    return suffix;
  }

  /** The type for a suffix such as {@code service}, or null. */
  public static UnitType fromSuffix(String suffix) {
    for (UnitType t : values()) {
      if (t.suffix().equals(suffix)) {
        return t;
      }
    }
    return null;
  }

  /** Whether the unit runs processes with an exec context (what the exposure score reads). */
  public boolean hasExecContext() {
    return this == SERVICE || this == SOCKET || this == MOUNT || this == SWAP;
  }
}
