package dev.unitaudit.check;

import dev.unitaudit.model.Setting;
import dev.unitaudit.model.Triggers;
import dev.unitaudit.model.Unit;
import dev.unitaudit.model.UnitName;
import dev.unitaudit.model.UnitType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code trigger-target}: the unit a timer, path or socket starts must exist in the audited tree:
 * its {@code Unit=} ({@code Service=} for sockets), else the same-named service, or the {@code
 * foo@.service} template for an {@code Accept=yes} socket. Without it systemd refuses to start the
 * trigger ("Refusing to start, unit … to trigger not loaded") and the job never runs. The hit
 * points at {@code Unit=}/{@code Service=}, else at the type section header.
 */
public final class TriggerTargetCheck implements CheckKind<TriggerTargetCheck.Params> {

  /** No parameters. */
  public record Params() {}

  @Override
  public String name() {
    return "trigger-target";
  }

  @Override
  public Class<Params> paramsType() {
    return Params.class;
  }

  @Override
  public List<Hit> evaluate(CheckContext ctx, Params p) {
    Unit u = ctx.unit();
    UnitType t = u.type();
    if (t != UnitType.TIMER && t != UnitType.PATH && t != UnitType.SOCKET) {
      return Checks.none();
    }
    String section = t.typeSection();
    String key = Triggers.key(t);
    Optional<Setting> explicit = Triggers.explicit(u);
    String target = Triggers.target(u);
    if (DependencyExistsCheck.exists(ctx, target)) {
      return Checks.none();
    }
    Map<String, String> v = Checks.values(key, explicit);
    v.put("target", target);
    Hit hit = Checks.hitAt(u, section, explicit, v);
    UnitName t2 = UnitName.parse(target);
    if (t2 == null || t2.type() != UnitType.SERVICE) {
      // the rule's fix creates a service; anything else has to be written or named by hand
      return List.of(
          hit.withFix(
              LineFix.manual(
                  "create "
                      + target
                      + ", the unit "
                      + u.id()
                      + " starts, or correct "
                      + key
                      + "= in ["
                      + section
                      + "] to name a unit of the tree")));
    }
    v.put("create", DependencyExistsCheck.unitFile(target));
    String near =
        explicit.isPresent()
            ? Checks.nearestUnit(ctx, DependencyExistsCheck.unitFile(target))
            : null;
    if (near != null && !target.contains("@") && explicit.get().value().strip().equals(target)) {
      // Unit= misspelt: the unit of the tree it was meant to name
      return List.of(
          hit.withFix(
              LineFix.edit(
                  explicit.get().origin(),
                  section,
                  List.of(
                      "# "
                          + near
                          + " is the unit of"
                          + " the tree with the nearest name: check that it is the one meant"),
                  List.of(key + "=" + near))));
    }
    return List.of(hit);
  }
}
