package dev.soko.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.soko.Column;
import dev.soko.FeatureType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ArrowValuesTest {

  private static final Instant TIME = Instant.parse("2024-03-10T00:00:00Z");

  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void close() {
    allocator.close();
  }

  @Test
  void microsDropTheNanosecondsTowardThePast() {
    assertThat(ArrowValues.micros(Instant.parse("2024-03-10T00:00:00.123456789Z")))
        .isEqualTo(1_710_028_800_123_456L);
    assertThat(ArrowValues.micros(Instant.EPOCH)).isZero();
    assertThat(ArrowValues.micros(Instant.EPOCH.plusNanos(999))).isZero();
    assertThat(ArrowValues.micros(Instant.EPOCH.minusNanos(1))).isEqualTo(-1L);
    assertThat(ArrowValues.micros(Instant.parse("1969-12-31T23:59:58.500000999Z")))
        .isEqualTo(-1_500_000L);
    assertThat(ArrowValues.micros(Instant.parse("1900-01-01T00:00:00.000001Z")))
        .isEqualTo(-2_208_988_799_999_999L);
  }

  @Test
  void microsOfAnInstantBeyondALongAreAnError() {
    assertThatThrownBy(() -> ArrowValues.micros(Instant.MAX))
        .isInstanceOf(ArithmeticException.class)
        .hasMessage("long overflow");
  }

  @Test
  void instantOfMicrosBeforeAndAfter1970() {
    assertThat(ArrowValues.instant(1_710_028_800_123_456L))
        .isEqualTo(Instant.parse("2024-03-10T00:00:00.123456Z"));
    assertThat(ArrowValues.instant(0L)).isEqualTo(Instant.EPOCH);
    assertThat(ArrowValues.instant(-1L)).isEqualTo(Instant.parse("1969-12-31T23:59:59.999999Z"));
    assertThat(ArrowValues.instant(-1_499_999L))
        .isEqualTo(Instant.parse("1969-12-31T23:59:58.500001Z"));
    assertThat(ArrowValues.instant(-2_208_988_799_999_999L))
        .isEqualTo(Instant.parse("1900-01-01T00:00:00.000001Z"));
    assertThat(ArrowValues.instant(Long.MIN_VALUE))
        .isEqualTo(Instant.parse("-290308-12-21T19:59:05.224192Z"));
  }

  @Test
  void floatsRoundTripEmptyAndNullRows() {
    try (ListVector vector = list("embedding", FeatureType.FLOAT_ARRAY)) {
      ArrowValues.setFloats(vector, 0, new float[] {0.5f, -1f, Float.NaN});
      ArrowValues.setFloats(vector, 1, new float[0]);
      vector.setNull(2);
      ArrowValues.setFloats(vector, 3, new float[] {3f});
      vector.setValueCount(4);

      assertThat(ArrowValues.floats(vector, 0)).containsExactly(0.5f, -1f, Float.NaN);
      assertThat(ArrowValues.floats(vector, 1)).isEmpty();
      assertThat(vector.isNull(1)).isFalse();
      assertThat(vector.isNull(2)).isTrue();
      assertThat(ArrowValues.floats(vector, 3)).containsExactly(3f);
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

      assertThat(ArrowValues.floats(vector, 0)).containsExactly(1f, Float.NaN);
    }
  }

  @Test
  void stringsKeepNullElementsAndEmptyLists() {
    try (ListVector vector = list("words", FeatureType.STRING_LIST)) {
      ArrowValues.setStrings(vector, 0, Arrays.asList("ünïcode", null, ""));
      ArrowValues.setStrings(vector, 1, List.of());
      vector.setNull(2);
      vector.setValueCount(3);

      assertThat(ArrowValues.strings(vector, 0)).containsExactly("ünïcode", null, "");
      assertThat(ArrowValues.strings(vector, 1)).isEmpty();
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

      ArrowValues.setLongs(vector, 0, values);
      ArrowValues.setLongs(vector, 1, List.of());
      vector.setNull(2);
      vector.setValueCount(3);

      List<Long> back = ArrowValues.longs(vector, 0);
      assertThat(back).hasSize(5_000).isEqualTo(values);
      assertThat(back.get(4_999)).isNull();
      assertThat(back.get(4_998)).isEqualTo(4_998L);
      assertThat(ArrowValues.longs(vector, 1)).isEmpty();
      assertThat(vector.isNull(2)).isTrue();
    }
  }

  private ListVector list(String name, FeatureType type) {
    ListVector vector =
        (ListVector) Column.feature(name, type, true).field().createVector(allocator);
    vector.allocateNew();
    return vector;
  }
}
