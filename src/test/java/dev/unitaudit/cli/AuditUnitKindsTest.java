package dev.unitaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unitaudit.cli.CliTest.Run;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3's unit kinds in the JSON report: a bare template is audited as the instance
 * systemd-analyze uses offline, a named instance keeps its name, an alias reports its target and
 * lists the alias, a masked unit has no score, a non-service unit has exposure null.
 */
class AuditUnitKindsTest {

  static final String BASE = "[Service]\nExecStart=/bin/true\n";

  @TempDir Path root;

  private List<JsonNode> audit(String... units) throws Exception {
    List<String> args = new ArrayList<>(List.of("--root", root.toString(), "-f", "json"));
    args.addAll(List.of(units));
    Run r = CliTest.run(args.toArray(String[]::new));
    assertEquals(0, r.code(), r.err());
    List<JsonNode> out = new ArrayList<>();
    new ObjectMapper().readTree(r.out()).get("units").forEach(out::add);
    return out;
  }

  private Path etc() throws Exception {
    return Files.createDirectories(root.resolve("etc/systemd/system"));
  }

  @Test
  void templatesAliasesMasksAndOtherTypes() throws Exception {
    Path etc = etc();
    Path usr = Files.createDirectories(root.resolve("usr/lib/systemd/system"));
    Files.writeString(etc.resolve("tpl@.service"), BASE);
    Files.writeString(usr.resolve("real.service"), BASE + "PrivateTmp=yes\n");
    Files.createSymbolicLink(
        etc.resolve("alias.service"), Path.of("/usr/lib/systemd/system/real.service"));
    Files.writeString(usr.resolve("gone.service"), BASE);
    Files.createSymbolicLink(etc.resolve("gone.service"), Path.of("/dev/null"));
    Files.writeString(etc.resolve("tick.timer"), "[Timer]\nOnCalendar=daily\n");
    Files.writeString(etc.resolve("tick.service"), BASE);

    List<JsonNode> u =
        audit("tpl@.service", "tpl@web.service", "alias.service", "gone.service", "tick.timer");
    assertEquals(
        List.of("tpl@i.service", "tpl@web.service", "real.service", "gone.service", "tick.timer"),
        u.stream().map(x -> x.get("unit").asText()).toList());
    assertEquals("etc/systemd/system/tpl@.service", u.get(0).get("fragment").asText());
    assertEquals(81, u.get(0).get("checks").size());
    assertEquals("[\"alias.service\"]", u.get(2).get("aliases").toString());
    assertEquals("usr/lib/systemd/system/real.service", u.get(2).get("fragment").asText());
    assertEquals("masked", u.get(3).get("status").asText());
    assertTrue(
        u.get(3).get("exposure").isNull() && u.get(3).get("rating").isNull(), u.get(3).toString());
    assertEquals(0, u.get(3).get("checks").size());
    assertEquals("timer", u.get(4).get("type").asText());
    assertTrue(u.get(4).get("exposure").isNull(), u.get(4).toString());
  }

  /** The instance name is the one the installed systemd-analyze prints, when it is there. */
  @Test
  void bareTemplateInstanceMatchesSystemdAnalyze() throws Exception {
    Path analyze = Path.of("/usr/bin/systemd-analyze");
    Files.writeString(etc().resolve("tpl@.service"), BASE);
    String ours = audit("tpl@.service").get(0).get("unit").asText();
    if (!Files.isExecutable(analyze)) {
      System.err.println("SKIPPED (systemd part): " + analyze + " is not installed");
      return;
    }
    ProcessBuilder pb =
        new ProcessBuilder(
                analyze.toString(),
                "security",
                "--offline=true",
                "--no-pager",
                "--root=" + root.toAbsolutePath(),
                "tpl@.service")
            .directory(new File("/"));
    pb.environment().put("SYSTEMD_LOG_LEVEL", "err");
    pb.environment().put("SYSTEMD_COLORS", "0");
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    assertTrue(out.contains("Overall exposure level for " + ours + ":"), out);
  }
}
