package dev.unitaudit.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

  @Test
  void insertionWithContext() {
    String a = "1\n2\n3\n4\n5\n6\n7\n8\n";
    String b = "1\n2\n3\n4\nnew\n5\n6\n7\n8\n";
    assertEquals(
        "--- a\n+++ b\n@@ -2,6 +2,7 @@\n 2\n 3\n 4\n+new\n 5\n 6\n 7\n",
        UnifiedDiff.diff("a", "b", a, b));
  }

  @Test
  void identicalTextsGiveNoDiff() {
    assertEquals("", UnifiedDiff.diff("a", "b", "x\ny\n", "x\ny\n"));
  }

  @Test
  void distantChangesGiveTwoHunks() {
    StringBuilder a = new StringBuilder();
    for (int i = 1; i <= 20; i++) {
      a.append(i).append('\n');
    }
    String b = a.toString().replace("2\n", "two\n").replace("19\n", "nineteen\n");
    String d = UnifiedDiff.diff("a", "b", a.toString(), b);
    assertEquals(2, d.split("@@ -", -1).length - 1, d);
  }
}
