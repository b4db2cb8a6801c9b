package dev.soko.contract;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that stands still until a test moves it. */
public final class MutableClock extends Clock {

  private Instant now;

  /** Creates a clock standing at the instant. */
  public MutableClock(Instant now) {
    this.now = now;
  }

  /** Moves the clock to an instant. */
  public void set(Instant instant) {
    this.now = instant;
  }

  /** Moves the clock forward. */
  public void advance(Duration duration) {
    this.now = now.plus(duration);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
