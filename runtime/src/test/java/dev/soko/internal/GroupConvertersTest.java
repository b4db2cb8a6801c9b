package dev.soko.internal;

import static dev.soko.contract.StoreFixtures.CLICKS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.soko.Column;
import dev.soko.FeatureType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupConvertersTest {

  private static final Instant TIME = Instant.parse("2024-03-10T00:00:00Z");

  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void close() {
    allocator.close();
  }

  @Test
  void columnReturnsTheVectorOfThatName() {
    try (VectorSchemaRoot batch = clicks(Arrays.asList("u1", TIME, 3L, 0.5))) {
      BigIntVector clicks = GroupConverters.column(CLICKS, batch, "clicks", BigIntVector.class);

      assertThat(clicks).isSameAs(batch.getVector("clicks"));
      assertThat(clicks.get(0)).isEqualTo(3L);
    }
  }

  @Test
  void columnAcceptsNullsWhereTheGroupAllowsThem() {
    try (VectorSchemaRoot batch = clicks(Arrays.asList("u1", TIME, 3L, null))) {
      Float8Vector ctr = GroupConverters.column(CLICKS, batch, "ctr", Float8Vector.class);

      assertThat(ctr.getNullCount()).isEqualTo(1);
    }
  }

  @Test
  void missingColumnIsAnError() {
    List<Column> columns = CLICKS.spec().columns().subList(0, 3);
    List<Object[]> rows = Collections.singletonList(new Object[] {"u1", TIME, 3L});
    try (VectorSchemaRoot batch = ArrowValues.batch(columns, rows, allocator)) {
      assertThatThrownBy(() -> GroupConverters.column(CLICKS, batch, "ctr", Float8Vector.class))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "Cannot read feature group store_clicks_v1 from Arrow: the batch has no column"
                  + " 'ctr'");
    }
  }

  @Test
  void columnOfAnotherTypeIsAnError() {
    List<Column> columns = new ArrayList<>(CLICKS.spec().columns());
    columns.set(3, Column.feature("ctr", FeatureType.FLOAT, true));
    List<Object[]> rows = Collections.singletonList(new Object[] {"u1", TIME, 3L, 0.5f});
    try (VectorSchemaRoot batch = ArrowValues.batch(columns, rows, allocator)) {
      assertThatThrownBy(() -> GroupConverters.column(CLICKS, batch, "ctr", Float8Vector.class))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "Cannot read feature group store_clicks_v1 from Arrow: column 'ctr' is"
                  + " ctr: FloatingPoint(SINGLE), not DOUBLE");
    }
  }

  @Test
  void nullsInARequiredColumnAreAnError() {
    List<Column> columns = new ArrayList<>(CLICKS.spec().columns());
    columns.set(2, Column.feature("clicks", FeatureType.LONG, true));
    List<Object[]> rows =
        List.of(new Object[] {"u1", TIME, null, 0.5}, new Object[] {"u2", TIME, null, 0.5});
    try (VectorSchemaRoot batch = ArrowValues.batch(columns, rows, allocator)) {
      assertThatThrownBy(() -> GroupConverters.column(CLICKS, batch, "clicks", BigIntVector.class))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "Cannot read feature group store_clicks_v1 from Arrow: column 'clicks' holds 2"
                  + " nulls, but it is a key, the event time or a primitive feature");
    }
  }

  @Test
  void checkRequiredAcceptsAValue() {
    assertThatCode(() -> GroupConverters.checkRequired("u1", CLICKS, "user_id", 0))
        .doesNotThrowAnyException();
  }

  @Test
  void checkRequiredRefusesNull() {
    assertThatThrownBy(() -> GroupConverters.checkRequired(null, CLICKS, "event_time", 7))
        .isInstanceOf(NullPointerException.class)
        .hasMessage(
            "Cannot convert row 7 of feature group store_clicks to Arrow: its column 'event_time'"
                + " is a key or the event time, and must not be null");
  }

  private VectorSchemaRoot clicks(List<Object> row) {
    return ArrowValues.batch(
        CLICKS.spec().columns(), Collections.singletonList(row.toArray()), allocator);
  }
}
