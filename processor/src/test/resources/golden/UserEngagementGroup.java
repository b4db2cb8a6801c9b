package com.example.news;

import dev.soko.Column;
import dev.soko.EntityKey;
import dev.soko.FeatureRef;
import dev.soko.FeatureType;
import dev.soko.GroupDefinition;
import dev.soko.GroupSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Generated;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;

/**
 * The definition of feature group {@code user_engagement}, version 1, declared by {@link
 * UserEngagement}: its columns, its Arrow schema, a constant for each feature, and converters
 * between records and Arrow batches.
 *
 * <p>How much a user reads, by day.
 */
@Generated("dev.soko.processor.FeatureGroupProcessor")
public final class UserEngagementGroup extends GroupDefinition<UserEngagement> {
  /** The definition of {@code user_engagement}; pass it wherever a group is expected. */
  public static final UserEngagementGroup DEFINITION = new UserEngagementGroup();

  /** The feature {@code clicks_24h}: Clicks in the 24 hours before event time. */
  public static final FeatureRef<Long> CLICKS_24H =
      new FeatureRef<>(DEFINITION, "clicks_24h", FeatureType.LONG);

  /** The feature {@code ctr_7d}. */
  public static final FeatureRef<Double> CTR_7D =
      new FeatureRef<>(DEFINITION, "ctr_7d", FeatureType.DOUBLE);

  /** The feature {@code embedding}. */
  public static final FeatureRef<float[]> EMBEDDING =
      new FeatureRef<>(DEFINITION, "embedding", FeatureType.FLOAT_ARRAY);

  /**
   * Creates the definition. {@link java.util.ServiceLoader} needs this constructor;
   * code should use {@link #DEFINITION}.
   */
  public UserEngagementGroup() {
    super(groupSpec(), UserEngagement.class);
  }

  @Override
  public VectorSchemaRoot toArrow(List<UserEngagement> rows, BufferAllocator allocator) {
    int count = rows.size();
    VectorSchemaRoot batch = VectorSchemaRoot.create(spec().schema(), allocator);
    try {
      for (FieldVector vector : batch.getFieldVectors()) {
        vector.setInitialCapacity(count);
      }

      batch.allocateNew();
      VarCharVector userId = (VarCharVector) batch.getVector(0);
      TimeStampMicroTZVector eventTime = (TimeStampMicroTZVector) batch.getVector(1);
      BigIntVector clicks24h = (BigIntVector) batch.getVector(2);
      Float8Vector ctr7d = (Float8Vector) batch.getVector(3);
      ListVector embedding = (ListVector) batch.getVector(4);
      for (int i = 0; i < count; i++) {
        UserEngagement row = rows.get(i);
        userId.setSafe(i, required(row.userId(), "user_id", i).getBytes(StandardCharsets.UTF_8));
        eventTime.setSafe(i, micros(required(row.eventTime(), "event_time", i)));
        clicks24h.setSafe(i, row.clicks24h());
        if (row.ctr7d() == null) {
          ctr7d.setNull(i);
        } else {
          ctr7d.setSafe(i, row.ctr7d());
        }

        if (row.embedding() == null) {
          embedding.setNull(i);
        } else {
          setFloats(embedding, i, row.embedding());
        }
      }

      batch.setRowCount(count);
      return batch;
    } catch (RuntimeException e) {
      batch.close();
      throw e;
    }
  }

  @Override
  public List<UserEngagement> fromArrow(VectorSchemaRoot batch) {
    VarCharVector userId = column(batch, "user_id", VarCharVector.class);
    TimeStampMicroTZVector eventTime = column(batch, "event_time", TimeStampMicroTZVector.class);
    BigIntVector clicks24h = column(batch, "clicks_24h", BigIntVector.class);
    Float8Vector ctr7d = column(batch, "ctr_7d", Float8Vector.class);
    ListVector embedding = column(batch, "embedding", ListVector.class);

    int count = batch.getRowCount();
    List<UserEngagement> rows = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      rows.add(
          new UserEngagement(
              new String(userId.get(i), StandardCharsets.UTF_8),
              instant(eventTime.get(i)),
              clicks24h.get(i),
              ctr7d.isNull(i) ? null : ctr7d.get(i),
              embedding.isNull(i) ? null : floats(embedding, i)));
    }

