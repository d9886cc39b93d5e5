package dev.unitaudit.score;

import java.util.List;

/** The exposure of one unit: the rows in systemd's evaluation order, the total and the rating. */
public record SecurityAssessment(List<CheckRow> rows, long exposureTenths, Rating rating) {

  /** The total as systemd prints it: {@code 9.6}. */
  public String exposureText() {
    return tenths(exposureTenths);
  }

  public static String tenths(long t) {
    return t / 10 + "." + t % 10;
  }
}
