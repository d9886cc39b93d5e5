package dev.unitaudit.fleet;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/** How the text, Markdown and HTML views show a summary's figures and order its units. */
public final class Figures {

  /** Host names listed in one cell before "and N more". */
  public static final int HOSTS_SHOWN = 5;

  private Figures() {}

  public static String num(BigDecimal b) {
    return b == null ? "-" : b.toPlainString();
  }

  /** Level counts as {@code 0/1/2/3}, with {@code -} for a unit the ladder does not apply to. */
  public static String levels(Summary.Levels l) {
    return l.l0() + l.l1() + l.l2() + l.l3() == 0
        ? "-"
        : l.l0() + "/" + l.l1() + "/" + l.l2() + "/" + l.l3();
  }

  /** The first few hosts, then how many more. */
  public static String hosts(List<String> hosts) {
    if (hosts.size() <= HOSTS_SHOWN) {
      return String.join(", ", hosts);
    }
    return String.join(", ", hosts.subList(0, HOSTS_SHOWN))
        + " and "
        + (hosts.size() - HOSTS_SHOWN)
        + " more";
  }

  /** Worst first: highest maximum exposure, then median, then findings, then name. */
  public static final Comparator<Summary.UnitRollup> WORST_FIRST =
      Comparator.comparing(
              (Summary.UnitRollup u) -> u.exposure().max(),
              Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()))
          .thenComparing(
              u -> u.exposure().median(),
              Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()))
          .thenComparing(u -> -u.findings().total())
          .thenComparing(Summary.UnitRollup::unit);

  /** Rules by spread: most hosts, then most findings, then id. */
  public static final Comparator<Summary.RuleRollup> WIDEST_FIRST =
      Comparator.comparing((Summary.RuleRollup r) -> -r.hosts())
          .thenComparing(r -> -r.findings())
          .thenComparing(Summary.RuleRollup::rule);

  /** One setting difference in words: each value (or unset) with its hosts. */
  public static String variants(Summary.SettingDifference d) {
    StringBuilder sb = new StringBuilder();
    for (Summary.Variant v : d.variants()) {
      sb.append(sb.length() == 0 ? "" : "; ")
          .append(v.value() == null ? "unset" : "\"" + v.value().replace("\n", "\\n") + "\"")
          .append(" on ")
          .append(hosts(v.hosts()));
    }
    return sb.toString();
  }

  /** One drop-in difference in words. */
  public static String dropins(List<Summary.DropinVariant> variants) {
    StringBuilder sb = new StringBuilder();
    for (Summary.DropinVariant v : variants) {
      sb.append(sb.length() == 0 ? "" : "; ")
          .append(v.dropins().isEmpty() ? "none" : String.join(" + ", v.dropins()))
          .append(" on ")
          .append(hosts(v.hosts()));
    }
    return sb.toString();
  }

  /** What differs, in a few words: the setting names and whether the drop-ins do. */
  public static String configBrief(Summary.Config c) {
    if (!c.differs()) {
      return c.settingsHosts() == 0 ? "same drop-ins" : "same";
    }
    StringBuilder sb = new StringBuilder("differs:");
    if (!c.dropins().isEmpty()) {
      sb.append(" drop-ins");
    }
    for (Summary.SettingDifference d : c.settings()) {
      sb.append(sb.charAt(sb.length() - 1) == ':' ? " " : ", ").append(d.key()).append('=');
    }
    return sb.toString();
  }

  /** A change line: {@code unit nginx.service maxExposure 5.0 -> 9.2}. */
  public static String change(Summary.Change c) {
    return c.kind()
        + " "
        + c.name()
        + (c.figure() == null
            ? ""
            : " " + c.figure() + " " + num(c.before()) + " -> " + num(c.after()));
  }
}
