package dev.unitaudit.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unitaudit.model.Effective;
import dev.unitaudit.model.Setting;
import dev.unitaudit.model.Unit;
import dev.unitaudit.syntax.Diagnostic;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The system-unit test vectors of unit-semantics.md §7 (fixtures/load/TVnn): each tree is loaded
 * and the merged result compared with the expected.json written beside it (verified against systemd
 * 252 when it was written; see fixtures/load/README.md).
 */
class LoadVectorsTest {

  static final Path FIXTURES = Path.of("fixtures/load");

  @TestFactory
  Stream<DynamicTest> vectors() throws IOException {
    List<Path> cases = new ArrayList<>();
    try (Stream<Path> s = Files.list(FIXTURES)) {
      s.filter(p -> Files.isRegularFile(p.resolve("expected.json"))).sorted().forEach(cases::add);
    }
    assertFalse(cases.isEmpty(), "no vectors under " + FIXTURES.toAbsolutePath());
    return cases.stream()
        .map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> check(c)));
  }

  private void check(Path dir) throws IOException {
    JsonNode exp = new ObjectMapper().readTree(dir.resolve("expected.json").toFile());
    Path root = dir.resolve("root");
    Path tmp = null;
    if (exp.has("generate")) {
      tmp = Files.createTempDirectory("unitaudit-tv");
      copyTree(root, tmp);
      for (JsonNode g : iter(exp.get("generate"))) {
        generate(tmp, g);
      }
      root = tmp;
    }
    try {
      UnitLoader loader = new UnitLoader(SearchPath.of(List.of(), root));
      for (JsonNode u : exp.get("units")) {
        Unit unit = loader.load(u.get("unit").asText());
        String ctx = dir.getFileName() + " " + u.get("unit").asText() + ": ";
        assertEquals(u.get("reported").asText(), unit.id(), ctx + "reported name");
        assertEquals(
            u.get("status").asText(),
            unit.status().word(),
            ctx + "status; diagnostics " + unit.diagnostics());
        if (u.has("fragment")) {
          assertEquals(
              u.get("fragment").isNull() ? null : u.get("fragment").asText(),
              unit.fragment(),
              ctx + "fragment");
        }
        if (u.has("dropins")) {
          assertEquals(texts(u.get("dropins")), unit.dropins(), ctx + "drop-ins in apply order");
        }
        if (u.has("shadowed")) {
          assertEquals(
              sorted(texts(u.get("shadowed"))), sorted(unit.shadowed()), ctx + "shadowed drop-ins");
        }
        if (u.has("effective")) {
          u.get("effective")
              .fields()
              .forEachRemaining(e -> checkEffective(ctx, unit, e.getKey(), e.getValue()));
        }
        if (u.has("unset")) {
          for (JsonNode k : u.get("unset")) {
            Effective e = unit.effective().get(k.asText());
            assertTrue(
                e == null,
                ctx + k.asText() + " should be unset but is " + (e == null ? "" : e.settings()));
          }
        }
        if (u.has("diagnostics")) {
          for (JsonNode d : u.get("diagnostics")) {
            String at = d.get("at").asText();
            String contains = d.get("contains").asText().toLowerCase(Locale.ROOT);
            boolean found =
                unit.diagnostics().stream()
                    .anyMatch(
                        x ->
                            matches(x, at)
                                && x.message().toLowerCase(Locale.ROOT).contains(contains));
            assertTrue(
                found,
                ctx
                    + "expected a diagnostic at "
                    + at
                    + " containing '"
                    + contains
                    + "', got "
                    + unit.diagnostics());
          }
        }
        if (u.has("environment")) {
          u.get("environment")
              .fields()
              .forEachRemaining(
                  e ->
                      assertEquals(
                          e.getValue().asText(),
                          unit.environment().get(e.getKey()),
                          ctx + "Environment " + e.getKey()));
          assertEquals(
              u.get("environment").size(),
              unit.environment().size(),
              ctx + "Environment " + unit.environment());
        }
        if (u.has("execStart")) {
          List<List<String>> want = new ArrayList<>();
          for (JsonNode c : u.get("execStart")) {
            want.add(texts(c));
          }
          List<List<String>> got = new ArrayList<>();
          unit.exec("ExecStart").forEach(c -> got.add(c.argv()));
          assertEquals(want, got, ctx + "ExecStart argv");
        }
        if (u.has("user")) {
          assertEquals(
              u.get("user").asText(),
              dev.unitaudit.model.Specifiers.expand(
                  unit.string("Service", "User").orElse(""), unit.name()),
              ctx + "User");
        }
      }
    } finally {
      if (tmp != null) {
        deleteTree(tmp);
      }
    }
  }

  private static boolean matches(Diagnostic d, String at) {
    return at.equals(d.location()) || at.equals(d.file());
  }

  private void checkEffective(String ctx, Unit unit, String key, JsonNode want) {
    Effective e = unit.effective().get(key);
    assertNotNull(e, ctx + key + " should be set; effective keys " + unit.effective().keySet());
    if (want.isArray()) {
      List<String> wantV = new ArrayList<>();
      List<String> wantAt = new ArrayList<>();
      for (JsonNode w : want) {
        wantV.add(w.get("value").asText());
        wantAt.add(w.get("at").asText());
      }
      assertEquals(
          wantV, e.settings().stream().map(Setting::value).toList(), ctx + key + " values");
      assertEquals(
          wantAt, e.settings().stream().map(Setting::location).toList(), ctx + key + " provenance");
    } else {
      assertEquals(want.get("value").asText(), e.last().value(), ctx + key + " value");
      assertEquals(want.get("at").asText(), e.last().location(), ctx + key + " provenance");
    }
  }

  static void generate(Path root, JsonNode g) throws IOException {
    Path f = root.resolve(g.get("path").asText());
    Files.createDirectories(f.getParent());
    try (OutputStream out = Files.newOutputStream(f)) {
      out.write(g.get("prefix").asText().getBytes(StandardCharsets.UTF_8));
      byte[] rep = g.get("repeat").asText().getBytes(StandardCharsets.UTF_8);
      int count = g.get("count").asInt();
      byte[] chunk = new byte[rep.length * count];
      for (int i = 0; i < count; i++) {
        System.arraycopy(rep, 0, chunk, i * rep.length, rep.length);
      }
      out.write(chunk);
      out.write(g.get("suffix").asText().getBytes(StandardCharsets.UTF_8));
    }
  }

  private static Iterable<JsonNode> iter(JsonNode n) {
    return n.isArray() ? n : List.of(n);
  }

  private static List<String> texts(JsonNode arr) {
    List<String> out = new ArrayList<>();
    arr.forEach(x -> out.add(x.asText()));
    return out;
  }

  private static List<String> sorted(List<String> l) {
    List<String> c = new ArrayList<>(l);
    c.sort(Comparator.naturalOrder());
    return c;
  }

  static void copyTree(Path from, Path to) throws IOException {
    if (!Files.exists(from)) {
      return;
    }
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isSymbolicLink(p)) {
          Files.createDirectories(t.getParent());
          Files.createSymbolicLink(t, Files.readSymbolicLink(p));
        } else if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.createDirectories(t.getParent());
          Files.copy(p, t);
        }
      }
    }
  }

  static void deleteTree(Path p) throws IOException {
    try (Stream<Path> s = Files.walk(p)) {
      for (Path x : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(x);
      }
    }
  }
}
