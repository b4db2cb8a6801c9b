package dev.soko.internal;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * An Arrow reader that hands on the batches of another and runs an action when it is closed, with
 * the number of rows it handed on: to release a connection, or to log.
 */
public final class ForwardingArrowReader extends ArrowReader {

  /** What to do once the reader is closed. */
  @FunctionalInterface
  public interface OnClose {

    /**
     * Runs after the delegate is closed.
     *
     * @param rows how many rows were read through the reader
     */
    void closed(long rows) throws Exception;
  }

  private final ArrowReader delegate;
  private final OnClose onClose;
  private long rows;

  /**
   * Creates a reader over {@code delegate}.
   *
   * @param allocator the allocator the delegate's batches live in
   */
  public ForwardingArrowReader(ArrowReader delegate, BufferAllocator allocator, OnClose onClose) {
    super(allocator);
    this.delegate = delegate;
    this.onClose = requireNonNull(onClose, "onClose");
  }

  @Override
  public boolean loadNextBatch() throws IOException {
    prepareLoadNextBatch();
    if (!delegate.loadNextBatch()) {
      return false;
    }

    try (ArrowRecordBatch batch =
        new VectorUnloader(delegate.getVectorSchemaRoot()).getRecordBatch()) {
      loadRecordBatch(batch);
    }

    rows += getVectorSchemaRoot().getRowCount();
    return true;
  }

  @Override
  public long bytesRead() {
    return delegate.bytesRead();
  }

  @Override
  protected void closeReadSource() throws IOException {
    try {
      delegate.close();
    } finally {
      try {
        onClose.closed(rows);
      } catch (IOException | RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IOException(e);
      }
    }
  }

  @Override
  protected Schema readSchema() throws IOException {
    return delegate.getVectorSchemaRoot().getSchema();
  }
}
