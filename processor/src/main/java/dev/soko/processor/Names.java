package dev.soko.processor;

import java.util.Locale;
import java.util.regex.Pattern;

/** Naming rules shared by validation and generation. */
final class Names {

  /** What a group or column name must look like: the same rule as the runtime's. */
  static final Pattern VALID = Pattern.compile("[a-z][a-z0-9_]{0,62}");

  private Names() {}

  /**
   * Returns a Java name in snake_case: {@code userId} becomes {@code user_id}, {@code clicks24h}
   * becomes {@code clicks_24h} and {@code HTTPStatus} becomes {@code http_status}.
   */
  static String snakeCase(String javaName) {
    StringBuilder out = new StringBuilder(javaName.length() + 8);
    for (int i = 0; i < javaName.length(); i++) {
      char c = javaName.charAt(i);
      char previous = i > 0 ? javaName.charAt(i - 1) : '_';
      char next = i + 1 < javaName.length() ? javaName.charAt(i + 1) : '_';
      boolean wordStart =
          Character.isUpperCase(c)
                  && (Character.isLowerCase(previous)
                      || Character.isDigit(previous)
                      || (Character.isUpperCase(previous) && Character.isLowerCase(next)))
              || Character.isDigit(c) && Character.isLetter(previous);
      if (wordStart) {
        out.append('_');
      }

      out.append(Character.toLowerCase(c));
    }

    return out.toString();
  }

  /** Returns a column name as a constant name: {@code clicks_24h} becomes {@code CLICKS_24H}. */
  static String constantCase(String columnName) {
    return columnName.toUpperCase(Locale.ROOT);
  }
}
