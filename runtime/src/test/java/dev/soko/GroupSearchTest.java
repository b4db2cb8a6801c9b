package dev.soko;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class GroupSearchTest {

  private static final GroupSpec CLICKS =
      new GroupSpec(
          "clicks",
          1,
          "How often each user clicks.",
          "growth",
          List.of("user"),
          null,
          false,
          List.of(Column.key("user_id", FeatureType.STRING)),
          Column.eventTime("event_time"),
          List.of(Column.feature("clicks", FeatureType.LONG, false)));

  @Test
  void everyCriterionMustMatch() {
    assertThat(GroupSearch.all().matches(CLICKS)).isTrue();
    assertThat(GroupSearch.text("OFTEN").withTag("User").withOwner("growth").matches(CLICKS))
        .isTrue();
    assertThat(GroupSearch.text("often").withOwner("news").matches(CLICKS)).isFalse();
  }

  @Test
  void refusesNullText() {
    assertThatThrownBy(() -> GroupSearch.text(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("Cannot search groups: the text is null; give words to find, or use all()");
  }

  @Test
  void refusesANullOrBlankTagOrOwner() {
    assertThatThrownBy(() -> GroupSearch.all().withTag(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("Cannot search groups by tag: the tag is null; give a tag, such as \"user\"");
    assertThatThrownBy(() -> GroupSearch.all().withTag(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot search groups by tag: the tag '' is blank; give a tag, such as \"user\"");
    assertThatThrownBy(() -> GroupSearch.all().withOwner(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot search groups by owner: the owner ' ' is blank; give an owner, such as"
                + " \"news-recs\"");
  }

  @Test
  void matchesRefusesANullSpec() {
    assertThatThrownBy(() -> GroupSearch.text("x").matches(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage(
            "Cannot match a group against GroupSearch[text=x, tag=null, owner=null]: the spec is"
                + " null; give a group's spec");
  }
}
