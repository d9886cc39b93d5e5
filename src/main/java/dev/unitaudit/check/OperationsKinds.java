package dev.unitaudit.check;

import java.util.List;

/** Check kinds for the timer/path/socket, resource, secrets and file families (UA5xxx–UA7xxx). */
final class OperationsKinds {

  private OperationsKinds() {}

  static List<CheckKind<?>> all() {
    return List.of();
  }
}
