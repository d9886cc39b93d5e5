package dev.unitaudit.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** The reporters by --format name; each is created only when asked for. */
public final class Reporters {

  private static final Map<String, Supplier<Reporter>> ALL = new LinkedHashMap<>();

  static {
    ALL.put("text", TextReporter::new);
    ALL.put("json", JsonReporter::new);
    ALL.put("junit", JunitReporter::new);
    ALL.put("sarif", SarifReporter::new);
    ALL.put("markdown", MarkdownReporter::new);
    ALL.put("github", GithubReporter::new);
    ALL.put("prometheus", PrometheusReporter::new);
    ALL.put("html", HtmlReporter::new); // issue 18
    // GitLab Code Quality (issue 17)
    ALL.put("codequality", CodeQualityReporter::new);
  }

  private Reporters() {}

  /** The reporter for a format, or null. */
  /** The reporter of a format name in any case ({@code JSON}, {@code Sarif}), or null. */
  public static Reporter get(String format) {
    Supplier<Reporter> s =
        format == null ? null : ALL.get(format.toLowerCase(java.util.Locale.ROOT));
    return s == null ? null : s.get();
  }

  public static Set<String> formats() {
    return ALL.keySet();
  }
}
