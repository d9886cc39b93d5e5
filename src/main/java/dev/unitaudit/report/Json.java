package dev.unitaudit.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The one JSON writer configuration: two-space indent and LF line ends whatever the platform
 * (Jackson's default indenter uses the platform separator), so golden files compare byte for byte.
 *
 * <p>Besides the C0 controls JSON requires escaped, DEL, the C1 controls (U+0080–U+009F, which
 * terminals may execute: U+009B is CSI), the line and paragraph separators and the bidi controls
 * (U+202A–U+202E, U+2066–U+2069) are written as backslash-u escapes: the strings are the same once
 * parsed, but a JSON report shown on a terminal cannot carry a raw control from a unit file.
 */
public final class Json {

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  static {
    MAPPER.getFactory().setCharacterEscapes(new TerminalSafeEscapes());
    // the row serializer renders each distinct checks[] row with a copy of this configuration
    // (without itself), then writes the cached text
    ObjectMapper rows = MAPPER.copy();
    rows.getFactory().setCharacterEscapes(new TerminalSafeEscapes());
    MAPPER.registerModule(
        new com.fasterxml.jackson.databind.module.SimpleModule("check-rows")
            .addSerializer(
                AuditReport.CheckEntry.class, new CheckRowSerializer(rows.writer(printer()))));
  }

  /** Jackson's standard escapes plus the characters {@link TextSafety} makes visible. */
  static final class TerminalSafeEscapes extends com.fasterxml.jackson.core.io.CharacterEscapes {

    private static final long serialVersionUID = 1L;

    private final int[] ascii;

    TerminalSafeEscapes() {
      ascii = standardAsciiEscapesForJSON();
      ascii[0x7f] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public com.fasterxml.jackson.core.SerializableString getEscapeSequence(int ch) {
      boolean escape =
          (ch >= 0x80 && ch < 0xa0)
              || ch == 0x2028
              || ch == 0x2029
              || (ch >= 0x202a && ch <= 0x202e)
              || (ch >= 0x2066 && ch <= 0x2069);
      return escape
          ? new com.fasterxml.jackson.core.io.SerializedString(String.format("\\u%04X", ch))
          : null;
    }
  }

  private Json() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static String write(Object value) {
    try {
      return MAPPER.writer(printer()).writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("report could not be serialised", e);
    }
  }

  /**
   * The same bytes as {@link #write(Object)} as UTF-8, streamed: a report of thousands of units is
   * over 100 MB, and building it as one String first costs seconds and a gigabyte.
   */
  public static void write(Object value, java.io.OutputStream out) throws java.io.IOException {
    java.io.BufferedOutputStream buffered = new java.io.BufferedOutputStream(out, 1 << 16);
    com.fasterxml.jackson.core.JsonGenerator g =
        MAPPER
            .getFactory()
            .createGenerator(buffered)
            .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    MAPPER.writer(printer()).writeValue(g, value);
    buffered.write('\n');
    buffered.flush();
  }

  private static DefaultPrettyPrinter printer() {
    return new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
  }
}
