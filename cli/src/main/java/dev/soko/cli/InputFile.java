package dev.soko.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The formats of files the commands read and write, chosen by extension. */
enum InputFile {
  CSV,
  PARQUET;

  /**
   * Returns the format of a file to read, checking that it exists.
   *
   * @param option how the command line names the file, such as {@code FILE} or {@code --spine}
   * @throws IllegalArgumentException if the file does not exist or has another extension
   */
  static InputFile checkReadable(Path file, String option) {
    if (!Files.exists(file)) {
      throw new IllegalArgumentException(
          "Cannot read " + name(option, file) + ": no such file; check the path");
    }

    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          "Cannot read "
              + name(option, file)
              + ": it is a directory; pass a .csv or .parquet file");
    }

    return of(file, "read " + name(option, file));
  }

  /**
   * Returns the format of a file to write.
   *
   * @throws IllegalArgumentException if the file has another extension
   */
  static InputFile checkWritable(Path file, String option) {
    return of(file, "write " + name(option, file));
  }

  /** Names the file as the command line gave it: an option's name first, a bare path alone. */
  private static String name(String option, Path file) {
    return option.startsWith("-") ? option + " " + file : file.toString();
  }

  private static InputFile of(Path file, String what) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv")) {
      return CSV;
    }

    if (name.endsWith(".parquet")) {
      return PARQUET;
    }

    throw new IllegalArgumentException(
        "Cannot " + what + ": the file name must end in .csv or .parquet");
  }
}
