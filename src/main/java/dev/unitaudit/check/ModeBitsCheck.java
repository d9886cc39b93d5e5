package dev.unitaudit.check;

import dev.unitaudit.model.Setting;
import dev.unitaudit.model.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code mode-bits}: an access-mode setting written in the unit (DirectoryMode=, SocketMode=) must
 * not grant any of the {@code forbid} bits (octal, e.g. {@code 0002}: writable by others). With
 * {@code when}, only while that boolean setting is on (DirectoryMode= of a path unit matters only
 * with MakeDirectory=yes). Unset keys are not reported: their defaults are the documented
 * behaviour, not a choice made in the unit. One hit per key, at its assignment.
 */
public final class ModeBitsCheck implements CheckKind<ModeBitsCheck.Params> {
  // compiled once: parsed for every unit a mode rule applies to
  private static final Pattern OCTAL = Pattern.compile("[0-7]{1,4}");

  /** Parameters: section (default: type section), keys, forbid (octal), when (boolean key). */
  public record Params(String section, List<String> keys, String forbid, String when) {}

  @Override
  public String name() {
    return "mode-bits";
  }

  @Override
  public Class<Params> paramsType() {
    return Params.class;
  }

  @Override
  public void validate(Params p) {
    if (p.keys() == null || p.keys().isEmpty() || p.forbid() == null || octal(p.forbid()) <= 0) {
      throw new IllegalArgumentException(
          "mode-bits needs a non-empty keys list and forbid as octal bits (\"0002\")");
    }
  }

  @Override
  public List<Hit> evaluate(CheckContext ctx, Params p) {
    Unit u = ctx.unit();
    String section = Checks.section(u, p.section());
    if (p.when() != null && !u.bool(section, p.when()).orElse(false)) {
      return Checks.none();
    }
    int forbid = octal(p.forbid());
    List<Hit> hits = new ArrayList<>();
    for (String key : p.keys()) {
      Optional<Setting> s = u.scalar(section, key);
      int mode = s.map(x -> octal(x.value())).orElse(-1);
      if (mode >= 0 && (mode & forbid) != 0) {
        Map<String, String> v = Checks.values(key, s);
        v.put("mode", String.format("%04o", mode));
        v.put(
            "allowedMode",
            String.format("%04o", mode & ~forbid)); // the same mode without the forbidden bits
        hits.add(Hit.at(s.get().origin(), v));
      }
    }
    return hits;
  }

  /** An access mode such as 0775 or 775, or -1. */
  static int octal(String s) {
    String t = s.strip();
    if (!OCTAL.matcher(t).matches()) {
      return -1;
    }
    return Integer.parseInt(t, 8);
  }
}
