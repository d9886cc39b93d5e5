package dev.unitaudit.score;

/**
 * One assessed row, as systemd-analyze prints it with SYSTEMD_ANALYZE_DEBUG=1.
 *
 * @param set true (good), false (bad or partial), null (not applicable)
 * @param exposureTenths the row's share of the overall exposure in tenths; null when the row passes
 *     or does not apply
 * @param badness null when not applicable
 */
public record CheckRow(
    String name,
    String jsonField,
    Boolean set,
    Long exposureTenths,
    String description,
    long weight,
    Long badness,
    long range) {}
