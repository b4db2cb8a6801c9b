package dev.soko;

import dev.soko.internal.ArrowValues;
import dev.soko.spi.OnlineRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.jspecify.annotations.Nullable;

/** The checks and reductions the runtime applies to a batch before any backend sees it. */
final class Batches {

  private Batches() {}

  /**
   * Returns a view of the batch with exactly the group's columns, in the group's order. The view
   * shares the batch's vectors: the caller keeps owning the batch and must not close the view.
   *
   * @param what the operation, for messages, such as "write to group 'clicks'"
   * @throws SokoException if a column is missing, unknown or of another type
   */
  static VectorSchemaRoot conform(GroupSpec spec, VectorSchemaRoot batch, String what) {
    Map<String, FieldVector> byName = new HashMap<>();
    for (FieldVector vector : batch.getFieldVectors()) {
      String name = vector.getField().getName();
      if (spec.column(name).isEmpty()) {
        throw new SokoException(
            "Cannot "
                + what
                + ": the batch has a column '"
                + name
                + "' that the group does not have (its columns are "
                + String.join(", ", columnNames(spec))
                + "). Rows of another group or version cannot be written to it; nothing was"
                + " written.");
      }

      byName.put(name, vector);
    }

    List<Field> fields = new ArrayList<>();
    List<FieldVector> vectors = new ArrayList<>();
    for (Column column : spec.columns()) {
      FieldVector vector = byName.get(column.name());
      if (vector == null) {
        throw new SokoException(
            "Cannot "
                + what
                + ": the batch has no column '"
                + column.name()
                + "'. A batch must hold every column of the group ("
                + String.join(", ", columnNames(spec))
                + "); nothing was written.");
      }

      if (!fits(column, vector.getField())) {
        throw new SokoException(
            "Cannot "
                + what
                + ": column '"
                + column.name()
                + "' has Arrow type "
                + vector.getField().getType()
                + ", but the group declares it "
                + column.type()
                + " ("
                + column.field().getType()
                + "); nothing was written.");
      }

      fields.add(vector.getField());
      vectors.add(vector);
    }

    return new VectorSchemaRoot(fields, vectors, batch.getRowCount());
  }

  /**
   * Rejects a null key, event time or non-nullable feature.
   *
   * @throws SokoException naming the column and the row, counted from 1
   */
  static void checkNulls(GroupSpec spec, VectorSchemaRoot batch, String what) {
    List<Column> columns = spec.columns();
    for (int c = 0; c < columns.size(); c++) {
      Column column = columns.get(c);
      if (column.nullable()) {
        continue;
      }

      FieldVector vector = batch.getVector(c);
      if (vector.getNullCount() == 0) {
        continue;
      }

      for (int row = 0; row < batch.getRowCount(); row++) {
        if (vector.isNull(row)) {
          String role =
              switch (column.role()) {
                case KEY -> "key";
                case EVENT_TIME -> "event time";
                case FEATURE -> "non-nullable feature";
              };
          throw new SokoException(
              "Cannot "
                  + what
                  + ": row "
                  + (row + 1)
                  + " has a null "
                  + role
                  + " '"
                  + column.name()
                  + "'. Keys, the event time and primitive features must not be null; nothing was"
                  + " written.");
        }
      }
    }
  }

  /**
   * Rejects a null element inside a {@code float[]} value, which a Java {@code float[]} cannot
   * hold, so that no reader gets a value that differs from the one written.
   *
   * @throws SokoException naming the column, the row and the element, counted from 1
   */
  static void checkFloatArrays(GroupSpec spec, VectorSchemaRoot batch, String what) {
    List<Column> columns = spec.columns();
    for (int c = 0; c < columns.size(); c++) {
      if (columns.get(c).type() != FeatureType.FLOAT_ARRAY) {
        continue;
      }

      ListVector lists = (ListVector) batch.getVector(c);
      FieldVector elements = lists.getDataVector();
      if (elements.getNullCount() == 0) {
        continue;
      }

      for (int row = 0; row < batch.getRowCount(); row++) {
        if (lists.isNull(row)) {
          continue;
        }

        int start = lists.getElementStartIndex(row);
        for (int i = start; i < lists.getElementEndIndex(row); i++) {
          if (elements.isNull(i)) {
            throw new SokoException(
                "Cannot "
                    + what
                    + ": row "
                    + (row + 1)
                    + " of float[] column '"
                    + columns.get(c).name()
                    + "' has a null at element "
                    + (i - start + 1)
                    + ", which a float[] cannot hold. Write NaN for a missing element"
                    + (columns.get(c).nullable() ? ", or a null for the whole value" : "")
                    + "; nothing was written.");
          }
        }
      }
    }
  }

