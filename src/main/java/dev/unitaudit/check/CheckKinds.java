package dev.unitaudit.check;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The closed set of check kinds. Adding a kind means adding a class and one line here; a rules file
 * can only choose among these names.
 */
public final class CheckKinds {

  private static final Map<String, CheckKind<?>> KINDS = new LinkedHashMap<>();

  static {
    register(new BooleanSettingCheck());
    register(new OneOfCheck());
    register(new DiagnosticCheck());
    // two lists so that kinds can be added family by family without editing this file
    ServiceKinds.all().forEach(CheckKinds::register);
    OperationsKinds.all().forEach(CheckKinds::register);
  }

  private CheckKinds() {}

  private static void register(CheckKind<?> k) {
    if (KINDS.put(k.name(), k) != null) {
      throw new IllegalStateException("duplicate check kind " + k.name());
    }
  }

  /** The kind with this name, or null. */
  public static CheckKind<?> get(String name) {
    return KINDS.get(name);
  }

  public static Set<String> names() {
    return KINDS.keySet();
  }
}
