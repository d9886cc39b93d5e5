package dev.unitaudit.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unitaudit.SystemdAnalyze;
import dev.unitaudit.load.SearchPath;
import dev.unitaudit.load.UnitLoader;
import dev.unitaudit.model.Unit;
import dev.unitaudit.model.UnitStatus;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The property test: random combinations of every setting the 81 checks read (valid, invalid, reset
 * and drop-in overrides) are written as units, scored by the real {@code systemd-analyze security
 * --offline=true} and by us, and compared row by row and on the overall exposure. The seed is
 * printed; {@code -Dunitaudit.seed=N} reproduces a run and {@code -Dunitaudit.units=N} changes its
 * size (default 540, so that at least 500 are units systemd scores and every row is compared; the
 * rest are refused and compared on status).
 */
class SystemdDifferentialTest {

  @Test
  void randomUnitsScoreExactlyAsSystemdAnalyze() throws Exception {
    SystemdAnalyze.require();
    long seed = Long.getLong("unitaudit.seed", 20261201L);
    int count = Integer.getInteger("unitaudit.units", 540);
    compare(seed, count, null);
  }

  /** A policy that drops a check, reweighs two, widens two ranges and renames descriptions. */
  @Test
  void securityPolicyIsHonouredAsSystemdDoes() throws Exception {
    SystemdAnalyze.require();
    Path policy = Files.createTempFile("unitaudit-policy", ".json");
    try {
      Files.writeString(
          policy,
          "{\"PrivateNetwork\": {\"weight\": 0}, \"UserOrDynamicUser\": {\"weight\": 500,"
              + " \"range\": 10}, \"NoNewPrivileges\": {\"description_bad\": \"custom bad\","
              + " \"description_good\": \"custom good\"}, \"SystemCallArchitectures\": {\"range\":"
              + " 20}, \"ProtectProc\": {\"range\": 6, \"weight\": 3000}, \"SupplementaryGroups\":"
              + " {\"description_na\": \"custom n/a\"}}");
      compare(Long.getLong("unitaudit.seed", 20261201L) + 1, 120, policy);
    } finally {
      Files.deleteIfExists(policy);
    }
  }

  /**
   * systemd's own TEST-65 policy names CapabilityBoundingSet_CAP_NET_BIND_SERVICE_BROADCAST_RAW
   * without the ')' of the json_field; systemd ignores that entry, as it ignores an unknown field
   * and a weight of the wrong type. The same shape here: scores as systemd's, with one warning per
   * ignored item naming the nearest known name.
   */
  @Test
  void misspeltPolicyFieldsAreIgnoredAsSystemdIgnoresThem() throws Exception {
    SystemdAnalyze.require();
    Path policy = Files.createTempFile("unitaudit-policy", ".json");
    try {
      Files.writeString(
          policy,
          "{\"UserOrDynamicUser\": {\"description_bad\": \"runs as root\", \"weight\": 0,"
              + " \"range\": 10}, \"PrivateDevices\": {\"weight\": 3000, \"range\": 1},"
              + " \"CapabilityBoundingSet_CAP_NET_BIND_SERVICE_BROADCAST_RAW\": {\"weight\":"
              + " 9000, \"range\": 1}, \"ProtectHome\": {\"wieght\": 5000},"
              + " \"PrivateTmp\": {\"weight\": \"7000\"}, \"ProtectClock\": 5}");
      List<String> warnings = SecurityPolicy.parse(policy, false).warnings();
      assertEquals(
          List.of(
              policy
                  + ": unknown check 'CapabilityBoundingSet_CAP_NET_BIND_SERVICE_BROADCAST_RAW'"
                  + " ignored, as systemd ignores it; the nearest known check is"
                  + " 'CapabilityBoundingSet_CAP_NET_BIND_SERVICE_BROADCAST_RAW)'",
              policy
                  + ": 'ProtectHome': unknown field 'wieght' ignored, as systemd ignores it; the"
                  + " nearest known field is 'weight'",
              policy
                  + ": 'PrivateTmp': weight must be an unsigned integer, not \"7000\"; ignored, as"
                  + " systemd ignores it",
              policy
                  + ": 'ProtectClock' is not an object with weight, range or description_*"
                  + " fields: ignored, as systemd ignores it"),
          warnings);
      compare(Long.getLong("unitaudit.seed", 20261201L) + 2, 120, policy);
    } finally {
      Files.deleteIfExists(policy);
    }
  }

