package dev.unitaudit.report;

import java.util.HashSet;
import java.util.Set;

/**
 * The units a report lists as masked. Their errors[] entry ("Unit x is masked.") records that
 * nothing was audited; CI formats show it as a note rather than an error, since masking is a
 * deliberate act.
 */
final class MaskedUnits {

  private MaskedUnits() {}

  static Set<String> of(AuditReport report) {
    Set<String> out = new HashSet<>();
    for (AuditReport.UnitEntry u : report.units()) {
      if (u.status().equals("masked")) {
        out.add(u.unit());
      }
    }
    return out;
  }
}
