package dev.soko.processor;

import dev.soko.Column;
import dev.soko.GroupDefinition;
import dev.soko.processor.example.UserEngagement;
import dev.soko.processor.example.UserEngagementGroup;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.impl.UnionListWriter;

/**
 * Measures how many records per second the generated converters turn into an Arrow batch and back,
 * against a naive converter that goes through boxed {@code values()} and {@code fromValues()} and
 * Arrow's generic writers and {@code getObject}. Not a unit test; run it by hand:
 *
 * <pre>
 * java --add-opens=java.base/java.nio=ALL-UNNAMED -Xmx2g -cp ... \
 *     dev.soko.processor.ConversionBenchmark [records] [embedding size]
 * </pre>
 */
public final class ConversionBenchmark {

  private static final int ROUNDS = 8;

  private ConversionBenchmark() {}

  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int dimensions = args.length > 1 ? Integer.parseInt(args[1]) : 16;
    List<UserEngagement> rows = rows(count, dimensions);
    UserEngagementGroup group = UserEngagementGroup.DEFINITION;
    System.out.printf(
        "%,d user_engagement records (String key, Instant, long, nullable Double, float[%d])%n",
        count, dimensions);
    // The best of several rounds: on a shared machine, the slower rounds measure the neighbours.
    long[] best = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
    try (BufferAllocator allocator = new RootAllocator()) {
      for (int round = 1; round <= ROUNDS; round++) {
        long start = System.nanoTime();
        try (VectorSchemaRoot batch = group.toArrow(rows, allocator)) {
          long written = System.nanoTime();
          List<UserEngagement> back = group.fromArrow(batch);
          long read = System.nanoTime();
          check(back, count);
          long naiveStart = System.nanoTime();
          try (VectorSchemaRoot naiveBatch = naiveToArrow(group, rows, allocator)) {
            long naiveWritten = System.nanoTime();
            List<UserEngagement> naiveBack = naiveFromArrow(group, naiveBatch);
            long naiveRead = System.nanoTime();
            check(naiveBack, count);
            best[0] = Math.min(best[0], written - start);
            best[1] = Math.min(best[1], read - written);
            best[2] = Math.min(best[2], naiveWritten - naiveStart);
            best[3] = Math.min(best[3], naiveRead - naiveWritten);
            System.out.printf(
                "round %d: generated to Arrow %s/s, from Arrow %s/s; naive to Arrow %s/s, from"
                    + " Arrow %s/s%n",
                round,
                rate(count, written - start),
                rate(count, read - written),
                rate(count, naiveWritten - naiveStart),
                rate(count, naiveRead - naiveWritten));
          }
        }
      }
    }

    System.out.printf(
        "best: generated to Arrow %s/s, from Arrow %s/s; naive to Arrow %s/s, from Arrow %s/s%n",
        rate(count, best[0]), rate(count, best[1]), rate(count, best[2]), rate(count, best[3]));
  }

  private static List<UserEngagement> rows(int count, int dimensions) {
    Random random = new Random(42);
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    List<UserEngagement> rows = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      float[] embedding = new float[dimensions];
      for (int d = 0; d < dimensions; d++) {
        embedding[d] = random.nextFloat();
      }

      rows.add(
          new UserEngagement(
              "u" + (i % 100_000),
              start.plusSeconds(i).plusNanos(random.nextInt(1_000_000) * 1_000L),
              random.nextInt(500),
              i % 10 == 0 ? null : random.nextDouble(),
              embedding));
    }

    return rows;
  }

  private static void check(List<UserEngagement> rows, int count) {
    if (rows.size() != count) {
      throw new IllegalStateException("Converted " + rows.size() + " rows, not " + count);
    }
  }

  private static String rate(int count, long nanos) {
    return String.format("%,.0f", count / (nanos / 1e9));
  }

  /** Converts records as a generic converter would: boxed values, one cell at a time. */
  private static <R extends Record> VectorSchemaRoot naiveToArrow(
      GroupDefinition<R> group, List<R> rows, BufferAllocator allocator) {
    VectorSchemaRoot batch = VectorSchemaRoot.create(group.spec().schema(), allocator);
    batch.allocateNew();
    List<Column> columns = group.spec().columns();
    for (int i = 0; i < rows.size(); i++) {
      Object[] values = group.values(rows.get(i));
      for (int c = 0; c < columns.size(); c++) {
        set(batch.getVector(c), columns.get(c), i, values[c]);
      }
    }

    batch.setRowCount(rows.size());
    return batch;
  }

  private static void set(FieldVector vector, Column column, int row, Object value) {
    if (value == null) {
      vector.setNull(row);
      return;
    }

    switch (column.type()) {
      case STRING ->
          ((VarCharVector) vector).setSafe(row, ((String) value).getBytes(StandardCharsets.UTF_8));
      case TIMESTAMP -> {
        Instant instant = (Instant) value;
        ((TimeStampMicroTZVector) vector)
            .setSafe(row, instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000);
      }
      case LONG -> ((BigIntVector) vector).setSafe(row, (Long) value);
      case DOUBLE -> ((Float8Vector) vector).setSafe(row, (Double) value);
      case FLOAT_ARRAY -> {
        UnionListWriter writer = ((ListVector) vector).getWriter();
        writer.setPosition(row);
        writer.startList();
        for (float element : (float[]) value) {
          writer.float4().writeFloat4(element);
        }

        writer.endList();
      }
      default -> throw new IllegalArgumentException("Not in this benchmark: " + column.type());
    }
  }

  /** Reads records as a generic converter would: {@code getObject} per cell, then boxed values. */
  private static <R extends Record> List<R> naiveFromArrow(
      GroupDefinition<R> group, VectorSchemaRoot batch) {
    List<Column> columns = group.spec().columns();
    List<R> rows = new ArrayList<>(batch.getRowCount());
    for (int i = 0; i < batch.getRowCount(); i++) {
      Object[] values = new Object[columns.size()];
      for (int c = 0; c < columns.size(); c++) {
        values[c] = get(batch.getVector(c), columns.get(c), i);
      }

      rows.add(group.fromValues(values));
    }

    return rows;
  }

  private static Object get(FieldVector vector, Column column, int row) {
    Object value = vector.getObject(row);
    if (value == null) {
      return null;
    }

    return switch (column.type()) {
      case STRING -> value.toString();
      case TIMESTAMP -> {
        long micros = ((TimeStampMicroTZVector) vector).get(row);
        yield Instant.ofEpochSecond(
            Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
      }
      case FLOAT_ARRAY -> {
        List<?> list = (List<?>) value;
        float[] floats = new float[list.size()];
        for (int i = 0; i < floats.length; i++) {
          floats[i] = (Float) list.get(i);
        }

        yield floats;
      }
      default -> value;
    };
  }
}
