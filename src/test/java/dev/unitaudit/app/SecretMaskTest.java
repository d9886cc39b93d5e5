package dev.unitaudit.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SecretMaskTest {

  @Test
  void credentialsAreMaskedAndTheRestKept() {
    assertEquals(
        "DB_PASSWORD=**** MODE=prod API_KEY=****",
        SecretMask.mask("Environment", "DB_PASSWORD=hunter2 MODE=prod API_KEY=abc"));
    assertEquals(
        "URL=postgres://app:****@db/x",
        SecretMask.mask("Environment", "URL=postgres://app:pw@db/x"));
    assertEquals(
        "/usr/bin/app --db https://u:****@h",
        SecretMask.mask("ExecStart", "/usr/bin/app --db https://u:pw@h"));
    assertEquals("TOKEN=", SecretMask.mask("Environment", "TOKEN="));
    assertEquals("yes", SecretMask.mask("PrivateTmp", "yes"));
  }
}
