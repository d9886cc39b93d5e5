package dev.unitaudit.cli;

import dev.unitaudit.app.Version;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version}: picocli's hook onto {@link Version}, the one reader of the build's version.
 */
public final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {Version.line()};
  }
}
