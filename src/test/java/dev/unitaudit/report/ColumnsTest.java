package dev.unitaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Terminal columns and the ellipsis, as systemd-analyze's tables cut cells. */
class ColumnsTest {

  @Test
  void countsColumnsAsATerminalDoes() {
    assertEquals(5, Columns.width("abcde"));
    assertEquals(2, Columns.width("😨"), "an emoji takes two columns");
    assertEquals(4, Columns.width("日本"), "so do wide scripts");
    assertEquals(4, Columns.width("cafe\u0301"), "a combining accent takes none");
    assertEquals(1, Columns.width("…"));
    assertEquals(3, Columns.width("✓✗→"));
  }

  @Test
  void cutsWithAnEllipsisToExactlyTheRoom() {
    assertEquals("Service may…", Columns.cut("Service may load kernel modules", 12, true));
    assertEquals("Service m...", Columns.cut("Service may load kernel modules", 12, false));
    assertEquals("short", Columns.cut("short", 5, true), "what fits is left alone");
    assertEquals("short", Columns.cut("short", Columns.UNLIMITED, false));
    assertEquals("a…", Columns.cut("a 😨 b", 3, true), "no blank before the ellipsis");
    assertEquals(
        "ab…",
        Columns.cut("ab😨cd", 4, true),
        "a wide character that does not fit is left out whole");
    assertEquals("…", Columns.cut("abc", 1, true));
    assertEquals("..", Columns.cut("abc", 2, false));
    assertEquals("", Columns.cut("abc", 0, true));
  }

  @Test
  void padsByColumns() {
    assertEquals("😨  |", Columns.pad("😨", 4, false) + "|");
    assertEquals("  0.2", Columns.pad("0.2", 5, true));
    assertEquals("toolong", Columns.pad("toolong", 3, true));
  }
}
