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
            "Key mapping article_id must come in pairs: a group key, then the spine column that"
                + " holds it");
  }

  @Test
  void refusesAKeyMappedTwice() {
    assertThatThrownBy(() -> KeyMapping.keys("a", "x", "a", "y"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Key 'a' is mapped twice in a key mapping");
  }

  @Test
  void refusesAnInvalidAlias() {
    assertThatThrownBy(() -> KeyMapping.keys().as("Bad-Alias"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Alias name 'Bad-Alias' is invalid: use lower case letters, digits and underscores,"
                + " starting with a letter, at most 63 characters");
  }
}
