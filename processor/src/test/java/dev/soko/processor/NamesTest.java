package dev.soko.processor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamesTest {

  @ParameterizedTest
  @CsvSource({
    "userId, user_id",
    "clicks24h, clicks_24h",
    "ctr7d, ctr_7d",
    "HTTPStatus, http_status",
    "storeID, store_id",
    "top3Categories, top_3_categories",
    "UserEngagement, user_engagement",
    "already_snake, already_snake",
    "x, x"
  })
  void snakeCase(String javaName, String columnName) {
    assertThat(Names.snakeCase(javaName)).isEqualTo(columnName);
  }

  @ParameterizedTest
  @CsvSource({"clicks_24h, CLICKS_24H", "embedding, EMBEDDING"})
  void constantCase(String columnName, String constant) {
    assertThat(Names.constantCase(columnName)).isEqualTo(constant);
  }
}
