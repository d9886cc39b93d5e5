package dev.unitaudit.load;

import dev.unitaudit.model.ExecLineParser;
import dev.unitaudit.model.UnitName;
import dev.unitaudit.model.Values;
import dev.unitaudit.syntax.Assignment;
import dev.unitaudit.syntax.Diagnostic;
import dev.unitaudit.syntax.Diagnostic.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks systemd runs on a service after all files are loaded, a port of service_verify()
 * (src/core/service.c, v252): a service it refuses is reported as bad-setting.
 */
final class ServiceVerifier {

  private ServiceVerifier() {}

  /** The refusal, or null when systemd accepts the service. */
  static Diagnostic verify(UnitName id, List<Assignment> applied, String fragment) {
    List<Assignment> execStart = new ArrayList<>();
    int commands = 0;
    boolean execStop = false;
    boolean successAction = false;
    boolean remainAfterExit = false;
    boolean busName = false;
    String type = null;
    String restart = "no";
    for (Assignment a : applied) {
      if ("Service".equals(a.section())) {
        switch (a.key()) {
          case "ExecStart":
            if (a.value().isEmpty()) {
              execStart.clear();
              commands = 0;
            } else {
              execStart.add(a);
              commands += ExecLineParser.parse(a.value(), id).commands().size();
            }
            break;
          case "ExecStop":
            execStop = !a.value().isEmpty();
            break;
          case "Type":
            type = a.value();
            break;
          case "Restart":
            restart = a.value();
            break;
          case "RemainAfterExit":
            remainAfterExit = Boolean.TRUE.equals(Values.parseBoolean(a.value()));
            break;
          case "BusName":
            busName = !a.value().isEmpty();
            break;
          default:
            break;
        }
      } else if ("Unit".equals(a.section()) && "SuccessAction".equals(a.key())) {
        successAction = !a.value().isEmpty() && !"none".equals(a.value());
      }
    }
    if (type == null) {
      // service_fix_defaults(): no Type= means dbus with BusName=, simple with ExecStart=, else
      // oneshot
      type = busName ? "dbus" : commands > 0 ? "simple" : "oneshot";
    }
    boolean oneshot = "oneshot".equals(type);
    if (commands == 0 && !execStop && !successAction) {
      return refuse(
          fragment, 0, "Service has no ExecStart=, ExecStop=, or SuccessAction=. Refusing.");
    }
    if (!oneshot && commands == 0) {
      return refuse(
          fragment,
          0,
          "Service has no ExecStart= setting, which is only allowed for Type=oneshot services."
              + " Refusing.");
    }
    if (!remainAfterExit && commands == 0 && !successAction) {
      return refuse(
          fragment,
          0,
          "Service has no ExecStart= and no SuccessAction= settings and does not have"
              + " RemainAfterExit=yes set. Refusing.");
    }
    if (!oneshot && commands > 1) {
      Assignment second = execStart.size() > 1 ? execStart.get(1) : execStart.get(0);
      return refuse(
          second.file(),
          second.line(),
          "Service has more than one ExecStart= setting, which is only allowed for Type=oneshot"
              + " services. Refusing.");
    }
    if (oneshot && ("always".equals(restart) || "on-success".equals(restart))) {
      return refuse(
          fragment,
          0,
          "Service has Restart= set to either always or on-success, which isn't allowed for"
              + " Type=oneshot services. Refusing.");
    }
    if ("dbus".equals(type) && !busName) {
      return refuse(
          fragment,
          0,
          "Service is of type D-Bus but no D-Bus service name has been specified. Refusing.");
    }
    return null;
  }

  /** Warnings service_verify() logs for services it still accepts. */
  static List<Diagnostic> warnings(List<Assignment> applied) {
    String type = null;
    Assignment runtimeMax = null;
    boolean hasExecStart = false;
    for (Assignment a : applied) {
      if (!"Service".equals(a.section())) {
        continue;
      }
      if ("Type".equals(a.key())) {
        type = a.value();
      } else if ("RuntimeMaxSec".equals(a.key())) {
        runtimeMax = Values.parseTimeSpan(a.value()).orElse(0) == Values.INFINITY ? null : a;
      } else if ("ExecStart".equals(a.key())) {
        hasExecStart = !a.value().isEmpty();
      }
    }
    boolean oneshot = "oneshot".equals(type) || (type == null && !hasExecStart);
    if (oneshot && runtimeMax != null) {
      return List.of(
          new Diagnostic(
              runtimeMax.file(),
              runtimeMax.line(),
              Severity.WARNING,
              "RuntimeMaxSec= has no effect in combination with Type=oneshot. Ignoring.",
              Diagnostic.INEFFECTIVE));
    }
    return List.of();
  }

  private static Diagnostic refuse(String file, int line, String message) {
    return new Diagnostic(file, line, Severity.ERROR, message, Diagnostic.REFUSED);
  }
}
