package dev.unitaudit.fleet;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one audit report with Jackson's streaming parser: each element of {@code units} is read as
 * a tree, checked against the schema's unit definition, digested and dropped, so memory stays the
 * size of one unit whatever the report's size. The rest of the report (tool, host, errors, …) is
 * checked against the whole schema at the end. Any failure is a {@link NotAReport} naming the file
 * and, for syntax, the line.
 */
final class ReportStream {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory FACTORY = MAPPER.getFactory();

  /** Schema messages quoted per rejected file: the first few say what is wrong. */
  private static final int MESSAGES = 3;

  private ReportStream() {}

  static HostDigest read(Path file, String shownName) throws NotAReport {
    try (InputStream in = Files.newInputStream(file);
        JsonParser p = FACTORY.createParser(in)) {
      p.setCodec(MAPPER);
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new NotAReport(
            shownName, shownName + ": not a unitaudit JSON report: not a JSON object");
      }
      ObjectNode top = MAPPER.createObjectNode();
      List<UnitDigest> units = new ArrayList<>();
      int index = 0;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (field.equals("units") && value == JsonToken.START_ARRAY) {
          top.putArray("units");
          while (p.nextToken() != JsonToken.END_ARRAY) {
            JsonNode unit = p.readValueAsTree();
            List<String> bad = Schemas.unit(unit);
            if (!bad.isEmpty()) {
              throw invalid(shownName, "units[" + index + "]", bad);
            }
            units.add(digest(unit));
            index++;
          }
        } else {
          top.set(field, p.readValueAsTree());
        }
      }
      if (p.nextToken() != null) {
        throw new NotAReport(
            shownName,
            shownName
                + ":"
                + line(p.currentLocation())
                + ": not a unitaudit JSON report: text after the report");
      }
      List<String> bad = Schemas.report(top);
      if (!bad.isEmpty()) {
        throw invalid(shownName, "the report", bad);
      }
      String host = top.path("host").isTextual() ? top.get("host").asText() : hostOf(file);
      return new HostDigest(shownName, host, List.copyOf(units), top.path("errors").size());
    } catch (JsonProcessingException e) {
      throw new NotAReport(
          shownName,
          shownName
              + ":"
              + line(e.getLocation())
              + ": not a unitaudit JSON report: "
              + e.getOriginalMessage().replaceAll("\\[Source: [^;]*; ", "["));
    } catch (IOException e) {
      throw new NotAReport(shownName, shownName + ": cannot read: " + e.getMessage());
    }
  }

  /** A report without {@code host} belongs to the host its file is named after. */
  static String hostOf(Path file) {
    String n = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    return n.endsWith(".json") && n.length() > 5 ? n.substring(0, n.length() - 5) : n;
  }

  private static String line(JsonLocation at) {
    return at == null ? "?" : Long.toString(at.getLineNr());
  }

  private static NotAReport invalid(String file, String where, List<String> messages) {
    StringBuilder m =
        new StringBuilder(
            file
                + ": not a unitaudit JSON report ("
                + where
                + " does not match report.schema.json): ");
    for (int i = 0; i < Math.min(MESSAGES, messages.size()); i++) {
      m.append(i == 0 ? "" : "; ").append(messages.get(i));
    }
    if (messages.size() > MESSAGES) {
      m.append("; and ").append(messages.size() - MESSAGES).append(" more");
    }
    return new NotAReport(file, m.toString());
  }

  /** The figures of one unit, from a tree the schema has already accepted. */
  private static UnitDigest digest(JsonNode u) {
    JsonNode exposure = u.get("exposure");
    // reports carry tenths; anything finer (a hand-edited report) is rounded to them
    int tenths =
        exposure.isNumber()
            ? exposure
                .decimalValue()
                .movePointRight(1)
                .setScale(0, java.math.RoundingMode.HALF_EVEN)
                .intValue()
            : -1;
    Integer level = u.get("level").isInt() ? u.get("level").asInt() : null;
    int[] bySeverity = new int[5];
    int suppressed = 0;
    Map<String, UnitDigest.FiredRule> fired = new LinkedHashMap<>();
    for (JsonNode f : u.get("findings")) {
      if (!f.get("suppressed").isNull()) {
        suppressed++;
        continue;
      }
      String severity = f.get("severity").asText();
      bySeverity[Severities.index(severity)]++;
      String rule = f.get("rule").asText();
      UnitDigest.FiredRule seen = fired.get(rule);
      fired.put(
          rule,
          new UnitDigest.FiredRule(
              rule,
              seen != null ? seen.title() : f.path("title").asText(null),
              severity,
              seen == null ? 1 : seen.count() + 1));
    }
    List<String> dropins = new ArrayList<>();
    u.get("dropins").forEach(d -> dropins.add(d.asText()));
    Map<String, String> settings = null;
    if (u.has("settings")) {
      settings = new LinkedHashMap<>();
      for (JsonNode s : u.get("settings")) {
        String key = s.get("section").asText() + "/" + s.get("key").asText();
        String v = s.get("value").asText();
        settings.merge(key, v, (a, b) -> a + "\n" + b);
      }
    }
    return new UnitDigest(
        u.get("unit").asText(),
        u.get("type").asText(),
        u.get("status").asText(),
        tenths,
        level,
        bySeverity,
        suppressed,
        List.copyOf(fired.values()),
        List.copyOf(dropins),
        settings);
  }
}
