package dev.unitaudit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitaudit.result.FixKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scope and fixKind fields of a rule entry load strictly, with file:line in every error. */
class RuleLoaderFixFieldsTest {

  @TempDir Path dir;

  private Path rules(String extra, String fix) throws IOException {
    Path f = dir.resolve("site.json");
    Files.writeString(
        f,
        """
        {
          "rules": [
            {
              "id": "UA9001", "name": "private-network", "title": "Not network-isolated", "severity": "low",
              "unitTypes": ["service"],
              "check": {"kind": "boolean", "key": "PrivateNetwork", "want": true},
              "message": "${key}= is ${actual}", "rationale": "Site policy.",
              "fix": %s,%s
              "docs": "https://www.freedesktop.org/software/systemd/man/252/systemd.exec.html"
            }
          ]
        }
        """
            .formatted(fix, extra));
    return f;
  }

  private String error(String extra, String fix) throws IOException {
    Path f = rules(extra, fix);
    RuleException e = assertThrows(RuleException.class, () -> RuleLoader.withUserRules(List.of(f)));
    assertTrue(e.getMessage().startsWith(f + ":3: "), e.getMessage());
    return e.getMessage().substring((f + ":3: ").length());
  }

  @Test
  void defaultsAreADropInForEveryUnit() throws Exception {
    Rule r =
        RuleLoader.withUserRules(List.of(rules("", "[\"[Service]\", \"PrivateNetwork=yes\"]")))
            .find("UA9001")
            .orElseThrow();
    assertEquals(FixKind.DROPIN, r.fixKind());
    assertEquals(Rule.SCOPE_ALL, r.scope());
    Rule s =
        RuleLoader.withUserRules(
                List.of(
                    rules(
                        " \"scope\": \"site\", \"fixKind\": \"manual\",",
                        "[\"# ask the network team\"]")))
            .find("UA9001")
            .orElseThrow();
    assertEquals(FixKind.MANUAL, s.fixKind());
    assertTrue(s.sitePolicy());
  }

  @Test
  void badValuesAreErrorsNamingTheEntry() throws Exception {
    assertEquals(
        "scope must be \"all\" or \"site\"",
        error(" \"scope\": \"vendor\",", "[\"[Service]\", \"X=1\"]"));
    assertEquals(
        "fixKind must be one of dropin, edit, chmod, create-unit, move-secret, manual",
        error(" \"fixKind\": \"patch\",", "[\"[Service]\", \"X=1\"]"));
    assertEquals(
        "a manual fix is only # lines (what to do); use another fixKind for unit lines",
        error(" \"fixKind\": \"manual\",", "[\"# do it\", \"[Service]\", \"X=1\"]"));
    assertEquals(
        "a dropin fix starts with a [Section] header; say fixKind when the fix is not a drop-in",
        error("", "[\"# chmod 0644 the file\"]"));
    assertEquals(
        "a chmod fix starts with a # line saying what to do",
        error(" \"fixKind\": \"chmod\",", "[\"[Service]\", \"X=1\"]"));
    assertEquals("fix must not be empty", error("", "[]"));
  }
}
