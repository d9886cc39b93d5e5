package dev.unitaudit.result;

import java.util.List;

/** A finding's fix: its lines (unit-file syntax) and what kind of fix they are. */
public record Fix(FixKind kind, List<String> lines) {

  public Fix {
    lines = List.copyOf(lines);
  }

  public static Fix of(FixKind kind, List<String> lines) {
    return new Fix(kind, lines);
  }
}
