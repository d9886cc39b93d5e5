package dev.unitaudit.score;

/** systemd-analyze security's verdict bands, highest first (exposure in tenths). */
public enum Rating {
  DANGEROUS(100, "🤢", ":-["),
  UNSAFE(90, "😨", ":-{"),
  EXPOSED(75, "🙁", ":-("),
  MEDIUM(50, "😐", ":-|"),
  OK(10, "🙂", ":-)"),
  SAFE(1, "😀", ":-}"),
  PERFECT(0, "😇", ":-]");

  private final int from;
  private final String emoji;
  private final String ascii;

  Rating(int from, String emoji, String ascii) {
    this.from = from;
    this.emoji = emoji;
    this.ascii = ascii;
  }

  /** The first band whose lower limit the exposure reaches. */
  public static Rating of(long exposureTenths) {
    for (Rating r : values()) {
      if (exposureTenths >= r.from) {
        return r;
      }
    }
    return PERFECT;
  }

  public String emoji() {
    return emoji;
  }

  public String ascii() {
    return ascii;
  }

  /** Whether systemd colours it red (DANGEROUS, UNSAFE), yellow (EXPOSED), green, or not at all. */
  public String colour() {
    return switch (this) {
      case DANGEROUS, UNSAFE -> "red";
      case EXPOSED -> "yellow";
      case MEDIUM -> "";
      default -> "green";
    };
  }
}
