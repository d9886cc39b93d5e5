package dev.unitaudit.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.unitaudit.model.Values;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** timer-overlap, and the OnCalendar= period estimate it relies on (CalendarPeriod). */
class TimerOverlapKindTest {

  @TempDir Path root;

  private final TimerOverlapCheck kind = new TimerOverlapCheck();
  private final TimerOverlapCheck.Params flock = new TimerOverlapCheck.Params(List.of("flock"));

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "minutely|1min",
        "hourly|1h",
        "daily|1d",
        "weekly|1w",
        "monthly|28d",
        "quarterly|84d",
        "yearly|365d",
        "*:0/15|15min",
        "*:00,30|30min",
        "*:10,50|20min",
        "02:15|1d",
        "02:15 UTC|1d",
        "08..20:0/10|10min",
        "0/6:00:00|6h",
        "Mon 03:00|1w",
        "Mon..Fri 03:00|1d",
        "Sat,Sun 10:00|1d",
        "Mon-Wed *-*-* 00:00:00|1d",
        "*-*-1,15 04:00|14d",
        "*-*-* *:*:*|1s",
        "*-*-01 04:00|28d",
        "2:15:30|1d"
      })
  void calendarPeriods(String spec, String period) {
    assertEquals(Values.parseTimeSpan(period), CalendarPeriod.of(spec));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"2025-01-01 00:00", "*-*~01", "*:*:0.5", "25:00", "*:0/0", "''", "@1700000000"})
  void calendarExpressionsOutsideTheSubsetGiveNoPeriod(String spec) {
    assertEquals(OptionalLong.empty(), CalendarPeriod.of(spec));
  }

  @Test
  void hourlyTimerWithTwoHourLimitAndNoLock() {
    List<Hit> hits =
        new ServiceTestTree(root)
            .file("b.timer", "[Timer]\nOnCalendar=daily\nOnCalendar=hourly\n")
            .file("b.service", "[Service]\nType=oneshot\nExecStart=/bin/b\nTimeoutStartSec=2h\n")
            .run(kind, flock, "b.service");
    assertEquals(List.of("b.service:3"), ServiceTestTree.where(hits));
    assertEquals("1h", hits.get(0).values().get("interval"));
    assertEquals("2h", hits.get(0).values().get("limit"));
    assertEquals("TimeoutStartSec", hits.get(0).values().get("limitKey"));
    assertEquals("b.timer", hits.get(0).values().get("timer"));
  }

  @Test
  void lockInAShellCommandOrAsTheExecutableCounts() {
    ServiceTestTree t =
        new ServiceTestTree(root)
            .file("b.timer", "[Timer]\nOnUnitActiveSec=10min\n")
            .file(
                "b.service",
                "[Service]\n"
                    + "ExecStart=/bin/sh -c 'exec flock -n /run/lock/b /bin/b'\n"
                    + "RuntimeMaxSec=1h\n")
            .file("c.timer", "[Timer]\nOnUnitActiveSec=10min\n")
            .file(
                "c.service",
                "[Service]\nExecStart=-/usr/bin/flock /run/lock/c /bin/c\nRuntimeMaxSec=1h\n")
            .file("d.timer", "[Timer]\nOnUnitActiveSec=10min\n")
            .file("d.service", "[Service]\nExecStart=/usr/bin/flocker /bin/d\nRuntimeMaxSec=1h\n");
    assertEquals(List.of(), t.run(kind, flock, "b.service"));
    assertEquals(List.of(), t.run(kind, flock, "c.service"));
    assertEquals(1, t.run(kind, flock, "d.service").size());
  }

  @Test
  void theLimitThatCountsDependsOnTheType() {
    ServiceTestTree t =
        new ServiceTestTree(root)
            .file("a.timer", "[Timer]\nOnCalendar=*:0/5\n")
            // RuntimeMaxSec= does nothing for oneshot and TimeoutStartSec= is unset: no finite
            // limit
            .file("a.service", "[Service]\nType=oneshot\nExecStart=/bin/a\nRuntimeMaxSec=1h\n")
            .file("s.timer", "[Timer]\nOnCalendar=*:0/5\n")
            // TimeoutStartSec= only bounds a simple service's start-up
            .file("s.service", "[Service]\nExecStart=/bin/s\nTimeoutStartSec=1h\n");
    assertEquals(List.of(), t.run(kind, flock, "a.service"));
    assertEquals(List.of(), t.run(kind, flock, "s.service"));
  }

  @Test
  void inactiveRelativeTimersAndEqualIntervalsDoNotOverlap() {
    ServiceTestTree t =
        new ServiceTestTree(root)
            .file("a.timer", "[Timer]\nOnUnitInactiveSec=1min\nOnBootSec=1min\n")
            .file("a.service", "[Service]\nType=oneshot\nExecStart=/bin/a\nTimeoutStartSec=1h\n")
            .file("b.timer", "[Timer]\nOnCalendar=hourly\n")
            .file(
                "b.service", "[Service]\nType=oneshot\nExecStart=/bin/b\nTimeoutStartSec=60min\n");
    assertEquals(List.of(), t.run(kind, flock, "a.service"));
    assertEquals(List.of(), t.run(kind, flock, "b.service"));
  }
}
