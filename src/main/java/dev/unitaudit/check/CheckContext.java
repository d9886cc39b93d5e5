package dev.unitaudit.check;

import dev.unitaudit.model.Unit;
import java.util.Optional;

/** What a check may look at: the unit, the other units of the tree, and the files. */
public interface CheckContext {

  Unit unit();

  /** Another unit of the same tree, loaded the way systemd would (empty when not found). */
  Optional<Unit> lookup(String unitName);

  /** Names of the units of the tree that trigger this one (timers, paths, sockets). */
  java.util.List<Unit> triggeredBy();

  /**
   * File modes and owners of a root-relative path, only when auditing a real root ({@code --root});
   * empty for repository PATHs, where git keeps no owners or modes.
   */
  Optional<FileFacts> fileFacts(String displayPath);

  /**
   * Whether a rule id exists in the catalog in use (suppressions naming unknown rules are
   * findings).
   */
  default boolean ruleExists(String id) {
    return true;
  }

  /** The date suppressions expire against (UTC today, fixed in tests). */
  default java.time.LocalDate today() {
    return java.time.LocalDate.now(java.time.ZoneOffset.UTC);
  }

  /**
   * The failure handlers of the tree: units that some unit's {@code OnFailure=} names and that
   * exist, an instance counted as its template ({@code alert@%n.service} → {@code alert@.service}),
   * the most named first, then by name.
   */
  default java.util.List<String> failureHandlers() {
    return java.util.List.of();
  }

  /** The names of the tree's unit files and aliases (templates as {@code foo@.service}), sorted. */
  default java.util.List<String> unitNames() {
    return java.util.List.of();
  }

  /** POSIX mode bits and ownership of a file under the audited root. */
  record FileFacts(int mode, int uid, int gid) {}
}
