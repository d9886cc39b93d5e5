package dev.unitaudit.cli;

import static dev.unitaudit.cli.SuppressionCliTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unitaudit.cli.CliTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Site-policy rules on a stock machine (issue 12, item 8): on fixtures/vendor, UA2001 and UA3001
 * report the units the site owns or overrides and leave the distribution's untouched units alone
 * (not even listed as checked), unless --vendor or the config's "vendorUnits": true; hardening
 * rules and the exposure score cover every unit either way.
 */
class VendorScopeCliTest {

  private static final String TREE = "fixtures/vendor";
  private static final Set<String> ALL =
      Set.of(
          "linked.service",
          "local.service",
          "packaged.service",
          "quiet.service",
          "site.service",
          "stock.service",
          "tuned.service");
  private static final Set<String> SITE =
      Set.of("local.service", "quiet.service", "site.service", "tuned.service");

  @TempDir Path tmp;

  private static JsonNode audit(String... extra) throws Exception {
    List<String> args =
        new ArrayList<>(List.of("--root", TREE, "-f", "json", "--no-fail", "--ignore-tree-config"));
    args.addAll(List.of(extra));
    Run r = CliTest.run(args.toArray(String[]::new));
    assertEquals(0, r.code(), r.err());
    return json(r);
  }

  /** The units with a finding of the rule, and the units that list it as checked. */
  private static Set<String> reported(JsonNode report, String rule, String field) {
    Set<String> out = new TreeSet<>();
    for (JsonNode u : report.get("units")) {
      for (JsonNode x : u.get(field)) {
        if ((field.equals("findings") ? x.get("rule").asText() : x.asText()).equals(rule)) {
          out.add(u.get("unit").asText());
        }
      }
    }
    return out;
  }

  @Test
  void siteRulesSkipTheDistributionsUntouchedUnits() throws Exception {
    JsonNode r = audit();
    for (String rule : List.of("UA2001", "UA3001")) {
      assertEquals(SITE, reported(r, rule, "findings"), rule);
      assertEquals(
          SITE, reported(r, rule, "rulesChecked"), rule + " is not checked where it does not run");
    }
    assertEquals(ALL, reported(r, "UA1001", "findings"), "hardening covers every unit");
    for (JsonNode u : r.get("units")) {
      assertFalse(u.get("exposure").isNull(), u.get("unit") + " is scored");
    }
  }

  @Test
  void vendorAsksForThemToo() throws Exception {
    JsonNode r = audit("--vendor");
    for (String rule : List.of("UA2001", "UA3001")) {
      assertEquals(ALL, reported(r, rule, "findings"), rule);
      assertEquals(ALL, reported(r, rule, "rulesChecked"), rule);
    }
  }

  @Test
  void theConfigKeyDoesWhatVendorDoes() throws Exception {
    Path cfg = tmp.resolve("config.json");
    Files.writeString(cfg, "{\"vendorUnits\": true}\n");
    assertEquals(ALL, reported(audit("--config", cfg.toString()), "UA3001", "findings"));
    Files.writeString(cfg, "{\"vendorUnits\": false}\n");
    assertEquals(SITE, reported(audit("--config", cfg.toString()), "UA3001", "findings"));
    assertEquals(
        ALL,
        reported(audit("--config", cfg.toString(), "--vendor"), "UA3001", "findings"),
        "--vendor turns it on whatever the config says");
  }

  @Test
  void aVendorUnitsValueThatIsNotABooleanIsAUsageErrorNamingTheLine() throws Exception {
    Path cfg = tmp.resolve("config.json");
    for (String bad : List.of("\"yes\"", "\"true\"", "1", "null")) {
      Files.writeString(cfg, "{\n  \"level\": 2,\n  \"vendorUnits\": " + bad + "\n}\n");
      Run r = CliTest.run("--root", TREE, "--config", cfg.toString(), "-f", "json");
      if (bad.equals("null")) {
        assertEquals(0, r.code(), "null is the same as leaving the key out: " + r.err());
        continue;
      }
      assertEquals(2, r.code(), bad);
      assertTrue(
          r.err().contains(cfg + ":3: \"vendorUnits\": expected true or false"),
          bad + ": " + r.err());
    }
  }

  @Test
  void fixOnAVendorUnitLeavesSitePolicyOutUnlessAsked() throws Exception {
    Run plain = CliTest.run("fix", "stock.service", "--root", TREE);
    assertEquals(0, plain.code(), plain.err());
    assertFalse(plain.out().contains("StartLimitIntervalSec="), plain.out());
    Run vendor = CliTest.run("fix", "stock.service", "--root", TREE, "--vendor");
    assertEquals(0, vendor.code(), vendor.err());
    assertTrue(vendor.out().contains("StartLimitIntervalSec="), vendor.out());
  }
}
