package dev.soko;

import java.io.IOException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.Schema;

/** Reads one batch that someone else owns: closing the reader leaves the batch open. */
final class RootReader extends ArrowReader {

  private final VectorSchemaRoot batch;
  private boolean read;

  RootReader(VectorSchemaRoot batch, BufferAllocator allocator) {
    super(allocator);
    this.batch = batch;
  }

  @Override
  public boolean loadNextBatch() throws IOException {
    prepareLoadNextBatch();
    if (read) {
      return false;
    }

    read = true;
    try (ArrowRecordBatch records = new VectorUnloader(batch).getRecordBatch()) {
      loadRecordBatch(records);
    }

    return true;
  }

  @Override
  public long bytesRead() {
    return 0;
  }

  @Override
  protected void closeReadSource() {}

  @Override
  protected Schema readSchema() {
    return batch.getSchema();
  }
}
