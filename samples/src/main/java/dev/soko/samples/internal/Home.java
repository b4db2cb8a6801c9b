package dev.soko.samples.internal;

import dev.soko.SokoException;
import dev.soko.StoreConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Where a sample runs: the working directory, and the repository root that the {@code soko-samples}
 * launcher passes as the system property {@value #PROPERTY}.
 */
public final class Home {

  /** The system property that names the repository root. */
  public static final String PROPERTY = "soko.home";

  /** The file a sample writes in its store folder, so that {@code soko --config} can query it. */
  public static final String CONFIG_FILE = "soko.yaml";

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:@%+=,-]+");

  private final Path workingDirectory;
  private final @Nullable Path root;

  /**
   * Creates a home.
   *
   * @param workingDirectory the directory relative paths resolve against
   * @param root the repository root, or null when unknown
   */
  public Home(Path workingDirectory, @Nullable Path root) {
    this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    this.root = root == null ? null : root.toAbsolutePath().normalize();
  }

  /** Returns the home of this process: its working directory and {@value #PROPERTY}. */
  public static Home current() {
    String root = System.getProperty(PROPERTY);
    return new Home(Path.of(""), root == null || root.isBlank() ? null : Path.of(root));
  }

  /** Resolves a path the user gave against the working directory. */
  public Path resolve(Path given) {
    return workingDirectory.resolve(given).normalize();
  }

  /**
   * Resolves a default path, relative to the repository root: against the working directory when it
   * exists there, else against the repository root when it is known.
   */
  public Path resolveDefault(String relative) {
    Path here = workingDirectory.resolve(relative).normalize();
    if (Files.exists(here) || root == null) {
      return here;
    }

    return root.resolve(relative).normalize();
  }

  /** Returns where a default path was looked for, to name in an error: one or two folders. */
  public String lookedFor(String relative) {
    Path here = workingDirectory.resolve(relative).normalize();
    if (root == null || root.resolve(relative).normalize().equals(here)) {
      return here.toString();
    }

    return here + " nor " + root.resolve(relative).normalize();
  }

  /**
   * Writes a {@value #CONFIG_FILE} for the local store in the folder, the one {@code
   * StoreConfig.local(folder)} opens, and returns it.
   *
   * @throws SokoException if the file cannot be written
   */
  public static Path writeConfig(Path folder) {
    Path file = folder.resolve(CONFIG_FILE);
    String text =
        """
        # The local store a Soko sample wrote: one DuckDB file under .soko/ next to this file.
        # Query it with: soko --config <this file> sql "SELECT ..."
        offline:
          type: duckdb
          path: %s
        online:
          type: duckdb
        """
            .formatted(StoreConfig.DEFAULT_PATH);
    try {
      Files.createDirectories(folder);
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SokoException("Cannot write " + file + ": " + e.getMessage(), e);
    }

    return file;
  }

  /**
   * Returns the {@code soko} command that queries the store of a configuration file, to type in the
   * working directory: {@code ./soko --config <file> sql "<query>"}.
   */
  public String sqlCommand(Path config, String query) {
    Path script = (root == null ? workingDirectory : root).resolve("soko");
    String sokoCommand =
        script.getParent().equals(workingDirectory) ? "./soko" : quote(script.toString());
    return sokoCommand
        + " --config "
        + quote(shown(config.toAbsolutePath().normalize()))
        + " sql \""
        + query
        + "\"";
  }

  private String shown(Path path) {
    return path.startsWith(workingDirectory)
        ? workingDirectory.relativize(path).toString()
        : path.toString();
  }

  private static String quote(String word) {
    return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
  }
}
