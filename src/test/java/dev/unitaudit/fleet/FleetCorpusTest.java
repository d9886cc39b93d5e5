package dev.unitaudit.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unitaudit.cli.Main;
import dev.unitaudit.corpus.CorpusPaths;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18's "done when": twenty hosts made at test time from copies of
 * ../shared/corpus/public/root, each with its own drop-ins (never committed), audited with
 * --include-settings --host, then summarised. The summary names exactly the units whose
 * configuration differs, what differs, and the hosts where each is worst.
 *
 * <ul>
 *   <li>host-01..host-05 harden cron.service (ProtectSystem=strict, PrivateTmp=, NoNewPrivileges=);
 *   <li>host-07 weakens redis-server.service (ProtectSystem=no, PrivateDevices=no);
 *   <li>host-13 renices rsyslog.service (Nice=5: a setting, no exposure change);
 *   <li>host-20 alone has legacy.service, a unit of its own.
 * </ul>
 */
class FleetCorpusTest {

  static final int HOSTS = 20;

  @TempDir static Path tmp;
  static List<Path> reports = new ArrayList<>();
  static JsonNode summary;
  static String text;

  static String host(int i) {
    return String.format("host-%02d", i);
  }

  @BeforeAll
  static void auditTwentyHosts() throws Exception {
    Path corpus = CorpusPaths.requireCorpus().resolve("root");
    for (int i = 1; i <= HOSTS; i++) {
      Path root = tmp.resolve(host(i));
      copy(corpus, root);
      Path etc = root.resolve("etc/systemd/system");
      if (i <= 5) {
        dropin(
            etc,
            "cron.service",
            "50-harden.conf",
            "[Service]\nProtectSystem=strict\nPrivateTmp=yes\nNoNewPrivileges=yes\n");
      }
      if (i == 7) {
        dropin(
            etc,
            "redis-server.service",
            "90-debug.conf",
            "[Service]\nProtectSystem=no\nPrivateDevices=no\n");
      }
      if (i == 13) {
        dropin(etc, "rsyslog.service", "10-nice.conf", "[Service]\nNice=5\n");
      }
      if (i == 20) {
        Files.writeString(
            etc.resolve("legacy.service"),
            "[Unit]\nDescription=legacy\n[Service]\nExecStart=/opt/legacy\n");
      }
      Path out = tmp.resolve(host(i) + ".json");
      Run r =
          run(
              "--root",
              root.toString(),
              "--ignore-tree-config",
              "--no-fail",
              "--include-settings",
              "--host",
              host(i),
              "-f",
              "json",
              "-o",
              out.toString());
      assertEquals(0, r.code, r.err);
      reports.add(out);
    }
    Path json = tmp.resolve("summary.json");
    List<String> args = new ArrayList<>(List.of("summary", "-f", "json", "-o", json.toString()));
    reports.forEach(p -> args.add(p.toString()));
    Run r = run(args.toArray(String[]::new));
    assertEquals(0, r.code, r.err);
    summary = new ObjectMapper().readTree(json.toFile());
    args.set(2, "text");
    args.remove(3);
    args.remove(3);
    Run t = run(args.toArray(String[]::new));
    assertEquals(0, t.code, t.err);
    text = t.out;
  }

  @Test
  void theSummaryMatchesItsSchema() {
    assertEquals(List.of(), Schemas.summary(summary));
    assertEquals(HOSTS, summary.at("/totals/hosts").asInt());
    assertEquals(HOSTS, summary.at("/totals/reports").asInt());
    assertEquals(0, summary.at("/totals/rejected").asInt());
  }

  @Test
  void namesTheUnitsWhoseConfigurationDiffers() {
    Set<String> differs = new TreeSet<>();
    for (JsonNode u : summary.get("units")) {
      if (u.at("/config/differs").asBoolean()) {
        differs.add(u.get("unit").asText());
      }
    }
    assertEquals(Set.of("cron.service", "redis-server.service", "rsyslog.service"), differs);
    assertEquals(
        Set.of("NoNewPrivileges", "PrivateTmp", "ProtectSystem"), keys(unit("cron.service")));
    assertEquals(Set.of("PrivateDevices", "ProtectSystem"), keys(unit("redis-server.service")));
    assertEquals(Set.of("Nice"), keys(unit("rsyslog.service")));
    JsonNode nice = unit("rsyslog.service").at("/config/settings/0/variants");
    assertEquals("5", nice.at("/0/value").asText());
    assertEquals(List.of("host-13"), strings(nice.at("/0/hosts")));
    assertTrue(nice.at("/1/value").isNull(), "the other hosts do not set Nice=");
    assertEquals(HOSTS - 1, nice.at("/1/hosts").size());
    JsonNode dropins = unit("cron.service").at("/config/dropins");
    assertEquals(2, dropins.size());
    assertEquals(
        List.of("etc/systemd/system/cron.service.d/50-harden.conf"),
        strings(dropins.at("/0/dropins")));
    assertEquals(hosts(1, 5), strings(dropins.at("/0/hosts")));
    assertEquals(hosts(6, 20), strings(dropins.at("/1/hosts")));
    assertEquals(HOSTS, unit("cron.service").at("/config/settingsHosts").asInt());
    assertTrue(
        text.contains(
            "  cron.service\n"
                + "    drop-ins: etc/systemd/system/cron.service.d/50-harden.conf on host-01,"
                + " host-02, host-03, host-04, host-05; none on host-06"),
        text);
    assertTrue(text.contains("    [Service] Nice=: \"5\" on host-13; unset on host-01"), text);
  }