    return rows;
  }

  @Override
  public Object[] values(UserEngagement row) {
    return new Object[] {
      row.userId(),
      row.eventTime(),
      row.clicks24h(),
      row.ctr7d(),
      row.embedding()
    };
  }

  @Override
  public UserEngagement fromValues(Object[] values) {
    if (values.length != 5) {
      throw new IllegalArgumentException(
          "Cannot create UserEngagement from "
              + values.length
              + " values: feature group user_engagement has 5 columns");
    }

    return new UserEngagement(
        (String) values[0],
        (Instant) values[1],
        (Long) values[2],
        (Double) values[3],
        (float[]) values[4]);
  }

  @Override
  public EntityKey key(UserEngagement row) {
    return EntityKey.of(row.userId());
  }

  private static GroupSpec groupSpec() {
    return new GroupSpec(
        "user_engagement",
        1,
        "How much a user reads, by day.",
        "news-recs",
        List.of("user"),
        Duration.parse("P7D"),
        true,
        List.of(Column.key("user_id", FeatureType.STRING)),
        Column.eventTime("event_time"),
        List.of(
            new Column(
                "clicks_24h",
                FeatureType.LONG,
                Column.Role.FEATURE,
                false,
                "Clicks in the 24 hours before event time.",
                List.of()),
            Column.feature("ctr_7d", FeatureType.DOUBLE, true),
            Column.feature("embedding", FeatureType.FLOAT_ARRAY, true)));
  }

  /**
   * Returns a column of a batch, checking that its type is the group's and that it holds
   * no nulls if it must not.
   */
  private <V extends FieldVector> V column(VectorSchemaRoot batch, String name, Class<V> type) {
    Column column = spec().column(name).orElseThrow();
    FieldVector vector = batch.getVector(name);
    if (vector == null) {
      throw new IllegalArgumentException(
          "Cannot read feature group "
              + this
              + " from Arrow: the batch has no column '"
              + name
              + "'");
    }

    if (!type.isInstance(vector) || FeatureType.of(vector.getField()) != column.type()) {
      throw new IllegalArgumentException(
          "Cannot read feature group "
              + this
              + " from Arrow: column '"
              + name
              + "' is "
              + vector.getField()
              + ", not "
              + column.type());
    }

    if (!column.nullable() && vector.getNullCount() > 0) {
      throw new IllegalArgumentException(
          "Cannot read feature group "
              + this
              + " from Arrow: column '"
              + name
              + "' holds "
              + vector.getNullCount()
              + " nulls, but it is a key, the event time or a primitive feature");
    }

    return type.cast(vector);
  }

  /** Returns a key or event time value, which must not be null. */
  private static <T> T required(T value, String column, int row) {
    if (value == null) {
      throw new NullPointerException(
          "Cannot convert row "
              + row
              + " of feature group user_engagement to Arrow: its column '"
              + column
              + "' is a key or the event time, and must not be null");
    }

    return value;
  }

  /** Returns an instant in microseconds since the epoch, dropping any finer part. */
  private static long micros(Instant instant) {
    long seconds = instant.getEpochSecond();
    return Math.addExact(Math.multiplyExact(seconds, 1_000_000L), instant.getNano() / 1_000);
  }

  /** Returns the instant of a count of microseconds since the epoch. */
  private static Instant instant(long micros) {
    long seconds = Math.floorDiv(micros, 1_000_000L);
    return Instant.ofEpochSecond(seconds, Math.floorMod(micros, 1_000_000L) * 1_000L);
  }

  /** Writes a non-null list at a row of a list vector. */
  private static void setFloats(ListVector vector, int row, float[] values) {
    Float4Vector elements = (Float4Vector) vector.getDataVector();
    int start = vector.startNewValue(row);
    for (int i = 0; i < values.length; i++) {
      elements.setSafe(start + i, values[i]);
    }

    vector.endValue(row, values.length);
  }

  /** Reads the non-null list at a row of a list vector. */
  private static float[] floats(ListVector vector, int row) {
    Float4Vector elements = (Float4Vector) vector.getDataVector();
    int start = vector.getElementStartIndex(row);
    float[] values = new float[vector.getElementEndIndex(row) - start];
    for (int i = 0; i < values.length; i++) {
      values[i] = elements.get(start + i);
    }

    return values;
  }
}
