package dev.soko;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How a group is joined to a spine: which spine column holds each of the group's keys, and,
 * optionally, an alias that names the group's output columns. Keys not mapped are looked up in the
 * spine column of the same name.
 *
 * <p>To join the same group twice, for the reader and for the author of an article, say, give each
 * join its own mapping and alias: {@code keys("user_id", "reader_id").as("reader")} and {@code
 * keys("user_id", "author_id").as("author")} give columns {@code reader__clicks} and {@code
 * author__clicks}.
 */
public final class KeyMapping {

  private static final String PAIRS =
      "give pairs of names, a group key then the spine column that holds it, such as"
          + " keys(\"article_id\", \"candidate_id\")";

  private final Map<String, String> spineColumns;
  private final @Nullable String alias;

  private KeyMapping(Map<String, String> spineColumns, @Nullable String alias) {
    this.spineColumns = Collections.unmodifiableMap(spineColumns);
    this.alias = alias;
  }

  /**
   * Returns a mapping from pairs of names: a group key, then the spine column that holds it, as in
   * {@code keys("article_id", "candidate_id")}. No pairs keep every key's own name.
   *
   * @throws NullPointerException if the names or one of them is null
   * @throws IllegalArgumentException if the names do not come in pairs, a name is blank, or a key
   *     is mapped twice
   */
  public static KeyMapping keys(String... groupKeyThenSpineColumn) {
    Checks.given(groupKeyThenSpineColumn, "map keys", "the array of names", PAIRS);
    String what = "map keys " + Arrays.toString(groupKeyThenSpineColumn);
    for (int i = 0; i < groupKeyThenSpineColumn.length; i++) {
      Checks.named(groupKeyThenSpineColumn[i], what, "name " + (i + 1), PAIRS);
    }

    if (groupKeyThenSpineColumn.length % 2 != 0) {
      throw new IllegalArgumentException(
          "Cannot " + what + ": the names do not come in pairs; " + PAIRS);
    }

    Map<String, String> columns = new LinkedHashMap<>();
    for (int i = 0; i < groupKeyThenSpineColumn.length; i += 2) {
      String key = groupKeyThenSpineColumn[i];
      String column = groupKeyThenSpineColumn[i + 1];
      if (columns.put(key, column) != null) {
        throw new IllegalArgumentException(
            "Cannot "
                + what
                + ": key '"
                + key
                + "' is mapped twice; map each group key to one spine column");
      }
    }

    return new KeyMapping(columns, null);
  }

  /**
   * Returns this mapping with an alias: the group's output columns are named {@code
   * <alias>__<feature>} instead of {@code <group>__<feature>}.
   *
   * @throws NullPointerException if the alias is null
   * @throws IllegalArgumentException if the alias is blank or not a valid name
   */
  public KeyMapping as(String alias) {
    String fix =
        "give a name such as 'reader' (lower case letters, digits and underscores), or leave"
            + " as(...) out to name the columns after the group";
    Checks.named(alias, "alias a key mapping", "the alias", fix);
    try {
      GroupSpec.checkName("Alias", alias);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Cannot alias a key mapping: the alias '"
              + alias
              + "' is not a valid name; use lower case letters, digits and underscores, starting"
              + " with a letter, at most 63 characters, such as 'reader'",
          e);
    }

    return new KeyMapping(new LinkedHashMap<>(spineColumns), alias);
  }

  /** Returns the spine column of each mapped group key. */
  public Map<String, String> spineColumns() {
    return spineColumns;
  }

  /** Returns the alias, if one was given. */
  public Optional<String> alias() {
    return Optional.ofNullable(alias);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof KeyMapping that
        && spineColumns.equals(that.spineColumns)
        && Objects.equals(alias, that.alias);
  }

  @Override
  public int hashCode() {
    return Objects.hash(spineColumns, alias);
  }

  @Override
  public String toString() {
    return spineColumns + (alias == null ? "" : " as " + alias);
  }
}
