package dev.soko.samples.news;

import static dev.soko.samples.news.Fixture.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.soko.EntityKey;
import dev.soko.FeatureStore;
import dev.soko.SokoException;
import dev.soko.StoreConfig;
import dev.soko.TrainingRow;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole sample on the fixture, on a real local store (see {@link EngagementFeaturesTest} for
 * the fixture's impressions).
 */
class NewsSampleTest {

  @TempDir static Path folder;
  private static FeatureStore store;
  private static final StringWriter output = new StringWriter();
  private static NewsSample.Summary summary;
  private static final Supplier<List<TrainingRow>> ROWS =
      new Supplier<>() {
        private List<TrainingRow> rows;

        @Override
        public synchronized List<TrainingRow> get() {
          if (rows == null) {
            rows = summary.loop().trainingSet().rows();
          }

          return rows;
        }
      };

  @BeforeAll
  static void run() {
    store = FeatureStore.builder().config(StoreConfig.local(folder)).open();
    summary =
        new NewsSample()
            .options(Fixture.folder(), ZoneOffset.UTC, Duration.ofMinutes(5))
            .run(store, folder, new PrintWriter(output, true));
  }

  @AfterAll
  static void close() {
    store.close();
  }

  @Test
  void countsOneTrainingRowPerShownArticleAndItsLabels() {
    // 3 + 2 + 3 + 3 + 2 + 3 + 3 + 2 = 21 candidates in the 8 valid impressions, of which
    // 1 + 1 + 1 + 2 + 1 + 1 + 2 + 1 = 10 clicked.
    assertThat(summary.trainingRows()).isEqualTo(21);
    assertThat(summary.labels()).isEqualTo(10);
    assertThat(summary.clicks().rows()).isEqualTo(21);
    assertThat(summary.clicks().clicks()).isEqualTo(10);
  }

  @Test
  void reportsZoneMalformedLinesAndThroughput() {
    assertThat(output.toString())
        .contains("Times in behaviors.tsv carry no zone: read in Z (change with --timezone).")
        .contains("news.tsv: 5 rows, 1 malformed line skipped: line 3 (3 fields, expected 8)")
        .contains("behaviors.tsv: 8 rows, 3 malformed lines skipped: line 3 (")
        .contains(
            "Articles shown but absent from news.tsv: 1 (their article_meta features are null)")
        .contains("Stream: 325 windows of PT5M; 8 log rows -> ")
        .contains(" windows/s, ")
        .contains("Training set: 21 rows (one per shown article), 10 clicked");
  }

  @Test
  void joinsArticleFeaturesAtTheImpressionTime() {
    // Impression 4, U3 at 11/11 10:20, candidate N1: the 10:05 row (see EngagementFeaturesTest):
    // hour 1 impression 0 clicks, day 3 impressions 1 click, CTR 1/3, age 3,900 s; meta from
    // news.tsv; U3 has no engagement before its first impression; no sports clicks yet.
    TrainingRow n1 = row(4, "N1");

    assertThat(n1.value("article_engagement__impressions_1h")).isEqualTo(1L);
    assertThat(n1.value("article_engagement__clicks_1h")).isEqualTo(0L);
    assertThat(n1.value("article_engagement__impressions_24h")).isEqualTo(3L);
    assertThat(n1.value("article_engagement__clicks_24h")).isEqualTo(1L);
    assertThat((Double) n1.value("article_engagement__ctr_24h")).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(n1.value("article_engagement__age_seconds")).isEqualTo(3_900L);
    assertThat(n1.value("article_meta__category")).isEqualTo("sports");
    assertThat(n1.value("article_meta__title_length")).isEqualTo(31);
    assertThat(n1.value("article_meta__entity_count")).isEqualTo(2);
    assertThat(n1.value("user_engagement__impressions_24h")).isNull();
    assertThat(n1.value("user_category_affinity__clicks_7d")).isNull();
  }

  @Test
  void givesNullsForAnArticleAbsentFromNews() {
    // N9 at 10:20: its 10:05 row (09:00 left the hour): hour 0, day 1 impression, 0 clicks,
    // CTR 0 / 1 = 0. No news.tsv row, so no meta and no category to join the affinity through.
    TrainingRow n9 = row(4, "N9");

    assertThat(n9.value("candidate_category")).isNull();
    assertThat(n9.value("article_engagement__impressions_1h")).isEqualTo(0L);
    assertThat(n9.value("article_engagement__impressions_24h")).isEqualTo(1L);
    assertThat(n9.value("article_engagement__ctr_24h")).isEqualTo(0.0);
    assertThat(n9.value("article_meta__category")).isNull();
    assertThat(n9.value("article_meta__title_length")).isNull();
    assertThat(n9.value("user_category_affinity__clicks_7d")).isNull();
    assertThat(n9.value("user_category_affinity__click_share_7d")).isNull();
  }

  @Test
  void joinsUserAndCategoryFeaturesAtTheImpressionTime() {
    // Impression 7, U1 at 11/12 09:30: user row of 11/12 09:05 (day 5 shown, 2 clicks; week 8
    // shown, 3 clicks); affinity row of 11/11 20:05: sports 2 of 3 clicks. Candidate N4 is
    // finance, which U1 had not clicked: no affinity row.
    TrainingRow n3 = row(7, "N3");

    assertThat(n3.value("user_engagement__impressions_24h")).isEqualTo(5L);
    assertThat(n3.value("user_engagement__clicks_24h")).isEqualTo(2L);
    assertThat(n3.value("user_engagement__impressions_7d")).isEqualTo(8L);
    assertThat(n3.value("user_engagement__clicks_7d")).isEqualTo(3L);
    assertThat(n3.value("user_engagement__history_items")).isEqualTo(2);
    assertThat(n3.value("user_engagement__click_categories_7d"))
        .isEqualTo(List.of("sports", "news"));
    assertThat(n3.value("user_category_affinity__clicks_7d")).isEqualTo(2L);
    assertThat((Double) n3.value("user_category_affinity__click_share_7d"))
        .isCloseTo(2.0 / 3, within(1e-12));
    assertThat(row(7, "N4").value("user_category_affinity__clicks_7d")).isNull();
  }

  @Test
  void backfillOfTheNewFeatureLeavesTheOnlineStoreUnchanged() {
    // After the stream: 5 articles (N1 to N4 and N9) and 3 users online. U1's latest is the
    // window of impression 7, 11/12 09:35: day [11/11 09:35, 11/12 09:35) holds 20:00 (2 shown,
    // 1 click) and 09:30 (3 shown, 2 clicks); the week all four impressions: 11 shown, 5 clicks,
    // sports 3, finance 1, news 1.
    OnlineSnapshot afterBackfill = OnlineSnapshot.take(store, Fixture.read());

    assertThat(summary.online().articles()).hasSize(5);
    assertThat(summary.online().users()).hasSize(3);
    assertThat(afterBackfill).isEqualTo(summary.online());
    UserEngagement u1 = afterBackfill.users().get(EntityKey.of("U1"));
    assertThat(u1)
        .isEqualTo(
            new UserEngagement(
                "U1",
                at(12, "09:35"),
                5,
                3,
                11,
                5,
                2,
                List.of("sports", "finance", "news"),
                List.of(3L, 1L, 1L),
                "sports",
                3.0 / 5));
    assertThat(store.online(UserCategoryAffinityGroup.DEFINITION).isEnabled()).isFalse();
    assertThatThrownBy(
            () -> store.latest(UserCategoryAffinityGroup.DEFINITION, EntityKey.of("U1", "sports")))
        .isInstanceOf(SokoException.class);
  }

  @Test
  void backfillsEveryAffinityRowOfTheLog() {
    // U1 7 rows and U3 3 rows (AffinityFeaturesTest); U2 clicks N3 (sports) at 11/11 09:02 and
    // 11/12 09:01: sports 1 of 1 at 09:05, sports 2 of 2 at 11/12 09:05. 7 + 3 + 2 = 12.
    assertThat(summary.loop().rows()).isEqualTo(12);
    assertThat(summary.loop().range().from()).isEqualTo(at(11, "09:00"));
    assertThat(summary.loop().range().to()).isEqualTo(at(12, "12:10"));
  }

  @Test
  void readmeInputIsTheFixture() throws Exception {
    for (String file : List.of("news.tsv", "behaviors.tsv")) {
      assertThat(Files.readString(Path.of("data/mind-sample", file)))
          .isEqualTo(Files.readString(Fixture.folder().resolve(file)));
    }
  }

  private static TrainingRow row(long impressionId, String candidateId) {
    return ROWS.get().stream()
        .filter(r -> ((Long) r.value("impression_id")) == impressionId)
        .filter(r -> r.value("candidate_id").equals(candidateId))
        .findFirst()
        .orElseThrow();
  }
}
