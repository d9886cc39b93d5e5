package dev.unitaudit.engine;

import dev.unitaudit.check.Hit;
import dev.unitaudit.result.Fix;
import dev.unitaudit.rules.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fix of one finding: the fix its check kind computed for the hit, else the rule's {@code fix}
 * lines with the hit's placeholders filled (as in messages), without the lines for keys the unit
 * already sets as the rule wants.
 */
final class FixText {

  private FixText() {}

  static Fix of(Rule r, Hit h, Map<String, String> values) {
    if (h.fix() != null) {
      return h.fix();
    }
    List<String> lines = new ArrayList<>(r.fix().size());
    for (String l : r.fix()) {
      lines.add(RuleEngine.substitute(l, values));
    }
    return Fix.of(r.fixKind(), h.fixOmit() == null ? lines : omit(lines, h.fixOmit()));
  }

  /**
   * Leaves out the assignments of {@code keys}, and headers with nothing left below them: a unit
   * that sets StartLimitBurst= but not StartLimitIntervalSec= is told to add the interval, not to
   * replace its burst with the rule's example.
   */
  static List<String> omit(List<String> lines, List<String> keys) {
    List<String> out = new ArrayList<>();
    String header = null;
    for (String l : lines) {
      if (l.startsWith("[")) {
        header = l;
        continue;
      }
      int eq = l.indexOf('=');
      boolean assignment = !l.startsWith("#") && eq > 0;
      if (assignment && keys.contains(l.substring(0, eq).strip())) {
        continue;
      }
      if (header != null && assignment) {
        out.add(header);
        header = null;
      }
      out.add(l);
    }
    return out;
  }
}
