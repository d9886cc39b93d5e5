package dev.unitaudit.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitaudit.report.AuditReport;
import dev.unitaudit.report.AuditReport.FindingEntry;
import dev.unitaudit.report.AuditReport.SettingEntry;
import dev.unitaudit.report.AuditReport.UnitEntry;
import dev.unitaudit.report.Json;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The summary's figures against a hand computation on four small reports (written as the JSON
 * reporter writes them) and two files that are not reports.
 *
 * <pre>
 * host   web.service          db.service    backup.timer      errors
 * a      9.2 L0 high+medium   2.0 L2        - low             0     (web: a drop-in, ProtectSystem=full;
 *        (+1 low suppressed)                                          settings reported)
 * b      5.0 L1 medium        2.1 L2                          0     (settings reported, no ProtectSystem=)
 * c      3.5 L2               2.0 L2                          1
 * prod-d 9.2 L0 high+medium                                   0     (file d.json, "host": "prod-d")
 *
 * web:  hosts 4, exposures 3.5 5.0 9.2 9.2: min 3.5, median (5.0+9.2)/2 = 7.1, max 9.2;
 *       levels 2/1/1/0; findings high 2 medium 3 (the suppressed low is not counted);
 *       worst 9.2 with 2 findings on a and prod-d; config differs: drop-ins (a vs the rest)
 *       and ProtectSystem= ("full" on a, unset on b; c and prod-d reported no settings)
 * db:   hosts 3, 2.0 2.0 2.1: min 2.0, median 2.0, max 2.1; worst b
 * backup.timer: 1 host, not scored, level none 1, worst a (1 finding)
 * hosts: a mean (9.2+2.0)/2 = 5.60 max 9.2; b 3.55; c 2.75; prod-d 9.20
 * rules: UA1001 1 unit 2 hosts 2 findings; UA1003 1 unit 3 hosts 3; UA6001 1 unit 1 host 1
 * totals: 4 reports, 2 rejected, 4 hosts, 3 units, 8 unit entries, 6 findings
 * </pre>
 */
class SummaryFiguresTest {

  @TempDir Path tmp;
  List<Path> files;

  static FindingEntry finding(String rule, String severity, boolean suppressed) {
    return new FindingEntry(
        rule,
        "title of " + rule,
        severity,
        null,
        "message",
        "etc/x.service",
        3,
        "[Service]\nX=yes",
        suppressed ? new AuditReport.Suppressed("inline", "accepted", null) : null);
  }

  static UnitEntry unit(
      String name,
      String exposure,
      Integer level,
      List<String> dropins,
      List<FindingEntry> findings,
      List<SettingEntry> settings) {
    String type = name.substring(name.lastIndexOf('.') + 1);
    return new UnitEntry(
        name,
        List.of(),
        type,
        "loaded",
        "d",
        "usr/lib/systemd/system/" + name,
        dropins,
        exposure == null ? null : new BigDecimal(exposure),
        exposure == null ? null : "EXPOSED",
        level,
        List.of(),
        findings,
        List.of(),
        settings);
  }

  static List<SettingEntry> settings(Map<String, String> values) {
    return values.entrySet().stream()
        .map(e -> new SettingEntry("Service", e.getKey(), e.getValue(), "usr/lib/x", 1))
        .toList();
  }

  Path write(String file, String host, List<UnitEntry> units, int errors) throws Exception {
    List<AuditReport.ErrorEntry> errs =
        java.util.stream.IntStream.range(0, errors)
            .mapToObj(i -> new AuditReport.ErrorEntry("x.service", "etc/x.service", 1, "bad"))
            .toList();
    AuditReport r =
        new AuditReport(
            1, new AuditReport.Tool("unitaudit", "0.1"), host, units, errs, null, List.of());
    Path p = tmp.resolve(file);
    Files.writeString(p, Json.write(r));
    return p;
  }

