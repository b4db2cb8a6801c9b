package dev.soko.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar's manifest. */
final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = Soko.class.getPackage().getImplementationVersion();
    return new String[] {"soko " + (version == null ? "(development build)" : version)};
  }
}
