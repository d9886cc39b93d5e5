package dev.unitaudit.check;

import dev.unitaudit.model.Setting;
import dev.unitaudit.model.Unit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code writable-paths}: a service that visibly writes files must declare where, with at least one
 * of the {@code declaredBy} settings (ReadWritePaths=, StateDirectory=, …). "Visibly writes" means
 * {@code StandardOutput=}/{@code StandardError=} to {@code append:}, {@code file:} or {@code
 * truncate:} a path, or a {@code PIDFile=}. The hit points at the first such assignment.
 */
public final class WritablePathsCheck implements CheckKind<WritablePathsCheck.Params> {

  /** Parameters: the list settings any one of which declares a writable path. */
  public record Params(List<String> declaredBy) {}

  private static final List<String> FILE_OUTPUTS = List.of("append:", "file:", "truncate:");

  @Override
  public String name() {
    return "writable-paths";
  }

  @Override
  public Class<Params> paramsType() {
    return Params.class;
  }

  @Override
  public void validate(Params p) {
    if (p.declaredBy() == null || p.declaredBy().isEmpty()) {
      throw new IllegalArgumentException("writable-paths needs a non-empty declaredBy list");
    }
  }

  @Override
  public List<Hit> evaluate(CheckContext ctx, Params p) {
    Unit u = ctx.unit();
    String section = u.type().typeSection();
    for (String k : p.declaredBy()) {
      if (u.list(section, k).stream().anyMatch(s -> !s.value().isBlank())) {
        return Checks.none();
      }
    }
    List<Map.Entry<String, Setting>> writes = new ArrayList<>();
    for (String k : List.of("StandardOutput", "StandardError", "PIDFile")) {
      Optional<Setting> s = u.scalar(section, k);
      if (s.isPresent() && writtenPath(k, s.get().value()) != null) {
        writes.add(Map.entry(k, s.get()));
      }
    }
    if (writes.isEmpty()) {
      return Checks.none();
    }
    writes.sort(
        Comparator.comparing((Map.Entry<String, Setting> e) -> e.getValue().file())
            .thenComparingInt(e -> e.getValue().line()));
    Map.Entry<String, Setting> first = writes.get(0);
    Map<String, String> v =
        new HashMap<>(Checks.values(first.getKey(), Optional.of(first.getValue())));
    v.put("path", writtenPath(first.getKey(), first.getValue().value()));
    v.put("declaredBy", String.join("=, ", p.declaredBy()) + "=");
    String[] decl = declaration(v.get("path"));
    Hit hit = Hit.at(first.getValue().origin(), v);
    return List.of(
        p.declaredBy().contains(decl[0])
            ? hit.withFix(
                dev.unitaudit.result.Fix.of(
                    dev.unitaudit.result.FixKind.DROPIN,
                    List.of("[Service]", decl[0] + "=" + decl[1])))
            : hit);
  }

  /** Where systemd manages such directories itself, and the setting that declares one there. */
  private static final String[][] MANAGED = {
    {"/run/", "RuntimeDirectory"},
    {"/var/log/", "LogsDirectory"},
    {"/var/lib/", "StateDirectory"},
    {"/var/cache/", "CacheDirectory"}
  };

  /**
   * The declaration for a written file: the directory setting for the directory it is in when that
   * lies below /run, /var/log, /var/lib or /var/cache (PIDFile=/run/app/app.pid is
   * RuntimeDirectory=app), else ReadWritePaths= of that directory ("-": skipped when missing), or
   * of the file alone when the directory is a top-level one.
   */
  static String[] declaration(String path) {
    int slash = path.lastIndexOf('/');
    String dir = slash <= 0 ? "/" : path.substring(0, slash);
    for (String[] m : MANAGED) {
      if (dir.startsWith(m[0]) && dir.length() > m[0].length()) {
        return new String[] {m[1], dir.substring(m[0].length())};
      }
    }
    // a top-level directory or one of the managed ones would open far more than the file: name the
    // file
    boolean broad =
        dir.chars().filter(c -> c == '/').count() < 2
            || List.of("/var/log", "/var/lib", "/var/cache").contains(dir);
    return new String[] {"ReadWritePaths", "-" + (broad ? path : dir)};
  }

  /** The path a setting writes to, or null when it writes none. */
  static String writtenPath(String key, String value) {
    if ("PIDFile".equals(key)) {
      return value.isBlank() ? null : value;
    }
    for (String prefix : FILE_OUTPUTS) {
      if (value.startsWith(prefix) && value.length() > prefix.length()) {
        return value.substring(prefix.length());
      }
    }
    return null;
  }
}
