package dev.soko.spi;

import java.nio.file.Path;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * Reads tables from files and builds point-in-time correct training sets (see {@link JoinRequest}
 * for the rules every engine follows).
 *
 * <p>The runtime has checked that every group of a request is applied and every feature exists; the
 * engine checks the spine itself, since only it reads the spine.
 */
public interface JoinEngine {

  /**
   * Reads a table source as Arrow batches. The caller closes the reader.
   *
   * @throws dev.soko.SokoException if the source cannot be read
   */
  ArrowReader read(TableSource source, BufferAllocator allocator);

  /**
   * Runs a join and returns its rows as Arrow batches. The caller closes the reader, which releases
   * what the engine holds for it.
   *
   * @throws dev.soko.SokoException if the spine lacks a column, has a row without a timestamp, has
   *     timestamps without a zone and no zone was given, or the join fails
   */
  ArrowReader join(JoinRequest request, BufferAllocator allocator);

  /**
   * Runs a join and writes its rows to a file, replacing any file there.
   *
   * @return the number of rows written, which is the number of spine rows
   * @throws dev.soko.SokoException as {@link #join(JoinRequest, BufferAllocator)}, or if the file
   *     cannot be written
   */
  long write(JoinRequest request, Path path, OutputFormat format);
}
