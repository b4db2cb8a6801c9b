package dev.soko.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * An {@link ArrowReader} over batches held in memory. It shares the batches' buffers instead of
 * copying them, and releases them when closed.
 */
public final class RecordBatches extends ArrowReader {

  private final Schema schema;
  private final List<ArrowRecordBatch> batches;
  private final Iterator<ArrowRecordBatch> next;
  private long bytes;

  private RecordBatches(BufferAllocator allocator, Schema schema, List<ArrowRecordBatch> batches) {
    super(allocator);
    this.schema = schema;
    this.batches = batches;
    this.next = batches.iterator();
  }

  /**
   * Returns a reader of one batch. The batch stays owned by the caller, who must keep it open until
   * the reader is done.
   */
  public static ArrowReader of(VectorSchemaRoot batch, BufferAllocator allocator) {
    List<ArrowRecordBatch> batches = new ArrayList<>(1);
    batches.add(new VectorUnloader(batch).getRecordBatch());
    return new RecordBatches(allocator, batch.getSchema(), batches);
  }

  /**
   * Reads every batch of a reader into memory and closes it, so that what produced it can be
   * released while the returned reader is consumed.
   */
  public static ArrowReader drain(ArrowReader source, BufferAllocator allocator)
      throws java.io.IOException {
    try (source) {
      VectorSchemaRoot root = source.getVectorSchemaRoot();
      List<ArrowRecordBatch> batches = new ArrayList<>();
      try {
        while (source.loadNextBatch()) {
          batches.add(new VectorUnloader(root).getRecordBatch());
        }
      } catch (RuntimeException | java.io.IOException e) {
        batches.forEach(ArrowRecordBatch::close);
        throw e;
      }

      return new RecordBatches(allocator, root.getSchema(), batches);
    }
  }

  @Override
  public boolean loadNextBatch() throws java.io.IOException {
    prepareLoadNextBatch();
    if (!next.hasNext()) {
      return false;
    }

    ArrowRecordBatch batch = next.next();
    bytes += batch.computeBodyLength();
    loadRecordBatch(batch);
    return true;
  }

  @Override
  public long bytesRead() {
    return bytes;
  }

  @Override
  protected void closeReadSource() {
    // Batches already loaded were released by loadRecordBatch; release the rest.
    while (next.hasNext()) {
      next.next().close();
    }
  }

  @Override
  protected Schema readSchema() {
    return schema;
  }

  /** Returns how many batches this reader holds. */
  public int size() {
    return batches.size();
  }
}
