package dev.unitaudit.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitaudit.report.AuditReport;
import dev.unitaudit.report.Fingerprint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The baseline on its own: what it records, what it accepts, what it calls stale. */
class BaselineTest {

  private static AuditReport.FindingEntry finding(String rule, String message, int line) {
    return new AuditReport.FindingEntry(
        rule, "t", "high", 1, message, "etc/systemd/system/a.service", line, "", null);
  }

  private static AuditReport report(AuditReport.FindingEntry... findings) {
    AuditReport.UnitEntry u =
        new AuditReport.UnitEntry(
            "a.service",
            List.of(),
            "service",
            "loaded",
            null,
            "etc/systemd/system/a.service",
            List.of(),
            null,
            null,
            0,
            List.of(),
            List.of(findings),
            List.of("UA1001", "UA1002"),
            null);
    return new AuditReport(
        1, new AuditReport.Tool("unitaudit", "test"), List.of(u), List.of(), null, List.of());
  }

  @Test
  void recordsOpenFindingsWithTheSharedFingerprint() {
    AuditReport.FindingEntry f = finding("UA1001", "NoNewPrivileges= is no", 3);
    Baseline b = Baseline.of(report(f));
    assertEquals(1, b.findings().size());
    assertEquals(Fingerprint.of("a.service", f), b.findings().get(0).fingerprint());
  }

  @Test
  void aMovedLineIsStillAcceptedAChangedMessageIsNew() {
    Baseline b = Baseline.of(report(finding("UA1001", "NoNewPrivileges= is no", 3)));
    Baseline.Applied moved = b.apply(report(finding("UA1001", "NoNewPrivileges= is no", 9)));
    assertEquals("baseline", moved.report().units().get(0).findings().get(0).suppressed().by());
    assertEquals(List.of(), moved.stale());
    Baseline.Applied changed = b.apply(report(finding("UA1001", "NoNewPrivileges= is unset", 3)));
    assertNull(changed.report().units().get(0).findings().get(0).suppressed());
    assertEquals(1, changed.stale().size());
  }

  @Test
  void aBaselineWrittenWithTheOldShortFingerprintStillMatches(@TempDir Path tmp) throws Exception {
    Path file = tmp.resolve("baseline.json");
    Files.writeString(
        file,
        "{\"schemaVersion\": 1, \"findings\": [{\"unit\": \"a.service\", \"rule\": \"UA1001\","
            + " \"fingerprint\": \"0123456789abcdef\", \"file\": \"etc/systemd/system/a.service\","
            + " \"message\": \"NoNewPrivileges= is no\"}]}");
    Baseline b = Baseline.read(file);
    Baseline.Applied a = b.apply(report(finding("UA1001", "NoNewPrivileges= is no", 3)));
    assertEquals("baseline", a.report().units().get(0).findings().get(0).suppressed().by());
  }

  @Test
  void theFingerprintLeavesOutTheLineOnly() {
    AuditReport.FindingEntry f = finding("UA1001", "m", 3);
    assertEquals(
        Fingerprint.of("a.service", f), Fingerprint.of("a.service", finding("UA1001", "m", 4)));
    assertNotEquals(Fingerprint.of("a.service", f), Fingerprint.of("b.service", f));
    assertNotEquals(
        Fingerprint.of("a.service", f), Fingerprint.of("a.service", finding("UA1002", "m", 3)));
    // NUL separation: no two different field splits collide
    assertNotEquals(Fingerprint.key("UA1", "a b", "c"), Fingerprint.key("UA1", "a", "b c"));
  }

  @Test
  void notABaselineIsAUsageErrorNamingTheFile(@TempDir Path tmp) throws Exception {
    Path file = tmp.resolve("x.json");
    Files.writeString(file, "{\"units\": []}");
    UsageException e = assertThrows(UsageException.class, () -> Baseline.read(file));
    assertTrue(e.getMessage().startsWith(file + ": not a unitaudit baseline"), e.getMessage());
  }
}
