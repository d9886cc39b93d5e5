package dev.unitaudit.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes {@code checks[]} rows, each distinct row rendered once. A report holds 81 rows per service
 * and few distinct ones (the same check in the same state reads the same everywhere), so a
 * 100,000-service report would otherwise pretty-print eight million near-identical objects: most of
 * the time spent writing it. The cached text is exactly what Jackson's pretty printer writes for
 * the row (rendered by {@code rowWriter}, then indented to the row's depth), so the bytes do not
 * change.
 */
final class CheckRowSerializer extends StdSerializer<AuditReport.CheckEntry> {

  private static final long serialVersionUID = 1L;

  /** Enough for every distinct row of any real report; beyond it, rows are rendered uncached. */
  private static final int MAX_CACHED = 50_000;

  private final transient ObjectWriter rowWriter;
  private final transient Map<AuditReport.CheckEntry, Rendered> rendered =
      new ConcurrentHashMap<>();

  /** A row's text at one depth; SerializedString keeps its UTF-8 bytes once encoded. */
  private record Rendered(int depth, SerializedString text) {}

  CheckRowSerializer(ObjectWriter rowWriter) {
    super(AuditReport.CheckEntry.class);
    this.rowWriter = rowWriter;
  }

  @Override
  public void serialize(AuditReport.CheckEntry row, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    if (gen.getPrettyPrinter() == null) {
      writeFields(row, gen);
      return;
    }
    int depth = depth(gen);
    Rendered r = rendered.get(row);
    if (r == null || r.depth() != depth) {
      // JSON strings hold no raw line break, so every '\n' is the pretty printer's own
      r =
          new Rendered(
              depth,
              new SerializedString(
                  rowWriter.writeValueAsString(row).replace("\n", "\n" + "  ".repeat(depth))));
      if (rendered.size() < MAX_CACHED) {
        rendered.put(row, r);
      }
    }
    gen.writeRawValue(r.text());
  }

  /** Open containers around the value being written: the pretty printer's nesting. */
  private static int depth(JsonGenerator gen) {
    int d = 0;
    for (JsonStreamContext c = gen.getOutputContext();
        c != null && !c.inRoot();
        c = c.getParent()) {
      d++;
    }
    return d;
  }

  private static void writeFields(AuditReport.CheckEntry row, JsonGenerator gen)
      throws IOException {
    gen.writeStartObject();
    gen.writeStringField("name", row.name());
    gen.writeStringField("json_field", row.jsonField());
    gen.writeFieldName("set");
    if (row.set() == null) {
      gen.writeNull();
    } else {
      gen.writeBoolean(row.set());
    }
    gen.writeFieldName("exposure");
    if (row.exposure() == null) {
      gen.writeNull();
    } else {
      gen.writeNumber(row.exposure());
    }
    gen.writeStringField("description", row.description());
    gen.writeEndObject();
  }
}
