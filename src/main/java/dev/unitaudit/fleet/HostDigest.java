package dev.unitaudit.fleet;

import java.util.List;

/**
 * One report read and checked against the schema: the host it belongs to ({@code host}, else the
 * file name), its units' digests and how many errors it lists.
 */
record HostDigest(String file, String host, List<UnitDigest> units, int errors) {}
