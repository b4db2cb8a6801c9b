package dev.soko;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class GroupSpecTest {

  @Test
  void refusesAColumnNamedRowid() {
    assertThatThrownBy(
            () ->
                new GroupSpec(
                    "clicks",
                    1,
                    "",
                    "",
                    List.of(),
                    null,
                    false,
                    List.of(Column.key("user_id", FeatureType.STRING)),
                    Column.eventTime("event_time"),
                    List.of(Column.feature("rowid", FeatureType.LONG, false))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Column name 'rowid' is reserved: SQL engines such as DuckDB give every table a rowid"
                + " column of their own; choose another name");
  }

  @Test
  void refusesAColumnNameThatIsNotSnakeCase() {
    assertThatThrownBy(
            () ->
                new GroupSpec(
                    "clicks",
                    1,
                    "",
                    "",
                    List.of(),
                    null,
                    false,
                    List.of(Column.key("UserId", FeatureType.STRING)),
                    Column.eventTime("event_time"),
                    List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Column name 'UserId' is invalid: use lower case letters, digits and underscores,"
                + " starting with a letter, at most 63 characters");
  }
}