  @BeforeEach
  void reports() throws Exception {
    Path a =
        write(
            "a.json",
            null,
            List.of(
                unit(
                    "web.service",
                    "9.2",
                    0,
                    List.of("etc/systemd/system/web.service.d/x.conf"),
                    List.of(
                        finding("UA1001", "high", false),
                        finding("UA1003", "medium", false),
                        finding("UA1013", "low", true)),
                    settings(Map.of("ExecStart", "/bin/web", "ProtectSystem", "full"))),
                unit("db.service", "2.0", 2, List.of(), List.of(), null),
                unit(
                    "backup.timer",
                    null,
                    null,
                    List.of(),
                    List.of(finding("UA6001", "low", false)),
                    null)),
            0);
    Path b =
        write(
            "b.json",
            null,
            List.of(
                unit(
                    "web.service",
                    "5.0",
                    1,
                    List.of(),
                    List.of(finding("UA1003", "medium", false)),
                    settings(Map.of("ExecStart", "/bin/web"))),
                unit("db.service", "2.1", 2, List.of(), List.of(), null)),
            0);
    Path c =
        write(
            "c.json",
            null,
            List.of(
                unit("web.service", "3.5", 2, List.of(), List.of(), null),
                unit("db.service", "2.0", 2, List.of(), List.of(), null)),
            1);
    Path d =
        write(
            "d.json",
            "prod-d",
            List.of(
                unit(
                    "web.service",
                    "9.2",
                    0,
                    List.of(),
                    List.of(finding("UA1001", "high", false), finding("UA1003", "medium", false)),
                    null)),
            0);
    Path notAReport = tmp.resolve("e.json");
    Files.writeString(notAReport, "{\"hello\": 1}\n");
    Path truncated = tmp.resolve("f.json");
    Files.writeString(truncated, "{\"schemaVersion\": 1,\n\"units\": [\n");
    files = List.of(a, b, notAReport, c, truncated, d);
  }

  static Summary.UnitRollup unitOf(Summary s, String name) {
    return s.units().stream().filter(u -> u.unit().equals(name)).findFirst().orElseThrow();
  }

  static BigDecimal n(String s) {
    return new BigDecimal(s);
  }

  @Test
  void figuresMatchTheHandComputation() throws Exception {
    Summarize.Outcome o = Summarize.run(files, null, "test");
    Summary s = o.summary();
    assertEquals(new Summary.Totals(4, 2, 4, 3, 8, 6), s.totals());

    Summary.UnitRollup web = unitOf(s, "web.service");
    assertEquals(4, web.hosts());
    assertEquals(new Summary.Exposure(4, n("3.5"), n("7.1"), n("9.2")), web.exposure());
    assertEquals(new Summary.Levels(2, 1, 1, 0, 0), web.levels());
    assertEquals(new Summary.Severities(0, 2, 3, 0, 0), web.findings());
    assertEquals(new Summary.Worst(n("9.2"), 2, List.of("a", "prod-d")), web.worst());
    assertTrue(web.config().differs());
    assertEquals(2, web.config().settingsHosts());
    assertEquals(
        List.of(
            new Summary.DropinVariant(
                List.of("etc/systemd/system/web.service.d/x.conf"), List.of("a")),
            new Summary.DropinVariant(List.of(), List.of("b", "c", "prod-d"))),
        web.config().dropins());
    assertEquals(
        List.of(
            new Summary.SettingDifference(
                "Service",
                "ProtectSystem",
                List.of(
                    new Summary.Variant("full", List.of("a")),
                    new Summary.Variant(null, List.of("b"))))),
        web.config().settings());

    Summary.UnitRollup db = unitOf(s, "db.service");
    assertEquals(3, db.hosts());
    assertEquals(new Summary.Exposure(3, n("2.0"), n("2.0"), n("2.1")), db.exposure());
    assertEquals(List.of("b"), db.worst().hosts());
    assertEquals(false, db.config().differs());

    Summary.UnitRollup timer = unitOf(s, "backup.timer");
    assertEquals(new Summary.Exposure(0, null, null, null), timer.exposure());
    assertEquals(new Summary.Levels(0, 0, 0, 0, 1), timer.levels());
    assertEquals(new Summary.Worst(null, 1, List.of("a")), timer.worst());

    assertEquals(
        List.of(
            new Summary.HostRollup(
                "a",
                files.get(0).toString(),
                3,
                2,
                n("5.60"),
                n("9.2"),
                new Summary.Levels(1, 0, 1, 0, 1),
                new Summary.Severities(0, 1, 1, 1, 0),
                1,
                0),
            new Summary.HostRollup(
                "b",
                files.get(1).toString(),
                2,
                2,
                n("3.55"),
                n("5.0"),
                new Summary.Levels(0, 1, 1, 0, 0),
                new Summary.Severities(0, 0, 1, 0, 0),
                0,
                0),
            new Summary.HostRollup(
                "c",
                files.get(3).toString(),
                2,
                2,
                n("2.75"),
                n("3.5"),
                new Summary.Levels(0, 0, 2, 0, 0),
                new Summary.Severities(0, 0, 0, 0, 0),
                0,
                1),
            new Summary.HostRollup(
                "prod-d",
                files.get(5).toString(),
                1,
                1,
                n("9.20"),
                n("9.2"),
                new Summary.Levels(1, 0, 0, 0, 0),
                new Summary.Severities(0, 1, 1, 0, 0),
                0,
                0)),
        s.hosts());
    assertEquals(
        List.of(
            new Summary.RuleRollup("UA1001", "title of UA1001", "high", 1, 2, 2),
            new Summary.RuleRollup("UA1003", "title of UA1003", "medium", 1, 3, 3),
            new Summary.RuleRollup("UA6001", "title of UA6001", "low", 1, 1, 1)),
        s.rules());
  }

