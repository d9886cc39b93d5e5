package dev.unitaudit.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.unitaudit.model.Unit;
import dev.unitaudit.model.UnitName;
import dev.unitaudit.model.UnitStatus;
import dev.unitaudit.rules.RuleLoader;
import dev.unitaudit.syntax.Assignment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The masker reads its words from the catalog's inline-secret rules (rules/secrets.json). */
class SecretMaskTest {

  private static Unit unit(String key, String value) {
    return new Unit(
        UnitName.parse("a.service"),
        List.of(),
        UnitStatus.LOADED,
        "a.service",
        List.of(),
        List.of(),
        List.of(new Assignment("Service", key, value, "a.service", 2)),
        List.of());
  }

  private static String masked(String key, String value) throws Exception {
    return new SecretMask(RuleLoader.builtIn())
        .masked(unit(key, value))
        .assignments()
        .get(0)
        .value();
  }

  @Test
  void credentialsAreMaskedAndTheRestKept() throws Exception {
    assertEquals(
        "DB_PASSWORD=**** MODE=prod API_KEY=****",
        masked("Environment", "DB_PASSWORD=hunter2 MODE=prod API_KEY=abc"));
    assertEquals(
        "URL=postgres://app:****@db/x", masked("Environment", "URL=postgres://app:pw@db/x"));
    assertEquals(
        "/usr/bin/app --db https://u:****@h --password=****",
        masked("ExecStart", "/usr/bin/app --db https://u:pw@h --password=s3cret"));
    assertEquals(
        "AWS_ACCESS_KEY=****", masked("Environment", "AWS_ACCESS_KEY=AKIAIOSFODNN7EXAMPLE"));
    assertEquals("TOKEN=", masked("Environment", "TOKEN="));
    assertEquals(
        "TOKEN=$TOKEN PASSWORD_FILE=/run/pw",
        masked("Environment", "TOKEN=$TOKEN PASSWORD_FILE=/run/pw"));
    assertEquals("yes", masked("PrivateTmp", "yes"));
  }

  @Test
  void aUnitWithoutSecretsIsTheSameUnit() throws Exception {
    Unit u = unit("ExecStart", "/bin/true");
    assertSame(u, new SecretMask(RuleLoader.builtIn()).masked(u));
  }
}
