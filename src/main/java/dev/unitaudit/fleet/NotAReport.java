package dev.unitaudit.fleet;

/** A file named as a report that is not one: unreadable, not JSON, or not valid by the schema. */
final class NotAReport extends Exception {

  private static final long serialVersionUID = 1L;

  private final String file;

  /** {@code message} starts with the file's name, as every diagnostic does. */
  NotAReport(String file, String message) {
    super(message);
    this.file = file;
  }

  String file() {
    return file;
  }
}
