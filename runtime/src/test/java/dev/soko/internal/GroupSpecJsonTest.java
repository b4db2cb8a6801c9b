package dev.soko.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.soko.GroupSpec;
import dev.soko.contract.StoreFixtures;
import org.junit.jupiter.api.Test;

class GroupSpecJsonTest {

  @Test
  void specsSurviveTheRoundTrip() {
    for (GroupSpec spec :
        new GroupSpec[] {
          StoreFixtures.clicksSpec(), StoreFixtures.scoresSpec(), StoreFixtures.everythingSpec()
        }) {
      assertThat(GroupSpecJson.read(GroupSpecJson.write(spec))).isEqualTo(spec);
    }
  }

  @Test
  void documentNamesEveryField() {
    assertThat(GroupSpecJson.write(StoreFixtures.scoresSpec()))
        .isEqualTo(
            "{\"name\":\"store_scores\",\"version\":1,\"description\":\"Item scores by region.\","
                + "\"owner\":\"ranking\",\"tags\":[\"item\"],\"ttl\":null,\"online\":true,"
                + "\"keys\":[{\"name\":\"region\",\"type\":\"STRING\",\"nullable\":false,"
                + "\"description\":\"\",\"tags\":[]},{\"name\":\"item_id\",\"type\":\"LONG\","
                + "\"nullable\":false,\"description\":\"\",\"tags\":[]}],\"eventTime\":{\"name\":"
                + "\"event_time\",\"type\":\"TIMESTAMP\",\"nullable\":false,\"description\":\"\","
                + "\"tags\":[]},\"features\":[{\"name\":\"score\",\"type\":\"FLOAT\",\"nullable\":"
                + "true,\"description\":\"\",\"tags\":[]}]}");
  }

  @Test
  void unknownTypeIsAnError() {
    String json =
        GroupSpecJson.write(StoreFixtures.scoresSpec()).replace("\"FLOAT\"", "\"DECIMAL\"");

    assertThatThrownBy(() -> GroupSpecJson.read(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Cannot read a group spec from JSON: No enum constant");
  }
}
