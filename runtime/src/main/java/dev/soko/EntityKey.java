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

  private static final String FIX =
      "give one String, Integer or Long per key column, in key order, such as EntityKey.of(\"u42\")"
          + " or EntityKey.of(\"eu\", 42L)";

  /**
   * Creates a key.
   *
   * @throws NullPointerException if the list of parts is null
   * @throws IllegalArgumentException if there are no parts, or a part is null or of another type
   */
  public EntityKey {
    Checks.given(parts, "create a key", "the list of parts", FIX);
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("Cannot create a key: it has no parts; " + FIX);
    }

    for (int i = 0; i < parts.size(); i++) {
      Object part = parts.get(i);
      if (!(part instanceof String || part instanceof Integer || part instanceof Long)) {
        throw new IllegalArgumentException(
            "Cannot create key "
                + parts
                + ": part "
                + (i + 1)
                + " is "
                + (part == null
                    ? "null"
                    : "a " + part.getClass().getSimpleName() + " (" + part + ")")
                + "; "
                + FIX);
      }
    }

    parts = List.copyOf(parts);
  }

  /**
   * Returns a key of the given parts.
   *
   * @throws NullPointerException if the array of parts is null
   * @throws IllegalArgumentException if there are no parts, or a part is null or of another type
   */
  public static EntityKey of(Object... parts) {
    Checks.given(parts, "create a key", "the array of parts", FIX);
    return new EntityKey(Arrays.asList(parts));
  }

  /** Returns the number of parts. */
  public int size() {
    return parts.size();
  }

  /**
   * Returns the part at the given position, counted from 0.
   *
   * @throws IndexOutOfBoundsException if there is no part there
   */
  public Object part(int index) {
    if (index < 0 || index >= parts.size()) {
      throw new IndexOutOfBoundsException(
          "Cannot read part "
              + index
              + " of key "
              + this
              + ": it has "
              + parts.size()
              + " parts, numbered from 0 to "
              + (parts.size() - 1));
    }

    return parts.get(index);
  }

  @Override
  public String toString() {
    return parts.size() == 1 ? String.valueOf(parts.get(0)) : parts.toString();
  }
}
