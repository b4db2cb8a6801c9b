package dev.soko.spi;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * Reads tables from files and builds point-in-time correct training sets.
 *
 * <p>SKETCH: the request and source types are refined together with the training-set builder.
 */
public interface JoinEngine {

  /** Reads a table source (a spine, or rows to ingest) as Arrow batches. */
  ArrowReader read(TableSource source, BufferAllocator allocator);
}
