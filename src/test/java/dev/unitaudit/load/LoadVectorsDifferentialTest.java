package dev.unitaudit.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unitaudit.SystemdAnalyze;
import dev.unitaudit.model.Unit;
import dev.unitaudit.model.UnitStatus;
import dev.unitaudit.score.CheckRow;
import dev.unitaudit.score.ExposureCalculator;
import dev.unitaudit.score.SecurityAssessment;
import dev.unitaudit.score.SecurityPolicy;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The §7 vector trees (fixtures/load) against the real systemd 252: for every unit of every vector,
 * {@code systemd-analyze security --offline=true --json=short --root=TREE UNIT} either refuses the
 * unit (and we do not load it either) or scores it, and then every row's {@code set} and exposure
 * equal what our merged model gives. Skipped with a message when systemd-analyze is absent, failing
 * when CI=true.
 */
class LoadVectorsDifferentialTest {

  @TestFactory
  Stream<DynamicTest> vectorsAgreeWithSystemdAnalyze() throws IOException {
    SystemdAnalyze.require();
    List<Path> cases = new ArrayList<>();
    try (Stream<Path> s = Files.list(LoadVectorsTest.FIXTURES)) {
      s.filter(p -> Files.isRegularFile(p.resolve("expected.json"))).sorted().forEach(cases::add);
    }
    assertTrue(
        cases.size() >= 69,
        "vectors under " + LoadVectorsTest.FIXTURES.toAbsolutePath() + ": " + cases.size());
    return cases.stream()
        .map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> check(c)));
  }

  private static void check(Path dir) throws Exception {
    JsonNode exp = new ObjectMapper().readTree(dir.resolve("expected.json").toFile());
    // systemd-analyze resolves links and --root itself: give it an absolute, fully written tree
    Path root = Files.createTempDirectory("unitaudit-tvdiff");
    try {
      LoadVectorsTest.copyTree(dir.resolve("root"), root);
      if (exp.has("generate")) {
        for (JsonNode g :
            exp.get("generate").isArray() ? exp.get("generate") : List.of(exp.get("generate"))) {
          LoadVectorsTest.generate(root, g);
        }
      }
      UnitLoader loader = new UnitLoader(SearchPath.of(List.of(), root));
      List<String> problems = new ArrayList<>();
      for (JsonNode want : exp.get("units")) {
        String name = want.get("unit").asText();
        Unit u = loader.load(name);
        JsonNode rows = analyze(root, name);
        if (rows == null) {
          if (u.status() == UnitStatus.LOADED) {
            problems.add(name + ": systemd-analyze refuses it, we load it");
          }
          continue;
        }
        if (u.status() != UnitStatus.LOADED) {
          problems.add(
              name
                  + ": systemd-analyze scores it, we say "
                  + u.status().word()
                  + " "
                  + u.diagnostics());
          continue;
        }
        SecurityAssessment a =
            ExposureCalculator.assess(u.name(), u.assignments(), SecurityPolicy.NONE);
        for (JsonNode row : rows) {
          String field = row.get("json_field").asText();
          CheckRow got =
              a.rows().stream().filter(r -> r.jsonField().equals(field)).findFirst().orElse(null);
          Boolean set = row.get("set").isNull() ? null : row.get("set").asBoolean();
          String exposure = row.get("exposure").isNull() ? null : row.get("exposure").asText();
          String gotExposure =
              got == null || got.exposureTenths() == null
                  ? null
                  : SecurityAssessment.tenths(got.exposureTenths());
          if (got == null
              || !Objects.equals(set, got.set())
              || !Objects.equals(exposure, gotExposure)) {
            problems.add(name + " " + field + ": ours " + got + ", systemd " + row);
          }
        }
      }
      assertEquals(List.of(), problems, dir.getFileName().toString());
    } finally {
      LoadVectorsTest.deleteTree(root);
    }
  }

  /** systemd's rows for one unit, or null when it refuses to assess it (exit status not 0). */
  private static JsonNode analyze(Path root, String unit) throws IOException, InterruptedException {
    ProcessBuilder pb =
        new ProcessBuilder(
                SystemdAnalyze.PATH,
                "security",
                "--offline=true",
                "--json=short",
                "--root=" + root.toAbsolutePath(),
                unit)
            .directory(new File("/"));
    pb.environment().put("SYSTEMD_LOG_LEVEL", "err");
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(2, TimeUnit.MINUTES), "systemd-analyze did not finish on " + unit);
    String text = new String(out, StandardCharsets.UTF_8).trim();
    return p.exitValue() != 0 || text.isEmpty() ? null : new ObjectMapper().readTree(text);
  }
}
