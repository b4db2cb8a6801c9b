package dev.soko.spi;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import org.apache.arrow.vector.ipc.ArrowReader;

/** A table handed to a join engine: Arrow batches, a Parquet file or a CSV file. */
public sealed interface TableSource {

  /**
   * Arrow batches. An engine reads them once and closes the reader.
   *
   * @param reader the batches
   */
  record Arrow(ArrowReader reader) implements TableSource {

    /** Creates a source. */
    public Arrow {
      requireNonNull(reader, "reader");
    }
  }

  /**
   * A Parquet file.
   *
   * @param path the file
   */
  record Parquet(Path path) implements TableSource {

    /** Creates a source. */
    public Parquet {
      requireNonNull(path, "path");
    }
  }

  /**
   * A CSV file with a header line; the engine infers the column types.
   *
   * @param path the file
   */
  record Csv(Path path) implements TableSource {

    /** Creates a source. */
    public Csv {
      requireNonNull(path, "path");
    }
  }
}
