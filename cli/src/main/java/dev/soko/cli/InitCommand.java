package dev.soko.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes a commented configuration file for the local store. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = {
      "Write a commented soko.yaml for the local store (one DuckDB file under .soko/), and"
          + " create that store, empty.",
      "Writes the file named by --config, or ./soko.yaml. An existing store is kept as it is."
    },
    footerHeading = "%nExample:%n",
    footer = {"  soko init", "  soko init --config conf/soko.yaml --force"})
final class InitCommand extends SubCommand {

  @Option(names = "--force", description = "Overwrite the file if it exists.")
  private boolean force;

  @Override
  int run() throws IOException {
    Path target = root().configTarget();
    if (Files.exists(target) && !force) {
      throw new IllegalArgumentException(
          "Cannot write "
              + target
              + ": the file exists; pass --force to overwrite it, or --config to write another");
    }

    byte[] before = Files.exists(target) ? Files.readAllBytes(target) : null;
    Files.createDirectories(target.toAbsolutePath().getParent());
    Files.writeString(target, template(), StandardCharsets.UTF_8);
    Path store = StoreSession.localFile(target, root().workingDirectory());
    boolean existed = store != null && Files.isRegularFile(store);
    // Create the store now, so that read-only commands find it before the first apply; if it
    // cannot be created, put the configuration back as it was.
    try {
      StoreSession.open(target, root().workingDirectory()).close();
    } catch (RuntimeException e) {
      if (before == null) {
        Files.deleteIfExists(target);
      } else {
        Files.write(target, before);
      }

      throw e;
    }

    out().println("Wrote " + target + " for a local store under " + LocalStore.DIRECTORY + "/.");
    out()
        .println(
            existed
                ? "Kept the existing store " + store + " as it is."
                : "Created the store " + store + ".");
    out().println("Next: soko apply <jar of your feature groups>");
    return Soko.OK;
  }

  static String template() throws IOException {
    try (InputStream in = InitCommand.class.getResourceAsStream("soko.yaml")) {
      if (in == null) {
        throw new IllegalStateException("The soko.yaml template is missing from the jar");
      }

      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
