package dev.unitaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unitaudit.SystemdAnalyze;
import dev.unitaudit.cli.CliTest.Run;
import dev.unitaudit.corpus.CorpusPaths;
import dev.unitaudit.model.UnitName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code unitaudit /etc/systemd/system}: a unit directory of a root infers the root, loads its
 * whole search path and audits what the directory configures (issue 12, item 1).
 */
class UnitDirectoryCliTest {

  @TempDir Path tmp;

  /**
   * The names a unit directory configures, read from the directory itself, independently of the
   * loader: its unit files, links and masks, the units its drop-in folders name, and the links of
   * its dependency folders. Templates as the {@code @i} instance an audit uses.
   */
  static Set<String> configuredByListing(Path dir) throws IOException {
    Set<String> out = new TreeSet<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.toList()) {
        String name = p.getFileName().toString();
        boolean isDir = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
        if (!isDir && UnitName.parse(name) != null) {
          out.add(asAudited(name, null));
        } else if (isDir
            && name.endsWith(".d")
            && UnitName.parse(name.substring(0, name.length() - 2)) != null) {
          out.add(asAudited(name.substring(0, name.length() - 2), null));
        } else if (isDir) {
          for (String suffix : List.of(".wants", ".requires", ".upholds")) {
            UnitName owner =
                name.endsWith(suffix)
                    ? UnitName.parse(name.substring(0, name.length() - suffix.length()))
                    : null;
            if (owner != null) {
              try (Stream<Path> links = Files.list(p)) {
                links
                    .map(l -> l.getFileName().toString())
                    .filter(l -> UnitName.parse(l) != null)
                    .forEach(l -> out.add(asAudited(l, owner)));
              }
            }
          }
        }
      }
    }
    return out;
  }

  private static String asAudited(String name, UnitName owner) {
    UnitName n = UnitName.parse(name);
    if (!n.isTemplate()) {
      return name;
    }
    return n.withInstance(
            owner == null ? "i" : owner.isInstance() ? owner.instance() : owner.prefix())
        .name();
  }

  /** Every name a report entry answers to: the unit and the aliases that resolved to it. */
  private static Map<String, JsonNode> byName(JsonNode report) {
    Map<String, JsonNode> out = new TreeMap<>();
    for (JsonNode u : report.get("units")) {
      out.put(u.get("unit").asText(), u);
      u.get("aliases").forEach(a -> out.put(a.asText(), u));
    }
    return out;
  }

  /**
   * Every name the folder configures is audited (as a unit or one of its aliases), and every
   * audited unit answers to at least one of them.
   */
  static void assertAuditsExactlyWhatItConfigures(Path dir, JsonNode report) throws IOException {
    Set<String> expected = configuredByListing(dir);
    assertFalse(expected.isEmpty(), dir + " configures no unit");
    Map<String, JsonNode> byName = byName(report);
    for (String name : expected) {
      assertTrue(
          byName.containsKey(name),
          name + " is configured in " + dir + " but not audited: " + byName.keySet());
    }
    for (JsonNode u : report.get("units")) {
      boolean configured = expected.contains(u.get("unit").asText());
      for (JsonNode a : u.get("aliases")) {
        configured |= expected.contains(a.asText());
      }
      assertTrue(configured, u.get("unit").asText() + " is audited but not configured in " + dir);
    }
  }

  @Test
  void thisMachinesEtcSystemdSystemIsAuditedAsSystemdSeesIt() throws Exception {
    Path etc = Path.of("/etc/systemd/system");
    if (!Files.isDirectory(etc)) {
      String msg = "SKIPPED: " + etc + " is absent on this machine";
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError(msg + " and CI=true");
      }
      Assumptions.abort(msg);
    }
    SystemdAnalyze.require();
    Run r = CliTest.run(etc.toString(), "-f", "json", "--ignore-tree-config");
    assertTrue(r.code() == 0 || r.code() == 1, r.err());
    JsonNode report = new ObjectMapper().readTree(r.out());
    Map<String, JsonNode> byName = byName(report);
    assertAuditsExactlyWhatItConfigures(etc, report);
    assertTrue(r.err().contains("auditing " + report.get("units").size() + " unit"), r.err());
    assertTrue(r.err().contains(" of / configured in /etc/systemd/system"), r.err());
    // each service's exposure is what systemd-analyze security --offline=true --root=/ says
    List<String> services = new ArrayList<>();
    for (JsonNode u : report.get("units")) {
      if (u.get("type").asText().equals("service") && u.get("status").asText().equals("loaded")) {
        services.add(u.get("unit").asText());
      }
    }
    Assumptions.assumeFalse(services.isEmpty(), "no loaded service is configured in " + etc);
    Map<String, String> systemd =
        SystemdAnalyze.totals(SystemdAnalyze.security(Path.of("/"), services, "--json=off", null));
    for (String s : services) {
      assertEquals(
          systemd.get(s),
          byName.get(s).get("exposure").decimalValue().setScale(1).toPlainString(),
          s);
    }
  }

  /**
   * A copy of the corpus root, writable, with an etc/systemd/system of absolute enablement links.
   */
  private Path copiedRoot() throws IOException {
    Path src = CorpusPaths.requireCorpus().resolve("root");
    Path root = tmp.resolve("img");
    try (Stream<Path> w = Files.walk(src)) {
      for (Path p : w.toList()) {
        Path to = root.resolve(src.relativize(p).toString());
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          Files.createDirectories(to);
        } else if (Files.isSymbolicLink(p)) {
          Files.createSymbolicLink(to, Files.readSymbolicLink(p));
        } else {
          Files.write(to, Files.readAllBytes(p));
        }
      }
    }
    Path etc = root.resolve("etc/systemd/system");
    Path lib = root.resolve("usr/lib/systemd/system");
    // a sentinel the host has and the image does not: it must stay unresolved, never the host's
    Files.delete(lib.resolve("systemd-journald.service"));
    Files.createSymbolicLink(
        Files.createDirectories(etc.resolve("sysinit.target.wants"))
            .resolve("systemd-journald.service"),
        Path.of("/lib/systemd/system/systemd-journald.service"));
    // a unit whose image copy differs from anything on a host: its text must be the image's
    Files.writeString(
        lib.resolve("cron.service"),
        "[Unit]\nDescription=image copy of cron\n[Service]\nExecStart=/usr/sbin/cron -f\n");
    Files.createSymbolicLink(
        etc.resolve("multi-user.target.wants/cron.service"),
        Path.of("/lib/systemd/system/cron.service"));
    Files.createDirectories(etc.resolve("cron.service.d"));
    Files.writeString(
        etc.resolve("cron.service.d/harden.conf"),
        "[Service]\nNoNewPrivileges=yes\nPrivateTmp=yes\n");
    Files.createSymbolicLink(
        etc.resolve("crond.service"), Path.of("/lib/systemd/system/cron.service"));
    return root;
  }

  @Test
  void aCopiedRootsUnitDirectoryResolvesEveryLinkInsideTheRoot() throws Exception {
    Path root = copiedRoot();
    Path etc = root.resolve("etc/systemd/system");
    Run r = CliTest.run(etc.toString(), "-f", "json", "--ignore-tree-config");
    assertTrue(r.code() == 0 || r.code() == 1, r.err());
    JsonNode report = new ObjectMapper().readTree(r.out());
    Map<String, JsonNode> byName = byName(report);
    assertAuditsExactlyWhatItConfigures(etc, report);
    JsonNode cron = byName.get("cron.service");
    assertEquals(
        "image copy of cron",
        cron.get("description").asText(),
        "the image's cron.service, read inside the root");
    assertEquals("lib/systemd/system/cron.service", cron.get("fragment").asText());
    assertEquals(
        List.of("etc/systemd/system/cron.service.d/harden.conf"),
        new ObjectMapper().convertValue(cron.get("dropins"), List.class));
    assertTrue(
        byName.containsKey("crond.service"),
        "the alias link resolves to cron.service: " + byName.keySet());
    assertEquals("cron.service", byName.get("crond.service").get("unit").asText());
    for (JsonNode f : cron.get("findings")) {
      assertFalse(
          Set.of("UA1001", "UA1002").contains(f.get("rule").asText()), "the drop-in applies: " + f);
    }
    JsonNode journald = byName.get("systemd-journald.service");
    assertEquals(
        "not-found",
        journald.get("status").asText(),
        "the link's target is absent in the image; the host's file must not be read");
    assertTrue(
        r.err()
            .contains(
                "auditing "
                    + report.get("units").size()
                    + " units of "
                    + root
                    + " configured in "
                    + etc),
        r.err());
    // --root given explicitly wins, and here means the same
    Run explicit =
        CliTest.run(
            "--root", root.toString(), etc.toString(), "-f", "json", "--ignore-tree-config");
    assertEquals(r.out(), explicit.out());
  }

  @Test
  void aRelativeRootIsNamedAsGivenAndADropInFileAuditsItsUnitInTheRoot() throws Exception {
    Path root = copiedRoot();
    Path cwd = Path.of("").toAbsolutePath();
    String rel = cwd.relativize(root.toAbsolutePath()).toString();
    Run r = CliTest.run(rel + "/etc/systemd/system", "-f", "json", "--ignore-tree-config");
    assertTrue(
        r.err().contains(" of " + rel + " configured in " + rel + "/etc/systemd/system"), r.err());
    Run one =
        CliTest.run(
            root.resolve("etc/systemd/system/cron.service.d/harden.conf").toString(),
            "-f",
            "json",
            "--ignore-tree-config");
    JsonNode units = new ObjectMapper().readTree(one.out()).get("units");
    assertEquals(1, units.size(), one.out());
    assertEquals(
        "lib/systemd/system/cron.service",
        units.get(0).get("fragment").asText(),
        "merged in the inferred root");
  }
}
