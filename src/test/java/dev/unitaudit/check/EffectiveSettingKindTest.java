package dev.unitaudit.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EffectiveSettingKindTest {

  @TempDir Path root;

  private final EffectiveSettingCheck kind = new EffectiveSettingCheck();

  private List<Hit> run(String unitText, String key, String... allowed) {
    return new ServiceTestTree(root)
        .file("app.service", unitText)
        .run(
            kind,
            new EffectiveSettingCheck.Params("Service", key, List.of(allowed)),
            "app.service");
  }

  @Test
  void unsetPointsAtTheSectionHeaderWithActualUnset() {
    List<Hit> hits =
        run(
            """
            [Unit]
            Description=x

            [Service]
            ExecStart=/bin/true
            """,
            "NoNewPrivileges",
            "yes");
    assertEquals(List.of("app.service:4"), ServiceTestTree.where(hits));
    assertEquals("unset", hits.get(0).values().get("actual"));
    assertEquals("yes", hits.get(0).values().get("allowed"));
  }

  @Test
  void booleanSpellingsAreNormalised() {
    assertEquals(
        List.of(),
        run(
            """
            [Service]
            ExecStart=/bin/true
            PrivateTmp=On
            """,
            "PrivateTmp",
            "yes"));
    List<Hit> hits =
        run(
            """
            [Service]
            ExecStart=/bin/true
            PrivateTmp=0
            """,
            "PrivateTmp",
            "yes");
    assertEquals("0", hits.get(0).values().get("actual"));
    assertEquals(List.of("app.service:3"), ServiceTestTree.where(hits));
  }

  @Test
  void dynamicUserForcesTheSandboxEvenOverAnExplicitNo() {
    String unit =
        """
        [Service]
        ExecStart=/bin/true
        DynamicUser=yes
        NoNewPrivileges=no
        PrivateTmp=no
        RestrictSUIDSGID=no
        ProtectSystem=full
        """;
    assertEquals(List.of(), run(unit, "NoNewPrivileges", "yes"));
    assertEquals(List.of(), run(unit, "PrivateTmp", "yes"));
    assertEquals(List.of(), run(unit, "RestrictSUIDSGID", "yes"));
    assertEquals(List.of(), run(unit, "ProtectSystem", "strict"));
  }

  @Test
  void dynamicUserTurnsOnlyProtectHomeNoIntoReadOnly() {
    assertEquals(
        List.of(),
        run(
            """
            [Service]
            ExecStart=/bin/true
            DynamicUser=yes
            ProtectHome=no
            """,
            "ProtectHome",
            "read-only"));
    // tmpfs is kept as written, so a rule that only accepts read-only still reports it
    assertEquals(
        1,
        run(
                """
                [Service]
                ExecStart=/bin/true
                DynamicUser=yes
                ProtectHome=tmpfs
                """,
                "ProtectHome",
                "read-only")
            .size());
  }

  @Test
  void dynamicUserDoesNotImplyUnrelatedSettings() {
    assertEquals(
        1,
        run(
                """
                [Service]
                ExecStart=/bin/true
                DynamicUser=yes
                """,
                "PrivateDevices",
                "yes")
            .size());
  }

  @Test
  void dynamicUserSwitchedOffByADropInImpliesNothing() {
    List<Hit> hits =
        new ServiceTestTree(root)
            .file(
                "app.service",
                """
                [Service]
                ExecStart=/bin/true
                DynamicUser=yes
                """)
            .file(
                "app.service.d/no-dynamic.conf",
                """
                [Service]
                DynamicUser=no
                """)
            .run(
                kind,
                new EffectiveSettingCheck.Params(null, "PrivateTmp", List.of("yes")),
                "app.service");
    assertEquals(List.of("app.service:1"), ServiceTestTree.where(hits));
  }

  @Test
  void validateNeedsKeyAndAllowed() {
    assertThrows(
        IllegalArgumentException.class,
        () -> kind.validate(new EffectiveSettingCheck.Params(null, "X", List.of())));
    assertThrows(
        IllegalArgumentException.class,
        () -> kind.validate(new EffectiveSettingCheck.Params(null, null, List.of("yes"))));
  }
}
