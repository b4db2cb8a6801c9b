package dev.soko.samples.news;

import static dev.soko.samples.news.Fixture.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.soko.samples.news.Windows.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Feature values of the fixture, with five-minute windows, checked against hand-computed ones.
 *
 * <p>The fixture's valid impressions, in time order (UTC; "+" a click):
 *
 * <pre>
 * id user 11/11 09:00 U1  N1+ N2  N9        id user 11/11 20:00 U1  N2+ N4
 *    2   11/11 09:02 U2  N1  N3+            6   11/12 09:01 U2  N1  N2  N3+
 *    3   11/11 09:31 U1  N1  N3+ N4         7   11/12 09:30 U1  N3+ N4+ N1
 *    4   11/11 10:20 U3  N1+ N9+ N4         8   11/12 12:00 U3  N9  N2+
 * </pre>
 *
 * N1 and N3 are sports, N2 news, N4 finance; N9 is not in news.tsv.
 */
class EngagementFeaturesTest {

  private static final List<ArticleEngagement> ARTICLES = new ArrayList<>();
  private static final List<UserEngagement> USERS = new ArrayList<>();
  private static int windows;

  @BeforeAll
  static void replay() {
    MindData data = Fixture.read();
    Windows fiveMinutes = new Windows(Duration.ofMinutes(5));
    EngagementFeatures features = new EngagementFeatures(data.articles(), fiveMinutes);
    for (Window window : fiveMinutes.over(data.inTimeOrder())) {
      EngagementFeatures.Rows rows = features.window(window);
      ARTICLES.addAll(rows.articles());
      USERS.addAll(rows.users());
      windows++;
    }
  }

  @Test
  void replaysEveryFiveMinuteWindowBetweenTheFirstAndLastImpression() {
    // From the window [11/11 09:00, 09:05) to [11/12 12:00, 12:05): 27 hours of 12 windows, + 1.
    assertThat(windows).isEqualTo(27 * 12 + 1);
  }

