package dev.unitaudit.check;

import java.util.List;

/** Check kinds for the hardening, rate-limit, alerting and runaway-job families (UA1xxx–UA4xxx). */
final class ServiceKinds {

  private ServiceKinds() {}

  static List<CheckKind<?>> all() {
    return List.of(
        new EffectiveSettingCheck(),
        new WritablePathsCheck(),
        new BroadPathsCheck(),
        new PermittedSetCheck(),
        new SettingsPresentCheck(),
        new CanonicalSpellingCheck(),
        new DependencyExistsCheck(),
        new TypeConflictCheck(),
        new ForbiddenValueCheck(),
        new TimerOverlapCheck(),
        new FailureAlertCheck());
  }
}
