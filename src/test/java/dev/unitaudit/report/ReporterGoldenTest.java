package dev.unitaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every format but JSON (whose bytes JsonStreamTest and the schema tests pin) renders the
 * hand-written reports to exactly the bytes of its golden file in
 * src/test/resources/dev/unitaudit/report/golden/. After a deliberate change, regenerate with
 * {@code mvn test -Dtest=ReporterGoldenTest,TextReporterTest -Dunitaudit.updateGoldens=true} and
 * review the diff (TextReporterTest holds the text report's other views: widths, ASCII, --quiet,
 * --checks, gates).
 */
class ReporterGoldenTest {

  static final Path GOLDEN = Path.of("src/test/resources/dev/unitaudit/report/golden");

  /** format → golden file extension. */
  static final List<String[]> FORMATS =
      List.of(
          new String[] {"text", "txt"},
          new String[] {"junit", "junit.xml"},
          new String[] {"sarif", "sarif"},
          new String[] {"markdown", "md"},
          new String[] {"github", "github.txt"},
          new String[] {"prometheus", "prom"},
          new String[] {"codequality", "codequality.json"});

  static Stream<Arguments> cases() {
    Stream.Builder<Arguments> b = Stream.builder();
    for (String[] f : FORMATS) {
      b.add(Arguments.of(f[0], "typical", f[1]));
      b.add(Arguments.of(f[0], "hostile", f[1]));
      b.add(Arguments.of(f[0], "empty", f[1]));
    }
    return b.build();
  }

  static AuditReport report(String name) {
    return switch (name) {
      case "typical" -> SampleReports.typical();
      case "hostile" -> SampleReports.hostile();
      default -> SampleReports.empty();
    };
  }

  static String render(String format, String name) {
    // the one time-dependent value (the Prometheus timestamp) fixed at 0, as SOURCE_DATE_EPOCH=0
    // does
    Reporter r = format.equals("prometheus") ? new PrometheusReporter(0) : Reporters.get(format);
    assertNotNull(r, format);
    return r.render(report(name), SampleReports.catalog(), Reporter.RenderOptions.PLAIN);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void rendersTheGoldenBytes(String format, String name, String ext) throws IOException {
    byte[] actual = render(format, name).getBytes(StandardCharsets.UTF_8);
    Path golden = GOLDEN.resolve(name + "." + ext);
    if (Boolean.getBoolean("unitaudit.updateGoldens")) {
      Files.createDirectories(GOLDEN);
      Files.write(golden, actual);
    }
    assertEquals(
        Files.readString(golden, StandardCharsets.UTF_8),
        new String(actual, StandardCharsets.UTF_8),
        golden + " (regenerate with -Dunitaudit.updateGoldens=true after a deliberate change)");
  }

  @Test
  void everyFormatOfTheContractIsRegistered() {
    assertEquals(
        Set.of(
            "text",
            "json",
            "junit",
            "sarif",
            "markdown",
            "github",
            "prometheus",
            "html",
            "codequality"),
        Set.copyOf(Reporters.formats()));
    for (String f : Reporters.formats()) {
      assertEquals(f, Reporters.get(f).format());
    }
  }

  @Test
  void renderingIsRepeatable() {
    for (String[] f : FORMATS) {
      assertEquals(render(f[0], "typical"), render(f[0], "typical"), f[0]);
    }
  }
}
