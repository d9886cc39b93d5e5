package dev.unitaudit.model;

/** Whether a unit could be loaded, in the words of DESIGN.md's report. */
public enum UnitStatus {
  LOADED("loaded"),
  MASKED("masked"),
  NOT_FOUND("not-found"),
  /** systemd refuses the unit: a fatal setting, a file-level parse error, or service_verify(). */
  BAD_SETTING("bad-setting");

  private final String word;

  UnitStatus(String word) {
    this.word = word;
  }

  public String word() {
    return word;
  }
}
