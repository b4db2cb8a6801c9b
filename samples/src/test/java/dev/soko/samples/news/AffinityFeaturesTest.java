package dev.soko.samples.news;

import static dev.soko.samples.news.Fixture.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code user_category_affinity} over the fixture (see {@link EngagementFeaturesTest}). */
class AffinityFeaturesTest {

  private final MindData data = Fixture.read();
  private final List<UserCategoryAffinity> rows =
      AffinityFeatures.over(
          data.inTimeOrder(), data.articles(), new Windows(Duration.ofMinutes(5)));

  @Test
  void followsTheUsersClicksWindowByWindow() {
    // U1 clicks N1 (sports) at 11/11 09:00, N3 (sports) at 09:31, N2 (news) at 20:00, and N3
    // (sports) and N4 (finance) at 11/12 09:30. Rows at each window end, from clicks before it:
    // 09:05 sports 1 of 1; 09:35 sports 2 of 2; 20:05 sports 2 of 3, news 1 of 3;
    // 11/12 09:35 finance 1 of 5, news 1 of 5, sports 3 of 5.
    assertThat(rows.stream().filter(r -> r.userId().equals("U1")))
        .containsExactly(
            new UserCategoryAffinity("U1", "sports", at(11, "09:05"), 1, 1.0),
            new UserCategoryAffinity("U1", "sports", at(11, "09:35"), 2, 1.0),
            new UserCategoryAffinity("U1", "news", at(11, "20:05"), 1, 1.0 / 3),
            new UserCategoryAffinity("U1", "sports", at(11, "20:05"), 2, 2.0 / 3),
            new UserCategoryAffinity("U1", "finance", at(12, "09:35"), 1, 1.0 / 5),
            new UserCategoryAffinity("U1", "news", at(12, "09:35"), 1, 1.0 / 5),
            new UserCategoryAffinity("U1", "sports", at(12, "09:35"), 3, 3.0 / 5));
  }

  @Test
  void aClickWithoutCategoryCountsInTheShareOnly() {
    // U3 clicks N1 (sports) and N9 (unknown) at 11/11 10:20, then N2 (news) at 11/12 12:00:
    // 10:25 sports 1 of 2; 11/12 12:05 news 1 of 3, sports 1 of 3.
    assertThat(rows.stream().filter(r -> r.userId().equals("U3")))
        .containsExactly(
            new UserCategoryAffinity("U3", "sports", at(11, "10:25"), 1, 0.5),
            new UserCategoryAffinity("U3", "news", at(12, "12:05"), 1, 1.0 / 3),
            new UserCategoryAffinity("U3", "sports", at(12, "12:05"), 1, 1.0 / 3));
  }

  @Test
  void writesAZeroRowWhenACategoryLeavesTheWeek() {
    List<Impression> twoClicks =
        List.of(
            new Impression(
                1,
                "U",
                at(1, "09:00"),
                List.of(),
                List.of(new Impression.Candidate("N1", true)),
                1),
            new Impression(
                2,
                "U",
                at(9, "09:00"),
                List.of(),
                List.of(new Impression.Candidate("N2", true)),
                2));

    List<UserCategoryAffinity> weekly =
        AffinityFeatures.over(twoClicks, data.articles(), new Windows(Duration.ofDays(1)));

    // Daily windows: sports 1 of 1 at 11/02; the 11/01 click leaves the week in the window of
    // 11/08, so 11/09 has sports 0 of 0, written once; then news 1 of 1 at 11/10.
    assertThat(weekly)
        .containsExactly(
            new UserCategoryAffinity("U", "sports", at(2, "00:00"), 1, 1.0),
            new UserCategoryAffinity("U", "sports", at(9, "00:00"), 0, 0.0),
            new UserCategoryAffinity("U", "news", at(10, "00:00"), 1, 1.0));
  }
}
