package dev.unitaudit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitaudit.load.SearchPath;
import dev.unitaudit.load.UnitLoader;
import dev.unitaudit.result.Finding;
import dev.unitaudit.result.FixKind;
import dev.unitaudit.result.Severity;
import dev.unitaudit.rules.RuleCatalog;
import dev.unitaudit.rules.RuleLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine on its own: which rules run, how hits become findings, and the ladder level. */
class RuleEngineTest {

  @TempDir Path root;

  private static Finding ladder(int level, boolean suppressed) {
    return new Finding(
        "a.service",
        "UA100" + level,
        "t",
        Severity.HIGH,
        level,
        "m",
        "a.service",
        1,
        List.of(),
        FixKind.DROPIN,
        suppressed ? new Finding.Suppression("inline", "why", null) : null);
  }

  @Test
  void achievedLevelIsTheHighestFullyMet() {
    assertEquals(3, RuleEngine.achievedLevel(List.of()));
    assertEquals(0, RuleEngine.achievedLevel(List.of(ladder(1, false), ladder(3, false))));
    assertEquals(1, RuleEngine.achievedLevel(List.of(ladder(2, false))));
    // an accepted finding counts as met
    assertEquals(3, RuleEngine.achievedLevel(List.of(ladder(1, true))));
  }

  @Test
  void placeholdersAreFilledAndUnknownOnesKept() {
    assertEquals(
        "X= is no in a.service ${nope} ${",
        RuleEngine.substitute(
            "X= is ${actual} in ${unit} ${nope} ${", Map.of("actual", "no", "unit", "a.service")));
    assertEquals("plain", RuleEngine.substitute("plain", Map.of()));
  }

  private RuleEngine.Outcome evaluate(String dir, String unitText, boolean vendorUnits)
      throws Exception {
    Path d = Files.createDirectories(root.resolve(dir));
    Files.writeString(d.resolve("a.service"), unitText);
    TreeContext t = new TreeContext(new UnitLoader(SearchPath.of(List.of(), root)), root);
    RuleCatalog catalog = RuleLoader.builtIn();
    return new RuleEngine(catalog, vendorUnits).evaluate(t.contextFor(t.load("a.service")));
  }

  @Test
  void findingsCarryTheRuleAndPointAtTheLine() throws Exception {
    RuleEngine.Outcome o =
        evaluate(
            "etc/systemd/system", "[Service]\nExecStart=/bin/true\nNoNewPrivileges=no\n", false);
    Finding nnp =
        o.findings().stream().filter(f -> f.rule().equals("UA1001")).findFirst().orElseThrow();
    assertEquals("etc/systemd/system/a.service", nnp.file());
    assertEquals(3, nnp.line());
    assertEquals(Severity.HIGH, nnp.severity());
    assertEquals(Integer.valueOf(1), nnp.level());
    assertTrue(nnp.message().startsWith("NoNewPrivileges= is no;"), nnp.message());
    assertEquals(List.of("[Service]", "NoNewPrivileges=yes"), nnp.fix());
    assertTrue(o.rulesChecked().contains("UA1001"));
    // sorted by file, line, rule
    for (int i = 1; i < o.findings().size(); i++) {
      Finding a = o.findings().get(i - 1);
      Finding b = o.findings().get(i);
      assertTrue(a.line() < b.line() || a.line() == b.line() && a.rule().compareTo(b.rule()) <= 0);
    }
  }

  @Test
  void sitePolicyRulesSkipVendorUnitsUnlessAsked() throws Exception {
    String text = "[Service]\nExecStart=/bin/true\n";
    RuleEngine.Outcome vendor = evaluate("usr/lib/systemd/system", text, false);
    assertFalse(vendor.rulesChecked().contains("UA3001"), vendor.rulesChecked().toString());
    RuleEngine.Outcome asked = evaluate("usr/lib/systemd/system", text, true);
    assertTrue(asked.rulesChecked().contains("UA3001"));
  }
}
