package dev.unitaudit.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.unitaudit.rules.Rule;
import dev.unitaudit.rules.RuleCatalog;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code --format sarif}: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
 *
 * <p>One run. {@code tool.driver.rules[]} holds the catalog's metadata (title, rationale, fix,
 * docs, severity) for every rule that has a result, sorted by id; a rule the catalog does not know
 * is described from its findings. Each finding is one result, located at the file:line the report
 * gives, as a URI relative to the audited root ({@code uriBaseId} {@code ROOT}: --root, or the
 * current directory for PATH arguments, which from a repository's root makes repository paths). A
 * finding without a file points at its unit's fragment; {@code region.startLine} is written only
 * when the report has a line (a whole-file finding has none; the validator notes SARIF2017 for it).
 * Suppressed findings stay in the run with {@code suppressions[]} ({@code inSource} for an inline
 * comment, {@code external} for the config or a baseline), so code scanning shows them as dismissed
 * rather than fixed. {@code partialFingerprints["unitaudit/v1"]} hashes unit, rule, file and
 * message, not the line, so an alert survives lines moving. Errors of the audit are {@code
 * toolExecutionNotifications}.
 */
public final class SarifReporter implements Reporter {

  static final String INFORMATION_URI = "https://github.com/unitaudit/unitaudit";
  static final String ROOT = "ROOT";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @Override
  public String format() {
    return "sarif";
  }

  @Override
  public String render(AuditReport report, RuleCatalog catalog, RenderOptions options) {
    // rules with results, by id; the index of each is its ruleIndex
    Map<String, AuditReport.FindingEntry> firstFinding = new TreeMap<>();
    for (AuditReport.UnitEntry u : report.units()) {
      for (AuditReport.FindingEntry f : u.findings()) {
        firstFinding.putIfAbsent(f.rule(), f);
      }
    }
    Map<String, Integer> ruleIndex = new LinkedHashMap<>();
    ArrayNode rules = NODES.arrayNode();
    for (Map.Entry<String, AuditReport.FindingEntry> e : firstFinding.entrySet()) {
      ruleIndex.put(e.getKey(), ruleIndex.size());
      Rule r = catalog == null ? null : catalog.find(e.getKey()).orElse(null);
      rules.add(r != null ? rule(r) : rule(e.getValue()));
    }

    ObjectNode log = NODES.objectNode();
    log.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    log.put("version", "2.1.0");
    ObjectNode run = log.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", report.tool().name());
    driver.put("version", report.tool().version());
    driver.put("informationUri", INFORMATION_URI);
    driver.set("rules", rules);
    run.putObject("originalUriBaseIds")
        .putObject(ROOT)
        .putObject("description")
        .put("text", "The audited root: --root, or the current directory for PATH arguments.");
    ObjectNode invocation = run.putArray("invocations").addObject();
    invocation.put("executionSuccessful", true);
    if (!report.errors().isEmpty()) {
      ArrayNode notes = invocation.putArray("toolExecutionNotifications");
      java.util.Set<String> masked = MaskedUnits.of(report);
      for (AuditReport.ErrorEntry e : report.errors()) {
        ObjectNode n = notes.addObject();
        n.put("level", masked.contains(e.unit()) ? "note" : "error");
        n.putObject("message")
            .put("text", text((e.unit() == null ? "" : e.unit() + ": ") + e.message()));
        ObjectNode loc = location(e.file(), e.line());
        if (loc != null) {
          n.putArray("locations").add(loc);
        }
      }
    }
    ArrayNode results = run.putArray("results");
    for (AuditReport.UnitEntry u : report.units()) {
      for (AuditReport.FindingEntry f : u.findings()) {
        results.add(result(u, f, ruleIndex.get(f.rule())));
      }
    }
    return Json.write(log);
  }

  private static ObjectNode rule(Rule r) {
    ObjectNode o = NODES.objectNode();
    o.put("id", r.id());
    o.put("name", r.name());
    o.putObject("shortDescription").put("text", r.title());
    o.putObject("fullDescription").put("text", r.rationale());
    String fix = String.join("\n", r.fix());
    ObjectNode help = o.putObject("help");
    help.put(
        "text",
        r.rationale()
            + "\n\nFix (in a drop-in):\n"
            + fix.indent(4).stripTrailing()
            + (r.docs() == null ? "" : "\n\nDocs: " + r.docs()));
    String fence = MarkdownReporter.fence(fix);
    help.put(
        "markdown",
        MarkdownReporter.inline(r.rationale())
            + "\n\nFix (in a drop-in):\n\n"
            + fence
            + "ini\n"
            + fix
            + "\n"
            + fence
            + (r.docs() == null ? "" : "\n\n[systemd documentation](<" + r.docs() + ">)"));
    if (r.docs() != null) {
      o.put("helpUri", r.docs());
    }
    o.putObject("defaultConfiguration").put("level", level(r.severity().word()));
    ObjectNode props = o.putObject("properties");
    ArrayNode tags = props.putArray("tags").add("security").add("systemd");
    if (r.family() != null) {
      tags.add(r.family());
    }
    props.put("security-severity", securitySeverity(r.severity().word()));
    return o;
  }

  /**
   * A rule missing from the catalog (a report read back, a rule set that changed): what its
   * findings say.
   */
  private static ObjectNode rule(AuditReport.FindingEntry f) {
    ObjectNode o = NODES.objectNode();
    o.put("id", f.rule());
    // no name: SARIF wants it to differ from the id, and only the catalog knows it
    String title = text(f.title() == null || f.title().isEmpty() ? f.rule() : f.title());
    o.putObject("shortDescription").put("text", title);
    o.putObject("fullDescription").put("text", title);
    String fix =
        f.fix() == null || f.fix().isEmpty()
            ? ""
            : "\n\nFix (in a drop-in):\n" + text(f.fix()).indent(4).stripTrailing();
    o.putObject("help")
        .put(
            "text",
            title
                + fix
                + "\n\nThis rule is not in the rule catalog of this run; see unitaudit explain "
                + f.rule()
                + " where it is defined.");
    o.putObject("defaultConfiguration").put("level", level(f.severity()));
    ObjectNode props = o.putObject("properties");
    props.putArray("tags").add("security").add("systemd");
    props.put("security-severity", securitySeverity(f.severity()));
    return o;
  }

  private static ObjectNode result(AuditReport.UnitEntry u, AuditReport.FindingEntry f, int index) {
    ObjectNode r = NODES.objectNode();
    r.put("ruleId", f.rule());
    r.put("ruleIndex", index);
    r.put("level", level(f.severity()));
    r.putObject("message").put("text", text(u.unit() + ": " + f.message()));
    ObjectNode loc = f.file() != null ? location(f.file(), f.line()) : location(u.fragment(), null);
    if (loc != null) {
      r.putArray("locations").add(loc);
    }
    r.putObject("partialFingerprints").put("unitaudit/v1", Fingerprint.of(u.unit(), f));
    if (f.suppressed() != null) {
      ObjectNode s = r.putArray("suppressions").addObject();
      s.put("kind", "inline".equals(f.suppressed().by()) ? "inSource" : "external");
      s.put("status", "accepted");
      String reason = f.suppressed().reason() == null ? "" : f.suppressed().reason();
      s.put(
          "justification",
          text(
              f.suppressed().by()
                  + ": "
                  + reason
                  + (f.suppressed().until() == null
                      ? ""
                      : " (until " + f.suppressed().until() + ")")));
    }
    ObjectNode props = r.putObject("properties");
    props.put("unit", text(u.unit()));
    props.put("severity", f.severity());
    if (f.fix() != null && !f.fix().isEmpty()) {
      props.put("fix", text(f.fix()));
    }
    return r;
  }

  private static ObjectNode location(String file, Integer line) {
    String rel = Locations.relative(file);
    if (rel == null) {
      return null;
    }
    ObjectNode loc = NODES.objectNode();
    ObjectNode physical = loc.putObject("physicalLocation");
    ObjectNode artifact = physical.putObject("artifactLocation");
    artifact.put("uri", uri(rel));
    artifact.put("uriBaseId", ROOT);
    if (line != null && line >= 1) {
      physical.putObject("region").put("startLine", line);
    }
    return loc;
  }

  /**
   * A relative URI reference for a path: each segment percent-encoded as UTF-8, keeping only RFC
   * 3986 unreserved characters and '@' (template units); ':' is encoded so that a first segment
   * never reads as a scheme.
   */
  static String uri(String path) {
    StringBuilder sb = new StringBuilder(path.length() + 8);
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean keep =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '.'
              || c == '_'
              || c == '~'
              || c == '/'
              || c == '@';
      if (keep) {
        sb.append((char) c);
      } else {
        sb.append('%')
            .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return sb.toString();
  }

  /** critical/high → error, medium → warning, low/info → note. */
  static String level(String severity) {
    return switch (severity == null ? "" : severity) {
      case "critical", "high" -> "error";
      case "medium" -> "warning";
      default -> "note";
    };
  }

  /** GitHub's bands: over 9.0 critical, 7.0–8.9 high, 4.0–6.9 medium, 0.1–3.9 low. */
  static String securitySeverity(String severity) {
    return switch (severity == null ? "" : severity) {
      case "critical" -> "9.5";
      case "high" -> "8.0";
      case "medium" -> "5.5";
      case "low" -> "3.0";
      default -> "1.0";
    };
  }

  /** Text from unit files, made safe to show: control characters as visible escapes, lines kept. */
  private static String text(String s) {
    return TextSafety.cleanLines(s);
  }
}
