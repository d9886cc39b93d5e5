package dev.unitaudit.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** settings-present, and the roles and effective Type= it selects on (ServiceRoles). */
class SettingsPresentKindTest {

  @TempDir Path root;

  private final SettingsPresentCheck kind = new SettingsPresentCheck();

  private Optional<String> role(ServiceTestTree tree, String unit, String... roles) {
    return ServiceRoles.select(tree.context(unit), List.of(roles), null);
  }

  @Test
  void jobIsTimerOrPathTriggeredOrOneshot() {
    ServiceTestTree t =
        new ServiceTestTree(root)
            .file("nightly.timer", "[Timer]\nOnCalendar=daily\nUnit=backup.service\n")
            .file("backup.service", "[Service]\nExecStart=/bin/backup\n")
            .file("drop.path", "[Path]\nPathExists=/run/x\n")
            .file("drop.service", "[Service]\nExecStart=/bin/drop\n")
            .file("sock.socket", "[Socket]\nListenStream=80\n")
            .file("sock.service", "[Service]\nExecStart=/bin/sock\n")
            .file("once.service", "[Service]\nType=oneshot\nExecStart=/bin/once\n");
    assertEquals(Optional.of("job"), role(t, "backup.service", "job"));
    assertEquals(Optional.of("job"), role(t, "drop.service", "job"));
    assertEquals(Optional.of("job"), role(t, "once.service", "job"));
    assertEquals(Optional.empty(), role(t, "sock.service", "job", "triggered"));
    assertEquals(Optional.of("triggered"), role(t, "drop.service", "restarting", "triggered"));
  }

  @Test
  void daemonNeedsADaemonTypeAndEnabledOrRestarting() {
    ServiceTestTree t =
        new ServiceTestTree(root)
            .file(
                "a.service", "[Service]\nExecStart=/bin/a\n[Install]\nWantedBy=multi-user.target\n")
            .file("b.service", "[Service]\nType=forking\nExecStart=/bin/b\nRestart=on-abnormal\n")
            .file("c.service", "[Service]\nExecStart=/bin/c\n")
            .file("d.service", "[Service]\nType=idle\nExecStart=/bin/d\nRestart=always\n")
            .file(
                "e.service",
                "[Service]\nExecStart=/bin/e\nRestart=no\n[Install]\nRequiredBy=x.target\n")
            .file(
                "w@.service", "[Service]\nType=notify\nExecStart=/bin/w %i\nRestart=on-failure\n");
    assertEquals(Optional.of("daemon"), role(t, "a.service", "daemon"));
    assertEquals(Optional.of("daemon"), role(t, "b.service", "daemon"));
    assertEquals(Optional.empty(), role(t, "c.service", "daemon"));
    assertEquals(Optional.empty(), role(t, "d.service", "daemon"));
    assertEquals(Optional.of("daemon"), role(t, "e.service", "daemon"));
    assertEquals(Optional.empty(), role(t, "a.service", "worker"));
    assertEquals(Optional.of("worker"), role(t, "w@.service", "worker"));
    assertEquals(Optional.of("worker"), role(t, "w@mail.service", "worker"));
  }

  @Test
  void effectiveTypeFollowsServiceAddExtras() {
    ServiceTestTree t =
        new ServiceTestTree(root)
            .file("a.service", "[Service]\nExecStart=/bin/a\n")
            .file("b.service", "[Service]\nBusName=org.example.B\nExecStart=/bin/b\n")
            .file("c.service", "[Service]\nExecStop=/bin/c\nRemainAfterExit=yes\n");
    assertEquals("simple", ServiceRoles.type(t.context("a.service").unit()));
    assertEquals("dbus", ServiceRoles.type(t.context("b.service").unit()));
    assertEquals("oneshot", ServiceRoles.type(t.context("c.service").unit()));
  }

