package dev.unitaudit.score;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * A {@code --security-policy} file in systemd's format: an object keyed by json_field whose entries
 * may override {@code weight}, {@code range} and the three descriptions.
 *
 * <p>Stricter than systemd on purpose: systemd ignores unknown keys and values of the wrong type
 * (so a misspelt field silently does nothing) and aborts on range 0; here each of those is an error
 * naming the file and the field.
 */
public final class SecurityPolicy {

  /** One entry's overrides; null means "keep the built-in value". */
  record Entry(Long weight, Long range, String good, String bad, String na) {}

  public static final SecurityPolicy NONE = new SecurityPolicy("", Map.of());

  private static final Set<String> FIELDS =
      Set.of("weight", "range", "description_good", "description_bad", "description_na");

  private final String file;
  private final Map<String, Entry> entries;

  private SecurityPolicy(String file, Map<String, Entry> entries) {
    this.file = file;
    this.entries = entries;
  }

  public String file() {
    return file;
  }

  Entry entry(String jsonField) {
    return entries.get(jsonField);
  }

  public static SecurityPolicy parse(Path path) throws PolicyException {
    String name = path.toString();
    JsonNode root;
    try {
      ObjectMapper m =
          new ObjectMapper()
              .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
              .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      root = m.readTree(Files.readString(path));
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      throw new PolicyException(
          name
              + (loc == null ? "" : ":" + loc.getLineNr() + ":" + loc.getColumnNr())
              + ": not valid JSON: "
              + e.getOriginalMessage());
    } catch (IOException e) {
      throw new PolicyException(name + ": cannot be read: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new PolicyException(name + ": a security policy is a JSON object keyed by json_field");
    }
    Map<String, Entry> entries = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String field = e.getKey();
      if (AssessorTable.ROWS.stream().noneMatch(a -> a.jsonField().equals(field))) {
        throw new PolicyException(
            name
                + ": unknown check '"
                + field
                + "'"
                + suggestion(field)
                + " (systemd would ignore it silently)");
      }
      entries.put(field, entry(name, field, e.getValue()));
    }
    return new SecurityPolicy(name, Map.copyOf(entries));
  }

  private static Entry entry(String file, String field, JsonNode n) throws PolicyException {
    String at = file + ": '" + field + "'";
    if (!n.isObject()) {
      throw new PolicyException(
          at + " must be an object with weight, range or description_* fields");
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!FIELDS.contains(k)) {
        throw new PolicyException(
            at
                + ": unknown field '"
                + k
                + "' (allowed: weight, range, description_good,"
                + " description_bad, description_na)");
      }
    }
    Long weight = unsigned(at, n, "weight");
    Long range = unsigned(at, n, "range");
    if (range != null && range == 0) {
      throw new PolicyException(at + ": range 0 is not allowed (systemd-analyze aborts on it)");
    }
    return new Entry(
        weight,
        range,
        string(at, n, "description_good"),
        string(at, n, "description_bad"),
        string(at, n, "description_na"));
  }

  private static Long unsigned(String at, JsonNode n, String key) throws PolicyException {
    JsonNode v = n.get(key);
    if (v == null) {
      return null;
    }
    if (!v.isIntegralNumber() || v.asLong(-1) < 0 || !v.canConvertToLong()) {
      throw new PolicyException(at + ": " + key + " must be an unsigned integer, not " + v);
    }
    return v.asLong();
  }

  private static String string(String at, JsonNode n, String key) throws PolicyException {
    JsonNode v = n.get(key);
    if (v == null) {
      return null;
    }
    if (!v.isTextual()) {
      throw new PolicyException(at + ": " + key + " must be a string, not " + v);
    }
    return v.asText();
  }

  private static String suggestion(String field) {
    LevenshteinDistance d = LevenshteinDistance.getDefaultInstance();
    return AssessorTable.ROWS.stream()
        .map(Assessor::jsonField)
        .min(Comparator.comparingInt(f -> d.apply(f, field)))
        .filter(f -> d.apply(f, field) <= Math.max(3, field.length() / 4))
        .map(f -> "; did you mean '" + f + "'?")
        .orElse("");
  }
}
