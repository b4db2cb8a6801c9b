package dev.soko.samples.news;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Fixed windows of one length, aligned to the epoch: window {@code i} is {@code [i * length, (i +
 * 1) * length)}. Features computed for a window are stamped at its end and see only events before
 * it, so a training row at an impression's time never sees that impression or anything later.
 */
final class Windows {

  private final long millis;

  Windows(Duration length) {
    if (length.isNegative() || length.isZero() || length.toMillis() == 0) {
      throw new IllegalArgumentException(
          "Cannot use a window of " + length + ": the window must be at least one millisecond");
    }

    this.millis = length.toMillis();
  }

  /** Returns the window length. */
  Duration length() {
    return Duration.ofMillis(millis);
  }

  /** Returns the index of the window holding the instant. */
  long index(Instant instant) {
    return Math.floorDiv(instant.toEpochMilli(), millis);
  }

  /** Returns the index of the window holding the instant given in epoch milliseconds. */
  long index(long epochMillis) {
    return Math.floorDiv(epochMillis, millis);
  }

  /** Returns the start of a window. */
  Instant start(long index) {
    return Instant.ofEpochMilli(index * millis);
  }

  /** Returns the end of a window: the first instant after it. */
  Instant end(long index) {
    return Instant.ofEpochMilli((index + 1) * millis);
  }

  /**
   * Splits impressions sorted by time into every window from the first impression's to the last
   * one's, empty windows included, since old events leave the trailing counts in them too.
   */
  Iterable<Window> over(List<Impression> sorted) {
    return () -> new WindowIterator(sorted);
  }

  /**
   * One window and the impressions in it.
   *
   * @param index the window's index
   * @param start the window's first instant
   * @param end the first instant after the window, at which its features are stamped
   * @param impressions the impressions in the window, in time order
   */
  record Window(long index, Instant start, Instant end, List<Impression> impressions) {}

  private final class WindowIterator implements Iterator<Window> {

    private final List<Impression> sorted;
    private final long last;
    private long next;
    private int position;

    WindowIterator(List<Impression> sorted) {
      this.sorted = sorted;
      this.next = sorted.isEmpty() ? 0 : index(sorted.get(0).time());
      this.last = sorted.isEmpty() ? -1 : index(sorted.get(sorted.size() - 1).time());
    }

    @Override
    public boolean hasNext() {
      return !sorted.isEmpty() && next <= last;
    }

    @Override
    public Window next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }

      long current = next++;
      List<Impression> in = new ArrayList<>();
      while (position < sorted.size() && index(sorted.get(position).time()) == current) {
        in.add(sorted.get(position++));
      }

      return new Window(current, start(current), end(current), in);
    }
  }
}