  @Test
  void offValuesCompareAsTimeSpansAndAUnitIsReportedOnceForAllItsKeys() {
    List<Hit> hits =
        new ServiceTestTree(root)
            .file(
                "app.service",
                """
                [Unit]
                StartLimitIntervalSec=0s
                [Service]
                ExecStart=/bin/app
                Restart=always
                """)
            .run(
                kind,
                new SettingsPresentCheck.Params(
                    "Unit",
                    List.of("StartLimitIntervalSec", "StartLimitBurst"),
                    List.of("0"),
                    List.of("restarting"),
                    null,
                    null),
                "app.service");
    assertEquals(List.of("app.service:2"), ServiceTestTree.where(hits));
    assertEquals("0s", hits.get(0).values().get("actual"));
    assertEquals(
        "StartLimitIntervalSec= is 0s and StartLimitBurst= is unset",
        hits.get(0).values().get("settings"));
    assertEquals("restarting", hits.get(0).values().get("role"));
    assertEquals("simple", hits.get(0).values().get("type"));
    assertEquals(List.of(), hits.get(0).fixOmit());
  }

  @Test
  void theFixLeavesOutTheKeysAlreadySet() {
    List<Hit> hits =
        new ServiceTestTree(root)
            .file(
                "app.service",
                "[Unit]\nStartLimitBurst=3\n[Service]\nExecStart=/bin/app\nRestart=always\n")
            .run(
                kind,
                new SettingsPresentCheck.Params(
                    "Unit",
                    List.of("StartLimitIntervalSec", "StartLimitBurst"),
                    List.of("0"),
                    List.of("restarting"),
                    null,
                    null),
                "app.service");
    assertEquals(List.of("app.service:1"), ServiceTestTree.where(hits));
    assertEquals("StartLimitIntervalSec= is unset", hits.get(0).values().get("settings"));
    assertEquals(List.of("StartLimitBurst"), hits.get(0).fixOmit());
  }

  @Test
  void fixValueStaysBelowTheIntervalOfTheTimersThatStartTheJob() {
    ServiceTestTree t =
        new ServiceTestTree(root)
            .file("job.service", "[Service]\nType=oneshot\nExecStart=/bin/job\n")
            .file("job.timer", "[Timer]\nOnCalendar=*:0/15\n");
    List<Hit> hits =
        t.run(
            kind,
            new SettingsPresentCheck.Params(
                null, List.of("TimeoutStartSec"), null, List.of("job"), null, "1h"),
            "job.service");
    assertEquals("15min", hits.get(0).values().get("fixValue"));
    t.file("other.service", "[Service]\nType=oneshot\nExecStart=/bin/other\n");
    assertEquals(
        "1h",
        t.run(
                kind,
                new SettingsPresentCheck.Params(
                    null, List.of("TimeoutStartSec"), null, List.of("job"), null, "1h"),
                "other.service")
            .get(0)
            .values()
            .get("fixValue"));
  }

  @Test
  void unselectedUnitsAreNotChecked() {
    ServiceTestTree t =
        new ServiceTestTree(root)
            .file("app.service", "[Service]\nType=notify\nExecStart=/bin/app\n");
    assertEquals(
        List.of(),
        t.run(
            kind,
            new SettingsPresentCheck.Params(
                null, List.of("WatchdogSec"), null, null, List.of("simple"), null),
            "app.service"));
    assertEquals(
        1,
        t.run(
                kind,
                new SettingsPresentCheck.Params(
                    null, List.of("WatchdogSec"), null, null, List.of("notify"), null),
                "app.service")
            .size());
  }

  @Test
  void dependencyListsCountAsSetWhenNonEmpty() {
    ServiceTestTree t =
        new ServiceTestTree(root)
            .file(
                "app.service", "[Unit]\nOnFailure=\n[Service]\nType=oneshot\nExecStart=/bin/app\n")
            .file("app.service.d/alert.conf", "[Unit]\nOnFailure=alert@%n.service\n");
    assertEquals(
        List.of(),
        t.run(
            kind,
            new SettingsPresentCheck.Params(
                "Unit", List.of("OnFailure"), null, List.of("job"), null, null),
            "app.service"));
  }

  @Test
  void validateRejectsUnknownRolesAndTypes() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                kind.validate(
                    new SettingsPresentCheck.Params(
                        null, List.of("X"), null, List.of("batch"), null, null)));
    assertTrue(e.getMessage().contains("unknown role \"batch\""), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            kind.validate(
                new SettingsPresentCheck.Params(
                    null, List.of("X"), null, null, List.of("notify-reload"), null)));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            kind.validate(
                new SettingsPresentCheck.Params(null, List.of(), null, null, null, null)));
  }
}
