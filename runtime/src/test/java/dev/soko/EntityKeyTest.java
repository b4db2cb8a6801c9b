package dev.soko;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityKeyTest {

  private static final String FIX =
      "give one String, Integer or Long per key column, in key order, such as EntityKey.of(\"u42\")"
          + " or EntityKey.of(\"eu\", 42L)";

  @Test
  void holdsItsPartsInOrder() {
    EntityKey key = EntityKey.of("eu", 42L, 7);

    assertThat(key.parts()).containsExactly("eu", 42L, 7);
    assertThat(key.size()).isEqualTo(3);
    assertThat(key.part(1)).isEqualTo(42L);
    assertThat(key).hasToString("[eu, 42, 7]");
    assertThat(EntityKey.of("u42")).hasToString("u42");
  }

  // Regression: a null array of parts failed with a bare NullPointerException.
  @Test
  void refusesANullArrayOfParts() {
    assertThatThrownBy(() -> EntityKey.of((Object[]) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("Cannot create a key: the array of parts is null; " + FIX);
  }

  @Test
  void refusesANullListOfParts() {
    assertThatThrownBy(() -> new EntityKey(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("Cannot create a key: the list of parts is null; " + FIX);
  }

  @Test
  void refusesAKeyWithoutParts() {
    assertThatThrownBy(EntityKey::of)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot create a key: it has no parts; " + FIX);
  }

  @Test
  void refusesANullPartNamingItsPosition() {
    assertThatThrownBy(() -> EntityKey.of("eu", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot create key [eu, null]: part 2 is null; " + FIX);
  }

  @Test
  void refusesAPartOfAnotherType() {
    assertThatThrownBy(() -> new EntityKey(Arrays.asList("eu", 1.5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot create key [eu, 1.5]: part 2 is a Double (1.5); " + FIX);
  }

  @Test
  void partOutOfRangeNamesTheRange() {
    EntityKey key = new EntityKey(List.of("eu", 42L));

    assertThatThrownBy(() -> key.part(2))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("Cannot read part 2 of key [eu, 42]: it has 2 parts, numbered from 0 to 1");
    assertThatThrownBy(() -> key.part(-1))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("Cannot read part -1 of key [eu, 42]: it has 2 parts, numbered from 0 to 1");
  }
}
