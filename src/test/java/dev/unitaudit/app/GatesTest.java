package dev.unitaudit.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.unitaudit.report.AuditReport;
import dev.unitaudit.result.Severity;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gates on their own (issue 13, item 7): each says which unit fails it and why. */
class GatesTest {

  private static AuditReport.FindingEntry finding(String severity, boolean suppressed) {
    return new AuditReport.FindingEntry(
        "UA1001",
        "t",
        severity,
        1,
        "m",
        "etc/systemd/system/a.service",
        3,
        "",
        suppressed ? new AuditReport.Suppressed("inline", "why", null) : null);
  }

  private static AuditReport.UnitEntry unit(
      String name, String type, BigDecimal exposure, Integer level, AuditReport.FindingEntry... f) {
    return new AuditReport.UnitEntry(
        name,
        List.of(),
        type,
        "loaded",
        null,
        null,
        List.of(),
        exposure,
        null,
        level,
        List.of(),
        List.of(f),
        List.of(),
        null);
  }

  private static AuditReport report(AuditReport.UnitEntry... units) {
    return new AuditReport(
        1, new AuditReport.Tool("unitaudit", "test"), List.of(units), List.of(), null, List.of());
  }

  @Test
  void failOnCountsOpenFindingsAtOrAboveTheSeverity() {
    AuditReport r =
        report(
            unit("a.service", "service", new BigDecimal("9.2"), 0, finding("high", false)),
            unit("b.service", "service", new BigDecimal("9.2"), 0, finding("high", true)),
            unit("c.service", "service", new BigDecimal("9.2"), 0, finding("medium", false)));
    Gates.Outcome o = new Gates(Severity.HIGH, null, null).check(r);
    assertEquals(
        List.of(
            "--fail-on high: a.service has high finding UA1001 at etc/systemd/system/a.service:3"),
        o.failures());
    assertEquals(List.of(), o.held());
    assertEquals(
        List.of("--fail-on critical"), new Gates(Severity.CRITICAL, null, null).check(r).held());
  }

  @Test
  void thresholdIsInTenthsAndFailsClosedOnAnUnscoredService() {
    AuditReport r =
        report(
            unit("a.service", "service", new BigDecimal("5.1"), 1),
            unit("b.service", "service", new BigDecimal("5.0"), 1),
            unit("c.service", "service", null, null),
            unit("c.timer", "timer", null, null));
    assertEquals(
        List.of(
            "--threshold 50: a.service has exposure 5.1 (above 5.0)",
            "--threshold 50: c.service has no exposure (it could not be computed)"),
        new Gates(null, 50, null).failures(r));
  }

  @Test
  void requireLevelNamesTheLevelMet() {
    AuditReport r =
        report(
            unit("a.service", "service", new BigDecimal("3.0"), 1),
            unit("b.service", "service", new BigDecimal("2.0"), 2));
    Gates.Outcome o = new Gates(null, null, 2).check(r);
    assertEquals(List.of("--require-level 2: a.service meets level 1"), o.failures());
    assertEquals(List.of("--threshold 95"), new Gates(null, 95, 1).check(r).held().subList(0, 1));
  }

  @Test
  void aBaselineAloneFailsOnFindingsItLacks() {
    AuditReport r =
        report(
            unit(
                "a.service",
                "service",
                BigDecimal.ONE,
                3,
                finding("low", false),
                finding("info", false)),
            unit("b.service", "service", BigDecimal.ONE, 3, finding("high", true)));
    assertEquals(
        List.of("2 findings not in baseline.json (a.service 2)"),
        new Gates(null, null, null, "baseline.json").failures(r));
    assertEquals(
        List.of("--baseline baseline.json"),
        new Gates(null, null, null, "baseline.json").check(report()).held());
  }
}
