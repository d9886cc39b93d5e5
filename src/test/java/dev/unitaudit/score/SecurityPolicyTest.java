package dev.unitaudit.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.unitaudit.model.UnitName;
import dev.unitaudit.syntax.Assignment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --security-policy: systemd's format, with errors where systemd would ignore or abort. */
class SecurityPolicyTest {

  @TempDir Path tmp;

  private static final List<Assignment> BARE =
      List.of(new Assignment("Service", "ExecStart", "/bin/true", "x", 2));

  private SecurityPolicy policy(String json) throws Exception {
    Path p = tmp.resolve("policy.json");
    Files.writeString(p, json);
    return SecurityPolicy.parse(p);
  }

  private String error(String json) {
    return assertThrows(PolicyException.class, () -> policy(json))
        .getMessage()
        .replace(tmp.toString(), "T");
  }

  @Test
  void bareServiceWithoutPolicyIs96() throws Exception {
    SecurityAssessment a =
        ExposureCalculator.assess(UnitName.parse("x.service"), BARE, SecurityPolicy.NONE);
    assertEquals("9.6", a.exposureText());
    assertEquals(Rating.UNSAFE, a.rating());
  }

  @Test
  void weightZeroDropsTheCheckAndRenormalises() throws Exception {
    SecurityAssessment a =
        ExposureCalculator.assess(
            UnitName.parse("x.service"), BARE, policy("{\"PrivateNetwork\": {\"weight\": 0}}"));
    CheckRow row =
        a.rows().stream()
            .filter(r -> r.jsonField().equals("PrivateNetwork"))
            .findFirst()
            .orElseThrow();
    assertNull(row.set());
    assertNull(row.badness());
    assertEquals("Option excluded by policy, skipping", row.description());
    // (53510 - 2500) * 100 / (56160 - 2500), rounded up
    assertEquals(96, a.exposureTenths());
  }

  @Test
  void errorsNameTheFileAndTheField() {
    assertEquals(
        "T/policy.json: 'UMask': range 0 is not allowed (systemd-analyze aborts on it)",
        error("{\"UMask\": {\"range\": 0}}"));
    assertEquals(
        "T/policy.json: unknown check 'CapabilityBoundingSet_CAP_NET_BIND_SERVICE_BROADCAST_RAW';"
            + " did you mean 'CapabilityBoundingSet_CAP_NET_BIND_SERVICE_BROADCAST_RAW)'? (systemd"
            + " would ignore it silently)",
        error("{\"CapabilityBoundingSet_CAP_NET_BIND_SERVICE_BROADCAST_RAW\": {\"weight\": 1}}"));
    assertEquals(
        "T/policy.json: 'UMask': weight must be an unsigned integer, not \"5\"",
        error("{\"UMask\": {\"weight\": \"5\"}}"));
    assertEquals(
        "T/policy.json: 'UMask': weight must be an unsigned integer, not -1",
        error("{\"UMask\": {\"weight\": -1}}"));
    assertEquals(
        "T/policy.json: 'UMask': unknown field 'wieght' (allowed: weight, range, description_good,"
            + " description_bad, description_na)",
        error("{\"UMask\": {\"wieght\": 1}}"));
    assertEquals(
        "T/policy.json: a security policy is a JSON object keyed by json_field", error("[]"));
    assertEquals(
        "T/policy.json:1:11: not valid JSON",
        error("{\"UMask\": }").replaceAll(": Unexpected.*", ""));
  }

  @Test
  void aRangeBelowTheBadnessIsAnErrorNotAnAbort() throws Exception {
    SecurityPolicy p = policy("{\"ProtectSystem\": {\"range\": 5}}");
    PolicyException e =
        assertThrows(
            PolicyException.class,
            () -> ExposureCalculator.assess(UnitName.parse("x.service"), BARE, p));
    assertEquals(
        tmp.resolve("policy.json")
            + ": 'ProtectSystem': range 5 is below the badness 10 this unit gets"
            + " (systemd-analyze aborts on it)",
        e.getMessage());
  }
}
