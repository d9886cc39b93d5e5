package dev.unitaudit.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.unitaudit.result.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * {@code .unitaudit.json}: project defaults. Strict: an unknown key is an error naming the file.
 *
 * @param level default --level
 * @param format default --format
 * @param failOn default --fail-on
 * @param disabledRules rule ids or names never evaluated
 * @param severity per-rule severity overrides (id → critical|high|medium|low|info)
 * @param ignore per-unit accepted findings, each with a reason
 * @param rules extra rules files or directories, relative to the config file
 * @param vendorUnits site-policy rules also on untouched distribution units (as --vendor)
 */
public record ProjectConfig(
    Integer level,
    String format,
    String failOn,
    List<String> disabledRules,
    Map<String, String> severity,
    List<Ignore> ignore,
    List<String> rules,
    Boolean vendorUnits) {

  /** Findings of {@code rules} on {@code unit} (a name or a glob with *) are accepted. */
  public record Ignore(String unit, List<String> rules, String reason, String until) {}

  /** The file name looked up from each PATH (or --root) upward. */
  public static final String FILE_NAME = ".unitaudit.json";

  /** A loaded config and where it came from. */
  public record Loaded(ProjectConfig config, Path file) {}

  public static Loaded read(Path file) throws UsageException {
    ObjectMapper om = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    // "vendorUnits": "yes", "true" or 1 is a mistake to report, not a value to guess
    om.coercionConfigFor(com.fasterxml.jackson.databind.type.LogicalType.Boolean)
        .setCoercion(
            com.fasterxml.jackson.databind.cfg.CoercionInputShape.String,
            com.fasterxml.jackson.databind.cfg.CoercionAction.Fail)
        .setCoercion(
            com.fasterxml.jackson.databind.cfg.CoercionInputShape.Integer,
            com.fasterxml.jackson.databind.cfg.CoercionAction.Fail);
    try {
      ProjectConfig c = om.readValue(Files.readAllBytes(file), ProjectConfig.class);
      if (c == null) {
        throw new UsageException(file + ": empty; expected a JSON object");
      }
      c.validate(file);
      return new Loaded(c, file);
    } catch (UnrecognizedPropertyException e) {
      java.util.TreeSet<String> known = new java.util.TreeSet<>();
      e.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
      known.remove("$schema");
      throw new UsageException(
          file
              + ":"
              + keyLine(file, e.getPropertyName(), e.getLocation().getLineNr())
              + ": unknown key \""
              + e.getPropertyName()
              + "\" (known: "
              + String.join(", ", known)
              + ")");
    } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
      // a value of the wrong type: say which key wants what, not Jackson's class names
      throw new UsageException(
          file
              + ":"
              + (e.getLocation() == null ? 0 : e.getLocation().getLineNr())
              + ": "
              + path(e)
              + ": expected "
              + expected(e.getTargetType()));
    } catch (JsonProcessingException e) {
      throw new UsageException(
          file
              + ":"
              + (e.getLocation() == null ? 0 : e.getLocation().getLineNr())
              + ": "
              + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UsageException(file + ": cannot be read: " + e.getMessage());
    }
  }

  /** Values that would otherwise fail later, far from the file: each a usage error naming it. */
  private void validate(Path file) throws UsageException {
    if (level != null && (level < 1 || level > 3)) {
      throw new UsageException(file + ": level " + level + ": the ladder has levels 1, 2 and 3");
    }
    if (format != null && dev.unitaudit.report.Reporters.get(format) == null) {
      throw new UsageException(
          file
              + ": format \""
              + format
              + "\": expected one of "
              + String.join(
                  ", ", new java.util.TreeSet<>(dev.unitaudit.report.Reporters.formats())));
    }
    if (failOn != null && Severity.parse(failOn) == null) {
      throw new UsageException(
          file + ": failOn \"" + failOn + "\": expected critical, high, medium, low or info");
    }
    if (severity != null) {
      for (Map.Entry<String, String> e : severity.entrySet()) {
        if (Severity.parse(e.getValue()) == null) {
          throw new UsageException(
              file
                  + ": severity of "
                  + e.getKey()
                  + " \""
                  + e.getValue()
                  + "\": expected critical, high, medium, low or info");
        }
      }
    }
    if (ignore != null) {
      for (Ignore i : ignore) {
        if (i == null
            || i.unit() == null
            || i.rules() == null
            || i.rules().isEmpty()
            || i.reason() == null
            || i.reason().isBlank()) {
          throw new UsageException(file + ": every ignore entry needs unit, rules and a reason");
        }
        if (i.until() != null) {
          try {
            LocalDate.parse(i.until());
          } catch (DateTimeParseException e) {
            throw new UsageException(
                file
                    + ": ignore of "
                    + i.unit()
                    + ": until \""
                    + i.until()
                    + "\" is not a date like 2027-06-30");
          }
        }
      }
    }
  }

  /** The key (path) a type error is about: {@code "vendorUnits"}, {@code "ignore"[0]."rules"}. */
  private static String path(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
    StringBuilder sb = new StringBuilder();
    for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : e.getPath()) {
      sb.append(
          r.getFieldName() != null
              ? (sb.length() > 0 ? "." : "") + "\"" + r.getFieldName() + "\""
              : "[" + r.getIndex() + "]");
    }
    return sb.length() == 0 ? "the file" : sb.toString();
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "another type";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == Integer.class || type == int.class) {
      return "a number";
    }
    if (type == String.class) {
      return "a string";
    }
    if (List.class.isAssignableFrom(type)) {
      return "an array";
    }
    return "an object";
  }

  /**
   * The line of {@code "key":} in the file: Jackson's location is where it stopped reading, which
   * for an unknown key is after its value (often the next line).
   */
  private static int keyLine(Path file, String key, int fallback) {
    try {
      String text = Files.readString(file);
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("\"" + java.util.regex.Pattern.quote(key) + "\"\\s*:")
              .matcher(text);
      if (m.find()) {
        return (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
      }
    } catch (IOException | RuntimeException e) {
      // fall back to Jackson's line
    }
    return fallback;
  }

  /**
   * Looks for {@code .unitaudit.json} from {@code start} upward to the repository root (a folder
   * holding {@code .git}) or the filesystem root; null when there is none.
   */
  public static Path findUpward(Path start) {
    Path p = start.toAbsolutePath().normalize();
    if (!Files.isDirectory(p)) {
      p = p.getParent();
    }
    while (p != null) {
      Path f = p.resolve(FILE_NAME);
      if (Files.isRegularFile(f)) {
        return f;
      }
      if (Files.exists(p.resolve(".git"))) {
        return null;
      }
      p = p.getParent();
    }
    return null;
  }

  static boolean unitMatches(String pattern, String unit) {
    if (!pattern.contains("*")) {
      return pattern.equals(unit);
    }
    String regex = java.util.regex.Pattern.quote(pattern).replace("*", "\\E.*\\Q");
    return unit.matches(regex);
  }

  @JsonProperty("$schema")
  void schema(String ignored) {
    // editors may point at a schema; accepted and ignored
  }
}
