package dev.soko;

import java.util.Arrays;
import java.util.List;

/**
 * The key of one entity of a feature group: one value per key column, in order. Values are {@code
 * String}, {@code Integer} or {@code Long}, never null. Composite keys compare part by part.
 *
 * @param parts the key values, in key column order
 */
public record EntityKey(List<Object> parts) {

  /**
   * Creates a key.
   *
   * @throws IllegalArgumentException if there are no parts, or a part is null or of another type
   */
  public EntityKey {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("A key must have at least one part");
    }

    for (Object part : parts) {
      if (!(part instanceof String || part instanceof Integer || part instanceof Long)) {
        throw new IllegalArgumentException(
            "Key part " + part + " must be a non-null String, Integer or Long; key: " + parts);
      }
    }

    parts = List.copyOf(parts);
  }

  /** Returns a key of the given parts. */
  public static EntityKey of(Object... parts) {
    return new EntityKey(Arrays.asList(parts));
  }

  /** Returns the number of parts. */
  public int size() {
    return parts.size();
  }

  /** Returns the part at the given position. */
  public Object part(int index) {
    return parts.get(index);
  }

  @Override
  public String toString() {
    return parts.size() == 1 ? String.valueOf(parts.get(0)) : parts.toString();
  }
}
