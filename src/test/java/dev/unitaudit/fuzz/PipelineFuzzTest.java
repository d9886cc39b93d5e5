package dev.unitaudit.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unitaudit.app.Audit;
import dev.unitaudit.app.Selection;
import dev.unitaudit.app.Suppressions;
import dev.unitaudit.report.AuditReport;
import dev.unitaudit.report.Reporter;
import dev.unitaudit.report.Reporters;
import dev.unitaudit.rules.RuleCatalog;
import dev.unitaudit.rules.RuleLoader;
import dev.unitaudit.score.SecurityPolicy;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzes the whole pipeline: random unit files and drop-ins (structured lines mixed with raw bytes:
 * NULs, CR, invalid UTF-8, escapes, huge values) → load → rules → score → every report format.
 * Nothing may throw, JSON must parse, XML must be well-formed. The short run (300 tries) is part of
 * mvn verify; a long run: {@code mvn test -Dtest=PipelineFuzzTest -Djqwik.tries.default=100000}.
 * jqwik prints the seed of a failing run; {@code @Property(seed = "…")} replays it.
 */
class PipelineFuzzTest {

  private static final RuleCatalog CATALOG = catalog();

  private static RuleCatalog catalog() {
    try {
      return RuleLoader.builtIn();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static final String[] KEYS = {
    "ExecStart",
    "User",
    "DynamicUser",
    "PrivateTmp",
    "ProtectSystem",
    "ProtectHome",
    "CapabilityBoundingSet",
    "SystemCallFilter",
    "RestrictAddressFamilies",
    "IPAddressDeny",
    "DeviceAllow",
    "Environment",
    "EnvironmentFile",
    "OnFailure",
    "Restart",
    "StartLimitBurst",
    "Type",
    "OnCalendar",
    "Unit",
    "PathChanged",
    "ListenStream",
    "ReadWritePaths",
    "RuntimeMaxSec",
    "MemoryMax",
    "WatchdogSec",
    "UMask",
    "Description",
    "Wants",
    "Alias",
    "Delegate",
    "BusName",
    "NoNewPrivileges"
  };

  @Provide
  Arbitrary<String> line() {
    Arbitrary<String> key = Arbitraries.of(KEYS);
    Arbitrary<String> value =
        Arbitraries.oneOf(
            Arbitraries.of(
                "yes",
                "no",
                "",
                "strict",
                "~@mount",
                "/bin/true",
                "-/x \"a b\" 'c'",
                "%i %n %%",
                "\\",
                "root",
                "nobody",
                "any",
                "AF_UNIX",
                "*-*-* 00:00:00",
                "infinity",
                "1G",
                "foo.service",
                "A=1 B=\"2 3\"",
                "\u001b[31mred\u001b[0m",
                "]]>",
                "x\u0000y",
                "\uFEFFbom",
                "caf\u00e9"),
            Arbitraries.strings().withChars("ab=\\ \"'%;#[]~@:-/\t\r").ofMaxLength(40),
            Arbitraries.strings().ofMaxLength(30));
    Arbitrary<String> assignment = Combinators.combine(key, value).as((k, v) -> k + "=" + v);
    Arbitrary<String> header =
        Arbitraries.of(
            "[Unit]",
            "[Service]",
            "[Timer]",
            "[Path]",
            "[Socket]",
            "[Install]",
            "[Service",
            "[X-Vendor]",
            "[ Service ]");
    Arbitrary<String> other =
        Arbitraries.of(
            "# comment",
            "; comment",
            "",
            "  \\",
            "# unitaudit: ignore=UA1001 reason=\"x\"",
            "# unitaudit: ignore=",
            ".include /etc/passwd");
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, assignment),
        net.jqwik.api.Tuple.of(2, header),
        net.jqwik.api.Tuple.of(1, other));
  }

  @Provide
  Arbitrary<String> unit() {
    return line().list().ofMaxSize(30).map(ls -> String.join("\n", ls));
  }

  @Provide
  Arbitrary<byte[]> raw() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
  }

  @Property
  void anyTreeAuditsAndRendersInEveryFormat(
      @ForAll("unit") String service,
      @ForAll("unit") String dropin,
      @ForAll("unit") String timer,
      @ForAll("raw") byte[] raw)
      throws Exception {
    Path root = Files.createTempDirectory("unitaudit-fuzz");
    try {
      Path etc = Files.createDirectories(root.resolve("etc/systemd/system"));
      Files.writeString(etc.resolve("a.service"), service);
      Files.createDirectories(etc.resolve("a.service.d"));
      Files.writeString(etc.resolve("a.service.d/x.conf"), dropin);
      Files.writeString(etc.resolve("a.timer"), timer);
      Files.write(etc.resolve("b@.service"), raw);
      Files.write(etc.resolve("c.path"), raw);
      AuditReport report =
          new Audit(CATALOG, SecurityPolicy.NONE, Suppressions.none(CATALOG), 3, true)
              .run(Selection.of(List.of(), root, root));
      assertFalse(report.units().isEmpty());
      for (String format : Reporters.formats()) {
        Reporter r = Reporters.get(format);
        String out = r.render(report, CATALOG, Reporter.RenderOptions.PLAIN);
        check(format, out);
      }
    } finally {
      try (Stream<Path> s = Files.walk(root)) {
        s.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  private static void check(String format, String out) throws Exception {
    switch (format) {
      case "json", "sarif" -> new ObjectMapper().readTree(out);
      case "junit" ->
          DocumentBuilderFactory.newInstance()
              .newDocumentBuilder()
              .parse(new ByteArrayInputStream(out.getBytes(StandardCharsets.UTF_8)));
      default -> {
        // text-like formats: no raw control character (ESC included) may reach the output
        for (char c : out.toCharArray()) {
          assertFalse(
              c < 0x20 && c != '\n' && c != '\t',
              format + " output carries control character " + (int) c);
        }
      }
    }
  }
}
