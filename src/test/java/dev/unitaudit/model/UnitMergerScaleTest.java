package dev.unitaudit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.unitaudit.syntax.Assignment;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * The merge path is linear in the number of assignments (issue 16: a unit of 200,000 Environment=
 * lines took 110 s because every assignment copied the list). Checked by counting the merger's
 * writes and by the bytes one merge allocates, never by time.
 */
class UnitMergerScaleTest {

  private static List<Assignment> unit(int n, IntFunction<Assignment> line) {
    List<Assignment> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(line.apply(i));
    }
    return out;
  }

  private static Assignment env(int i) {
    return new Assignment("Service", "Environment", "K" + i + "=v", "x.service", i + 1);
  }

  @Test
  void aListOfNAssignmentsCostsTwoWritesEach() {
    for (int n : new int[] {1, 1_000, 64_000}) {
      UnitMerger m = new UnitMerger();
      Map<String, Effective> e = m.fold(unit(n, UnitMergerScaleTest::env));
      List<Setting> env = e.get("Service.Environment").settings();
      assertEquals(n, env.size());
      assertEquals("K0=v", env.get(0).value());
      assertEquals("x.service:" + n, env.get(n - 1).location());
      // one append and one copy into the frozen list per assignment
      assertEquals(2L * n, m.writes(), "writes for " + n + " assignments");
    }
  }

  @Test
  void resetsKeepTheWorkLinearAndTheOrderSystemdHas() {
    int n = 10_000;
    UnitMerger m = new UnitMerger();
    Map<String, Effective> e =
        m.fold(
            unit(
                n,
                i ->
                    i % 2 == 1
                        ? new Assignment("Service", "Environment", "", "x.service", i + 1)
                        : env(i)));
    // every odd line is an empty Environment= and the last line is odd: the list ends reset
    assertEquals(null, e.get("Service.Environment"));
    assertTrue(m.writes() <= n, "writes " + m.writes());
  }

  @Test
  void scalarsAndListsInterleavedKeepLastSetOrder() {
    List<Assignment> in =
        List.of(
            new Assignment("Service", "User", "a", "x.service", 1),
            env(1),
            new Assignment("Service", "User", "b", "x.service", 3),
            env(3));
    Map<String, Effective> e = new UnitMerger().fold(in);
    assertEquals(List.of("Service.Environment", "Service.User"), List.copyOf(e.keySet()));
    assertEquals("b", e.get("Service.User").last().value());
    assertEquals(2, e.get("Service.Environment").settings().size());
  }

  /**
   * What a merge allocates grows in proportion to the input: four times the lines, at most five
   * times the bytes (a list copied on every assignment made it sixteen).
   */
  @Test
  void allocationGrowsInProportionToTheInput() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    List<Assignment> small = unit(4_000, UnitMergerScaleTest::env);
    List<Assignment> large = unit(16_000, UnitMergerScaleTest::env);
    UnitMerger.merge(small); // load and initialise what the first merge needs
    long id = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(id);
    UnitMerger.merge(small);
    long mid = threads.getThreadAllocatedBytes(id);
    UnitMerger.merge(large);
    long after = threads.getThreadAllocatedBytes(id);
    long smallBytes = mid - before;
    long largeBytes = after - mid;
    assertTrue(
        largeBytes <= 5 * smallBytes,
        "merging 16,000 lines allocated " + largeBytes + " bytes, 4,000 lines " + smallBytes);
  }
}
