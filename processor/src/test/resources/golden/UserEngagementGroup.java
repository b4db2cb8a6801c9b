package com.example.news;

import dev.soko.Column;
import dev.soko.EntityKey;
import dev.soko.FeatureRef;
import dev.soko.FeatureType;
import dev.soko.GroupDefinition;
import dev.soko.GroupSpec;
import dev.soko.internal.ArrowValues;
import dev.soko.internal.GroupConverters;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Generated;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
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
    GroupConverters.checkToArrow(this, rows, allocator);
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
        GroupConverters.checkRow(row, this, i);
        GroupConverters.checkRequired(row.userId(), this, "user_id", i);
        userId.setSafe(i, row.userId().getBytes(StandardCharsets.UTF_8));
        GroupConverters.checkRequired(row.eventTime(), this, "event_time", i);
        eventTime.setSafe(i, ArrowValues.micros(row.eventTime()));
        clicks24h.setSafe(i, row.clicks24h());
        if (row.ctr7d() == null) {
          ctr7d.setNull(i);
        } else {
          ctr7d.setSafe(i, row.ctr7d());
        }

        if (row.embedding() == null) {
          embedding.setNull(i);
        } else {
          ArrowValues.setFloats(embedding, i, row.embedding());
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
    GroupConverters.checkFromArrow(this, batch);
    VarCharVector userId = GroupConverters.column(this, batch, "user_id", VarCharVector.class);
    TimeStampMicroTZVector eventTime =
        GroupConverters.column(this, batch, "event_time", TimeStampMicroTZVector.class);
    BigIntVector clicks24h = GroupConverters.column(this, batch, "clicks_24h", BigIntVector.class);
    Float8Vector ctr7d = GroupConverters.column(this, batch, "ctr_7d", Float8Vector.class);
    ListVector embedding = GroupConverters.column(this, batch, "embedding", ListVector.class);

    int count = batch.getRowCount();
    List<UserEngagement> rows = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      rows.add(
          new UserEngagement(
              new String(userId.get(i), StandardCharsets.UTF_8),
              ArrowValues.instant(eventTime.get(i)),
              clicks24h.get(i),
              ctr7d.isNull(i) ? null : ctr7d.get(i),
              embedding.isNull(i) ? null : ArrowValues.floats(embedding, i)));
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
}
