package dev.unitaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The streamed JSON report is byte for byte the JSON reporter's text. */
class JsonStreamTest {

  @Test
  void streamedBytesEqualTheRenderedText() throws Exception {
    AuditReport r =
        new AuditReport(
            1,
            new AuditReport.Tool("unitaudit", "1"),
            List.of(
                new AuditReport.UnitEntry(
                    "caf\u00e9@x.service",
                    List.of("a.service"),
                    "service",
                    "loaded",
                    "d \u001b[31m ]]> \"q\"",
                    "etc/x",
                    List.of(),
                    new BigDecimal("9.6"),
                    "UNSAFE",
                    0,
                    List.of(
                        new AuditReport.CheckEntry(
                            "PrivateTmp=",
                            "PrivateTmp",
                            false,
                            new BigDecimal("0.2"),
                            "Service has access to other software's temporary files")),
                    List.of(),
                    List.of("UA1001"),
                    null)),
            List.of(new AuditReport.ErrorEntry(null, "f", 3, "m")));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Json.write(r, out);
    assertEquals(
        new JsonReporter().render(r, null, Reporter.RenderOptions.PLAIN),
        out.toString(StandardCharsets.UTF_8));
  }
}
