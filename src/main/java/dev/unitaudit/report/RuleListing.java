package dev.unitaudit.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.unitaudit.rules.Rule;
import java.util.List;

/** Renders the rule catalog for {@code unitaudit rules} and {@code unitaudit explain}. */
public final class RuleListing {

  private RuleListing() {}

  public static String table(List<Rule> rules) {
    int nameW = 4;
    for (Rule r : rules) {
      nameW = Math.max(nameW, r.name().length());
    }
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            "%-6s  %-8s  %-5s  %-" + nameW + "s  %s%n",
            "ID",
            "SEVERITY",
            "LEVEL",
            "NAME",
            "TITLE"));
    for (Rule r : rules) {
      sb.append(
          String.format(
              "%-6s  %-8s  %-5s  %-" + nameW + "s  %s%n",
              r.id(),
              r.severity().word(),
              r.level() == null ? "-" : r.level().toString(),
              r.name(),
              r.title()));
    }
    sb.append(rules.size()).append(" rules\n");
    return sb.toString();
  }

  public static String explain(Rule r) {
    StringBuilder sb = new StringBuilder();
    sb.append(r.id()).append(' ').append(r.name()).append('\n');
    sb.append(r.title()).append("\n\n");
    sb.append("severity: ").append(r.severity().word()).append('\n');
    if (r.level() != null) {
      sb.append("hardening level: ").append(r.level()).append('\n');
    }
    sb.append("unit types: ").append(String.join(", ", r.unitTypes())).append("\n\n");
    sb.append(r.rationale()).append("\n\n");
    sb.append("fix:\n");
    for (String f : r.fix()) {
      sb.append("    ").append(f).append('\n');
    }
    sb.append("\ndocs: ").append(r.docs()).append('\n');
    return sb.toString();
  }

  public static String json(List<Rule> rules) {
    ArrayNode arr = Json.mapper().createArrayNode();
    for (Rule r : rules) {
      ObjectNode o = arr.addObject();
      o.put("id", r.id());
      o.put("name", r.name());
      o.put("title", r.title());
      o.put("severity", r.severity().word());
      if (r.level() == null) {
        o.putNull("level");
      } else {
        o.put("level", r.level());
      }
      ArrayNode t = o.putArray("unitTypes");
      r.unitTypes().forEach(t::add);
      o.set("check", r.check());
      o.put("message", r.message());
      o.put("rationale", r.rationale());
      ArrayNode f = o.putArray("fix");
      r.fix().forEach(f::add);
      o.put("docs", r.docs());
      o.put("family", r.family());
    }
    return Json.write(arr);
  }
}
