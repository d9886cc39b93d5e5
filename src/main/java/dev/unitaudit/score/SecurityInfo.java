package dev.unitaudit.score;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What systemd-analyze security's assessors look at, after the manager's own defaulting and the
 * implied changes of unit_patch_contexts() (analyze-security.md §4). Built by {@link
 * SecurityInfoReader}; every field is already the effective value.
 *
 * @param user the effective User= after specifier expansion (DynamicUser= may have derived it);
 *     null when unset or empty
 * @param namespaces the namespace types still permitted, as a bit set of {@link Namespaces}
 * @param systemCallFilter syscall name → errno tag (negative: none), see {@link SyscallFilter}
 * @param deviceAllow the device ACL as systemd lists it (newest first), {@code path:rwm}
 */
record SecurityInfo(
    String id,
    boolean defaultDependencies,
    String user,
    boolean dynamicUser,
    List<String> supplementaryGroups,
    long capabilityBoundingSet,
    long ambientCapabilities,
    boolean privateDevices,
    boolean privateMounts,
    boolean privateNetwork,
    boolean privateTmp,
    boolean privateUsers,
    boolean protectControlGroups,
    boolean protectKernelModules,
    boolean protectKernelTunables,
    boolean protectKernelLogs,
    boolean protectClock,
    boolean protectHostname,
    String protectHome,
    String protectSystem,
    String rootDirectory,
    String rootImage,
    boolean lockPersonality,
    boolean memoryDenyWriteExecute,
    boolean noNewPrivileges,
    int umask,
    String keyringMode,
    String protectProc,
    String procSubset,
    String notifyAccess,
    boolean removeIpc,
    boolean delegate,
    boolean restrictRealtime,
    boolean restrictSuidSgid,
    long namespaces,
    boolean addressFamiliesAllowList,
    Set<Integer> addressFamilies,
    Set<String> systemCallArchitectures,
    boolean systemCallFilterAllowList,
    Map<String, Integer> systemCallFilter,
    boolean ipDenyAll,
    boolean ipAllowLocalhost,
    boolean ipAllowOther,
    boolean ipCustomFilters,
    String devicePolicy,
    List<String> deviceAllow) {

  /** security_info_runs_privileged(): root, or no User= without DynamicUser=. */
  boolean runsPrivileged() {
    if ("0".equals(user) || "root".equals(user)) {
      return true;
    }
    if (dynamicUser) {
      return false;
    }
    return user == null || user.isEmpty();
  }
}
