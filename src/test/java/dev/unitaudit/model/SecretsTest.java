package dev.unitaudit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one definition of a secret (issue 13, item 3), on its own. */
class SecretsTest {

  private static final Secrets.Vocabulary WORDS =
      new Secrets.Vocabulary(List.of("PASSWORD", "TOKEN", "ACCESS_KEY"), 32, 4.0);
  private static final UnitName UNIT = UnitName.parse("web.service");

  @Test
  void entropyNeedsLengthMixAndRandomness() {
    assertTrue(Secrets.highEntropy("sk9Qx2LmZ7vR4tYpW8nB3cK6hJ1dF5gA0eXuTq", 32, 4.0));
    assertFalse(Secrets.highEntropy("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1", 32, 4.0));
    assertFalse(Secrets.highEntropy("/usr/local/sbin:/usr/local/bin:/usr/sbin", 32, 4.0));
    assertFalse(Secrets.highEntropy("0f3c2a9e-1b7d-4c55-9e2a-6d8f0b1c2d3e", 32, 4.0));
  }

  @Test
  void environmentWordsByNameShapeAndEntropy() {
    List<Secrets.Found> f =
        Secrets.inEnvironment(
            "AWS_ACCESS_KEY=AKIAIOSFODNN7EXAMPLE DB_PASSWORD=hunter2 API_TOKEN=$TOKEN"
                + " PASSWORD_FILE=/run/pw LANG=C",
            UNIT,
            WORDS);
    assertEquals(
        List.of(
            new Secrets.Found("AWS_ACCESS_KEY", "AKIAIOSFODNN7EXAMPLE", "an AWS access key id"),
            new Secrets.Found(
                "DB_PASSWORD", "hunter2", "a literal value in a credential-named variable")),
        f);
  }

  @Test
  void commandLineOptionsAndBareUrls() {
    List<Secrets.Found> f =
        Secrets.inCommandLine("/bin/a --token hunter3 postgres://u:hunter4@db/x -v", UNIT, WORDS);
    assertEquals(List.of("--token", "argument"), f.stream().map(Secrets.Found::name).toList());
    assertEquals(
        List.of("hunter3", "postgres://u:hunter4@db/x"),
        f.stream().map(Secrets.Found::value).toList());
  }

  @Test
  void maskReplacesEveryFoundValueAndUrlPasswords() {
    List<Secrets.Found> f = Secrets.inEnvironment("DB_PASSWORD=hunter2", UNIT, WORDS);
    assertEquals(
        "DB_PASSWORD=**** and again **** url=https://me:****@host/",
        Secrets.mask("DB_PASSWORD=hunter2 and again hunter2 url=https://me:pw@host/", f));
    assertEquals("no secret here", Secrets.mask("no secret here", List.of()));
  }

  @Test
  void otherValuesOnlyByShape() {
    assertEquals(1, Secrets.inValue("-----BEGIN RSA PRIVATE KEY-----abc").size());
    assertEquals(List.of(), Secrets.inValue("PASSWORD=hunter2"));
  }
}
