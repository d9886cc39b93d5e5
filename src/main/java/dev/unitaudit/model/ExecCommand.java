package dev.unitaudit.model;

import java.util.List;

/**
 * One command of an {@code Exec*=} line after systemd's parsing: prefixes, the executable and argv
 * (unquoted, C escapes and specifiers resolved).
 *
 * @param ignoreFailure the {@code -} prefix
 * @param privileged the {@code +} prefix (runs with full privileges)
 * @param noSetuid the {@code !} / {@code !!} prefix
 */
public record ExecCommand(
    String path, List<String> argv, boolean ignoreFailure, boolean privileged, boolean noSetuid) {}
