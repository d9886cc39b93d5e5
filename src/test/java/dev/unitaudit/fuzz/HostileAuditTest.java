package dev.unitaudit.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unitaudit.app.Audit;
import dev.unitaudit.app.Selection;
import dev.unitaudit.app.Suppressions;
import dev.unitaudit.report.AuditReport;
import dev.unitaudit.report.Reporter;
import dev.unitaudit.report.Reporters;
import dev.unitaudit.rules.RuleCatalog;
import dev.unitaudit.rules.RuleLoader;
import dev.unitaudit.score.SecurityPolicy;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile-input suite end to end (issue 8): one tree holding every kind of bad input next to
 * good units, audited with all rules and the score and rendered in every format. No exception, no
 * hang, nothing outside the root read (a sentinel unit outside it must never appear), errors name
 * the file and line where systemd complains, the good units are audited exactly as usual, and every
 * report stays valid.
 */
class HostileAuditTest {

  static final String GOOD =
      "[Service]\nExecStart=/bin/true\nPrivateTmp=yes\nNoNewPrivileges=yes\n";

  @TempDir Path tmp;

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void everyHostileInputAtOnce() throws Exception {
    Path root = tmp.resolve("root");
    Path etc = Files.createDirectories(root.resolve("etc/systemd/system"));
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(outside.resolve("sentinel.service"), "[Service]\nExecStart=/bin/sentinel\n");
    Files.createDirectories(outside.resolve("sentinel.d"));
    Files.writeString(outside.resolve("sentinel.d/x.conf"), "[Service]\nExecStart=/bin/sentinel\n");
    Files.writeString(etc.resolve("good.service"), GOOD);
    Files.writeString(etc.resolve("good2.service"), GOOD);
    byte[] junk = new byte[8192];
    new Random(11).nextBytes(junk);
    Files.write(etc.resolve("binary.service"), junk);
    Files.write(
        etc.resolve("nul.service"),
        "[Service]\nExecStart=/bin/true\0PrivateTmp=yes\n".getBytes(StandardCharsets.UTF_8));
    Files.write(
        etc.resolve("latin1.service"),
        "[Service]\nExecStart=/bin/true\nDescription=caf\u00e9\n"
            .getBytes(StandardCharsets.ISO_8859_1));
    Files.writeString(
        etc.resolve("longline.service"),
        "[Unit]\nDescription=" + "x".repeat(2 * 1024 * 1024) + "\n" + GOOD);
    Files.writeString(
        etc.resolve("manylines.service"),
        GOOD + "# filler\n".repeat(200_000) + "PrivateDevices=yes\n");
    Files.writeString(etc.resolve("crlf.service"), GOOD.replace("\n", "\r\n"));
    Files.write(etc.resolve("bom.service"), ("\uFEFF" + GOOD).getBytes(StandardCharsets.UTF_8));
    Files.writeString(etc.resolve("section.service"), "[Service\nExecStart=/bin/true\n");
    Process mk = new ProcessBuilder("mkfifo", etc.resolve("fifo.service").toString()).start();
    assertEquals(0, mk.waitFor());
    Files.createDirectories(etc.resolve("dir.service"));
    Files.writeString(etc.resolve("z.service"), GOOD);
    Files.writeString(etc.resolve("z.service.d"), "a file where a folder belongs");
    Files.createSymbolicLink(etc.resolve("loop1.service"), Path.of("loop2.service"));
    Files.createSymbolicLink(etc.resolve("loop2.service"), Path.of("loop1.service"));
    Files.createSymbolicLink(etc.resolve("dangling.service"), Path.of("/nowhere/dangling.service"));
    Files.createSymbolicLink(etc.resolve("abs-out.service"), outside.resolve("sentinel.service"));
    Files.createSymbolicLink(
        etc.resolve("rel-out.service"), Path.of("../../../../outside/sentinel.service"));
    Files.createSymbolicLink(
        etc.resolve("good2.service.d"), Path.of("../../../../outside/sentinel.d"));
    Path many = Files.createDirectories(etc.resolve("many.service.d"));
    Files.writeString(etc.resolve("many.service"), GOOD);
    for (int i = 0; i < 5000; i++) {
      Files.writeString(
          many.resolve(String.format("%05d.conf", i)),
          "[Service]\nEnvironment=N" + i + "=" + i + "\n");
    }
    Files.writeString(etc.resolve("with space.service"), GOOD);
    Files.writeString(etc.resolve("caf\u00e9-\u96ea.service"), GOOD);
    Files.writeString(etc.resolve("a".repeat(247) + ".service"), GOOD);
    Files.writeString(
        etc.resolve("escape.service"),
        "[Unit]\nDescription=\u001b[31mred\u001b]0;title\u0007 ]]> <x> & \"q\" | `c`\n"
            + "[Service]\nExecStart=/bin/echo \u001b[2J ]]>\nEnvironment=A=]]>\n");

    RuleCatalog catalog = RuleLoader.builtIn();
    AuditReport report =
        new Audit(catalog, SecurityPolicy.NONE, Suppressions.none(catalog), 3, true)
            .run(Selection.of(List.of(), root, root));

    String json = new ObjectMapper().writeValueAsString(report);
    assertFalse(json.contains("/bin/sentinel"), "read a file outside the root");
    AuditReport.UnitEntry good = unit(report, "good.service");
    assertEquals("loaded", good.status());
    assertEquals(
        "9.2", good.exposure().toPlainString()); // systemd-analyze security says 9.2 for GOOD
    assertEquals(
        "9.2",
        unit(report, "good2.service").exposure().toPlainString(),
        "its linked-out drop-ins are ignored");
    assertEquals(List.of(), unit(report, "good2.service").dropins());
    assertEquals("9.2", unit(report, "crlf.service").exposure().toPlainString());
    assertEquals("9.2", unit(report, "bom.service").exposure().toPlainString());
    // systemd ignores files whose names are not valid unit names; we say so instead of staying
    // silent
    for (String invalid : List.of("with space.service", "caf\u00e9-\u96ea.service")) {
      assertTrue(report.units().stream().noneMatch(u -> u.unit().equals(invalid)));
      assertTrue(
          report.errors().stream()
              .anyMatch(
                  e ->
                      ("etc/systemd/system/" + invalid).equals(e.file())
                          && e.message().contains("not a valid unit name")),
          report.errors().toString());
    }
    assertEquals("9.2", unit(report, "a".repeat(247) + ".service").exposure().toPlainString());
    assertEquals(5000, unit(report, "many.service").dropins().size());
    assertEquals("loaded", unit(report, "manylines.service").status());
    assertEquals("bad-setting", unit(report, "binary.service").status());
    assertEquals("bad-setting", unit(report, "section.service").status());
    assertEquals("bad-setting", unit(report, "longline.service").status());
    assertEquals("bad-setting", unit(report, "latin1.service").status());
    assertTrue(
        hasError(report, "etc/systemd/system/longline.service", 2), report.errors().toString());
    assertTrue(
        hasError(report, "etc/systemd/system/latin1.service", 3), report.errors().toString());
    assertTrue(
        hasError(report, "etc/systemd/system/section.service", 1), report.errors().toString());
    assertTrue(
        report.errors().stream()
                .anyMatch(
                    e ->
                        "etc/systemd/system/z.service.d".equals(e.file())
                            || (e.message().contains("z.service.d")))
            || unit(report, "z.service").status().equals("loaded"));

    for (String format : Reporters.formats()) {
      String out = Reporters.get(format).render(report, catalog, Reporter.RenderOptions.PLAIN);
      assertNotNull(out);
      assertFalse(out.contains("\u001b"), format + " passes a terminal escape through");
      assertFalse(out.contains("/bin/sentinel"), format);
      switch (format) {
        case "json", "sarif" -> new ObjectMapper().readTree(out);
        case "junit" ->
            DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(out.getBytes(StandardCharsets.UTF_8)));
        default -> {
          for (char c : out.toCharArray()) {
            assertFalse(
                c < 0x20 && c != '\n' && c != '\t',
                format + " carries control character " + (int) c);
          }
        }
      }
    }
  }

  private static AuditReport.UnitEntry unit(AuditReport r, String name) {
    return r.units().stream()
        .filter(u -> u.unit().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    name + " missing from " + r.units().stream().map(u -> u.unit()).toList()));
  }

  private static boolean hasError(AuditReport r, String file, int line) {
    return r.errors().stream()
        .anyMatch(e -> file.equals(e.file()) && e.line() != null && e.line() == line);
  }
}
