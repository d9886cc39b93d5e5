package dev.unitaudit.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unitaudit.corpus.CorpusPaths;
import dev.unitaudit.load.SearchPath;
import dev.unitaudit.load.UnitLoader;
import dev.unitaudit.model.Unit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The differential test against the public corpus: every service systemd-analyze security 252
 * scored must get the same overall exposure and, row for row, the same name, json_field, set,
 * exposure and description (the oracle's rows are sorted by systemd's table code; matched here by
 * json_field, and our rows must be in the assessor table's order).
 */
class CorpusScoreTest {

  @Test
  void everyScoredServiceAndEveryRowEqualsTheOracle() throws Exception {
    Path corpus = CorpusPaths.requireCorpus();
    UnitLoader loader = new UnitLoader(SearchPath.of(List.of(), corpus.resolve("root")));
    ObjectMapper om = new ObjectMapper();
    List<String> problems = new ArrayList<>();
    int units = 0;
    int rows = 0;
    for (String line : Files.readAllLines(corpus.resolve("oracle.jsonl"))) {
      JsonNode d = om.readTree(line);
      if (!d.path("error").isNull() || d.path("exposure").isNull()) {
        continue;
      }
      units++;
      Unit u = loader.load(d.get("unit").asText());
      SecurityAssessment a =
          ExposureCalculator.assess(u.name(), u.assignments(), SecurityPolicy.NONE);
      String name = d.get("unit").asText();
      if (!a.exposureText().equals(d.get("exposure").asText())) {
        problems.add(
            name + ": exposure " + a.exposureText() + ", systemd " + d.get("exposure").asText());
      }
      if (!a.rating().name().equals(d.get("level").asText())) {
        problems.add(name + ": rating " + a.rating() + ", systemd " + d.get("level").asText());
      }
      for (JsonNode want : d.get("checks")) {
        rows++;
        String field = want.get("json_field").asText();
        CheckRow got =
            a.rows().stream().filter(r -> r.jsonField().equals(field)).findFirst().orElse(null);
        if (got == null) {
          problems.add(name + ": no row " + field);
          continue;
        }
        Boolean set = want.get("set").isNull() ? null : want.get("set").asBoolean();
        String exposure = want.get("exposure").isNull() ? null : want.get("exposure").asText();
        String desc = want.get("description").isNull() ? null : want.get("description").asText();
        String gotExposure =
            got.exposureTenths() == null ? null : SecurityAssessment.tenths(got.exposureTenths());
        if (!Objects.equals(set, got.set())
            || !Objects.equals(exposure, gotExposure)
            || !Objects.equals(desc, got.description())
            || !want.get("name").asText().equals(got.name())) {
          problems.add(name + " " + field + ": got " + got + ", systemd " + want);
        }
      }
      assertEquals(81, a.rows().size());
    }
    assertTrue(units >= 400, "only " + units + " scored units in the oracle");
    System.out.println("CorpusScoreTest: " + units + " services, " + rows + " rows compared");
    assertEquals(
        List.of(),
        problems.subList(0, Math.min(20, problems.size())),
        problems.size() + " mismatches");
  }

  @Test
  void rowsAreInTheAssessorTableOrderWithTheRightWeights() throws Exception {
    CorpusPaths.requireCorpus();
    JsonNode facts =
        new ObjectMapper().readTree(Path.of("../shared/facts/assessors.json").toFile());
    long sum = 0;
    for (int i = 0; i < facts.size(); i++) {
      JsonNode f = facts.get(i);
      Assessor a = AssessorTable.ROWS.get(i);
      assertEquals(f.get("name").asText(), a.name());
      assertEquals(f.get("json_field").asText(), a.jsonField());
      assertEquals(f.get("weight").asLong(), a.weight(), a.jsonField());
      assertEquals(f.get("range").asLong(), a.range(), a.jsonField());
      assertEquals(
          f.get("default_dependencies_only").asBoolean(),
          a.defaultDependenciesOnly(),
          a.jsonField());
      sum += a.weight();
    }
    assertEquals(81, AssessorTable.ROWS.size());
    assertEquals(56460, sum);
  }
}
