package dev.unitaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** COLUMNS is taken as systemd takes it: a positive decimal integer, else ignored. */
class TerminalInfoTest {

  @Test
  void columnsIsAPositiveInteger() {
    assertEquals(80, TerminalInfo.columns("80"));
    assertEquals(100, TerminalInfo.columns("100"));
    for (String bad : new String[] {null, "", "0", "-1", "80x", " 80", "8.0", "abc", "9999999"}) {
      assertNull(TerminalInfo.columns(bad), bad);
    }
  }
}
