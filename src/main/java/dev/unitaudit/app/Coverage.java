package dev.unitaudit.app;

import dev.unitaudit.model.UnitName;
import dev.unitaudit.report.AuditReport;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What an audit covered against what was asked (DESIGN.md exit codes): a PATH in which no unit was
 * found, a named UNIT that does not exist. An audit never passes silently on nothing: with no unit
 * at all it is exit 2, and so is a missing named unit unless {@code --ignore-missing}.
 *
 * @param emptyPaths PATHs (or the root) in which no unit was found
 * @param missing named UNITs that were not found
 * @param nothing whether nothing at all could be audited
 */
public record Coverage(List<String> emptyPaths, List<String> missing, boolean nothing) {

  /** Before auditing: whether the selection found any unit at all. */
  public static Coverage of(Selection selection) {
    return new Coverage(selection.emptyPaths(), List.of(), !selection.hasUnits());
  }

  public static Coverage of(Selection selection, AuditReport report) {
    Set<String> notFound = new HashSet<>();
    boolean anyAudited = false;
    for (AuditReport.UnitEntry u : report.units()) {
      if (u.status().equals("not-found")) {
        notFound.add(u.unit());
        notFound.addAll(u.aliases());
      }
      anyAudited |= !u.status().equals("not-found") || !u.findings().isEmpty();
    }
    List<String> missing = new ArrayList<>();
    for (String n : selection.namedUnits()) {
      UnitName un = UnitName.parse(n);
      String asLoaded = un != null && un.isTemplate() ? un.withInstance("i").name() : n;
      if (notFound.contains(n) || notFound.contains(asLoaded)) {
        missing.add(n);
      }
    }
    return new Coverage(
        selection.emptyPaths(), List.copyOf(missing), !selection.hasUnits() || !anyAudited);
  }

  /**
   * One line per PATH that held no unit, as a person reads it on stderr (a missing unit is named by
   * the report's own error entry, once).
   */
  public List<String> messages() {
    List<String> out = new ArrayList<>();
    for (String p : emptyPaths) {
      out.add("no units found in " + p);
    }
    return out;
  }
}
