package dev.soko.samples.retail;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that stands at the shop's time while the sample replays 2011: the store takes ingestion
 * times and the online TTL's "now" from it, so that values of 2011 are fresh when read in 2011.
 */
final class ShopClock extends Clock {

  private volatile Instant now;

  ShopClock(Instant now) {
    this.now = now;
  }

  /** Moves the clock to an instant. */
  void set(Instant instant) {
    this.now = instant;
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
