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
 * {@code writable-paths}: a service that visibly writes files must declare where, with at least
 * one of the {@code declaredBy} settings (ReadWritePaths=, StateDirectory=, …). "Visibly writes"
 * means {@code StandardOutput=}/{@code StandardError=} to {@code append:}, {@code file:} or
 * {@code truncate:} a path, or a {@code PIDFile=}. The hit points at the first such assignment.
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
    writes.sort(Comparator.comparing((Map.Entry<String, Setting> e) -> e.getValue().file())
        .thenComparingInt(e -> e.getValue().line()));
    Map.Entry<String, Setting> first = writes.get(0);
    Map<String, String> v = new HashMap<>(Checks.values(first.getKey(), Optional.of(first.getValue())));
    v.put("path", writtenPath(first.getKey(), first.getValue().value()));
    v.put("declaredBy", String.join("=, ", p.declaredBy()) + "=");
    return List.of(Hit.at(first.getValue().origin(), v));
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
