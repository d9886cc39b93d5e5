package dev.unitaudit.app;

import dev.unitaudit.model.Unit;
import dev.unitaudit.rules.RuleCatalog;
import dev.unitaudit.rules.RuleException;
import dev.unitaudit.rules.RuleLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code unitaudit cat}: the merged units a selection names, loaded as the audit loads them, with
 * credentials masked as every report masks them unless the person asks to see them ({@code
 * --show-secrets}): cat output lands in terminals, CI logs and tickets.
 */
public final class UnitCat {

  private UnitCat() {}

  /** Every unit of every scope, in the selection's order. */
  public static List<Unit> units(Selection sel, boolean showSecrets) throws UsageException {
    SecretMask mask = showSecrets ? null : new SecretMask(catalog());
    List<Unit> units = new ArrayList<>();
    for (Selection.Scope scope : sel.scopes()) {
      for (String name : scope.unitNames()) {
        Unit u = scope.loader().load(name);
        units.add(mask == null ? u : mask.masked(u));
      }
    }
    return units;
  }

  private static RuleCatalog catalog() throws UsageException {
    try {
      return RuleLoader.builtIn();
    } catch (RuleException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