  private static void compare(long seed, int count, Path policy) throws Exception {
    System.out.println("SystemdDifferentialTest: seed " + seed + ", " + count + " units");
    Path root = Files.createTempDirectory("unitaudit-prop");
    try {
      Path dir = Files.createDirectories(root.resolve("etc/systemd/system"));
      List<String> names = RandomUnit.writeTree(dir, seed, count);
      // systemd skips units it refuses to load; the text run says which ones it scored
      Map<String, String> totals =
          SystemdAnalyze.totals(SystemdAnalyze.security(root, names, "--no-pager", policy));
      List<String> scored = names.stream().filter(totals::containsKey).toList();
      List<JsonNode> systemdRows = analyzeJson(root, scored, policy);
      assertEquals(
          scored.size(), systemdRows.size(), "systemd-analyze printed one JSON array per unit");
      // a sanity check on the generator (most units it writes load); small runs vary more
      assertTrue(
          scored.size() >= count * 8 / 10, "systemd scored only " + scored.size() + " units");
      if (count >= 540 && policy == null) {
        assertTrue(
            scored.size() >= 500, "at least 500 units compared row by row, got " + scored.size());
      }
      System.out.println(
          "SystemdDifferentialTest: systemd-analyze scored "
              + scored.size()
              + " of "
              + count
              + " units, refused the rest; all "
              + count
              + " are compared");
      UnitLoader loader = new UnitLoader(SearchPath.of(List.of(), root));
      List<String> problems = new ArrayList<>();
      for (String name : names) {
        Unit u = loader.load(name);
        if (!totals.containsKey(name)) {
          if (u.status() == UnitStatus.LOADED) {
            problems.add(
                name + ": systemd refuses it, we load it\n" + Files.readString(dir.resolve(name)));
          }
          continue;
        }
        if (u.status() != UnitStatus.LOADED) {
          problems.add(
              name + ": systemd loads it, we say " + u.status().word() + " " + u.diagnostics());
          continue;
        }
        SecurityAssessment a =
            ExposureCalculator.assess(
                u.name(),
                u.assignments(),
                policy == null ? SecurityPolicy.NONE : SecurityPolicy.parse(policy, false));
        if (!a.exposureText().equals(totals.get(name))) {
          problems.add(
              name
                  + ": exposure "
                  + a.exposureText()
                  + ", systemd "
                  + totals.get(name)
                  + "\n"
                  + Files.readString(dir.resolve(name)));
        }
        for (JsonNode want : systemdRows.get(scored.indexOf(name))) {
          String field = want.get("json_field").asText();
          CheckRow got =
              a.rows().stream().filter(r -> r.jsonField().equals(field)).findFirst().orElseThrow();
          Boolean set = want.get("set").isNull() ? null : want.get("set").asBoolean();
          String exposure = want.get("exposure").isNull() ? null : want.get("exposure").asText();
          String desc = want.get("description").isNull() ? null : want.get("description").asText();
          String gotExposure =
              got.exposureTenths() == null ? null : SecurityAssessment.tenths(got.exposureTenths());
          if (!Objects.equals(set, got.set())
              || !Objects.equals(exposure, gotExposure)
              || !Objects.equals(desc, got.description())) {
            problems.add(name + " " + field + ": ours " + got + ", systemd " + want);
          }
        }
      }
      assertTrue(
          problems.isEmpty(),
          "seed "
              + seed
              + ": "
              + problems.size()
              + " mismatches, first: "
              + problems.subList(0, Math.min(5, problems.size())));
    } finally {
      try (Stream<Path> s = Files.walk(root)) {
        s.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  private static List<JsonNode> analyzeJson(Path root, List<String> names, Path policy)
      throws Exception {
    String out = SystemdAnalyze.security(root, names, "--json=short", policy);
    List<JsonNode> rows = new ArrayList<>();
    ObjectMapper om = new ObjectMapper();
    for (String line : out.split("\n")) {
      if (!line.isBlank()) {
        rows.add(om.readTree(line));
      }
    }
    return rows;
  }
}
