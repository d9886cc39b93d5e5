package dev.unitaudit.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.unitaudit.model.Unit;
import dev.unitaudit.model.UnitName;
import dev.unitaudit.model.UnitStatus;
import dev.unitaudit.report.AuditReport;
import dev.unitaudit.result.Finding;
import dev.unitaudit.result.FixKind;
import dev.unitaudit.result.Severity;
import dev.unitaudit.rules.RuleCatalog;
import dev.unitaudit.rules.RuleLoader;
import dev.unitaudit.syntax.Assignment;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Suppressions on their own (issue 13, item 7): config and inline, what they do to findings. */
class SuppressionsTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

  private static Unit unit(String... directives) {
    List<Assignment> d = new ArrayList<>();
    for (int i = 0; i < directives.length; i++) {
      d.add(new Assignment("", "unitaudit:", directives[i], "a.service", i + 1));
    }
    return new Unit(
        UnitName.parse("a.service"),
        List.of(),
        UnitStatus.LOADED,
        "a.service",
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        d);
  }

  private static Finding finding(String rule) {
    return new Finding(
        "a.service",
        rule,
        "t",
        Severity.HIGH,
        1,
        "m",
        "a.service",
        5,
        List.of(),
        FixKind.DROPIN,
        null);
  }

  private static Suppressions suppressions(ProjectConfig config) throws Exception {
    RuleCatalog c = RuleLoader.builtIn();
    return new Suppressions(c, config, "unitaudit.json", true, TODAY);
  }

  private static ProjectConfig config(
      List<String> disabled, Map<String, String> severity, List<ProjectConfig.Ignore> ignore) {
    return new ProjectConfig(null, null, null, disabled, severity, ignore, null, null);
  }

  private static List<Finding> apply(Suppressions s, Unit u, String... rules) {
    List<Finding> in = new ArrayList<>();
    for (String r : rules) {
      in.add(finding(r));
    }
    return s.apply(u, in, new ArrayList<AuditReport.ErrorEntry>());
  }

  @Test
  void disabledRulesByIdOrNameDropTheFinding() throws Exception {
    Suppressions s = suppressions(config(List.of("UA1001", "private-tmp"), null, null));
    assertEquals(
        List.of("UA1003"),
        apply(s, unit(), "UA1001", "UA1002", "UA1003").stream().map(Finding::rule).toList());
    assertEquals(true, s.isDisabled("UA1002"));
  }

  @Test
  void severityOverridesChangeTheSeverityOnly() throws Exception {
    Suppressions s = suppressions(config(null, Map.of("UA1001", "info"), null));
    Finding f = apply(s, unit(), "UA1001").get(0);
    assertEquals(Severity.INFO, f.severity());
    assertNull(f.suppressed());
  }

  @Test
  void configIgnoresMatchUnitGlobsUntilTheyExpire() throws Exception {
    Suppressions s =
        suppressions(
            config(
                null,
                null,
                List.of(
                    new ProjectConfig.Ignore("a.*", List.of("UA1001"), "legacy", null),
                    new ProjectConfig.Ignore(
                        "a.service", List.of("UA1002"), "old", "2026-01-01"))));
    List<Finding> out = apply(s, unit(), "UA1001", "UA1002");
    assertEquals("config", out.get(0).suppressed().by());
    assertEquals("legacy", out.get(0).suppressed().reason());
    assertNull(out.get(1).suppressed(), "an expired ignore counts again");
    assertEquals(
        "ignore: the suppression of UA1002 for a.service expired on 2026-01-01: its findings count"
            + " again",
        s.problems().get(0).message());
  }

  @Test
  void inlineSuppressionsAreMarkedAndListed() throws Exception {
    Suppressions s = suppressions(null);
    Unit u = unit("ignore=UA1001 reason=\"setuid helper\" until=2027-06-30");
    List<Finding> out = apply(s, u, "UA1001", "UA1002");
    assertEquals("inline", out.get(0).suppressed().by());
    assertEquals("setuid helper", out.get(0).suppressed().reason());
    assertEquals("2027-06-30", out.get(0).suppressed().until());
    assertNull(out.get(1).suppressed());
    assertEquals(1, s.inEffect().size());
    assertEquals(List.of("UA1001"), s.inEffect().get(0).rules());
  }

  @Test
  void anExpiredInlineSuppressionIsNotApplied() throws Exception {
    Suppressions s = suppressions(null);
    Unit u = unit("ignore=UA1001 reason=\"old\" until=2026-01-01");
    assertNull(apply(s, u, "UA1001").get(0).suppressed());
  }

  @Test
  void unknownRulesInTheConfigAreProblemsNamingTheFile() throws Exception {
    Suppressions s = suppressions(config(List.of("UA9999"), Map.of("UA9998", "low"), null));
    assertEquals(
        List.of("disabledRules: unknown rule UA9999", "severity: unknown rule UA9998"),
        s.problems().stream().map(AuditReport.ErrorEntry::message).toList());
    assertEquals("unitaudit.json", s.problems().get(0).file());
  }
}
