package dev.unitaudit.score;

import dev.unitaudit.model.UnitName;
import dev.unitaudit.syntax.Assignment;
import java.util.ArrayList;
import java.util.List;

/**
 * systemd-analyze security's overall exposure (analyze-security.md §1): per check
 * ceil(badness·weight/range), summed over applicable checks, then ceil(sum·100/weights) tenths.
 * Integer arithmetic only, every division rounding up, exactly as systemd does.
 */
public final class ExposureCalculator {

  private ExposureCalculator() {}

  /** Scores a loaded unit from the assignments systemd applied to it. */
  public static SecurityAssessment assess(
      UnitName unit, List<Assignment> applied, SecurityPolicy policy) throws PolicyException {
    return assess(SecurityInfoReader.read(unit, applied), policy);
  }

  static SecurityAssessment assess(SecurityInfo info, SecurityPolicy policy)
      throws PolicyException {
    int n = AssessorTable.ROWS.size();
    long[] badness = new long[n];
    long[] weights = new long[n];
    long[] ranges = new long[n];
    String[] descriptions = new String[n];
    long badnessSum = 0;
    long weightSum = 0;
    for (int i = 0; i < n; i++) {
      Assessor a = AssessorTable.ROWS.get(i);
      SecurityPolicy.Entry p = policy.entry(a.jsonField());
      long weight = p != null && p.weight() != null ? p.weight() : a.weight();
      long range = p != null && p.range() != null ? p.range() : a.range();
      Badness b;
      if (a.defaultDependenciesOnly() && !info.defaultDependencies()) {
        b =
            new Badness(
                Badness.NOT_APPLICABLE,
                "Service runs in special boot phase, option is not appropriate");
      } else if (weight == 0) {
        b = new Badness(Badness.NOT_APPLICABLE, "Option excluded by policy, skipping");
      } else {
        b = a.assess().apply(info);
      }
      if (b.applicable()) {
        if (b.value() > range) {
          throw new PolicyException(
              policy.file()
                  + ": '"
                  + a.jsonField()
                  + "': range "
                  + range
                  + " is below the badness "
                  + b.value()
                  + " this unit gets (systemd-analyze aborts on it)");
        }
        badnessSum += ceilDiv(b.value() * weight, range);
        weightSum += weight;
      }
      badness[i] = b.value();
      weights[i] = weight;
      ranges[i] = range;
      descriptions[i] = b.generated() != null ? b.generated() : tableDescription(a, p, b.value());
    }
    if (weightSum == 0) {
      throw new PolicyException(
          policy.file() + ": the policy excludes every check (systemd-analyze aborts on it)");
    }
    List<CheckRow> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Assessor a = AssessorTable.ROWS.get(i);
      long b = badness[i];
      Boolean set = b == Badness.NOT_APPLICABLE ? null : b == 0;
      Long exposure =
          b == Badness.NOT_APPLICABLE || b == 0
              ? null
              : ceilDiv(ceilDiv(b * weights[i] * 100, ranges[i]), weightSum);
      rows.add(
          new CheckRow(
              a.name(),
              a.jsonField(),
              set,
              exposure,
              descriptions[i],
              weights[i],
              b == Badness.NOT_APPLICABLE ? null : b,
              ranges[i]));
    }
    long exposure = ceilDiv(badnessSum * 100, weightSum);
    return new SecurityAssessment(List.copyOf(rows), exposure, Rating.of(exposure));
  }

  /**
   * The table text: N/A, bad (badness equals the built-in range), good, or none for a partial
   * badness.
   */
  private static String tableDescription(Assessor a, SecurityPolicy.Entry p, long b) {
    if (b == Badness.NOT_APPLICABLE) {
      return p != null && p.na() != null ? p.na() : a.descriptionNa();
    } else if (b == a.range()) {
      return p != null && p.bad() != null ? p.bad() : a.descriptionBad();
    } else if (b == 0) {
      return p != null && p.good() != null ? p.good() : a.descriptionGood();
    }
    return null;
  }

  private static long ceilDiv(long x, long y) {
    return x / y + (x % y == 0 ? 0 : 1);
  }
}
