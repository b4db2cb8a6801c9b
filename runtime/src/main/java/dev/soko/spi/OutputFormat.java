package dev.soko.spi;

/** The file formats a join engine writes training sets in. */
public enum OutputFormat {
  /** Apache Parquet. */
  PARQUET,
  /** Comma-separated values with a header line. */
  CSV
}
