package dev.unitaudit.rules;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.unitaudit.check.CheckKind;
import dev.unitaudit.check.CheckKinds;
import dev.unitaudit.model.UnitType;
import dev.unitaudit.result.FixKind;
import dev.unitaudit.result.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads rules files strictly: unknown fields, unknown kinds, bad parameters, missing required
 * fields and duplicate ids are errors naming {@code file:line}. Built-in rules ship in the jar
 * (copied from {@code rules/} at build time); {@code --rules FILE|DIR} adds user rules that are
 * loaded the same way.
 */
public final class RuleLoader {

  /** The built-in families, in id-band order; each is {@code rules/<family>.json}. */
  public static final List<String> FAMILIES =
      List.of(
          "diagnostics",
          "hardening",
          "rate-limits",
          "alerting",
          "runaway",
          "timers",
          "resources",
          "secrets");

  private static final Set<String> FIELDS =
      Set.of(
          "id",
          "name",
          "title",
          "severity",
          "level",
          "unitTypes",
          "scope",
          "check",
          "message",
          "rationale",
          "fix",
          "fixKind",
          "docs");
  private static final Pattern ID = Pattern.compile("UA[0-9]{4}");
  private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private final ObjectMapper mapper =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
  private final List<Rule> rules = new ArrayList<>();

  /**
   * The built-in catalog, read once per process: it is immutable, and reading it binds every rule's
   * parameters through Jackson, which is a good part of start-up. {@link #prefetchBuiltIn} starts
   * that work on a background thread while the command line is still being parsed.
   */
  private static final java.util.concurrent.FutureTask<RuleCatalog> BUILT_IN =
      new java.util.concurrent.FutureTask<>(RuleLoader::readBuiltIn);

  /** Starts reading the built-in rules in the background (the real process calls this first). */
  public static void prefetchBuiltIn() {
    Thread t = new Thread(BUILT_IN, "unitaudit-rules");
    t.setDaemon(true);
    t.start();
  }

