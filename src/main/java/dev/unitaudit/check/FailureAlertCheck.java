package dev.unitaudit.check;

import dev.unitaudit.model.Setting;
import dev.unitaudit.model.Unit;
import dev.unitaudit.model.UnitName;
import dev.unitaudit.result.Fix;
import dev.unitaudit.result.FixKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code failure-alert}: the services the selector picks ({@code roles}, {@code types}) name an
 * alert unit in {@code OnFailure=}. A failure handler itself is left alone (an alert about a failed
 * alert loops): a unit that another unit's OnFailure= names, or a template whose name matches one
 * of {@code handlerNames} ({@code *failure*@.service}). The fix names the tree's handler: the one
 * its units name most, else the first template matching handlerNames, as {@code
 * OnFailure=NAME@%n.service}; when the tree has none, it shows {@code newHandlerUnit} to create as
 * {@code newHandler} and the OnFailure= line that uses it.
 */
public final class FailureAlertCheck implements CheckKind<FailureAlertCheck.Params> {

  /**
   * Parameters: roles and types selecting the services; handlerNames, globs ({@code *}) for
   * templates that are handlers by their name; newHandler and newHandlerUnit, the template to
   * create when the tree has no handler and its unit-file lines.
   */
  public record Params(
      List<String> roles,
      List<String> types,
      List<String> handlerNames,
      String newHandler,
      List<String> newHandlerUnit) {}

  @Override
  public String name() {
    return "failure-alert";
  }

  @Override
  public Class<Params> paramsType() {
    return Params.class;
  }

  @Override
  public void validate(Params p) {
    ServiceRoles.validate(p.roles(), p.types());
    UnitName h = p.newHandler() == null ? null : UnitName.parse(p.newHandler());
    if (h == null
        || !h.isTemplate()
        || p.newHandlerUnit() == null
        || p.newHandlerUnit().isEmpty()) {
      throw new IllegalArgumentException(
          "failure-alert needs newHandler (a template such as alert@.service) and"
              + " newHandlerUnit (its lines)");
    }
    if (p.handlerNames() == null || p.handlerNames().isEmpty()) {
      throw new IllegalArgumentException("failure-alert needs a non-empty handlerNames list");
    }
  }

  @Override
  public List<Hit> evaluate(CheckContext ctx, Params p) {
    Optional<String> role = ServiceRoles.select(ctx, p.roles(), p.types());
    if (role.isEmpty()) {
      return Checks.none();
    }
    Unit u = ctx.unit();
    List<Setting> set = u.list("Unit", "OnFailure");
    if (set.stream().anyMatch(s -> !s.value().isBlank()) || isHandler(ctx, u, p)) {
      return Checks.none();
    }
    Map<String, String> v = Checks.values("OnFailure", Optional.empty());
    v.put("role", role.get());
    return List.of(Checks.hitAt(u, "Unit", Optional.empty(), v).withFix(fix(ctx, u, p)));
  }

  private static boolean isHandler(CheckContext ctx, Unit u, Params p) {
    UnitName n = u.name();
    String file = n.isInstance() ? n.template().name() : n.name();
    return ctx.failureHandlers().contains(file)
        || (n.isInstance() && matches(file, p.handlerNames()));
  }

  private static Fix fix(CheckContext ctx, Unit u, Params p) {
    String handler = null;
    String why = null;
    if (!ctx.failureHandlers().isEmpty()) {
      handler = ctx.failureHandlers().get(0);
      why = "the failure handler other units of the tree name";
    } else {
      for (String t : ctx.unitNames()) {
        if (matches(t, p.handlerNames())) {
          handler = t;
          why = "the tree's failure handler template";
          break;
        }
      }
    }
    if (handler != null) {
      return Fix.of(
          FixKind.DROPIN,
          List.of("# " + handler + " is " + why + ":", "[Unit]", "OnFailure=" + word(handler)));
    }
    List<String> lines = new ArrayList<>();
    lines.add(
        "# create "
            + p.newHandler()
            + " beside the unit files (the tree has no failure handler yet):");
    lines.addAll(p.newHandlerUnit());
    lines.add("# and add to " + u.id() + " in a drop-in:");
    lines.add("[Unit]");
    lines.add("OnFailure=" + word(p.newHandler()));
    return Fix.of(FixKind.CREATE_UNIT, lines);
  }

  /** How OnFailure= names a handler: a template with the failed unit's name as instance. */
  private static String word(String handler) {
    UnitName n = UnitName.parse(handler);
    return n != null && n.isTemplate() ? n.prefix() + "@%n." + n.type().suffix() : handler;
  }

  static boolean matches(String name, List<String> globs) {
    for (String g : globs) {
      String regex = Pattern.quote(g).replace("*", "\\E.*\\Q");
      if (name.matches(regex)) {
        return true;
      }
    }
    return false;
  }
}
