package dev.unitaudit.cli;

import dev.unitaudit.app.UsageException;

/** {@code --host NAME}: a name a summary can list, so one line of printable text. */
final class HostName {

  private HostName() {}

  /** The name, or null without --host; a blank, over-long or control-carrying name is refused. */
  static String check(String host) throws UsageException {
    if (host == null) {
      return null;
    }
    if (host.isBlank() || host.length() > 253 || host.chars().anyMatch(Character::isISOControl)) {
      throw new UsageException(
          "--host '"
              + dev.unitaudit.report.TextSafety.clean(host)
              + "': expected a name of 1-253 printable characters");
    }
    return host;
  }
}
