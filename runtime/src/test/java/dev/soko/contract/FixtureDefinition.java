package dev.soko.contract;

import dev.soko.Column;
import dev.soko.EntityKey;
import dev.soko.GroupDefinition;
import dev.soko.GroupSpec;
import dev.soko.internal.ArrowValues;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A hand-written group definition for the contract tests, standing in for what the annotation
 * processor generates: the Arrow conversions go through the plain values of {@link #values} and
 * {@link #fromValues}.
 */
public abstract class FixtureDefinition<R extends Record> extends GroupDefinition<R> {

  protected FixtureDefinition(GroupSpec spec, Class<R> recordType) {
    super(spec, recordType);
  }

  @Override
  public VectorSchemaRoot toArrow(List<R> rows, BufferAllocator allocator) {
    List<Object[]> values = new ArrayList<>(rows.size());
    for (R row : rows) {
      values.add(values(row));
    }

    return ArrowValues.batch(spec().columns(), values, allocator);
  }

  @Override
  public List<R> fromArrow(VectorSchemaRoot batch) {
    List<Column> columns = spec().columns();
    List<FieldVector> vectors = new ArrayList<>();
    for (Column column : columns) {
      FieldVector vector = batch.getVector(column.name());
      if (vector == null) {
        throw new IllegalArgumentException("Batch has no column '" + column.name() + "'");
      }

      vectors.add(vector);
    }

    List<R> rows = new ArrayList<>(batch.getRowCount());
    for (int row = 0; row < batch.getRowCount(); row++) {
      Object[] values = new Object[columns.size()];
      for (int c = 0; c < values.length; c++) {
        values[c] = ArrowValues.get(vectors.get(c), columns.get(c).type(), row);
      }

      rows.add(fromValues(values));
    }

    return rows;
  }

  @Override
  public EntityKey key(R row) {
    return EntityKey.of(Arrays.copyOf(values(row), spec().keys().size()));
  }
}
