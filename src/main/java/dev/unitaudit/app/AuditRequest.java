package dev.unitaudit.app;

import java.nio.file.Path;
import java.util.List;

/**
 * What to audit and how.
 *
 * @param level the ladder level audited to: ladder rules above it are not reported
 * @param policy systemd-analyze --security-policy file, or null
 */
public record AuditRequest(
    List<String> targets,
    Path root,
    int level,
    List<Path> extraRules,
    Path policy,
    boolean includeSettings) {}