  @Test
  void namesTheHostsWhereEachIsWorst() {
    JsonNode cron = unit("cron.service");
    assertEquals(hosts(6, 20), strings(cron.at("/worst/hosts")));
    assertTrue(
        cron.at("/exposure/min").decimalValue().compareTo(cron.at("/exposure/max").decimalValue())
            < 0,
        "hardening lowers the exposure on host-01..05: " + cron.get("exposure"));
    // 15 of the 20 hosts are unhardened: the median is their exposure
    assertEquals(
        cron.at("/exposure/max").decimalValue(), cron.at("/exposure/median").decimalValue());
    JsonNode redis = unit("redis-server.service");
    assertEquals(List.of("host-07"), strings(redis.at("/worst/hosts")));
    assertEquals(
        redis.at("/exposure/min").decimalValue(), redis.at("/exposure/median").decimalValue());
    // Nice= moves no exposure, but a drop-in under etc/ makes the distribution's unit the site's
    // own, so the site-policy rules (alerting, restart limits) now apply there: host-13 is worst
    JsonNode rsyslog = unit("rsyslog.service");
    assertEquals(List.of("host-13"), strings(rsyslog.at("/worst/hosts")));
    assertEquals(
        rsyslog.at("/exposure/min").decimalValue(), rsyslog.at("/exposure/max").decimalValue());
    JsonNode legacy = unit("legacy.service");
    assertEquals(1, legacy.get("hosts").asInt());
    assertEquals(List.of("host-20"), strings(legacy.at("/worst/hosts")));
    // every corpus unit is on every host, so no other unit has a single worst host by accident
    assertEquals(HOSTS, unit("postgresql.service").get("hosts").asInt());
    assertFalse(unit("postgresql.service").at("/config/differs").asBoolean());
  }

  @Test
  void perHostAndPerRuleFigures() {
    JsonNode hosts = summary.get("hosts");
    assertEquals(HOSTS, hosts.size());
    int units01 = hosts.get(0).get("units").asInt();
    assertEquals(units01 + 1, hosts.get(19).get("units").asInt(), "host-20 has legacy.service");
    // hardening cron lowers host-01's highest-exposure services by one unit: the sum moves, the
    // two-decimal mean over about 380 scored units may not
    assertTrue(
        hosts
                .get(0)
                .get("meanExposure")
                .decimalValue()
                .compareTo(hosts.get(5).get("meanExposure").decimalValue())
            <= 0);
    assertEquals("host-13", hosts.get(12).get("host").asText());
    assertEquals(reports.get(12).toString(), hosts.get(12).get("file").asText());
    // UA1003 (ProtectSystem=strict) fires on every host; the hosts of cron's drop-in lose it for
    // cron only, so it still covers every host
    JsonNode ua1003 = null;
    for (JsonNode r : summary.get("rules")) {
      if (r.get("rule").asText().equals("UA1003")) {
        ua1003 = r;
      }
    }
    assertEquals(HOSTS, ua1003.get("hosts").asInt());
  }

  static Set<String> keys(JsonNode unit) {
    Set<String> keys = new TreeSet<>();
    unit.at("/config/settings").forEach(s -> keys.add(s.get("key").asText()));
    return keys;
  }

  static JsonNode unit(String name) {
    for (JsonNode u : summary.get("units")) {
      if (u.get("unit").asText().equals(name)) {
        return u;
      }
    }
    throw new AssertionError(name + " not in the summary");
  }

  static List<String> strings(JsonNode array) {
    List<String> s = new ArrayList<>();
    array.forEach(n -> s.add(n.asText()));
    return s;
  }

  static List<String> hosts(int from, int to) {
    return IntStream.rangeClosed(from, to).mapToObj(FleetCorpusTest::host).toList();
  }

  static void dropin(Path etc, String unit, String name, String text) throws IOException {
    Path d = Files.createDirectories(etc.resolve(unit + ".d"));
    Files.writeString(d.resolve(name), text);
  }

  /** A copy of the corpus tree, writable, links (git placeholders here) copied as they are. */
  static void copy(Path from, Path to) throws IOException {
    Files.walkFileTree(
        from,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes a)
              throws IOException {
            Files.createDirectories(to.resolve(from.relativize(dir).toString()));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes a) throws IOException {
            Path target = to.resolve(from.relativize(file).toString());
            if (a.isSymbolicLink()) {
              Files.createSymbolicLink(target, Files.readSymbolicLink(file));
            } else {
              Files.copy(file, target, LinkOption.NOFOLLOW_LINKS);
              target.toFile().setWritable(true, true);
            }
            return FileVisitResult.CONTINUE;
          }
        });
  }

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }
}
