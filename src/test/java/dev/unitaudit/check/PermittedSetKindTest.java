package dev.unitaudit.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PermittedSetKindTest {

  @TempDir Path root;

  private final PermittedSetCheck kind = new PermittedSetCheck();

  /** The "permitted" placeholder, or "" when the unit passes. */
  private String permitted(
      String serviceBody, String key, List<String> forbid, List<String> permitOnly) {
    List<Hit> hits =
        new ServiceTestTree(root)
            .file("app.service", "[Service]\nExecStart=/bin/true\n" + serviceBody)
            .run(kind, new PermittedSetCheck.Params(key, forbid, permitOnly), "app.service");
    return hits.isEmpty() ? "" : hits.get(0).values().get("permitted");
  }

  private String caps(String body, String... forbid) {
    return permitted(body, "CapabilityBoundingSet", List.of(forbid), null);
  }

  @Test
  void capabilitiesStartAsAll() {
    assertEquals("CAP_SYS_ADMIN", caps("", "CAP_SYS_ADMIN"));
  }

  @Test
  void capabilityTildeAfterAPlainListClearsIt() {
    // first assignment replaces the initial "all"; a later ~ list removes from it
    assertEquals(
        "",
        caps(
            """
            CapabilityBoundingSet=CAP_SYS_ADMIN CAP_NET_BIND_SERVICE
            CapabilityBoundingSet=~cap_sys_admin
            """,
            "CAP_SYS_ADMIN"));
  }

  @Test
  void capabilityPlainListAfterTildeIsOredIn() {
    assertEquals(
        "CAP_SYS_ADMIN",
        caps(
            """
            CapabilityBoundingSet=~CAP_SYS_ADMIN CAP_SYS_PTRACE
            CapabilityBoundingSet=CAP_SYS_ADMIN
            """,
            "CAP_SYS_ADMIN",
            "CAP_SYS_PTRACE"));
  }

  @Test
  void capabilityEmptyMeansNoneAndLoneTildeMeansAllAgain() {
    assertEquals("", caps("CapabilityBoundingSet=\n", "CAP_SYS_ADMIN"));
    assertEquals(
        "CAP_SYS_ADMIN",
        caps("CapabilityBoundingSet=\nCapabilityBoundingSet=~\n", "CAP_SYS_ADMIN"));
    // after "~" the set is back at its initial value, so the next list replaces it
    assertEquals(
        "", caps("CapabilityBoundingSet=~\nCapabilityBoundingSet=CAP_CHOWN\n", "CAP_SYS_ADMIN"));
  }

  @Test
  void sandboxSwitchesDropTheirCapabilities() {
    assertEquals(
        "CAP_SYSLOG",
        caps(
            """
            PrivateDevices=yes
            ProtectKernelModules=yes
            ProtectClock=yes
            """,
            "CAP_MKNOD",
            "CAP_SYS_RAWIO",
            "CAP_SYS_MODULE",
            "CAP_SYS_TIME",
            "CAP_WAKE_ALARM",
            "CAP_SYSLOG"));
  }

  private String syscalls(String body) {
    return permitted(body, "SystemCallFilter", List.of("@mount", "@clock", "@debug"), null);
  }

  @Test
  void syscallFilterPolarityIsSetByTheFirstAssignment() {
    assertEquals("@mount @clock @debug", syscalls(""));
    assertEquals("", syscalls("SystemCallFilter=@system-service\n"));
    assertEquals("@debug", syscalls("SystemCallFilter=~@mount @privileged\n"));
    // a plain word in deny mode removes it from the deny list
    assertEquals(
        "@mount",
        syscalls("SystemCallFilter=~@mount @privileged @debug\nSystemCallFilter=@mount\n"));
    // a ~ word in allow mode removes it from the allow list
    assertEquals(
        "", syscalls("SystemCallFilter=@system-service @mount\nSystemCallFilter=~@mount\n"));
  }

  @Test
  void syscallErrnoSuffixIsIgnoredAndResetRemovesTheFilter() {
    assertEquals("@clock @debug", syscalls("SystemCallFilter=~@mount:EPERM\n"));
    assertEquals(
        "@mount @clock @debug", syscalls("SystemCallFilter=@system-service\nSystemCallFilter=\n"));
  }

  @Test
  void allowedPrivilegedGroupPermitsItsMembers() {
    assertEquals("@clock", syscalls("SystemCallFilter=@system-service @privileged\n"));
  }

  private String namespaces(String body) {
    return permitted(body, "RestrictNamespaces", List.of("net", "user"), null);
  }

  @Test
  void namespacesBooleansReplaceAndListsMerge() {
    assertEquals("net user", namespaces(""));
    assertEquals("", namespaces("RestrictNamespaces=yes\n"));
    assertEquals("net user", namespaces("RestrictNamespaces=no\n"));
    assertEquals("net", namespaces("RestrictNamespaces=no\nRestrictNamespaces=~user\n"));
    assertEquals("user", namespaces("RestrictNamespaces=yes\nRestrictNamespaces=user\n"));
    assertEquals("", namespaces("RestrictNamespaces=cgroup ipc\n"));
    assertEquals("net", namespaces("RestrictNamespaces=~user\n"));
  }

  private String families(String body) {
    return permitted(
        body, "RestrictAddressFamilies", null, List.of("AF_UNIX", "AF_INET", "AF_INET6"));
  }

  @Test
  void permitOnlyNeedsAnAllowListWithinIt() {
    assertEquals("anything other than AF_UNIX AF_INET AF_INET6", families(""));
    assertEquals(
        "anything other than AF_UNIX AF_INET AF_INET6",
        families("RestrictAddressFamilies=~AF_PACKET\n"));
    assertEquals("", families("RestrictAddressFamilies=AF_UNIX\n"));
    assertEquals("", families("RestrictAddressFamilies=none\n"));
    assertEquals(
        "AF_NETLINK AF_PACKET",
        families(
            "RestrictAddressFamilies=AF_UNIX AF_PACKET\nRestrictAddressFamilies=AF_NETLINK\n"));
    assertEquals(
        "",
        families(
            "RestrictAddressFamilies=AF_UNIX AF_PACKET\nRestrictAddressFamilies=~AF_PACKET\n"));
  }

  @Test
  void hitPointsAtTheLastAssignmentAndListsWhatWasWritten() {
    List<Hit> hits =
        new ServiceTestTree(root)
            .file(
                "app.service",
                """
                [Service]
                ExecStart=/bin/true
                CapabilityBoundingSet=CAP_NET_BIND_SERVICE
                """)
            .file(
                "app.service.d/more.conf",
                """
                [Service]
                CapabilityBoundingSet=CAP_SYS_ADMIN
                """)
            .run(
                kind,
                new PermittedSetCheck.Params(
                    "CapabilityBoundingSet", List.of("CAP_SYS_ADMIN"), null),
                "app.service");
    assertEquals(List.of("app.service.d/more.conf:2"), ServiceTestTree.where(hits));
    assertEquals("CAP_NET_BIND_SERVICE, CAP_SYS_ADMIN", hits.get(0).values().get("actual"));
  }

  @Test
  void validateRejectsOtherKeysAndEmptyLists() {
    assertThrows(
        IllegalArgumentException.class,
        () -> kind.validate(new PermittedSetCheck.Params("ReadWritePaths", List.of("/"), null)));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            kind.validate(new PermittedSetCheck.Params("SystemCallFilter", List.of(), List.of())));
  }
}
