package dev.unitaudit.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What systemd 252 knows about each {@code [Section] Key}: whether it exists (the load-fragment
 * table, shipped as {@code directives.json}), whether it is deprecated, and how its assignments
 * combine ({@link SettingKind}) and which words an enum accepts.
 */
public final class SettingCatalog {
  // compiled once: values are checked for every assignment of every unit
  private static final Pattern OCTAL = Pattern.compile("[0-7]{1,4}");
  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,10}");
  private static final Pattern SIGNED_OR_WORD = Pattern.compile("[+-]?[0-9]{1,10}|[a-z-]+");

  private static final SettingCatalog INSTANCE = load();

  private final Map<String, Set<String>> keysBySection;
  private final Map<String, String> deprecated;

  private SettingCatalog(Map<String, Set<String>> keysBySection, Map<String, String> deprecated) {
    this.keysBySection = keysBySection;
    this.deprecated = deprecated;
  }

  public static SettingCatalog get() {
    return INSTANCE;
  }

  private static SettingCatalog load() {
    try (InputStream in = SettingCatalog.class.getResourceAsStream("directives.json")) {
      JsonNode root = new ObjectMapper().readTree(in);
      Map<String, Set<String>> keys = new HashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = root.get("sections").fields();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        Set<String> set = new HashSet<>();
        e.getValue().forEach(k -> set.add(k.asText()));
        keys.put(e.getKey(), set);
      }
      Map<String, String> dep = new HashMap<>();
      root.get("deprecated")
          .fields()
          .forEachRemaining(e -> dep.put(e.getKey(), e.getValue().asText()));
      return new SettingCatalog(keys, dep);
    } catch (IOException e) {
      throw new UncheckedIOException("directives.json missing from the jar", e);
    }
  }

  /** Whether systemd 252 accepts {@code key} in {@code section} (X- keys are always accepted). */
  public boolean isKnown(String section, String key) {
    if (key.startsWith("X-")) {
      return true;
    }
    Set<String> keys = keysBySection.get(section);
    return keys != null && keys.contains(key);
  }

  /** Every key valid in a section (for "did you mean" suggestions). */
  public Set<String> keysOf(String section) {
    return keysBySection.getOrDefault(section, Set.of());
  }

  /** Why a key is deprecated, or null. */
  public String deprecation(String section, String key) {
    return deprecated.get(section + "." + key);
  }

  private static final Set<String> BOOLEANS =
      Set.of(
          "PrivateTmp",
          "NoNewPrivileges",
          "PrivateDevices",
          "PrivateNetwork",
          "PrivateUsers",
          "PrivateMounts",
          "PrivateIPC",
          "ProtectKernelTunables",
          "ProtectKernelModules",
          "ProtectKernelLogs",
          "ProtectControlGroups",
          "ProtectClock",
          "ProtectHostname",
          "MemoryDenyWriteExecute",
          "RestrictRealtime",
          "RestrictSUIDSGID",
          "LockPersonality",
          "RemoveIPC",
          "DefaultDependencies",
          "Persistent",
          "RemainAfterExit",
          "IgnoreSIGPIPE",
          "SendSIGKILL",
          "SendSIGHUP",
          "MakeDirectory",
          "Accept",
          "WakeSystem",
          "RemainAfterElapse",
          "OnClockChange",
          "OnTimezoneChange",
          "FixedRandomDelay",
          "MemoryAccounting",
          "CPUAccounting",
          "IOAccounting",
          "TasksAccounting",
          "IPAccounting",
          "GuessMainPID",
          "PermissionsStartOnly",
          "RootDirectoryStartOnly",
          "StopWhenUnneeded",
          "RefuseManualStart",
          "RefuseManualStop",
          "AllowIsolate",
          "IgnoreOnIsolate",
          "NonBlocking",
          "TTYReset",
          "TTYVHangup",
          "TTYVTDisallocate",
          "MountAPIVFS",
          "DynamicUser",
          "BlockIOAccounting",
          "SyslogLevelPrefix");

  private static final Map<String, Set<String>> ENUMS =
      Map.ofEntries(
          Map.entry("ProtectSystem", Set.of("full", "strict")),
          Map.entry("ProtectHome", Set.of("read-only", "tmpfs")),
          Map.entry(
              "Type", Set.of("simple", "exec", "forking", "oneshot", "dbus", "notify", "idle")),
          Map.entry(
              "Restart",
              Set.of(
                  "no",
                  "on-success",
                  "on-failure",
                  "on-abnormal",
                  "on-watchdog",
                  "on-abort",
                  "always")),
          Map.entry("KillMode", Set.of("control-group", "process", "mixed", "none")),
          Map.entry("NotifyAccess", Set.of("none", "main", "exec", "all")),
          Map.entry("KeyringMode", Set.of("inherit", "private", "shared")),
          Map.entry("ProtectProc", Set.of("noaccess", "invisible", "ptraceable", "default")),
          Map.entry("ProcSubset", Set.of("all", "pid")),
          Map.entry("DevicePolicy", Set.of("auto", "closed", "strict")));

  /** Enums that also accept boolean spellings (ProtectSystem=yes). */
  private static final Set<String> BOOLEAN_ENUMS = Set.of("ProtectSystem", "ProtectHome");

  private static final Set<String> TIME_SPANS =
      Set.of(
          "RuntimeMaxSec",
          "TimeoutStartSec",
          "TimeoutStopSec",
          "TimeoutSec",
          "TimeoutAbortSec",
          "WatchdogSec",
          "RestartSec",
          "StartLimitIntervalSec",
          "StartLimitInterval",
          "RandomizedDelaySec",
          "AccuracySec",
          "TriggerLimitIntervalSec",
          "RuntimeRandomizedExtraSec",
          "JobTimeoutSec",
          "JobRunningTimeoutSec",
          "TimeoutCleanSec",
          "RestartMaxDelaySec");

  private static final Set<String> NUMBERS =
      Set.of(
          "StartLimitBurst",
          "TriggerLimitBurst",
          "UMask",
          "Nice",
          "OOMScoreAdjust",
          "RestartSteps");

  private static final Set<String> DEPENDENCIES =
      Set.of(
          "Wants",
          "Requires",
          "Requisite",
          "BindsTo",
          "BindTo",
          "PartOf",
          "Upholds",
          "Conflicts",
          "Before",
          "After",
          "OnFailure",
          "OnSuccess",
          "PropagatesReloadTo",
          "PropagateReloadTo",
          "ReloadPropagatedFrom",
          "PropagateReloadFrom",
          "PropagatesStopTo",
          "StopPropagatedFrom",
          "JoinsNamespaceOf",
          "RequiresMountsFor",
          "RequiresOverridable",
          "RequisiteOverridable");

  private static final Set<String> LISTS =
      Set.of(
          "ExecStart",
          "ExecStartPre",
          "ExecStartPost",
          "ExecStop",
          "ExecStopPost",
          "ExecReload",
          "ExecCondition",
          "Environment",
          "EnvironmentFile",
          "PassEnvironment",
          "UnsetEnvironment",
          "ReadWritePaths",
          "ReadOnlyPaths",
          "InaccessiblePaths",
          "ExecPaths",
          "NoExecPaths",
          "ReadWriteDirectories",
          "ReadOnlyDirectories",
          "InaccessibleDirectories",
          "BindPaths",
          "BindReadOnlyPaths",
          "SupplementaryGroups",
          "SystemCallFilter",
          "SystemCallArchitectures",
          "SystemCallLog",
          "RestrictAddressFamilies",
          "RestrictNamespaces",
          "CapabilityBoundingSet",
          "AmbientCapabilities",
          "DeviceAllow",
          "IPAddressAllow",
          "IPAddressDeny",
          "TemporaryFileSystem",
          "StateDirectory",
          "CacheDirectory",
          "LogsDirectory",
          "RuntimeDirectory",
          "ConfigurationDirectory",
          "LoadCredential",
          "LoadCredentialEncrypted",
          "SetCredential",
          "SetCredentialEncrypted",
          "OnCalendar",
          "OnActiveSec",
          "OnBootSec",
          "OnStartupSec",
          "OnUnitActiveSec",
          "OnUnitInactiveSec",
          "PathExists",
          "PathExistsGlob",
          "PathChanged",
          "PathModified",
          "DirectoryNotEmpty",
          "ListenStream",
          "ListenDatagram",
          "ListenSequentialPacket",
          "ListenFIFO",
          "ListenSpecial",
          "ListenNetlink",
          "ListenMessageQueue",
          "ListenUSBFunction",
          "Documentation",
          "LogExtraFields",
          "RestartPreventExitStatus",
          "RestartForceExitStatus",
          "SuccessExitStatus",
          "WantedBy",
          "RequiredBy",
          "Alias",
          "Also",
          "IPIngressFilterPath",
          "IPEgressFilterPath",
          "RestrictFileSystems",
          "Symlinks",
          "BPFProgram",
          "SocketBindAllow",
          "SocketBindDeny",
          "RestrictNetworkInterfaces",
          "ExtensionImages",
          "MountImages",
          "ImportCredential",
          "FileDescriptorName",
          "ExtensionDirectories",
          "LogFilterPatterns");

  /** How assignments of {@code key} combine. Unlisted keys behave as {@link SettingKind#STRING}. */
  public SettingKind kindOf(String section, String key) {
    if ("Unit".equals(section)) {
      if (key.startsWith("Condition")) {
        return SettingKind.CONDITION;
      }
      if (key.startsWith("Assert")) {
        return SettingKind.ASSERT;
      }
      if (DEPENDENCIES.contains(key)) {
        return SettingKind.DEPENDENCY;
      }
    }
    if (BOOLEANS.contains(key)) {
      return SettingKind.BOOLEAN;
    }
    if (ENUMS.containsKey(key)) {
      return SettingKind.ENUM;
    }
    if (TIME_SPANS.contains(key)) {
      return SettingKind.TIME_SPAN;
    }
    if (NUMBERS.contains(key)) {
      return SettingKind.NUMBER;
    }
    if (LISTS.contains(key)) {
      return SettingKind.LIST;
    }
    return SettingKind.STRING;
  }

  /** Whether {@code value} is valid for a BOOLEAN/ENUM/TIME_SPAN/NUMBER key. */
  public boolean isValidScalar(String key, SettingKind kind, String value) {
    switch (kind) {
      case BOOLEAN:
        return Values.parseBoolean(value) != null;
      case ENUM:
        if (BOOLEAN_ENUMS.contains(key) && Values.parseBoolean(value) != null) {
          return true;
        }
        return ENUMS.get(key).contains(value);
      case TIME_SPAN:
        if (value.equals("0") || Values.parseTimeSpan(value).isPresent()) {
          return true;
        }
        return false;
      case NUMBER:
        return isNumber(key, value);
      default:
        return true;
    }
  }

  private static boolean isNumber(String key, String value) {
    if (value.isEmpty()) {
      return false;
    }
    if ("UMask".equals(key)) {
      return OCTAL.matcher(value).matches();
    }
    if ("StartLimitBurst".equals(key) || "TriggerLimitBurst".equals(key)) {
      return DIGITS.matcher(value).matches();
    }
    return SIGNED_OR_WORD.matcher(value).matches();
  }

  /** The accepted words of an enum key (for messages). */
  public Set<String> enumWords(String key) {
    return ENUMS.getOrDefault(key, Set.of());
  }
}
