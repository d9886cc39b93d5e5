package dev.unitaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The strict exposition parser the report tests rely on accepts the format and rejects what it
 * forbids.
 */
class PromTextTest {

  private static final String HEAD = "# HELP a help \\\\ and \\n\n# TYPE a gauge\n";

  private static List<String> problems(String text) {
    return PromText.parse(text.getBytes(StandardCharsets.UTF_8)).problems();
  }

  @Test
  void acceptsTheFormat() {
    assertEquals(List.of(), problems(""));
    assertEquals(
        List.of(),
        problems(
            "# a comment\n"
                + HEAD
                + "a 1\n"
                + "a{l=\"x\\\\y\\\"z\\n"
                + "\",m=\"caf\u00e9 \u2603\",} -2.5e3 1700000000\n"
                + "a{l=\"2\"} NaN\n"
                + "a{l=\"3\"} +Inf\n\n"
                + "# HELP h h\n"
                + "# TYPE h histogram\n"
                + "h_bucket{le=\"1\"} 0\n"
                + "h_sum 0\n"
                + "h_count 0\n"));
  }

  @Test
  void rejectsWhatTheFormatForbids() {
    for (String bad :
        List.of(
            HEAD + "a 1", // no final line feed
            HEAD + "a 1\r\n", // carriage return
            HEAD + "a{l=\"\\q\"} 1\n", // invalid escape
            HEAD + "a{l=\"x} 1\n", // unterminated value
            HEAD + "a{l=x} 1\n", // unquoted value
            HEAD + "a{l=\"1\",l=\"2\"} 1\n", // label twice
            HEAD + "a{__l=\"1\"} 1\n", // reserved label name
            HEAD + "a{1l=\"1\"} 1\n", // bad label name
            HEAD + "a 1\na 2\n", // duplicate series
            HEAD + "a one\n", // bad value
            HEAD + "a 1 1.5\n", // bad timestamp
            HEAD + "a  1\n", // two spaces
            HEAD + "# TYPE a gauge\na 1\n", // second TYPE
            "# HELP a x\na 1\n# TYPE a gauge\n", // TYPE after samples (and a sample untyped)
            "# TYPE a gauge\na 1\n", // no HELP
            "# HELP a x\n# TYPE a gauge\n# TYPE b gauge\n# HELP b x\na 1\n", // a comes back after b
            HEAD + "a 1\n# HELP b x\n# TYPE b gauge\nb 1\na{l=\"1\"} 2\n", // interleaved
            "# HELP 1a x\n# TYPE 1a gauge\n1a 1\n", // bad metric name
            "# HELP a x\n# TYPE a gauges\na 1\n", // unknown type
            "# HELP a bad \\t escape\n# TYPE a gauge\na 1\n")) {
      assertFalse(problems(bad).isEmpty(), bad);
    }
    assertFalse(
        PromText.parse(new byte[] {'a', ' ', '1', (byte) 0xff, '\n'}).problems().isEmpty(),
        "not UTF-8");
  }
}
