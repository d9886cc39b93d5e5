package dev.unitaudit.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The one JSON writer configuration: two-space indent and LF line ends whatever the platform
 * (Jackson's default indenter uses the platform separator), so golden files compare byte for byte.
 */
public final class Json {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

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
   * The same bytes as {@link #write(Object)} as UTF-8, streamed: a report of thousands of units
   * is over 100 MB, and building it as one String first costs seconds and a gigabyte.
   */
  public static void write(Object value, java.io.OutputStream out) throws java.io.IOException {
    java.io.BufferedOutputStream buffered = new java.io.BufferedOutputStream(out, 1 << 16);
    com.fasterxml.jackson.core.JsonGenerator g = MAPPER.getFactory().createGenerator(buffered)
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