  @Test
  void articleEngagementAtImpressionFourLeavesTheFirstHourBehind() {
    // Impression 4 is at 11/11 10:20. N1's rows: 09:05 (impressions 1 and 2), 09:35 (impression
    // 3), 10:05 (09:00 and 09:02 leave the hour [09:05, 10:05)). The latest at 10:20 is 10:05:
    // hour: only 09:31, not clicked -> 1 impression, 0 clicks;
    // day: 09:00 (clicked), 09:02, 09:31 -> 3 impressions, 1 click, CTR 1/3;
    // age: 10:05 - 09:00 = 65 minutes = 3,900 seconds.
    ArticleEngagement n1 = articleAsOf("N1", at(11, "10:20"));

    assertThat(n1.eventTime()).isEqualTo(at(11, "10:05"));
    assertThat(n1.impressions1h()).isEqualTo(1);
    assertThat(n1.clicks1h()).isZero();
    assertThat(n1.impressions24h()).isEqualTo(3);
    assertThat(n1.clicks24h()).isEqualTo(1);
    assertThat(n1.ctr24h()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(n1.firstImpressionAt()).isEqualTo(at(11, "09:00"));
    assertThat(n1.ageSeconds()).isEqualTo(3_900);
  }

  @Test
  void articleEngagementNeverSeesItsOwnWindow() {
    // Impressions 1 and 2 are in the window [09:00, 09:05): at 09:02 nothing of N1 is known yet,
    // and the window's row at 09:05 counts both: 2 impressions, 1 click, CTR 1/2, age 300 s.
    assertThat(articleAsOf("N1", at(11, "09:04"))).isNull();

    ArticleEngagement n1 = articleAsOf("N1", at(11, "09:05"));
    assertThat(n1.impressions1h()).isEqualTo(2);
    assertThat(n1.clicks1h()).isEqualTo(1);
    assertThat(n1.ctr24h()).isEqualTo(0.5);
    assertThat(n1.ageSeconds()).isEqualTo(300);
  }

  @Test
  void articleAbsentFromNewsStillHasEngagement() {
    // N9 is shown at 11/11 09:00, 10:20 (clicked) and 11/12 12:00. Its rows: 09:05, 10:05 (09:00
    // leaves the hour), 10:25, 11:25 (10:20 leaves the hour), 11/12 09:05 (09:00 leaves the day),
    // 11/12 10:25 (10:20 leaves the day), 11/12 12:05. At impression 8 (11/12 12:00) the latest is
    // 10:25, with nothing left in the day: zero counts and a null CTR.
    ArticleEngagement n9 = articleAsOf("N9", at(12, "12:00"));

    assertThat(n9.eventTime()).isEqualTo(at(12, "10:25"));
    assertThat(n9.impressions24h()).isZero();
    assertThat(n9.clicks24h()).isZero();
    assertThat(n9.ctr24h()).isNull();
    assertThat(ARTICLES.stream().filter(r -> r.newsId().equals("N9")))
        .extracting(ArticleEngagement::eventTime)
        .containsExactly(
            at(11, "09:05"),
            at(11, "10:05"),
            at(11, "10:25"),
            at(11, "11:25"),
            at(12, "09:05"),
            at(12, "10:25"),
            at(12, "12:05"));
  }

  @Test
  void userEngagementAtImpressionSevenCountsTheDayAndTheWeek() {
    // Impression 7 is U1 at 11/12 09:30. U1 was shown 3 articles at 11/11 09:00 (1 click, N1
    // sports), 3 at 09:31 (1 click, N3 sports), 2 at 20:00 (1 click, N2 news). The latest row at
    // 09:30 is 11/12 09:05, when 09:00 left the day [11/11 09:05, 11/12 09:05):
    // day: 3 + 2 = 5 impressions, 1 + 1 = 2 clicks; week: 3 + 3 + 2 = 8, 3 clicks;
    // categories: sports 2, news 1; top sports with 2 / 3 of the clicks; history N5 N2: 2 items.
    UserEngagement u1 = userAsOf("U1", at(12, "09:30"));

    assertThat(u1.eventTime()).isEqualTo(at(12, "09:05"));
    assertThat(u1.impressions24h()).isEqualTo(5);
    assertThat(u1.clicks24h()).isEqualTo(2);
    assertThat(u1.impressions7d()).isEqualTo(8);
    assertThat(u1.clicks7d()).isEqualTo(3);
    assertThat(u1.historyItems()).isEqualTo(2);
    assertThat(u1.clickCategories7d()).containsExactly("sports", "news");
    assertThat(u1.categoryClicks7d()).containsExactly(2L, 1L);
    assertThat(u1.topCategory7d()).isEqualTo("sports");
    assertThat(u1.topCategoryShare7d()).isCloseTo(2.0 / 3, within(1e-12));
  }

  @Test
  void clicksOnArticlesAbsentFromNewsCountInNoCategory() {
    // U3 at 11/11 10:20 clicked N1 (sports) and N9 (not in news.tsv); row at 10:25:
    // 3 shown, 2 clicks, one category: sports 1, so the top share is 1 / 2. History: N1.
    UserEngagement u3 = userAsOf("U3", at(11, "10:25"));

    assertThat(u3.impressions24h()).isEqualTo(3);
    assertThat(u3.clicks7d()).isEqualTo(2);
    assertThat(u3.clickCategories7d()).containsExactly("sports");
    assertThat(u3.categoryClicks7d()).containsExactly(1L);
    assertThat(u3.topCategoryShare7d()).isEqualTo(0.5);
    assertThat(u3.historyItems()).isEqualTo(1);
  }

  @Test
  void emptyHistoryGivesZeroItems() {
    // U2 has an empty history on both of its rows.
    UserEngagement u2 = userAsOf("U2", at(11, "09:05"));

    assertThat(u2.historyItems()).isZero();
    assertThat(u2.impressions24h()).isEqualTo(2);
    assertThat(u2.clicks24h()).isEqualTo(1);
  }

  private static ArticleEngagement articleAsOf(String newsId, Instant at) {
    return Fixture.asOf(ARTICLES, r -> r.newsId().equals(newsId), ArticleEngagement::eventTime, at);
  }

  private static UserEngagement userAsOf(String userId, Instant at) {
    return Fixture.asOf(USERS, r -> r.userId().equals(userId), UserEngagement::eventTime, at);
  }
}
