package dev.soko;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyMappingTest {

  @Test
  void mapsGroupKeysToSpineColumnsInPairs() {
    KeyMapping mapping = KeyMapping.keys("article_id", "candidate_id", "region", "market");

    assertThat(mapping.spineColumns())
        .containsExactly(Map.entry("article_id", "candidate_id"), Map.entry("region", "market"));
    assertThat(mapping.alias()).isEmpty();
    assertThat(mapping.as("candidate").alias()).contains("candidate");
  }

  @Test
  void refusesNamesThatDoNotComeInPairs() {
    assertThatThrownBy(() -> KeyMapping.keys("article_id"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot map keys [article_id]: the names do not come in pairs; give pairs of names, a"
                + " group key then the spine column that holds it, such as"
                + " keys(\"article_id\", \"candidate_id\")");
  }

  @Test
  void refusesAKeyMappedTwice() {
    assertThatThrownBy(() -> KeyMapping.keys("a", "x", "a", "y"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot map keys [a, x, a, y]: key 'a' is mapped twice; map each group key to one"
                + " spine column");
  }

  // Regression: an invalid or blank alias was refused without the "Cannot ..." form and its fix.
  @Test
  void refusesAnInvalidAlias() {
    assertThatThrownBy(() -> KeyMapping.keys().as("Bad-Alias"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot alias a key mapping: the alias 'Bad-Alias' is not a valid name; use lower"
                + " case letters, digits and underscores, starting with a letter, at most 63"
                + " characters, such as 'reader'");
  }

  @Test
  void refusesABlankAlias() {
    assertThatThrownBy(() -> KeyMapping.keys().as(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot alias a key mapping: the alias ' ' is blank; give a name such as 'reader'"
                + " (lower case letters, digits and underscores), or leave as(...) out to name the"
                + " columns after the group");
  }

  // Regression: a null alias failed with a bare NullPointerException.
  @Test
  void refusesANullAliasNamingTheFix() {
    assertThatThrownBy(() -> KeyMapping.keys("user_id", "reader_id").as(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage(
            "Cannot alias a key mapping: the alias is null; give a name such as 'reader' (lower"
                + " case letters, digits and underscores), or leave as(...) out to name the columns"
                + " after the group");
  }

  @Test
  void refusesANullArrayOfNames() {
    assertThatThrownBy(() -> KeyMapping.keys((String[]) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage(
            "Cannot map keys: the array of names is null; give pairs of names, a group key then"
                + " the spine column that holds it, such as keys(\"article_id\", \"candidate_id\")");
  }

  // Regression: a null name failed with a NullPointerException saying only "spine column".
  @Test
  void refusesANullNameNamingItsPosition() {
    assertThatThrownBy(() -> KeyMapping.keys("article_id", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage(
            "Cannot map keys [article_id, null]: name 2 is null; give pairs of names, a group key"
                + " then the spine column that holds it, such as"
                + " keys(\"article_id\", \"candidate_id\")");
  }

  @Test
  void refusesABlankName() {
    assertThatThrownBy(() -> KeyMapping.keys(" ", "candidate_id"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot map keys [ , candidate_id]: name 1 ' ' is blank; give pairs of names, a group"
                + " key then the spine column that holds it, such as"
                + " keys(\"article_id\", \"candidate_id\")");
  }
}
