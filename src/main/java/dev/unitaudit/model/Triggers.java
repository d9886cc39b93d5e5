package dev.unitaudit.model;

import java.util.Optional;

/**
 * Which unit a timer, path or socket unit starts: the one answer the rules (trigger-target) and the
 * engine's trigger index share. systemd reads {@code Unit=} in [Timer] and [Path], {@code Service=}
 * in [Socket] (systemd.socket(5); a socket has no Unit=), else the same-named service, or the
 * template {@code NAME@.service} for {@code Accept=yes} sockets.
 */
public final class Triggers {

  private Triggers() {}

  /** The key that names the started unit explicitly in the trigger's type section. */
  public static String key(UnitType type) {
    return type == UnitType.SOCKET ? "Service" : "Unit";
  }

  /** The explicit Unit=/Service= setting, when set to something. */
  public static Optional<Setting> explicit(Unit trigger) {
    return trigger
        .scalar(trigger.type().typeSection(), key(trigger.type()))
        .filter(s -> !s.value().isBlank());
  }

  /** The name of the unit the trigger starts, specifiers expanded. */
  public static String target(Unit trigger) {
    UnitName n = trigger.name();
    Optional<Setting> explicit = explicit(trigger);
    if (explicit.isPresent()) {
      return Specifiers.expand(explicit.get().value().strip(), n);
    }
    if (trigger.type() == UnitType.SOCKET
        && Boolean.TRUE.equals(
            trigger.string("Socket", "Accept").map(Values::parseBoolean).orElse(false))) {
      return n.prefix() + "@.service";
    }
    String stem = n.name().substring(0, n.name().length() - n.type().suffix().length());
    return stem + "service";
  }
}