  @Test
  void aFileThatIsNotAReportIsNamedAndTheRestSummarised() throws Exception {
    Summarize.Outcome o = Summarize.run(files, null, "test");
    assertEquals(2, o.rejected().size(), String.join("\n", o.rejected()));
    String e = o.rejected().get(0);
    assertTrue(
        e.startsWith(
            files.get(2)
                + ": not a unitaudit JSON report (the report does not match report.schema.json): "),
        e);
    String f = o.rejected().get(1);
    assertTrue(f.startsWith(files.get(4) + ":3: not a unitaudit JSON report: "), f);
    Summary.Input rejected = o.summary().inputs().get(2);
    assertEquals(files.get(2).toString(), rejected.file());
    assertNull(rejected.host());
    assertEquals(e, rejected.error());
    assertEquals(List.of(), Schemas.summary(Json.mapper().valueToTree(o.summary())));
  }

  @Test
  void sinceListsWhatImprovedAndRegressed() throws Exception {
    Path old = tmp.resolve("old-summary.json");
    Files.writeString(old, Json.write(Summarize.run(files, null, "test").summary()));
    // b's web.service loses its hardening, a drops backup.timer, c hardens db.service
    write(
        "b.json",
        null,
        List.of(
            unit(
                "web.service",
                "9.6",
                0,
                List.of(),
                List.of(finding("UA1003", "medium", false)),
                null),
            unit("db.service", "2.1", 2, List.of(), List.of(), null)),
        0);
    write(
        "a.json",
        null,
        List.of(
            unit(
                "web.service",
                "9.2",
                0,
                List.of(),
                List.of(finding("UA1001", "high", false), finding("UA1003", "medium", false)),
                null),
            unit("db.service", "2.0", 2, List.of(), List.of(), null)),
        0);
    write(
        "c.json",
        null,
        List.of(
            unit("web.service", "3.5", 2, List.of(), List.of(), null),
            unit("db.service", "1.2", 3, List.of(), List.of(), null)),
        1);
    Summary.Since since = Summarize.run(files, old, "test").summary().since();
    assertEquals(old.toString(), since.file());
    assertEquals(
        List.of(
            new Summary.Change("unit", "web.service", "maxExposure", n("9.2"), n("9.6")),
            new Summary.Change("unit", "web.service", "medianExposure", n("7.1"), n("9.2")),
            new Summary.Change("host", "b", "meanExposure", n("3.55"), n("5.85"))),
        since.regressed());
    // db.service's best host improved, but its median, maximum and lowest level did not move
    assertEquals(
        List.of(
            new Summary.Change("host", "a", "findings", n("3"), n("2")),
            new Summary.Change("host", "c", "meanExposure", n("2.75"), n("2.35"))),
        since.improved());
    assertEquals(List.of(), since.added());
    assertEquals(
        List.of(
            new Summary.Change("unit", "backup.timer", null, null, null),
            new Summary.Change("rule", "UA6001", null, null, null)),
        since.removed());
  }
}
