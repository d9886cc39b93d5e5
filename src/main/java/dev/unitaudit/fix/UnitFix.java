package dev.unitaudit.fix;

import dev.unitaudit.model.Unit;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

/**
 * The fix for one unit: the plan, the drop-in text, where it goes, and the unit re-audited with it
 * (merged in memory exactly where systemd would apply it).
 *
 * @param unitName the unit as reported
 * @param notApplicable why nothing was planned (not a loaded service, …), or null
 * @param before the unit as loaded (null when not loaded)
 * @param after the unit with the drop-in merged in (same as before when the plan is empty)
 * @param file where {@code --write} puts the drop-in, on disk; null when unknown
 * @param display the same path as reports name it
 * @param confine the directory the written file must stay inside
 * @param text the drop-in, "" when the plan is empty
 * @param overridden settings of the drop-in a later-sorting drop-in overrides (one sentence each)
 * @param problems other reasons the drop-in may not take effect (shadowed by a same-named file)
 */
public record UnitFix(
    String unitName,
    String notApplicable,
    Unit before,
    Unit after,
    FixPlan plan,
    Path file,
    String display,
    Path confine,
    String text,
    BigDecimal exposureBefore,
    BigDecimal exposureAfter,
    Integer levelBefore,
    Integer levelAfter,
    List<String> stillOpen,
    List<String> overridden,
    List<String> problems) {

  public boolean isEmpty() {
    return plan == null || plan.isEmpty();
  }
}
