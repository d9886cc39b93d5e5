package dev.unitaudit.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.unitaudit.model.Effective;
import dev.unitaudit.model.Setting;
import dev.unitaudit.model.Unit;
import dev.unitaudit.model.UnitStatus;
import dev.unitaudit.syntax.Diagnostic;
import java.util.List;

/** Renders {@code unitaudit cat}: the merged unit with provenance, as text or JSON. */
public final class CatRenderer {

  private CatRenderer() {}

  public static String text(List<Unit> units) {
    StringBuilder sb = new StringBuilder();
    for (Unit u : units) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append("# unit: ").append(TextSafety.clean(u.id()));
      if (!u.aliases().isEmpty()) {
        sb.append(" (also: ").append(TextSafety.clean(String.join(", ", u.aliases()))).append(')');
      }
      sb.append('\n');
      sb.append("# status: ").append(u.status().word()).append('\n');
      if (u.fragment() != null) {
        sb.append("# fragment: ").append(TextSafety.clean(u.fragment())).append('\n');
      }
      int i = 1;
      for (String d : u.dropins()) {
        sb.append("# drop-in ").append(i++).append(": ").append(TextSafety.clean(d)).append('\n');
      }
      for (String s : u.shadowed()) {
        sb.append("# shadowed (not applied): ").append(TextSafety.clean(s)).append('\n');
      }
      for (Diagnostic d : u.diagnostics()) {
        sb.append("# ")
            .append(d.severity().name().toLowerCase(java.util.Locale.ROOT))
            .append(": ")
            .append(TextSafety.clean(d.toString()))
            .append('\n');
      }
      if (u.status() == UnitStatus.MASKED) {
        sb.append("# masked: systemd will not load or start this unit\n");
        continue;
      }
      if (u.status() == UnitStatus.NOT_FOUND) {
        continue;
      }
      for (String section : u.type().sections()) {
        boolean header = false;
        for (Effective e : u.effective().values()) {
          if (!e.section().equals(section)) {
            continue;
          }
          if (!header) {
            sb.append('\n').append('[').append(section).append("]\n");
            header = true;
          }
          for (Setting s : e.settings()) {
            sb.append(TextSafety.clean(e.key()))
                .append('=')
                .append(TextSafety.clean(s.value()))
                .append("    # ")
                .append(TextSafety.clean(s.location()))
                .append('\n');
          }
        }
      }
    }
    return sb.toString();
  }

  public static String json(List<Unit> units) {
    ObjectMapper om = Json.mapper();
    ArrayNode arr = om.createArrayNode();
    for (Unit u : units) {
      ObjectNode o = arr.addObject();
      o.put("unit", u.id());
      ArrayNode al = o.putArray("aliases");
      u.aliases().forEach(al::add);
      o.put("status", u.status().word());
      o.put("fragment", u.fragment());
      ArrayNode di = o.putArray("dropins");
      u.dropins().forEach(di::add);
      ArrayNode sh = o.putArray("shadowed");
      u.shadowed().forEach(sh::add);
      ArrayNode st = o.putArray("settings");
      for (Effective e : u.effective().values()) {
        for (Setting s : e.settings()) {
          ObjectNode so = st.addObject();
          so.put("section", e.section());
          so.put("key", e.key());
          so.put("value", s.value());
          so.put("file", s.file());
          so.put("line", s.line());
        }
      }
      ArrayNode dg = o.putArray("diagnostics");
      for (Diagnostic d : u.diagnostics()) {
        ObjectNode dn = dg.addObject();
        dn.put("file", d.file());
        dn.put("line", d.line());
        dn.put("severity", d.severity().name().toLowerCase(java.util.Locale.ROOT));
        dn.put("message", d.message());
      }
    }
    return Json.write(arr);
  }
}
