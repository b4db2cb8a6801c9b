package dev.soko.samples.news;

import java.util.Arrays;

/**
 * Impression and click counts of one key over several trailing horizons. Events arrive in time
 * order; {@link #advanceTo} drops from each horizon the events that fall out of it, so each count
 * costs amortized constant time per event however often it is read.
 */
final class SlidingCounts {

  private final long[] horizons;
  private final int[] heads;
  private final long[] impressions;
  private final long[] clicks;
  private long[] times = new long[4];
  private int[] shown = new int[4];
  private int[] clicked = new int[4];
  private int size;

  /** Creates counts over the given horizons in milliseconds, shortest first. */
  SlidingCounts(long... horizons) {
    this.horizons = horizons.clone();
    this.heads = new int[horizons.length];
    this.impressions = new long[horizons.length];
    this.clicks = new long[horizons.length];
  }

  /** Adds an event; its time must not be before the previous event's. */
  void add(long time, int shownCount, int clickedCount) {
    if (size == times.length) {
      times = Arrays.copyOf(times, size * 2);
      shown = Arrays.copyOf(shown, size * 2);
      clicked = Arrays.copyOf(clicked, size * 2);
    }

    times[size] = time;
    shown[size] = shownCount;
    clicked[size] = clickedCount;
    size++;
    for (int h = 0; h < horizons.length; h++) {
      impressions[h] += shownCount;
      clicks[h] += clickedCount;
    }
  }

  /** Leaves in horizon {@code h} only the events at or after {@code end - horizons[h]}. */
  void advanceTo(long end) {
    for (int h = 0; h < horizons.length; h++) {
      long from = end - horizons[h];
      while (heads[h] < size && times[heads[h]] < from) {
        impressions[h] -= shown[heads[h]];
        clicks[h] -= clicked[heads[h]];
        heads[h]++;
      }
    }

    compact();
  }

  long impressions(int horizon) {
    return impressions[horizon];
  }

  long clicks(int horizon) {
    return clicks[horizon];
  }

  /** Returns whether no event is left in any horizon. */
  boolean isEmpty() {
    return heads[horizons.length - 1] == size;
  }

  private void compact() {
    int drop = heads[horizons.length - 1];
    if (drop == 0 || drop < size / 2) {
      return;
    }

    int keep = size - drop;
    System.arraycopy(times, drop, times, 0, keep);
    System.arraycopy(shown, drop, shown, 0, keep);
    System.arraycopy(clicked, drop, clicked, 0, keep);
    size = keep;
    for (int h = 0; h < horizons.length; h++) {
      heads[h] -= drop;
    }
  }
}
