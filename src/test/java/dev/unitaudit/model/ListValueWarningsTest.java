package dev.unitaudit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Which words of a list setting systemd skips, and what it says (the wording is compared with the
 * real systemd-analyze in ValueWarningsDifferentialTest and RandomWarningsDifferentialTest).
 */
class ListValueWarningsTest {

  private static ListValueWarnings.Result check(String key, String value) {
    return ListValueWarnings.check(key, value, UnitName.parse("t@a.service"));
  }

  @Test
  void badWordsAreNamedOneByOneAndTheRestApplies() {
    assertEquals(
        new ListValueWarnings.Result(
            List.of(
                "Failed to parse address family, ignoring: AF_BOGUS",
                "Failed to parse address family, ignoring: inet"),
            false),
        check("RestrictAddressFamilies", "~AF_INET AF_BOGUS inet"));
    assertEquals(
        new ListValueWarnings.Result(
            List.of(
                "Address prefix is invalid, ignoring assignment: 10.0.0.0/33",
                "Address prefix is invalid, ignoring assignment: example.org"),
            false),
        check("IPAddressDeny", "any 10.0.0.0/33 ::1/128 example.org localhost"));
    assertEquals(
        new ListValueWarnings.Result(List.of("Unknown system call group, ignoring: @bogus"), false),
        check("SystemCallFilter", "~@clock:EPERM @bogus:EACCES setuid"));
    assertEquals(
        new ListValueWarnings.Result(
            List.of(
                "Failed to parse system call architecture \"amd64\", ignoring: Invalid argument"),
            false),
        check("SystemCallArchitectures", "native amd64"));
    assertEquals(
        new ListValueWarnings.Result(List.of("Invalid controller name 'gpu', ignoring"), false),
        check("Delegate", "cpu gpu memory"));
  }

  @Test
  void someMistakesDropTheWholeLine() {
    assertEquals(
        new ListValueWarnings.Result(
            List.of("Failed to parse namespace type string, ignoring: user bogus"), true),
        check("RestrictNamespaces", "~user bogus"));
    assertEquals(
        new ListValueWarnings.Result(List.of("Invalid device node path '/tmp/x', ignoring."), true),
        check("DeviceAllow", "/tmp//x r"));
    assertEquals(
        new ListValueWarnings.Result(List.of("Invalid device rights 'rx', ignoring."), true),
        check("DeviceAllow", "/dev/null rx"));
    // a relative path is not refused as such: it is no device node path (systemd 252's words)
    assertEquals(
        new ListValueWarnings.Result(
            List.of("Invalid device node path 'dev/null', ignoring."), true),
        check("DeviceAllow", "dev/null r"));
    // the rights are the rest of the line as written
    assertEquals(
        new ListValueWarnings.Result(List.of("Invalid device rights 'r w', ignoring."), true),
        check("DeviceAllow", "/dev/null r w"));
    assertEquals(
        new ListValueWarnings.Result(
            List.of("DeviceAllow= path is not normalized, ignoring: /dev/../etc/passwd"), true),
        check("DeviceAllow", "/dev/../etc/passwd r"));
  }

  @Test
  void validAndResettingValuesSayNothing() {
    for (String[] kv :
        new String[][] {
          {"RestrictNamespaces", "yes"},
          {"RestrictNamespaces", ""},
          {"RestrictNamespaces", "~cgroup ipc"},
          {"Delegate", "no"},
          {"RestrictAddressFamilies", "none"},
          {"DeviceAllow", "char-rtc r"},
          {"DeviceAllow", "/dev//null rw"},
          {"IPAddressAllow", "link-local multicast"},
          {"SystemCallFilter", "@system-service"},
          {"SystemCallArchitectures", ""}
        }) {
      assertEquals(
          new ListValueWarnings.Result(List.of(), false), check(kv[0], kv[1]), kv[0] + "=" + kv[1]);
    }
  }

  /**
   * Found by PipelineFuzzTest: other scripts' digits are not digits to systemd (nor a crash to us).
   */
  @Test
  void digitsOfOtherScriptsAreNotNumbers() {
    assertEquals(false, Values.parseTimeSpan("\u0660s").isPresent());
    assertEquals(null, CNumbers.parse("\u0660"));
    assertEquals(null, InetAddresses.prefix("\u0661::1"));
    assertEquals(
        new ListValueWarnings.Result(
            List.of("Address prefix is invalid, ignoring assignment: 10.0.0.0/\u0668"), false),
        check("IPAddressAllow", "10.0.0.0/\u0668"));
  }

  @Provide
  Arbitrary<String> keys() {
    return Arbitraries.of(
        "RestrictNamespaces",
        "SystemCallArchitectures",
        "SystemCallFilter",
        "Delegate",
        "IPAddressAllow",
        "IPAddressDeny",
        "RestrictAddressFamilies",
        "DeviceAllow");
  }

  @Property
  void anyValueGivesAnAnswerAndNeverThrows(@ForAll("keys") String key, @ForAll String value) {
    ListValueWarnings.Result r = check(key, value);
    // a dropped line always says why
    org.junit.jupiter.api.Assertions.assertTrue(
        !r.ignoresLine() || !r.warnings().isEmpty(), key + "=" + value);
  }
}
