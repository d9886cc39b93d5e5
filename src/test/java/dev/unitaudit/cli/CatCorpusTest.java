package dev.unitaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.unitaudit.cli.CliTest.Run;
import dev.unitaudit.corpus.CorpusPaths;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 2 "Done when" on the real corpus (Debian: {@code lib} is {@code usr/lib}, so paths are
 * named through {@code lib/}): an instance drop-in shown with its provenance, and an alias resolved
 * to its target. Skipped with a message when ../shared/corpus/public is absent.
 */
class CatCorpusTest {

  private static String root;

  @BeforeAll
  static void corpus() {
    root = CorpusPaths.requireCorpus().resolve("root").toString();
  }

  private static List<String> lines(Run r) {
    assertEquals(0, r.code(), r.err());
    return Arrays.asList(r.out().split("\n", -1));
  }

  @Test
  void instanceDropInIsAppliedWithProvenance() {
    List<String> out = lines(CliTest.run("cat", "--root", root, "mariadb@bootstrap.service"));
    assertEquals(
        List.of(
            "# unit: mariadb@bootstrap.service",
            "# status: loaded",
            "# fragment: lib/systemd/system/mariadb@.service",
            "# drop-in 1:"
                + " lib/systemd/system/mariadb@bootstrap.service.d/use_galera_new_cluster.conf",
            ""),
        out.subList(0, 5));
    String dropIn =
        "    # lib/systemd/system/mariadb@bootstrap.service.d/use_galera_new_cluster.conf:";
    // the drop-in's empty ExecStart=/ExecStartPre=/ExecStartPost= reset the template's lists,
    // and its empty ConditionPathExists= clears the conditions: only these survive from it
    assertEquals(
        List.of(
            "Type=oneshot" + dropIn + "15",
            "Restart=no" + dropIn + "16",
            "ExecStart=/usr/bin/echo \"Please use galera_new_cluster to start the mariadb service"
                + " with --wsrep-new-cluster\""
                + dropIn
                + "23",
            "ExecStart=/usr/bin/false" + dropIn + "24"),
        out.stream().filter(l -> l.contains("use_galera_new_cluster.conf:")).toList());
    List<String> fromTemplate =
        out.stream().filter(l -> l.contains("# lib/systemd/system/mariadb@.service:")).toList();
    assertEquals(
        true,
        fromTemplate.contains("User=mysql    # lib/systemd/system/mariadb@.service:266"),
        fromTemplate.toString());
    assertEquals(List.of(), out.stream().filter(l -> l.startsWith("ExecStartP")).toList());
    assertEquals(List.of(), out.stream().filter(l -> l.startsWith("Condition")).toList());
  }

  @Test
  void aliasResolvesToItsTarget() {
    Run alias = CliTest.run("cat", "--root", root, "mysql.service");
    List<String> out = lines(alias);
    assertEquals(
        List.of(
            "# unit: mariadb.service (also: mysql.service, mysqld.service)",
            "# status: loaded",
            "# fragment: lib/systemd/system/mariadb.service",
            ""),
        out.subList(0, 4));
    assertEquals(
        List.of(),
        out.stream()
            .filter(
                l ->
                    l.contains("    # ")
                        && !l.contains("    # lib/systemd/system/mariadb.service:"))
            .toList());
    assertEquals(
        "ExecStartPost=!/etc/mysql/debian-start    # lib/systemd/system/mariadb.service:92",
        out.stream().filter(l -> l.startsWith("ExecStartPost=")).findFirst().orElse(""));
    assertEquals(CliTest.run("cat", "--root", root, "mariadb.service").out(), alias.out());
  }
}
