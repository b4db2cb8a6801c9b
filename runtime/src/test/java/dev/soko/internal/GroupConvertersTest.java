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
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
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

  @Test
  void microsDropTheNanosecondsTowardThePast() {
    assertThat(GroupConverters.micros(Instant.parse("2024-03-10T00:00:00.123456789Z")))
        .isEqualTo(1_710_028_800_123_456L);
    assertThat(GroupConverters.micros(Instant.EPOCH)).isZero();
    assertThat(GroupConverters.micros(Instant.EPOCH.plusNanos(999))).isZero();
    assertThat(GroupConverters.micros(Instant.EPOCH.minusNanos(1))).isEqualTo(-1L);
    assertThat(GroupConverters.micros(Instant.parse("1969-12-31T23:59:58.500000999Z")))
        .isEqualTo(-1_500_000L);
    assertThat(GroupConverters.micros(Instant.parse("1900-01-01T00:00:00.000001Z")))
        .isEqualTo(-2_208_988_799_999_999L);
  }

  @Test
  void microsOfAnInstantBeyondALongAreAnError() {
    assertThatThrownBy(() -> GroupConverters.micros(Instant.MAX))
        .isInstanceOf(ArithmeticException.class)
        .hasMessage("long overflow");
  }

  @Test
  void instantOfMicrosBeforeAndAfter1970() {
    assertThat(GroupConverters.instant(1_710_028_800_123_456L))
        .isEqualTo(Instant.parse("2024-03-10T00:00:00.123456Z"));
    assertThat(GroupConverters.instant(0L)).isEqualTo(Instant.EPOCH);
    assertThat(GroupConverters.instant(-1L))
        .isEqualTo(Instant.parse("1969-12-31T23:59:59.999999Z"));
    assertThat(GroupConverters.instant(-1_499_999L))
        .isEqualTo(Instant.parse("1969-12-31T23:59:58.500001Z"));
    assertThat(GroupConverters.instant(-2_208_988_799_999_999L))
        .isEqualTo(Instant.parse("1900-01-01T00:00:00.000001Z"));
    assertThat(GroupConverters.instant(Long.MIN_VALUE))
        .isEqualTo(Instant.parse("-290308-12-21T19:59:05.224192Z"));
  }

  @Test
  void floatsRoundTripEmptyAndNullRows() {
    try (ListVector vector = list("embedding", FeatureType.FLOAT_ARRAY)) {
      GroupConverters.setFloats(vector, 0, new float[] {0.5f, -1f, Float.NaN});
      GroupConverters.setFloats(vector, 1, new float[0]);
      vector.setNull(2);
      GroupConverters.setFloats(vector, 3, new float[] {3f});
      vector.setValueCount(4);

      assertThat(GroupConverters.floats(vector, 0)).containsExactly(0.5f, -1f, Float.NaN);
      assertThat(GroupConverters.floats(vector, 1)).isEmpty();
      assertThat(vector.isNull(1)).isFalse();
      assertThat(vector.isNull(2)).isTrue();
      assertThat(GroupConverters.floats(vector, 3)).containsExactly(3f);
    }
  }

  @Test
  void floatsReadANullElementAsNaN() {
    try (ListVector vector = list("embedding", FeatureType.FLOAT_ARRAY)) {
      int start = vector.startNewValue(0);
      Float4Vector data = (Float4Vector) vector.getDataVector();
      data.setSafe(start, 1f);
      data.setNull(start + 1);
      vector.endValue(0, 2);
      vector.setValueCount(1);

      assertThat(GroupConverters.floats(vector, 0)).containsExactly(1f, Float.NaN);
    }
  }

  @Test
  void stringsKeepNullElementsAndEmptyLists() {
    try (ListVector vector = list("words", FeatureType.STRING_LIST)) {
      GroupConverters.setStrings(vector, 0, Arrays.asList("ünïcode", null, ""));
      GroupConverters.setStrings(vector, 1, List.of());
      vector.setNull(2);
      vector.setValueCount(3);

      assertThat(GroupConverters.strings(vector, 0)).containsExactly("ünïcode", null, "");
      assertThat(GroupConverters.strings(vector, 1)).isEmpty();
      assertThat(vector.isNull(1)).isFalse();
      assertThat(vector.isNull(2)).isTrue();
      assertThat(((VarCharVector) vector.getDataVector()).getValueCount()).isEqualTo(3);
    }
  }

  @Test
  void longsKeepNullElementsPastTheFirstAllocation() {
    try (ListVector vector = list("counts", FeatureType.LONG_LIST)) {
      List<Long> values = new ArrayList<>();
      for (long i = 0; i < 5_000; i++) {
        values.add(i % 1_000 == 999 ? null : i);
      }

      GroupConverters.setLongs(vector, 0, values);
      GroupConverters.setLongs(vector, 1, List.of());
      vector.setNull(2);
      vector.setValueCount(3);

      List<Long> back = GroupConverters.longs(vector, 0);
      assertThat(back).hasSize(5_000).isEqualTo(values);
      assertThat(back.get(4_999)).isNull();
      assertThat(back.get(4_998)).isEqualTo(4_998L);
      assertThat(GroupConverters.longs(vector, 1)).isEmpty();
      assertThat(vector.isNull(2)).isTrue();
    }
  }

  private VectorSchemaRoot clicks(List<Object> row) {
    return ArrowValues.batch(
        CLICKS.spec().columns(), Collections.singletonList(row.toArray()), allocator);
  }

  private ListVector list(String name, FeatureType type) {
    ListVector vector =
        (ListVector) Column.feature(name, type, true).field().createVector(allocator);
    vector.allocateNew();
    return vector;
  }
}
