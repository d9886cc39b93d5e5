package dev.unitaudit.score;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitaudit.SystemdAnalyze;
import dev.unitaudit.load.SearchPath;
import dev.unitaudit.load.UnitLoader;
import dev.unitaudit.model.Unit;
import dev.unitaudit.model.UnitStatus;
import dev.unitaudit.syntax.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values at the edges of systemd 252's parsers (quoting, number bases, case, normalisation, rights
 * written apart): for each, the exposure and every warning must be systemd-analyze's. These are the
 * cases a review found where a look-alike parser goes wrong.
 */
class TrickyValuesDifferentialTest {

  /** One unit per entry: the [Service] lines under test. */
  static final List<String> CASES =
      List.of(
          "IPAddressDeny=any\nIPAddressAllow=127.0.0.1/08",
          "IPAddressDeny=any\nIPAddressAllow=10.0.0.0/08",
          "IPAddressDeny=any\nIPAddressAllow=010.0.0.1",
          "IPAddressDeny=any\nIPAddressAllow=10.00.0.1",
          "IPAddressDeny=any\nIPAddressAllow=\"10.0.0.1\" foo bar",
          "IPAddressDeny=any\nIPAddressAllow=LOCALHOST",
          "IPAddressDeny=any\nIPAddressAllow=10.0.0.0/0x8",
          "IPAddressDeny=any\nIPAddressAllow=10.0.0.0/+8",
          "IPAddressDeny=any\nIPAddressAllow=10.0.0.0/010",
          "IPAddressDeny=any\nIPAddressAllow=127.0.0.1/8 ::1/0128",
          "SystemCallFilter=\"@clock\"",
          "SystemCallFilter=\"@foo\"",
          "SystemCallFilter=@clock:EPERM",
          "SystemCallFilter=@foo:EPERM",
          "SystemCallFilter=~@foo:XYZ",
          "SystemCallFilter=@default:",
          "SystemCallFilter=~@clock:EPERM @mount",
          "RestrictNamespaces=\"net\" ipc",
          "RestrictNamespaces=~\"user\"",
          "RestrictAddressFamilies=af_unix",
          "RestrictAddressFamilies=AF_Unix AF_inet6",
          "RestrictAddressFamilies=~af_inet Af_Inet6",
          "RestrictAddressFamilies=\"AF_UNIX\" AF_INET",
          "DevicePolicy=closed\nDeviceAllow=/dev/null r w",
          "DevicePolicy=closed\nDeviceAllow=/dev/null \"rw\"",
          "DevicePolicy=closed\nDeviceAllow=/dev/null rwm extra",
          "DevicePolicy=closed\nDeviceAllow=/dev r",
          "DevicePolicy=closed\nDeviceAllow=/dev/ r",
          "DevicePolicy=closed\nDeviceAllow=/dev/../etc/passwd r",
          "DevicePolicy=closed\nDeviceAllow=%i rw",
          "DevicePolicy=closed\nDeviceAllow=/dev/%z r",
          "DevicePolicy=closed\nDeviceAllow=\"/dev/null\" r",
          "Nice=0x1\nNice=0b1\nNice=0o7\nNice=-0x1\nNice=09\nNice=+-1\nNice=010",
          "Nice=99999999999\nNice=-2147483649\nNice=4294967296",
          "OOMScoreAdjust=0x10\n"
              + "OOMScoreAdjust=0999\n"
              + "OOMScoreAdjust=+-5\n"
              + "OOMScoreAdjust=99999999999",
          "StartLimitBurst=0x5\nStartLimitBurst=+5\nStartLimitBurst=05\nStartLimitBurst=-1",
          "TimeoutAbortSec=\nTimeoutAbortSec=5s",
          "SystemCallArchitectures=\"native\" x86",
          "Delegate=\"cpu\" memory");

  @TempDir Path root;

  @Test
  void edgeValuesScoreAndWarnAsSystemdDoes() throws Exception {
    SystemdAnalyze.require();
    Path dir = Files.createDirectories(root.resolve("etc/systemd/system"));
    List<String> names = new ArrayList<>();
    for (int i = 0; i < CASES.size(); i++) {
      String name = "t" + i + "@a.service";
      names.add(name);
      Files.writeString(
          dir.resolve("t" + i + "@.service"),
          "[Service]\nExecStart=/bin/true\n" + CASES.get(i) + "\n");
    }
    String out = SystemdAnalyze.securityDebug(root, names);
    Map<String, String> totals = SystemdAnalyze.totals(out);
    String prefix = dir + "/";
    TreeSet<String> theirs = new TreeSet<>();
    for (String l : out.lines().toList()) {
      if (l.startsWith(prefix)
          && l.matches("[^:]+:\\d+: .*")
          && !l.matches(".*: Failed to parse system call, ignoring: [a-z_0-9]+$")) {
        theirs.add(l.substring(prefix.length()));
      }
    }
    UnitLoader loader = new UnitLoader(SearchPath.of(List.of(), root));
    TreeSet<String> ours = new TreeSet<>();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      Unit u = loader.load(names.get(i));
      for (Diagnostic d : u.diagnostics()) {
        if (d.line() > 0 && d.file() != null && d.file().startsWith("etc/systemd/system/")) {
          ours.add(
              d.file().substring("etc/systemd/system/".length())
                  + ":"
                  + d.line()
                  + ": "
                  + d.message());
        }
      }
      String want = totals.get(names.get(i));
      String got =
          u.status() == UnitStatus.LOADED
              ? ExposureCalculator.assess(u.name(), u.assignments(), SecurityPolicy.NONE)
                  .exposureText()
              : null;
      if (!java.util.Objects.equals(want, got)) {
        problems.add(
            names.get(i)
                + " ["
                + CASES.get(i).replace("\n", " | ")
                + "]: exposure ours "
                + got
                + ", systemd "
                + want);
      }
    }
    TreeSet<String> missing = new TreeSet<>(theirs);
    missing.removeAll(ours);
    TreeSet<String> extra = new TreeSet<>(ours);
    extra.removeAll(theirs);
    missing.forEach(x -> problems.add("systemd only: " + x));
    extra.forEach(x -> problems.add("ours only:    " + x));
    assertTrue(
        problems.isEmpty(), problems.size() + " differences:\n" + String.join("\n", problems));
  }
}
