package dev.soko.duckdb.internal;

import dev.soko.SokoException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the local store and the tools that read its file say when the file cannot be opened. */
public final class StoreFiles {

  private static final Pattern LOCK_HOLDER = Pattern.compile("PID (\\d+)");

  private StoreFiles() {}

  /**
   * Returns the error for a store file DuckDB cannot open: one line naming the process that holds
   * it, when another does, else DuckDB's reason.
   */
  public static SokoException openFailure(Path file, SQLException e) {
    String message = String.valueOf(e.getMessage());
    if (message.contains("Could not set lock") || message.contains("Conflicting lock")) {
      Matcher pid = LOCK_HOLDER.matcher(message);
      return new SokoException(
          "Cannot open store file "
              + file
              + ": it is in use by another process"
              + (pid.find() ? " (pid " + pid.group(1) + ")" : "")
              + ". Close the other soko process, or point soko.yaml at another file.",
          e);
    }

    return new SokoException("Cannot open store file " + file + ": " + message, e);
  }
}
