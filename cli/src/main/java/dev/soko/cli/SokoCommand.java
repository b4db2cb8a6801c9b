package dev.soko.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The root {@code soko} command: global options and the list of subcommands. */
@Command(
    name = "soko",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "A feature store for machine learning on the JVM.",
    subcommands = {
      InitCommand.class,
      ApplyCommand.class,
      ListCommand.class,
      DescribeCommand.class,
      IngestCommand.class,
      BackfillCommand.class,
      ExpireCommand.class,
      OnlineCommand.class,
      MaterializeCommand.class,
      GetCommand.class,
      TrainingSetCommand.class,
      SqlCommand.class
    },
    footerHeading = "%nExample:%n",
    footer = {
      "  soko init",
      "  soko apply build/libs/features.jar",
      "  soko ingest customer_activity activity.csv --timezone Europe/London"
    })
final class SokoCommand implements Runnable {

  /** The configuration file read when {@code --config} is not given. */
  static final String DEFAULT_CONFIG = "soko.yaml";

  private final Path workingDirectory;

  @Spec private CommandSpec spec;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      scope = ScopeType.INHERIT,
      description =
          "The store configuration. Default: ./soko.yaml if present, else a local store under"
              + " ./.soko/.")
  private Path config;

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "Print the store's log lines, and the stack trace of an error.")
  private boolean verbose;

  SokoCommand(Path workingDirectory) {
    this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  boolean verbose() {
    return verbose;
  }

  /** Returns the directory relative paths resolve against. */
  Path workingDirectory() {
    return workingDirectory;
  }

  /** Resolves a path given on the command line against the working directory. */
  Path resolve(Path path) {
    return workingDirectory.resolve(path).normalize();
  }

  /**
   * Returns the configuration file to read: {@code --config} if given (it must exist), else {@code
   * soko.yaml} in the working directory if present, else null for the local store.
   *
   * @throws IllegalArgumentException if {@code --config} names a file that does not exist
   */
  Path configFile() {
    if (config != null) {
      Path file = resolve(config);
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException(
            "Configuration file "
                + file
                + " does not exist: pass an existing file to --config, or run 'soko init'");
      }

      return file;
    }

    Path fallback = workingDirectory.resolve(DEFAULT_CONFIG);
    return Files.isRegularFile(fallback) ? fallback : null;
  }

  /** Returns the file {@code init} writes: {@code --config} if given, else ./soko.yaml. */
  Path configTarget() {
    return config != null ? resolve(config) : workingDirectory.resolve(DEFAULT_CONFIG);
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
