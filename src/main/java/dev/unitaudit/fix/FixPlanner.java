package dev.unitaudit.fix;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unitaudit.model.Setting;
import dev.unitaudit.model.Unit;
import dev.unitaudit.model.Values;
import dev.unitaudit.result.Finding;
import dev.unitaudit.rules.Rule;
import dev.unitaudit.rules.RuleCatalog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a unit's open findings into the lines of a drop-in. Ladder findings (level ≤ N) are closed
 * with their rule's fix; outside the ladder only rules marked {@code fixSafe} are, and only by
 * adding keys the unit does not set. Every setting passes the safety checks of {@link Hazards} and
 * {@link WritablePaths} first; a rule whose fix may break the unit is skipped with the reason.
 */
public final class FixPlanner {

  private static final Pattern HEADER = Pattern.compile("\\[[A-Za-z]+\\]");
  private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z][A-Za-z0-9]*=[^\\p{Cntrl}]*");

  private final RuleCatalog catalog;
  private final boolean aggressive;
  private final HomeDirs homes;

  /**
   * What each setting a fix writes may break, from the rules' {@code fixWarnings} ({@code Key} or
   * {@code Key=value}); the first rule in id order that warns about a setting says it.
   */
  private final Map<String, String> warnings = new LinkedHashMap<>();

  public FixPlanner(RuleCatalog catalog, boolean aggressive, HomeDirs homes) {
    this.catalog = catalog;
    for (Rule r : catalog.all()) {
      r.fixWarnings().forEach(warnings::putIfAbsent);
    }
    this.aggressive = aggressive;
    this.homes = homes;
  }

  /** The plan for {@code u} given its open (unsuppressed, in-scope) findings. */
  public FixPlan plan(Unit u, List<Finding> open) {
    return plan(u, open, Map.of());
  }

  /**
   * As {@link #plan(Unit, List)}, leaving the rules of {@code refused} open for the reason given.
   */
  public FixPlan plan(Unit u, List<Finding> open, Map<String, String> refused) {
    Builder b = new Builder(u);
    Map<String, Rule> rules = new LinkedHashMap<>();
    open.stream()
        .sorted(Comparator.comparing(Finding::rule))
        .forEach(f -> catalog.find(f.rule()).ifPresent(r -> rules.putIfAbsent(r.id(), r)));
    List<Rule> deferred = new ArrayList<>();
    for (Rule r : rules.values()) {
      if (r.level() == null && !r.fixSafe()) {
        continue; // outside the ladder and not known to be harmless: not ours to change
      }
      if (refused.containsKey(r.id())) {
        b.skip(r, refused.get(r.id()));
        continue;
      }
      if ("writable-paths".equals(r.kind())) {
        deferred.add(r);
        continue;
      }
      if ("broad-paths".equals(r.kind())) {
        String where =
            open.stream()
                .filter(f -> f.rule().equals(r.id()))
                .map(f -> f.file() + ":" + f.line())
                .distinct()
                .reduce((x, y) -> x + ", " + y)
                .orElse("?");
        b.skip(
            r,
            "a broad writable path is declared ("
                + where
                + "); narrowing it needs to know where the"
                + " service writes, which the unit does not say");
        continue;
      }
      List<String[]> lines = plain(r.fix());
      if (lines == null) {
        b.skip(r, "its fix needs a human decision: " + String.join(" ", r.fix()));
        continue;
      }
      if (lines.stream().anyMatch(l -> l[1].equals("ProtectSystem"))) {
        deferred.add(0, r);
        continue;
      }
      apply(b, r, lines);
    }
    for (Rule r : deferred) {
      if ("writable-paths".equals(r.kind())) {
        writablePaths(b, r);
      } else {
        protectSystem(b, r, plain(r.fix()));
      }
    }
    return b.build();
  }

  private void apply(Builder b, Rule r, List<String[]> lines) {
    Unit u = b.unit;
    Set<String> checked = checkedKeys(r);
    List<String[]> out = new ArrayList<>();
    for (String[] l : lines) {
      String section = l[0];
      String key = l[1];
      String value = l[2];
      Optional<String> refuse = refusal(u, key);
      if (refuse.isPresent()) {
        b.skip(r, key + "=" + value + " " + refuse.get());
        return;
      }
      if (key.equals("ProtectHome")) {
        HomeUse use = homeUse(u);
        if (use.refuse != null) {
          b.skip(r, "ProtectHome= " + use.refuse);
          return;
        }
        if (use.readOnly != null) {
          value = "read-only";
        }
      }
      Optional<Setting> current = u.scalar(section, key);
      if (current.isPresent()) {
        if (r.level() == null || !checked.contains(key)) {
          continue; // set by the vendor or admin and not what the rule checks: left alone
        }
        if (current.get().value().equals(value)) {
          continue;
        }
      }
      out.add(new String[] {section, key, value});
    }
    for (String[] l : out) {
      b.add(r, l[0], l[1], l[2], warnings(u, l[1], l[2]));
    }
  }

  private void protectSystem(Builder b, Rule r, List<String[]> lines) {
    Unit u = b.unit;
    Optional<String> session = Hazards.sessionSpawner(u);
    if (session.isPresent()) {
      b.skip(
          r, "ProtectSystem=strict: " + session.get() + ", which would inherit a read-only system");
      return;
    }
    WritablePaths.Result wp = WritablePaths.analyse(u, b.privateTmp(), false, true);
    if (!wp.broad().isEmpty()) {
      b.skip(
          r,
          "ProtectSystem=strict would make read-only what the service writes: "
              + describe(wp.broad())
              + " — declaring it would need a broad ReadWritePaths= (UA1006)");
      return;
    }
    List<String> notes = new ArrayList<>();
    if (!b.privateTmp()) {
      notes.add(
          "PrivateTmp= is off, so /tmp and /var/tmp are declared writable to keep them usable");
      b.add(r, "Service", "ReadWritePaths", "-/tmp -/var/tmp", notes);
    }
    // needs with the same reason (the conventional directories) share one line
    Map<String, List<String>> byWhy = new LinkedHashMap<>();
    for (WritablePaths.Need n : wp.missing()) {
      byWhy.computeIfAbsent(n.why(), x -> new ArrayList<>()).add("-" + quote(n.declare()));
    }
    for (Map.Entry<String, List<String>> e : byWhy.entrySet()) {
      b.add(
          r,
          "Service",
          "ReadWritePaths",
          String.join(" ", e.getValue()),
          List.of(e.getKey(), warnings.get("ReadWritePaths")));
    }
    for (String[] l : lines) {
      if (l[1].equals("ProtectSystem")) {
        List<String> w = new ArrayList<>();
        u.scalar("Service", "ProtectSystem")
            .filter(s -> !appliesLater(u, s))
            .ifPresent(
                s -> w.add("replaces ProtectSystem=" + s.value() + " (" + s.location() + ")"));
        w.add(warnings.get("ProtectSystem"));
        b.add(r, l[0], l[1], l[2], w);
      }
    }
  }

  private void writablePaths(Builder b, Rule r) {
    Unit u = b.unit;
    WritablePaths.Result wp = WritablePaths.analyse(u, b.privateTmp(), true);
    if (!wp.broad().isEmpty()) {
      b.skip(
          r,
          "the service writes "
              + describe(wp.broad())
              + "; declaring that would need a broad ReadWritePaths= (UA1006)");
      return;
    }
    for (WritablePaths.Need n : wp.missing()) {
      b.add(
          r,
          "Service",
          "ReadWritePaths",
          "-" + quote(n.declare()),
          List.of(n.why(), warnings.get("ReadWritePaths")));
    }
  }

  /** Why a setting must not be added to this unit at all, or empty. */
  private Optional<String> refusal(Unit u, String key) {
    switch (key) {
      case "NoNewPrivileges":
        {
          Optional<String> s = Hazards.sessionSpawner(u);
          if (s.isPresent()) {
            return Optional.of("would break sudo/su in users' sessions: " + s.get());
          }
          Optional<String> p = Hazards.runs(u, Hazards.PRIVILEGE_CHANGERS, true);
          return p.map(x -> "would break the " + x + " the unit runs (it relies on setuid)");
        }
      case "PrivateTmp":
      case "ProtectHome":
        return Hazards.sessionSpawner(u)
            .map(s -> "would hide users' files from their own sessions: " + s);
      case "MemoryDenyWriteExecute":
        {
          Optional<String> s = Hazards.sessionSpawner(u);
          if (s.isPresent()) {
            return Optional.of(
                "users' login sessions would inherit it (every JIT they run would crash): "
                    + s.get());
          }
          if (aggressive) {
            return Optional.empty();
          }
          return Hazards.jitRuntime(u)
              .map(
                  j ->
                      "would crash the JIT runtime ExecStart= runs ("
                          + j
                          + "); --aggressive adds it anyway");
        }
      case "PrivateDevices":
      case "ProtectKernelTunables":
      case "ProtectControlGroups":
      case "RestrictRealtime":
      case "RestrictSUIDSGID":
        // level 3 sandboxes the process tree, and here that tree is users' sessions (a getty
        // without its tty, root's sysctl and cgroup tools read-only, no realtime audio)
        return Hazards.sessionSpawner(u)
            .map(s -> "users' login sessions would inherit " + key + "=: " + s);
      default:
        return Optional.empty();
    }
  }

  private record HomeUse(String readOnly, String refuse) {}

  /** How the unit visibly uses home directories. */
  private HomeUse homeUse(Unit u) {
    Optional<String> server = Hazards.runs(u, Hazards.HOME_SERVERS, false);
    if (server.isPresent()) {
      return new HomeUse(
          null, "would break " + server.get() + ", which serves files in users' home directories");
    }
    for (Setting s : u.list("Service", "ReadWritePaths")) {
      if (mentionsHome(s.value())) {
        return new HomeUse(
            null, "would hide ReadWritePaths=" + s.value() + " (" + s.location() + ")");
      }
    }
    Optional<Setting> user = u.scalar("Service", "User");
    if (user.isPresent() && homes != null) {
      String home = homes.home(user.get().value());
      if (home != null && mentionsHome(home)) {
        return new HomeUse(
            null,
            "would hide the home directory "
                + home
                + " of User="
                + user.get().value()
                + ", where it may keep its files");
      }
    }
    Optional<String> reader = Hazards.runs(u, Hazards.HOME_READERS, false);
    if (reader.isPresent()) {
      return new HomeUse(reader.get() + " reads users' files (~/.forward, ~/public_html)", null);
    }
    for (var e : u.effective().values()) {
      if (!e.section().equals("Service") || e.key().equals("ProtectHome")) {
        continue;
      }
      for (Setting s : e.settings()) {
        if (mentionsHome(s.value())
            || (e.key().equals("WorkingDirectory") && s.value().replace("-", "").startsWith("~"))) {
          return new HomeUse(e.key() + "=" + s.value() + " (" + s.location() + ")", null);
        }
      }
    }
    return new HomeUse(null, null);
  }

  private static boolean mentionsHome(String v) {
    return Pattern.compile("(^|[\\s=:\"'-])(/home|/root|/run/user)(/|\\s|$|\")").matcher(v).find();
  }

  private List<String> warnings(Unit u, String key, String value) {
    List<String> w = new ArrayList<>();
    u.scalar(key.startsWith("StartLimit") ? "Unit" : "Service", key)
        .filter(s -> !appliesLater(u, s))
        .ifPresent(s -> w.add("replaces " + key + "=" + s.value() + " (" + s.location() + ")"));
    if (key.equals("ProtectHome")) {
      w.add(warnings.get("ProtectHome=" + value));
      if (value.equals("read-only")) {
        HomeUse use = homeUse(u);
        if (use.readOnly != null) {
          w.add("read-only rather than yes because " + use.readOnly);
        }
      }
    } else if (warnings.containsKey(key)) {
      w.add(warnings.get(key));
    }
    if (key.equals("MemoryDenyWriteExecute")) {
      Hazards.jitRuntime(u)
          .ifPresent(j -> w.add("added by --aggressive although ExecStart= runs " + j));
    }
    return w;
  }

  /**
   * Whether a setting comes from a drop-in applied after the fix's own (reported as an override
   * instead).
   */
  static boolean appliesLater(Unit u, Setting s) {
    return u.dropins().contains(s.file())
        && Fixer.basename(s.file()).compareTo(Fixer.FILE_NAME) > 0;
  }

  private static String describe(List<WritablePaths.Need> needs) {
    List<String> parts = new ArrayList<>();
    for (WritablePaths.Need n : needs) {
      parts.add(n.path() + " (" + n.why() + ")");
    }
    return String.join(", ", parts);
  }

  private static String quote(String path) {
    return path.matches(".*[\\s\"'\\\\].*")
        ? "\"" + path.replace("\\", "\\\\").replace("\"", "\\\"") + "\""
        : path;
  }

  /** The fix as (section, key, value) triples, or null when it is not plain directives. */
  static List<String[]> plain(List<String> fix) {
    List<String[]> out = new ArrayList<>();
    String section = null;
    for (String line : fix) {
      String l = line.trim();
      if (HEADER.matcher(l).matches()) {
        section = l.substring(1, l.length() - 1);
      } else if (ASSIGNMENT.matcher(l).matches() && section != null) {
        int eq = l.indexOf('=');
        out.add(new String[] {section, l.substring(0, eq), l.substring(eq + 1)});
      } else {
        return null;
      }
    }
    return out.isEmpty() ? null : out;
  }

  private static Set<String> checkedKeys(Rule r) {
    Set<String> keys = new LinkedHashSet<>();
    JsonNode c = r.check();
    if (c != null) {
      if (c.hasNonNull("key")) {
        keys.add(c.get("key").asText());
      }
      if (c.has("keys")) {
        c.get("keys").forEach(k -> keys.add(k.asText()));
      }
    }
    return keys;
  }

  /** Collects lines (merging equal ones), skips and closed rules. */
  private static final class Builder {
    final Unit unit;
    final Map<String, FixPlan.Line> lines = new LinkedHashMap<>();
    final Map<String, FixPlan.Skipped> skipped = new LinkedHashMap<>();
    final Set<String> closes = new LinkedHashSet<>();
    final Map<String, List<String>> pendingByRule = new LinkedHashMap<>();

    Builder(Unit unit) {
      this.unit = unit;
    }

    void add(Rule r, String section, String key, String value, List<String> warnings) {
      String label = r.id() + " " + r.name() + ": " + r.title();
      String k = section + "." + key + "=" + value;
      FixPlan.Line old = lines.get(k);
      if (old == null) {
        lines.put(
            k,
            new FixPlan.Line(
                section, key, value, new ArrayList<>(List.of(label)), new ArrayList<>(warnings)));
      } else {
        if (!old.rules().contains(label)) {
          old.rules().add(label);
        }
        warnings.stream().filter(w -> !old.warnings().contains(w)).forEach(old.warnings()::add);
      }
      if (!skipped.containsKey(r.id())) {
        closes.add(r.id());
      }
      pendingByRule.computeIfAbsent(r.id(), x -> new ArrayList<>()).add(k);
    }

    void skip(Rule r, String reason) {
      skipped.put(r.id(), new FixPlan.Skipped(r.id() + " " + r.name(), reason));
      closes.remove(r.id());
      // a rule is closed whole or not at all: drop lines added only for it
      for (String k : pendingByRule.getOrDefault(r.id(), List.of())) {
        FixPlan.Line l = lines.get(k);
        if (l != null) {
          l.rules().removeIf(x -> x.startsWith(r.id() + " "));
          if (l.rules().isEmpty()) {
            lines.remove(k);
          }
        }
      }
    }

    /** Whether PrivateTmp=yes is in effect once the lines so far apply. */
    boolean privateTmp() {
      if (lines.containsKey("Service.PrivateTmp=yes")) {
        return true;
      }
      if (unit.bool("Service", "DynamicUser").orElse(false)) {
        return true;
      }
      return unit.string("Service", "PrivateTmp").map(Values::parseBoolean).orElse(false)
          == Boolean.TRUE;
    }

    FixPlan build() {
      List<FixPlan.Line> ordered = new ArrayList<>();
      for (String section : List.of("Unit", "Service")) {
        lines.values().stream().filter(l -> l.section().equals(section)).forEach(ordered::add);
      }
      lines.values().stream()
          .filter(l -> !l.section().equals("Unit") && !l.section().equals("Service"))
          .forEach(ordered::add);
      return new FixPlan(List.copyOf(ordered), List.copyOf(skipped.values()), List.copyOf(closes));
    }
  }
}
