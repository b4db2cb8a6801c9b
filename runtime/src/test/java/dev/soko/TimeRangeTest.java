package dev.soko;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeRangeTest {

  private static final Instant MARCH = Instant.parse("2024-03-01T00:00:00Z");
  private static final Instant APRIL = Instant.parse("2024-04-01T00:00:00Z");
  private static final String FIX =
      "give two instants, the first one in the range and the first one after it, such as"
          + " TimeRange.of(Instant.parse(\"2024-03-01T00:00:00Z\"),"
          + " Instant.parse(\"2024-04-01T00:00:00Z\"))";

  @Test
  void containsItsStartButNotItsEnd() {
    TimeRange range = TimeRange.of(MARCH, APRIL);

    assertThat(range.contains(MARCH)).isTrue();
    assertThat(range.contains(APRIL.minusNanos(1))).isTrue();
    assertThat(range.contains(APRIL)).isFalse();
    assertThat(range).hasToString("[2024-03-01T00:00:00Z, 2024-04-01T00:00:00Z)");
  }

  @Test
  void refusesANullEnd() {
    assertThatThrownBy(() -> TimeRange.of(null, APRIL))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("Cannot create a time range: 'from' is null; " + FIX);
    assertThatThrownBy(() -> TimeRange.of(MARCH, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("Cannot create a time range: 'to' is null; " + FIX);
  }

  @Test
  void refusesAnEmptyRange() {
    assertThatThrownBy(() -> TimeRange.of(APRIL, MARCH))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot create a time range from 2024-04-01T00:00:00Z to 2024-03-01T00:00:00Z: it is"
                + " empty, since 'from' is not before 'to'; "
                + FIX);
    assertThatThrownBy(() -> TimeRange.of(MARCH, MARCH))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "Cannot create a time range from 2024-03-01T00:00:00Z to 2024-03-01T00:00:00Z: it is"
                + " empty");
  }

  @Test
  void containsRefusesANullInstant() {
    assertThatThrownBy(() -> TimeRange.of(MARCH, APRIL).contains(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage(
            "Cannot test whether range [2024-03-01T00:00:00Z, 2024-04-01T00:00:00Z) contains an"
                + " instant: the instant is null; give one");
  }
}