  /** Loads the built-in rule set from the jar (once; later calls share the same catalog). */
  public static RuleCatalog builtIn() throws RuleException {
    BUILT_IN.run(); // no-op when the prefetch thread ran or is running it
    try {
      return BUILT_IN.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RuleException("interrupted while reading the built-in rules");
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuleException r) {
        throw r;
      }
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private static RuleCatalog readBuiltIn() throws RuleException {
    RuleLoader l = new RuleLoader();
    for (String f : FAMILIES) {
      String res = "/dev/unitaudit/rules/" + f + ".json";
      try (InputStream in = RuleLoader.class.getResourceAsStream(res)) {
        if (in == null) {
          continue; // a family with no rules yet ships no file
        }
        l.load(in.readAllBytes(), "rules/" + f + ".json");
      } catch (IOException e) {
        throw new RuleException("rules/" + f + ".json: cannot be read: " + e.getMessage());
      }
    }
    return new RuleCatalog(l.rules);
  }

  /** The built-in rules plus user rules files or directories of {@code *.json}. */
  public static RuleCatalog withUserRules(List<Path> extra) throws RuleException {
    RuleLoader l = new RuleLoader();
    l.rules.addAll(builtIn().all());
    for (Path p : extra) {
      List<Path> files = new ArrayList<>();
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.list(p)) {
          s.filter(
                  f ->
                      f.getFileName().toString().endsWith(".json")
                          && !f.getFileName().toString().endsWith(".schema.json"))
              .sorted()
              .forEach(files::add);
        } catch (IOException e) {
          throw new RuleException(p + ": cannot be listed: " + e.getMessage());
        }
      } else {
        files.add(p);
      }
      for (Path f : files) {
        try {
          l.load(Files.readAllBytes(f), f.toString());
        } catch (IOException e) {
          throw new RuleException(f + ": cannot be read: " + e.getMessage());
        }
      }
    }
    return new RuleCatalog(l.rules);
  }

  private void load(byte[] data, String file) throws RuleException {
    try (JsonParser p = mapper.getFactory().createParser(data)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new RuleException(
            file + ":1: a rules file is a JSON object {\"family\": …, \"rules\": […]}");
      }
      String family = null;
      boolean sawRules = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken t = p.nextToken();
        switch (field) {
          case "$schema":
          case "description":
            p.skipChildren();
            break;
          case "family":
            family = p.getValueAsString();
            break;
          case "rules":
            if (t != JsonToken.START_ARRAY) {
              throw new RuleException(
                  file + ":" + line(p.currentTokenLocation()) + ": \"rules\" must be an array");
            }
            sawRules = true;
            while (p.nextToken() == JsonToken.START_OBJECT) {
              int line = line(p.currentTokenLocation());
              JsonNode n = mapper.readTree(p);
              rules.add(toRule((ObjectNode) n, family, file + ":" + line));
            }
            break;
          default:
            throw new RuleException(
                file + ":" + line(p.currentTokenLocation()) + ": unknown field \"" + field + "\"");
        }
      }
      if (!sawRules) {
        throw new RuleException(file + ": no \"rules\" array");
      }
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      throw new RuleException(
          file
              + ":"
              + (loc == null ? 0 : loc.getLineNr())
              + ": invalid JSON: "
              + e.getOriginalMessage());
    } catch (IOException e) {
      throw new RuleException(file + ": " + e.getMessage());
    }
  }

  private static int line(JsonLocation l) {
    return l == null ? 0 : l.getLineNr();
  }

  private Rule toRule(ObjectNode n, String family, String where) throws RuleException {
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!FIELDS.contains(f)) {
        throw new RuleException(where + ": unknown field \"" + f + "\"");
      }
    }
    String id = text(n, "id", where);
    if (!ID.matcher(id).matches()) {
      throw new RuleException(where + ": id \"" + id + "\" is not UA followed by 4 digits");
    }
    for (Rule r : rules) {
      if (r.id().equals(id)) {
        throw new RuleException(
            where + ": duplicate rule id " + id + " (first at " + r.source() + ")");
      }
    }
    String name = text(n, "name", where);
    if (!NAME.matcher(name).matches()) {
      throw new RuleException(where + ": name \"" + name + "\" is not kebab-case");
    }
    Severity sev = Severity.parse(text(n, "severity", where));
    if (sev == null) {
      throw new RuleException(where + ": severity must be critical, high, medium, low or info");
    }
    Integer level = null;
    if (n.has("level")) {
      if (!n.get("level").isInt() || n.get("level").asInt() < 1 || n.get("level").asInt() > 3) {
        throw new RuleException(where + ": level must be 1, 2 or 3");
      }
      level = n.get("level").asInt();
    }
    List<String> types = new ArrayList<>();
    JsonNode ut = n.get("unitTypes");
    if (ut == null || !ut.isArray() || ut.isEmpty()) {
      throw new RuleException(where + ": unitTypes must be a non-empty array");
    }
    for (JsonNode t : ut) {
      if (UnitType.fromSuffix(t.asText()) == null) {
        throw new RuleException(where + ": unknown unit type \"" + t.asText() + "\"");
      }
      types.add(t.asText());
    }
    JsonNode check = n.get("check");
    if (check == null || !check.isObject() || !check.has("kind")) {
      throw new RuleException(where + ": check must be an object with a kind");
    }
    String kindName = check.get("kind").asText();
    CheckKind<?> kind = CheckKinds.get(kindName);
    if (kind == null) {
      throw new RuleException(
          where
              + ": unknown check kind \""
              + kindName
              + "\" (known: "
              + String.join(", ", CheckKinds.names())
              + ")");
    }
    Object params = bind(kind, check, where);
    List<String> fix = new ArrayList<>();
    JsonNode fx = n.get("fix");
    if (fx == null || !fx.isArray()) {
      throw new RuleException(where + ": fix must be an array of unit-file lines");
    }
    for (JsonNode x : fx) {
      if (!x.isTextual()) {
        throw new RuleException(where + ": fix must be an array of unit-file lines (strings)");
      }
      fix.add(x.asText());
    }
    if (fix.isEmpty()) {
      throw new RuleException(where + ": fix must not be empty");
    }
    FixKind fixKind = fixKind(n, fix, where);
    String scope = Rule.SCOPE_ALL;
    if (n.has("scope")) {
      scope = n.get("scope").isTextual() ? n.get("scope").asText() : "";
      if (!scope.equals(Rule.SCOPE_ALL) && !scope.equals(Rule.SCOPE_SITE)) {
        throw new RuleException(where + ": scope must be \"all\" or \"site\"");
      }
    }
    String docs = text(n, "docs", where);
    if (!docs.startsWith("https://")) {
      throw new RuleException(where + ": docs must be an https URL");
    }
    return new Rule(
        id,
        name,
        text(n, "title", where),
        sev,
        level,
        List.copyOf(types),
        kindName,
        params,
        check,
        text(n, "message", where),
        text(n, "rationale", where),
        List.copyOf(fix),
        fixKind,
        docs,
        family,
        scope,
        where);
  }

  /**
   * The declared fix kind (default dropin). The lines must fit it: a drop-in has a section header
   * and no line outside one, a manual fix is only {@code #} lines, so that a comment telling what
   * to do is never passed off as a drop-in and the other way round.
   */
  private static FixKind fixKind(ObjectNode n, List<String> fix, String where)
      throws RuleException {
    FixKind kind = FixKind.DROPIN;
    if (n.has("fixKind")) {
      kind = n.get("fixKind").isTextual() ? FixKind.parse(n.get("fixKind").asText()) : null;
      if (kind == null) {
        throw new RuleException(
            where
                + ": fixKind must be one of dropin, edit, chmod, create-unit, move-secret, manual");
      }
    }
    boolean allComments = fix.stream().allMatch(l -> l.startsWith("#"));
    if (kind == FixKind.MANUAL && !allComments) {
      throw new RuleException(
          where
              + ": a manual fix is only # lines (what to do); use another fixKind for unit lines");
    }
    if (kind == FixKind.DROPIN && (allComments || !fix.get(0).startsWith("["))) {
      throw new RuleException(
          where
              + ": a dropin fix starts with a [Section] header; say fixKind when the fix is not a"
              + " drop-in");
    }
    if (kind != FixKind.DROPIN && !fix.get(0).startsWith("#")) {
      throw new RuleException(
          where + ": a " + kind.word() + " fix starts with a # line saying what to do");
    }
    return kind;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Object bind(CheckKind kind, JsonNode check, String where) throws RuleException {
    ObjectNode params = ((ObjectNode) check).deepCopy();
    params.remove("kind");
    try {
      Object p = mapper.treeToValue(params, kind.paramsType());
      kind.validate(p);
      return p;
    } catch (JsonProcessingException e) {
      throw new RuleException(
          where + ": bad parameters for check kind " + kind.name() + ": " + e.getOriginalMessage());
    } catch (IllegalArgumentException e) {
      throw new RuleException(
          where + ": bad parameters for check kind " + kind.name() + ": " + e.getMessage());
    }
  }

  private static String text(JsonNode n, String field, String where) throws RuleException {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw new RuleException(where + ": missing or empty \"" + field + "\"");
    }
    return v.asText();
  }

  /** For tests: the field names a rule entry may have. */
  public static Set<String> fields() {
    return FIELDS;
  }
}
