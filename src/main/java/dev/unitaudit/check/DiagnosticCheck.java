package dev.unitaudit.check;

import dev.unitaudit.syntax.Diagnostic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code diagnostic}: turns what loading the unit said (systemd's own warnings and errors, plus
 * ours) into findings, selected by category (unknown-key, invalid-value, refused…). The
 * diagnostic's message becomes {@code ${detail}}; the fix is computed from the line ({@link
 * DiagnosticFixes}).
 */
public final class DiagnosticCheck implements CheckKind<DiagnosticCheck.Params> {

  /** Parameters: the diagnostic categories this rule reports. */
  public record Params(List<String> categories) {}

  @Override
  public String name() {
    return "diagnostic";
  }

  @Override
  public Class<Params> paramsType() {
    return Params.class;
  }

  @Override
  public void validate(Params p) {
    if (p.categories() == null || p.categories().isEmpty()) {
      throw new IllegalArgumentException("diagnostic needs a non-empty categories list");
    }
    for (String c : p.categories()) {
      if (!Diagnostic.CATEGORIES.contains(c)) {
        throw new IllegalArgumentException(
            "unknown diagnostic category \""
                + c
                + "\" (known: "
                + String.join(", ", new java.util.TreeSet<>(Diagnostic.CATEGORIES))
                + ")");
      }
    }
  }

  @Override
  public List<Hit> evaluate(CheckContext ctx, Params p) {
    List<Hit> hits = new ArrayList<>();
    for (Diagnostic d : ctx.unit().diagnostics()) {
      if (p.categories().contains(d.category())) {
        Map<String, String> v = new HashMap<>();
        v.put("detail", d.message());
        hits.add(new Hit(d.file(), d.line(), v).withFix(DiagnosticFixes.of(ctx.unit(), d)));
      }
    }
    return hits;
  }
}