  /**
   * Returns the rows to keep so that, of several rows with the same keys and event time, only the
   * last one stays, in batch order; or null when there are no such rows.
   */
  static int @Nullable [] lastOfEach(GroupSpec spec, VectorSchemaRoot batch) {
    List<List<Integer>> groups = duplicates(spec, batch);
    if (groups.isEmpty()) {
      return null;
    }

    boolean[] drop = new boolean[batch.getRowCount()];
    for (List<Integer> group : groups) {
      for (int i = 0; i < group.size() - 1; i++) {
        drop[group.get(i)] = true;
      }
    }

    return IntStream.range(0, drop.length).filter(row -> !drop[row]).toArray();
  }

  /**
   * Rejects a backfill row outside the range, or two rows with the same keys and event time.
   *
   * @throws SokoException naming the row or the key; nothing is written
   */
  static void checkBackfill(GroupSpec spec, VectorSchemaRoot batch, TimeRange range, String what) {
    TimeStampVector times = (TimeStampVector) batch.getVector(spec.keys().size());
    for (int row = 0; row < batch.getRowCount(); row++) {
      Instant time = ArrowValues.instant(times.get(row));
      if (!range.contains(time)) {
        throw new SokoException(
            "Cannot "
                + what
                + ": row "
                + (row + 1)
                + " (key "
                + key(spec, batch, row)
                + ") has event time "
                + time
                + ", outside the range "
                + range
                + ". Every row of a backfill must lie in its range; nothing was written.");
      }
    }

    duplicates(spec, batch).stream()
        .min(Comparator.comparingInt((List<Integer> group) -> group.get(1)))
        .ifPresent(
            group -> {
              int first = group.get(0);
              int second = group.get(1);
              throw new SokoException(
                  "Cannot "
                      + what
                      + ": rows "
                      + (first + 1)
                      + " and "
                      + (second + 1)
                      + " both have key "
                      + key(spec, batch, second)
                      + " and event time "
                      + ArrowValues.instant(times.get(second))
                      + ". A backfill states each (keys, event time) once; nothing was written.");
            });
  }

  /**
   * Returns the groups of rows that share keys and event time, each group in row order; only groups
   * of two rows or more.
   */
  static List<List<Integer>> duplicates(GroupSpec spec, VectorSchemaRoot batch) {
    int rows = batch.getRowCount();
    // A 64-bit hash per row finds the candidates cheaply; only rows whose hash repeats are
    // compared by value.
    long[] hashes = new long[rows];
    for (int row = 0; row < rows; row++) {
      hashes[row] = hash(spec, batch, row);
    }

    long[] sorted = hashes.clone();
    Arrays.sort(sorted);
    Set<Long> repeated = new HashSet<>();
    for (int i = 1; i < rows; i++) {
      if (sorted[i] == sorted[i - 1]) {
        repeated.add(sorted[i]);
      }
    }

    if (repeated.isEmpty()) {
      return List.of();
    }

    Map<List<Object>, List<Integer>> byId = new LinkedHashMap<>();
    for (int row = 0; row < rows; row++) {
      if (repeated.contains(hashes[row])) {
        byId.computeIfAbsent(rowId(spec, batch, row), id -> new ArrayList<>()).add(row);
      }
    }

    return byId.values().stream().filter(group -> group.size() > 1).toList();
  }

  /**
   * Returns, for each key, the row with the greatest event time (the later row on a tie), in batch
   * order.
   */
  static int[] newestPerKey(GroupSpec spec, VectorSchemaRoot batch) {
    TimeStampVector times = (TimeStampVector) batch.getVector(spec.keys().size());
    Map<EntityKey, Integer> newest = new HashMap<>();
    for (int row = 0; row < batch.getRowCount(); row++) {
      int candidate = row;
      newest.merge(
          key(spec, batch, row),
          row,
          (kept, ignored) -> times.get(candidate) >= times.get(kept) ? candidate : kept);
    }

    int[] keep = newest.values().stream().mapToInt(Integer::intValue).toArray();
    Arrays.sort(keep);
    return keep;
  }

