package dev.unitaudit.check;

import java.util.List;

/**
 * Check kinds for the diagnostics, timer/path/socket, resource, secrets and file families (UA0xxx,
 * UA5xxx–UA7xxx).
 */
final class OperationsKinds {

  private OperationsKinds() {}

  static List<CheckKind<?>> all() {
    return List.of(
        new UnknownKeyCheck(),
        new SuppressionCheck(),
        new DeprecatedKeyCheck(),
        new RequiredWithCheck(),
        new ValueOrderCheck(),
        new TriggerTargetCheck(),
        new TriggeredServiceCheck(),
        new ModeBitsCheck(),
        new RunsAsRootCheck(),
        new InlineSecretCheck(),
        new FilePermissionsCheck());
  }
}
