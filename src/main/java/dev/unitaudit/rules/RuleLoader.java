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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
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

  /** Where the built-in rules files sit in the jar (copied from {@code rules/} at build time). */
  private static final String BUILT_IN_DIR = "/dev/unitaudit/rules/";

  /** Shipped beside the rules files, and no rules file itself: it locates the folder. */
  private static final String SCHEMA_FILE = "rules.schema.json";

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
          "fixSafe",
          "fixWarnings",
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
    for (Map.Entry<String, byte[]> f : builtInFiles().entrySet()) {
      l.load(f.getValue(), "rules/" + f.getKey());
      l.requireFamilyOfFile(f.getKey());
    }
    return l.catalog();
  }

  /**
   * Every {@code *.json} rules file shipped in the jar (or in target/classes when run from the
   * build), by file name: the families are the files, so a new family is a new file and nothing
   * else.
   */
  static java.util.SortedMap<String, byte[]> builtInFiles() throws RuleException {
    java.net.URL anchor = RuleLoader.class.getResource(BUILT_IN_DIR + SCHEMA_FILE);
    if (anchor == null) {
      throw new RuleException("rules/" + SCHEMA_FILE + ": missing from the unitaudit jar");
    }
    java.util.SortedMap<String, byte[]> out = new java.util.TreeMap<>();
    try {
      java.net.URI uri = anchor.toURI();
      if ("jar".equals(uri.getScheme())) {
        java.nio.file.FileSystem fs;
        boolean opened = false;
        try {
          fs = java.nio.file.FileSystems.newFileSystem(uri, Map.of());
          opened = true;
        } catch (java.nio.file.FileSystemAlreadyExistsException e) {
          fs = java.nio.file.FileSystems.getFileSystem(uri);
        }
        try {
          readRulesFiles(fs.getPath(BUILT_IN_DIR), out);
        } finally {
          if (opened) {
            fs.close();
          }
        }
      } else {
        readRulesFiles(Path.of(uri).getParent(), out);
      }
    } catch (java.net.URISyntaxException | IOException e) {
      throw new RuleException("rules/: the built-in rules cannot be listed: " + e.getMessage());
    }
    if (out.isEmpty()) {
      throw new RuleException("rules/: no rules files in the unitaudit jar");
    }
    return out;
  }

  private static void readRulesFiles(Path dir, Map<String, byte[]> out) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        String name = p.getFileName().toString();
        if (name.endsWith(".json") && !name.endsWith(".schema.json")) {
          out.put(name, Files.readAllBytes(p));
        }
      }
    }
  }

  /** A built-in file's family is its name: hardening.json holds {"family": "hardening"}. */
  private void requireFamilyOfFile(String fileName) throws RuleException {
    String family = fileName.substring(0, fileName.length() - ".json".length());
    for (Rule r : rules) {
      if (r.source().startsWith("rules/" + fileName + ":") && !family.equals(r.family())) {
        throw new RuleException(
            "rules/"
                + fileName
                + ": \"family\" is \""
                + r.family()
                + "\"; a built-in family is named by its file (\""
                + family
                + "\")");
      }
    }
  }

  /** The catalog in id order: the id bands are the families' (UA0xxx diagnostics, UA1xxx …). */
  private RuleCatalog catalog() {
    List<Rule> sorted = new ArrayList<>(rules);
    sorted.sort(java.util.Comparator.comparing(Rule::id));
    return new RuleCatalog(sorted);
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
    return l.catalog();
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
    vocabulary(check, types, where);
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
    boolean fixSafe = false;
    if (n.has("fixSafe")) {
      if (!n.get("fixSafe").isBoolean()) {
        throw new RuleException(where + ": fixSafe must be true or false");
      }
      fixSafe = n.get("fixSafe").asBoolean();
      if (fixSafe && level != null) {
        throw new RuleException(
            where
                + ": fixSafe is for rules outside the ladder (a ladder rule is fixed up to"
                + " --level)");
      }
    }
    java.util.Map<String, String> fixWarnings = fixWarnings(n, where);
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
        fixSafe,
        fixWarnings,
        docs,
        family,
        scope,
        where);
  }

  /**
   * Section and directive names in a check's parameters ({@code section}, {@code key}, {@code
   * keys}) must be ones systemd knows (the directive catalog): a misspelt key would make a rule
   * that never fires or always does, and nothing else would say so.
   */
  private static void vocabulary(JsonNode check, List<String> unitTypes, String where)
      throws RuleException {
    dev.unitaudit.model.SettingCatalog directives = dev.unitaudit.model.SettingCatalog.get();
    List<String> sections = new ArrayList<>();
    for (String t : unitTypes) {
      for (String sec : UnitType.fromSuffix(t).sections()) {
        if (!sections.contains(sec)) {
          sections.add(sec);
        }
      }
    }
    JsonNode section = check.get("section");
    if (section != null) {
      if (!section.isTextual() || !sections.contains(section.asText())) {
        throw new RuleException(
            where
                + ": check section \""
                + section.asText()
                + "\" is not a section of "
                + String.join("/", unitTypes)
                + " units ("
                + String.join(", ", sections)
                + ")");
      }
      sections = List.of(section.asText());
    }
    List<String> keys = new ArrayList<>();
    if (check.has("key") && check.get("key").isTextual()) {
      keys.add(check.get("key").asText());
    }
    if (check.has("keys") && check.get("keys").isArray()) {
      check.get("keys").forEach(k -> keys.add(k.asText()));
    }
    for (String key : keys) {
      boolean known = false;
      for (String sec : sections) {
        known |= directives.isKnown(sec, key);
      }
      if (!known) {
        throw new RuleException(
            where
                + ": check key \""
                + key
                + "\" is no directive of ["
                + String.join("], [", sections)
                + "] in systemd 252");
      }
    }
  }

  private static final Pattern WARNED_SETTING = Pattern.compile("[A-Z][A-Za-z0-9]*(=[^\\s=]+)?");

  /** {@code "fixWarnings": {"Key" or "Key=value": "what it may break", …}}, in file order. */
  private static java.util.Map<String, String> fixWarnings(ObjectNode n, String where)
      throws RuleException {
    JsonNode w = n.get("fixWarnings");
    if (w == null) {
      return java.util.Map.of();
    }
    if (!w.isObject()) {
      throw new RuleException(
          where + ": fixWarnings must be an object {\"Key\" or \"Key=value\": \"warning\"}");
    }
    java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
    for (Iterator<java.util.Map.Entry<String, JsonNode>> it = w.fields(); it.hasNext(); ) {
      java.util.Map.Entry<String, JsonNode> e = it.next();
      if (!WARNED_SETTING.matcher(e.getKey()).matches()) {
        throw new RuleException(
            where + ": fixWarnings key \"" + e.getKey() + "\" is not Key or Key=value");
      }
      if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
        throw new RuleException(
            where + ": fixWarnings \"" + e.getKey() + "\" must be a non-empty string");
      }
      out.put(e.getKey(), e.getValue().asText());
    }
    return java.util.Collections.unmodifiableMap(out);
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
