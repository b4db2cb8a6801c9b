package dev.soko.spi;

/**
 * A table handed to a join engine: a file or Arrow batches.
 *
 * <p>SKETCH: refined together with the training-set builder.
 */
public interface TableSource {}
