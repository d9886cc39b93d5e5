package dev.unitaudit.check;

import dev.unitaudit.model.ExecCommand;
import dev.unitaudit.model.Setting;
import dev.unitaudit.model.Unit;
import dev.unitaudit.model.UnitType;
import dev.unitaudit.model.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * {@code timer-overlap}: a service started by a timer whose time limit (TimeoutStartSec= for
 * Type=oneshot, RuntimeMaxSec= otherwise) is longer than the timer's shortest interval
 * (OnCalendar=, see {@link CalendarPeriod}; OnUnitActiveSec=) must take a lock in ExecStart=: one
 * of {@code lockCommands} as the command, or as a word of an argument ({@code sh -c "flock …"}). A
 * job with no finite limit is left to the rules that ask for one. One hit per timer, at the first
 * ExecStart= in effect.
 */
public final class TimerOverlapCheck implements CheckKind<TimerOverlapCheck.Params> {
  // compiled once: these run for every unit (a regex in String.split/matches compiles each call)
  private static final Pattern WS = Pattern.compile("\\s+");

  /** Parameters: the commands that count as taking a lock (flock). */
  public record Params(List<String> lockCommands) {}

  @Override
  public String name() {
    return "timer-overlap";
  }

  @Override
  public Class<Params> paramsType() {
    return Params.class;
  }

  @Override
  public void validate(Params p) {
    if (p.lockCommands() == null || p.lockCommands().isEmpty()) {
      throw new IllegalArgumentException("timer-overlap needs a non-empty lockCommands list");
    }
  }

  @Override
  public List<Hit> evaluate(CheckContext ctx, Params p) {
    Unit u = ctx.unit();
    List<Setting> execStart = u.list("Service", "ExecStart");
    if (u.type() != UnitType.SERVICE || execStart.isEmpty() || locked(u, p.lockCommands())) {
      return Checks.none();
    }
    String limitKey = "oneshot".equals(ServiceRoles.type(u)) ? "TimeoutStartSec" : "RuntimeMaxSec";
    long limit = u.timeSpan("Service", limitKey).orElse(Values.INFINITY);
    if (limit == 0 || limit == Values.INFINITY) {
      return Checks.none();
    }
    List<Hit> hits = new ArrayList<>();
    for (Unit timer : ctx.triggeredBy()) {
      if (timer.type() != UnitType.TIMER) {
        continue;
      }
      OptionalLong interval = interval(timer);
      if (interval.isPresent() && interval.getAsLong() < limit) {
        Map<String, String> v = Checks.values("ExecStart", java.util.Optional.of(execStart.get(0)));
        v.put("limitKey", limitKey);
        v.put("limit", Values.formatTimeSpan(limit));
        v.put("timer", timer.id());
        v.put("interval", Values.formatTimeSpan(interval.getAsLong()));
        hits.add(
            Hit.at(execStart.get(0).origin(), v).withFix(fix(execStart, p.lockCommands().get(0))));
      }
    }
    return hits;
  }

  private static final Pattern PREFIXES = Pattern.compile("([-+!:@]*)(.*)");

  /**
   * ExecStart= again under {@code /usr/bin/LOCK -n /run/lock/%N.lock}, prefixes kept in front.
   * Several commands, or an {@code @} prefix (which renames argv[0]), cannot be wrapped line by
   * line: then the fix says what to do.
   */
  static dev.unitaudit.result.Fix fix(List<Setting> execStart, String lock) {
    Setting s = execStart.get(0);
    java.util.regex.Matcher m = PREFIXES.matcher(s.value().strip());
    if (execStart.size() > 1 || !m.matches() || m.group(1).contains("@") || m.group(2).isEmpty()) {
      return LineFix.manual(
          s.origin().location()
              + ": run the whole job under one lock, e.g. ExecStart=/usr/bin/"
              + lock
              + " -n /run/lock/%N.lock followed by a script that runs its commands, or bring the"
              + " time limit below the timer's interval");
    }
    return dev.unitaudit.result.Fix.of(
        dev.unitaudit.result.FixKind.DROPIN,
        List.of(
            "[Service]",
            "ExecStart=",
            "ExecStart="
                + m.group(1)
                + "/usr/bin/"
                + lock
                + " -n /run/lock/%N.lock "
                + m.group(2)));
  }

  /** The shortest period of a timer's repeating triggers (OnCalendar=, OnUnitActiveSec=). */
  static OptionalLong interval(Unit timer) {
    long best = Long.MAX_VALUE;
    for (Setting s : timer.list("Timer", "OnCalendar")) {
      OptionalLong p = CalendarPeriod.of(s.value());
      best = Math.min(best, p.orElse(Long.MAX_VALUE));
    }
    for (Setting s : timer.list("Timer", "OnUnitActiveSec")) {
      OptionalLong p = Values.parseTimeSpan(s.value());
      if (p.isPresent() && p.getAsLong() > 0) {
        best = Math.min(best, p.getAsLong());
      }
    }
    return best == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(best);
  }

  private static boolean locked(Unit u, List<String> lockCommands) {
    for (ExecCommand c : u.exec("ExecStart")) {
      List<String> words = new ArrayList<>();
      words.add(c.path());
      c.argv().forEach(a -> words.addAll(List.of(WS.split(a.trim()))));
      for (String w : words) {
        if (lockCommands.contains(w.substring(w.lastIndexOf('/') + 1))) {
          return true;
        }
      }
    }
    return false;
  }
}
