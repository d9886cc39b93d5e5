package dev.unitaudit.cli;

import static dev.unitaudit.cli.SuppressionCliTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unitaudit.cli.CliTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6, trust: every config and inline suppression in effect is listed in the JSON report
 * (top-level {@code config} and {@code suppressions}), including suppressions that matched no
 * finding; --ignore-tree-config lists none because none is in effect.
 */
class TrustListingCliTest {

  @TempDir Path tmp;

  @Test
  void configAndInlineSuppressionsInEffectAreListed() throws Exception {
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    Files.createDirectories(repo.resolve(".git"));
    Path units = Files.createDirectories(repo.resolve("units/web.service.d"));
    Files.writeString(repo.resolve(".unitaudit.json"), "{\"disabledRules\": [\"UA1004\"]}");
    Files.writeString(
        repo.resolve("units/web.service"),
        "[Service]\nExecStart=/bin/true\nProtectSystem=strict\n");
    Files.writeString(
        units.resolve("accept.conf"),
        "# unitaudit: ignore=UA1001 reason=\"legacy\" until=2999-01-01\n"
            + "# unitaudit: ignore=UA1099 reason=\"matches nothing\"\n"
            + "# unitaudit: ignore=UA1002\n"
            + "[Service]\n"
            + "User=web\n");
    Run r = CliTest.run(repo.resolve("units").toString(), "-f", "json");
    assertEquals(0, r.code(), r.err());
    JsonNode report = json(r);
    assertTrue(
        report.get("config").asText().endsWith("repo/.unitaudit.json"),
        report.get("config").toString());
    JsonNode s = report.get("suppressions");
    assertEquals(2, s.size(), "the two valid ones, not the one without a reason: " + s);
    assertEquals("web.service", s.get(0).get("unit").asText());
    assertEquals("[\"UA1001\"]", s.get(0).get("rules").toString());
    assertEquals("legacy", s.get(0).get("reason").asText());
    assertEquals("2999-01-01", s.get(0).get("until").asText());
    assertTrue(
        s.get(0).get("file").asText().endsWith("units/web.service.d/accept.conf"), s.toString());
    assertEquals(1, s.get(0).get("line").asInt());
    assertEquals("matches nothing", s.get(1).get("reason").asText());
    assertTrue(s.get(1).get("until").isNull());
    assertEquals(2, s.get(1).get("line").asInt());

    JsonNode untrusted =
        json(CliTest.run(repo.resolve("units").toString(), "-f", "json", "--ignore-tree-config"));
    assertFalse(untrusted.has("config"), untrusted.toString());
    assertFalse(untrusted.has("suppressions"), untrusted.toString());
    // the report with the listing still validates against the closed schema (ReportSchemaTest's
    // validator)
  }
}
