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
 * <p>systemd-analyze 252 ignores what it does not know (security_assessor_find_in_policy(): an
 * unknown check, an entry that is not an object, an unknown field, a value of the wrong type), so a
 * misspelt field silently does nothing. By default the same is accepted here, with a warning per
 * ignored item naming the file, the field and the nearest known one ({@link #warnings()}); strict
 * parsing ({@code --strict-policy}) makes each of them an error. What would abort systemd (range 0,
 * a file that is not JSON) is an error either way, and so is a file that is not a JSON object.
 */
public final class SecurityPolicy {

  /** One entry's overrides; null means "keep the built-in value". */
  record Entry(Long weight, Long range, String good, String bad, String na) {}

  public static final SecurityPolicy NONE = new SecurityPolicy("", Map.of(), java.util.List.of());

  private static final Set<String> FIELDS =
      Set.of("weight", "range", "description_good", "description_bad", "description_na");

  private final String file;
  private final Map<String, Entry> entries;
  private final java.util.List<String> warnings;

  private SecurityPolicy(String file, Map<String, Entry> entries, java.util.List<String> warnings) {
    this.file = file;
    this.entries = entries;
    this.warnings = warnings;
  }

  /** What was ignored, as systemd ignores it (lenient parsing only), one line per item. */
  public java.util.List<String> warnings() {
    return warnings;
  }

  public String file() {
    return file;
  }

  Entry entry(String jsonField) {
    return entries.get(jsonField);
  }

  /** Strict parsing: whatever systemd would ignore is an error. */
  public static SecurityPolicy parse(Path path) throws PolicyException {
    return parse(path, true);
  }

  /**
   * @param strict whether an item systemd ignores is an error (else it is left out with a warning)
   */
  public static SecurityPolicy parse(Path path, boolean strict) throws PolicyException {
    String name = path.toString();
    Problems problems = new Problems(strict);
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
        problems.report(
            strict
                ? name
                    + ": unknown check '"
                    + field
                    + "'"
                    + suggestion(field)
                    + " (systemd would ignore it silently)"
                : name
                    + ": unknown check '"
                    + field
                    + "' ignored, as systemd ignores it; the nearest known check is '"
                    + nearest(AssessorTable.ROWS.stream().map(Assessor::jsonField).toList(), field)
                    + "'");
        continue;
      }
      Entry entry = entry(name, field, e.getValue(), problems);
      if (entry != null) {
        entries.put(field, entry);
      }
    }
    return new SecurityPolicy(name, Map.copyOf(entries), java.util.List.copyOf(problems.warnings));
  }

  /** Errors when strict; otherwise warnings, the item left out as systemd leaves it out. */
  private static final class Problems {
    final boolean strict;
    final java.util.List<String> warnings = new java.util.ArrayList<>();

    Problems(boolean strict) {
      this.strict = strict;
    }

    void report(String message) throws PolicyException {
      if (strict) {
        throw new PolicyException(message);
      }
      warnings.add(message);
    }
  }

  private static Entry entry(String file, String field, JsonNode n, Problems problems)
      throws PolicyException {
    String at = file + ": '" + field + "'";
    if (!n.isObject()) {
      problems.report(
          problems.strict
              ? at + " must be an object with weight, range or description_* fields"
              : at
                  + " is not an object with weight, range or description_* fields: ignored, as"
                  + " systemd ignores it");
      return null;
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!FIELDS.contains(k)) {
        problems.report(
            problems.strict
                ? at
                    + ": unknown field '"
                    + k
                    + "' (allowed: weight, range, description_good,"
                    + " description_bad, description_na)"
                : at
                    + ": unknown field '"
                    + k
                    + "' ignored, as systemd ignores it; the nearest known field is '"
                    + nearest(FIELDS.stream().sorted().toList(), k)
                    + "'");
      }
    }
    Long weight = unsigned(at, n, "weight", problems);
    Long range = unsigned(at, n, "range", problems);
    if (range != null && range == 0) {
      throw new PolicyException(at + ": range 0 is not allowed (systemd-analyze aborts on it)");
    }
    return new Entry(
        weight,
        range,
        string(at, n, "description_good", problems),
        string(at, n, "description_bad", problems),
        string(at, n, "description_na", problems));
  }

  private static Long unsigned(String at, JsonNode n, String key, Problems problems)
      throws PolicyException {
    JsonNode v = n.get(key);
    if (v == null) {
      return null;
    }
    if (!v.isIntegralNumber() || v.asLong(-1) < 0 || !v.canConvertToLong()) {
      problems.report(
          at
              + ": "
              + key
              + " must be an unsigned integer, not "
              + v
              + (problems.strict ? "" : "; ignored, as systemd ignores it"));
      return null;
    }
    return v.asLong();
  }

  private static String string(String at, JsonNode n, String key, Problems problems)
      throws PolicyException {
    JsonNode v = n.get(key);
    if (v == null) {
      return null;
    }
    if (!v.isTextual()) {
      problems.report(
          at
              + ": "
              + key
              + " must be a string, not "
              + v
              + (problems.strict ? "" : "; ignored, as systemd ignores it"));
      return null;
    }
    return v.asText();
  }

  /** The candidate closest to {@code word} (Levenshtein), whatever the distance. */
  private static String nearest(java.util.List<String> candidates, String word) {
    LevenshteinDistance d = LevenshteinDistance.getDefaultInstance();
    return candidates.stream().min(Comparator.comparingInt(f -> d.apply(f, word))).orElse("");
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
