package dev.soko;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A search of the registry. Every given criterion must match; no criterion matches every group.
 *
 * @param text words to find, ignoring case, in the group's name, description, owner or tags, or in
 *     its features' names or descriptions; or null
 * @param tag a tag the group must carry, ignoring case; or null
 * @param owner the owner the group must have, ignoring case; or null
 */
public record GroupSearch(@Nullable String text, @Nullable String tag, @Nullable String owner) {

  /** Returns a search that matches every group. */
  public static GroupSearch all() {
    return new GroupSearch(null, null, null);
  }

  /**
   * Returns a search for text.
   *
   * @throws NullPointerException if the text is null
   */
  public static GroupSearch text(String text) {
    Checks.given(text, "search groups", "the text", "give words to find, or use all()");
    return new GroupSearch(text, null, null);
  }

  /**
   * Returns this search, also requiring a tag.
   *
   * @throws NullPointerException if the tag is null
   * @throws IllegalArgumentException if the tag is blank
   */
  public GroupSearch withTag(String required) {
    Checks.named(required, "search groups by tag", "the tag", "give a tag, such as \"user\"");
    return new GroupSearch(text, required, owner);
  }

  /**
   * Returns this search, also requiring an owner.
   *
   * @throws NullPointerException if the owner is null
   * @throws IllegalArgumentException if the owner is blank
   */
  public GroupSearch withOwner(String required) {
    Checks.named(
        required, "search groups by owner", "the owner", "give an owner, such as \"news-recs\"");
    return new GroupSearch(text, tag, required);
  }

  /**
   * Returns whether a group matches.
   *
   * @throws NullPointerException if the spec is null
   */
  public boolean matches(GroupSpec spec) {
    Checks.given(spec, "match a group against " + this, "the spec", "give a group's spec");
    if (tag != null && spec.tags().stream().noneMatch(t -> t.equalsIgnoreCase(tag))) {
      return false;
    }

    if (owner != null && !spec.owner().equalsIgnoreCase(owner)) {
      return false;
    }

    return text == null || containsText(spec, text.toLowerCase(Locale.ROOT).trim());
  }

  private static boolean containsText(GroupSpec spec, String needle) {
    StringBuilder haystack =
        new StringBuilder()
            .append(spec.name())
            .append('\n')
            .append(spec.description())
            .append('\n')
            .append(spec.owner());
    spec.tags().forEach(t -> haystack.append('\n').append(t));
    for (Column feature : spec.features()) {
      haystack.append('\n').append(feature.name()).append('\n').append(feature.description());
      feature.tags().forEach(t -> haystack.append('\n').append(t));
    }

    return haystack.toString().toLowerCase(Locale.ROOT).contains(needle);
  }
}
