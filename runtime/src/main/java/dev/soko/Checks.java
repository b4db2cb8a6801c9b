package dev.soko;

import org.jspecify.annotations.Nullable;

/** The argument checks of the public entry points, worded "Cannot <what>: <why>; <fix>". */
final class Checks {

  private Checks() {}

  /**
   * Returns the value, or throws when it is null.
   *
   * @param what the operation, such as "create a key"
   * @param name the argument, such as "the alias"
   * @param fix what to give instead
   * @throws NullPointerException naming the operation, the argument and the fix
   */
  static <T> T given(@Nullable T value, String what, String name, String fix) {
    if (value == null) {
      throw new NullPointerException("Cannot " + what + ": " + name + " is null; " + fix);
    }

    return value;
  }

  /**
   * Returns the name, or throws when it is null or blank.
   *
   * @throws NullPointerException if it is null
   * @throws IllegalArgumentException if it is blank, quoting it
   */
  static String named(@Nullable String value, String what, String name, String fix) {
    given(value, what, name, fix);
    if (value.isBlank()) {
      throw new IllegalArgumentException(
          "Cannot " + what + ": " + name + " '" + value + "' is blank; " + fix);
    }

    return value;
  }
}