  /** Returns a new batch of the given rows. The caller closes it. */
  static VectorSchemaRoot select(VectorSchemaRoot batch, int[] rows, BufferAllocator allocator) {
    VectorSchemaRoot copy = VectorSchemaRoot.create(batch.getSchema(), allocator);
    try {
      copy.allocateNew();
      for (int c = 0; c < batch.getFieldVectors().size(); c++) {
        FieldVector from = batch.getVector(c);
        FieldVector to = copy.getVector(c);
        for (int i = 0; i < rows.length; i++) {
          to.copyFromSafe(rows[i], i, from);
        }
      }

      copy.setRowCount(rows.length);
      return copy;
    } catch (RuntimeException e) {
      copy.close();
      throw e;
    }
  }

  /**
   * Returns the given rows as online rows. Each row's ingestion time is its {@value
   * GroupSpec#INGESTED_AT} column when the batch has one, else {@code ingestedAt}.
   */
  static List<OnlineRow> onlineRows(
      GroupSpec spec, VectorSchemaRoot batch, int[] rows, Instant ingestedAt) {
    int keys = spec.keys().size();
    TimeStampVector times = (TimeStampVector) batch.getVector(keys);
    FieldVector stamps = batch.getVector(GroupSpec.INGESTED_AT);
    List<Column> features = spec.features();
    List<OnlineRow> result = new ArrayList<>(rows.length);
    for (int row : rows) {
      List<Object> values = new ArrayList<>(features.size());
      for (int f = 0; f < features.size(); f++) {
        values.add(ArrowValues.get(batch.getVector(keys + 1 + f), features.get(f).type(), row));
      }

      Instant stamp =
          stamps == null || stamps.isNull(row)
              ? ingestedAt
              : ArrowValues.instant(((TimeStampVector) stamps).get(row));
      result.add(
          new OnlineRow(
              key(spec, batch, row),
              ArrowValues.instant(times.get(row)),
              stamp,
              java.util.Collections.unmodifiableList(values)));
    }

    return result;
  }

  /** Returns the key of a row. */
  static EntityKey key(GroupSpec spec, VectorSchemaRoot batch, int row) {
    List<Column> keys = spec.keys();
    Object[] parts = new Object[keys.size()];
    for (int k = 0; k < parts.length; k++) {
      parts[k] = ArrowValues.get(batch.getVector(k), keys.get(k).type(), row);
    }

    return EntityKey.of(parts);
  }

  private static long hash(GroupSpec spec, VectorSchemaRoot batch, int row) {
    int keys = spec.keys().size();
    long hash = 0xcbf29ce484222325L;
    for (int k = 0; k < keys; k++) {
      FieldVector vector = batch.getVector(k);
      if (vector instanceof VarCharVector strings) {
        long start = strings.getStartOffset(row);
        long end = strings.getEndOffset(row);
        ArrowBuf data = strings.getDataBuffer();
        for (long i = start; i < end; i++) {
          hash = (hash ^ data.getByte(i)) * 0x100000001b3L;
        }

        hash = (hash ^ 0xff) * 0x100000001b3L;
      } else if (vector instanceof BaseIntVector ints) {
        hash = mix(hash, ints.getValueAsLong(row));
      }
    }

    return mix(hash, ((TimeStampVector) batch.getVector(keys)).get(row));
  }

  private static long mix(long hash, long value) {
    long h = (hash ^ value) * 0x9e3779b97f4a7c15L;
    return h ^ (h >>> 29);
  }

  private static List<Object> rowId(GroupSpec spec, VectorSchemaRoot batch, int row) {
    int keys = spec.keys().size();
    Object[] id = new Object[keys + 1];
    for (int k = 0; k < keys; k++) {
      id[k] = ArrowValues.get(batch.getVector(k), spec.keys().get(k).type(), row);
    }

    id[keys] = ((TimeStampVector) batch.getVector(keys)).get(row);
    return Arrays.asList(id);
  }

  private static boolean fits(Column column, Field field) {
    if (column.type() == FeatureType.TIMESTAMP
        && field.getType() instanceof ArrowType.Timestamp timestamp) {
      // Any zone names the same instant; a zone-less timestamp would need one said.
      return timestamp.getUnit() == TimeUnit.MICROSECOND && timestamp.getTimezone() != null;
    }

    try {
      return FeatureType.of(field) == column.type();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static List<String> columnNames(GroupSpec spec) {
    return spec.columns().stream().map(Column::name).toList();
  }
}
