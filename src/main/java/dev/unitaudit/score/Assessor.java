package dev.unitaudit.score;

import java.util.function.Function;

/**
 * One row of systemd-analyze security's assessor table (security_assessor_table[] in
 * src/analyze/analyze-security.c, systemd 252).
 *
 * @param name what systemd prints in the NAME column, e.g. {@code PrivateTmp=}
 * @param jsonField the key in --json output and in security policies
 * @param defaultDependenciesOnly N/A for units with DefaultDependencies=no
 */
record Assessor(
    String name,
    String jsonField,
    String descriptionGood,
    String descriptionBad,
    String descriptionNa,
    long weight,
    long range,
    boolean defaultDependenciesOnly,
    Function<SecurityInfo, Badness> assess) {}
