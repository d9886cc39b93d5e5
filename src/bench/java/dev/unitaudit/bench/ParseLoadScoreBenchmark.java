package dev.unitaudit.bench;

import dev.unitaudit.load.SearchPath;
import dev.unitaudit.load.UnitLoader;
import dev.unitaudit.model.Unit;
import dev.unitaudit.score.ExposureCalculator;
import dev.unitaudit.score.SecurityPolicy;
import dev.unitaudit.syntax.ParsedFile;
import dev.unitaudit.syntax.UnitFileParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Parser, loader and score on a realistic hardened service (mvn -Pbench verify). Figures only. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ParseLoadScoreBenchmark {

  private static final String UNIT =
      String.join(
          "\n",
          "[Unit]",
          "Description=benchmark service",
          "After=network-online.target",
          "Wants=network-online.target",
          "",
          "[Service]",
          "Type=notify",
          "User=svc",
          "ExecStart=/usr/bin/svc --config /etc/svc.conf",
          "ExecReload=/bin/kill -HUP $MAINPID",
          "Restart=on-failure",
          "NoNewPrivileges=yes",
          "PrivateTmp=yes",
          "ProtectSystem=strict",
          "ProtectHome=yes",
          "ReadWritePaths=/var/lib/svc",
          "PrivateDevices=yes",
          "ProtectKernelTunables=yes",
          "ProtectKernelModules=yes",
          "ProtectControlGroups=yes",
          "CapabilityBoundingSet=CAP_NET_BIND_SERVICE",
          "RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6",
          "SystemCallFilter=@system-service",
          "SystemCallFilter=~@privileged @resources",
          "SystemCallArchitectures=native",
          "MemoryDenyWriteExecute=yes",
          "LockPersonality=yes",
          "",
          "[Install]",
          "WantedBy=multi-user.target",
          "");

  private byte[] bytes;
  private UnitLoader loader;
  private Path root;

  @Setup
  public void setup() throws Exception {
    bytes = UNIT.getBytes(StandardCharsets.UTF_8);
    root = Files.createTempDirectory("unitaudit-jmh");
    Path dir = Files.createDirectories(root.resolve("etc/systemd/system"));
    Files.write(dir.resolve("svc.service"), bytes);
    Files.createDirectories(dir.resolve("svc.service.d"));
    Files.writeString(
        dir.resolve("svc.service.d/override.conf"), "[Service]\nPrivateNetwork=yes\n");
    loader = new UnitLoader(SearchPath.of(List.of(), root));
  }

  @Benchmark
  public ParsedFile parse() {
    return UnitFileParser.parse(bytes, "svc.service", Set.of("Unit", "Service", "Install"));
  }

  @Benchmark
  public Unit load() {
    return new UnitLoader(SearchPath.of(List.of(), root)).load("svc.service");
  }

  @Benchmark
  public long loadAndScore() throws Exception {
    Unit u = loader.load("svc.service");
    return ExposureCalculator.assess(u.name(), u.assignments(), SecurityPolicy.NONE)
        .exposureTenths();
  }
}
