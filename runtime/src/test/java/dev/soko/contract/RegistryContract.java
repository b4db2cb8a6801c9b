package dev.soko.contract;

import static dev.soko.contract.StoreFixtures.CLICKS;
import static dev.soko.contract.StoreFixtures.EVERYTHING;
import static dev.soko.contract.StoreFixtures.NOW;
import static dev.soko.contract.StoreFixtures.SCORES;
import static dev.soko.contract.StoreFixtures.click;
import static dev.soko.contract.StoreFixtures.clicksSpec;
import static dev.soko.contract.StoreFixtures.clicksWith;
import static dev.soko.contract.StoreFixtures.clicksWithFeatures;
import static dev.soko.contract.StoreFixtures.clicksWithNewMetadata;
import static dev.soko.contract.StoreFixtures.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.soko.ApplyResult;
import dev.soko.ApplyResult.Change;
import dev.soko.ApplyResult.Outcome;
import dev.soko.Column;
import dev.soko.FeatureType;
import dev.soko.GroupInfo;
import dev.soko.GroupSearch;
import dev.soko.GroupSpec;
import dev.soko.GroupStats;
import dev.soko.SokoException;
import dev.soko.Spine;
import dev.soko.TimeRange;
import dev.soko.TrainingRow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.junit.jupiter.api.Test;

/** The registry: new groups, compatible changes in place, refused breaking changes, search. */
public abstract class RegistryContract extends StoreContract {

  private static final TimeRange ALL = TimeRange.of(daysAgo(365), daysAgo(-365));

  @Test
  void applyCreatesANewGroup() {
    ApplyResult result = store.apply(CLICKS);

    assertThat(result.changes())
        .containsExactly(new Change("store_clicks", 1, Outcome.CREATED, "created"));
    GroupInfo info = store.describe("store_clicks");
    assertThat(info).isEqualTo(new GroupInfo(clicksSpec(), false, NOW, NOW, GroupStats.EMPTY));
    assertThat(store.online(CLICKS).isMaterialized()).isFalse();
  }

  @Test
  void applyingTheSameDefinitionAgainChangesNothing() {
    store.apply(CLICKS);
    clock.advance(Duration.ofHours(1));

    ApplyResult result = store.apply(CLICKS);

    assertThat(result.changes())
        .containsExactly(new Change("store_clicks", 1, Outcome.UNCHANGED, "unchanged"));
    assertThat(store.describe("store_clicks").updatedAt()).isEqualTo(NOW);
  }

  @Test
  void compatibleMetadataChangeIsAppliedInPlaceWithoutTouchingData() {
    store.apply(CLICKS);
    store.write(CLICKS, List.of(click("u1", daysAgo(1), 1), click("u2", daysAgo(2), 2)));
    clock.advance(Duration.ofHours(1));

    ApplyResult result = store.apply(clicksWithNewMetadata());

    assertThat(result.changes())
        .containsExactly(
            new Change(
                "store_clicks",
                1,
                Outcome.UPDATED,
                "new description; new owner; new tags; new TTL PT336H"));
    GroupInfo info = store.describe("store_clicks");
    assertThat(info.spec()).isEqualTo(clicksWithNewMetadata());
    assertThat(info.createdAt()).isEqualTo(NOW);
    assertThat(info.updatedAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
    assertThat(info.stats().rows()).isEqualTo(2);
    assertThat(store.history(CLICKS, ALL))
        .containsExactly(click("u1", daysAgo(1), 1), click("u2", daysAgo(2), 2));
  }

  @Test
  void newNullableFeatureIsAddedInPlaceAndReadsNullForOldRows() throws Exception {
    store.apply(CLICKS);
    store.online(CLICKS).enable();
    store.write(CLICKS, List.of(click("u1", daysAgo(1), 1)));
    List<Column> features = new ArrayList<>(clicksSpec().features());
    features.add(Column.feature("views", FeatureType.LONG, true));

    ApplyResult result = store.apply(clicksWithFeatures(features));

    assertThat(result.changes())
        .containsExactly(new Change("store_clicks", 1, Outcome.UPDATED, "added feature 'views'"));
    assertThat(store.describe("store_clicks").stats().rows()).isEqualTo(1);
    try (ArrowReader reader = store.history("store_clicks", ALL)) {
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      assertThat(reader.loadNextBatch()).isTrue();
      assertThat(root.getRowCount()).isEqualTo(1);
      assertThat(root.getVector("clicks").getObject(0)).isEqualTo(1L);
      assertThat(root.getVector("views").isNull(0)).isTrue();
    }

    // The old definition no longer matches the applied columns.
    assertThatThrownBy(() -> store.write(CLICKS, List.of(click("u1", daysAgo(1), 1))))
        .isInstanceOf(SokoException.class)
        .hasMessage(
            "Cannot write to group 'store_clicks' version 1: its columns [user_id STRING NOT NULL,"
                + " event_time TIMESTAMP NOT NULL, clicks LONG NOT NULL, ctr DOUBLE] differ from"
                + " the applied ones [user_id STRING NOT NULL, event_time TIMESTAMP NOT NULL,"
                + " clicks LONG NOT NULL, ctr DOUBLE, views LONG]. Apply the new definition"
                + " first, raising the version if it breaks readers.");
  }

  // Regression: after a backfill, a feature added in place failed every "as known at" join that
  // read it, since the rows the backfill had replaced were kept without the new column.
  @Test
  void newNullableFeatureAfterABackfillJoinsAsKnownAt() {
    store.apply(CLICKS);
    store.write(CLICKS, List.of(click("u1", daysAgo(3), 1)));
    clock.advance(Duration.ofHours(1));
    store.backfill(
        CLICKS, TimeRange.of(daysAgo(4), daysAgo(2)), List.of(click("u1", daysAgo(3), 10)));
    List<Column> features = new ArrayList<>(clicksSpec().features());
    features.add(Column.feature("views", FeatureType.LONG, true));
    store.apply(clicksWithFeatures(features)).orThrow();
    Spine spine =
        Spine.records(
            CLICKS,
            List.of(
                click("u1", NOW.plus(Duration.ofMinutes(30)), 0),
                click("u1", NOW.plus(Duration.ofHours(2)), 0)));

    List<TrainingRow> rows =
        store.trainingSet(spine).with("store_clicks").asKnownAt().build().rows();

    assertThat(rows)
        .extracting(
            row -> row.value("store_clicks__clicks"), row -> row.value("store_clicks__views"))
        .containsExactly(tuple(1L, null), tuple(10L, null));
  }

  @Test
  void removedFeatureIsRefusedWithAMessageToRaiseTheVersion() {
    store.apply(CLICKS);

    ApplyResult result = store.apply(clicksWithFeatures(List.of(clicksSpec().features().get(0))));

    assertThat(result.refused())
        .containsExactly(
            new Change(
                "store_clicks",
                1,
                Outcome.REFUSED,
                "Cannot apply group 'store_clicks' version 1: feature 'ctr' was removed or"
                    + " renamed. This breaks readers of the stored data: raise the version to 2"
                    + " to apply it as a new group."));
    assertThat(store.describe("store_clicks").spec()).isEqualTo(clicksSpec());
  }

  @Test
  void retypedFeatureIsRefused() {
    store.apply(CLICKS);
    GroupSpec retyped =
        clicksWithFeatures(
            List.of(
                clicksSpec().features().get(0), Column.feature("ctr", FeatureType.FLOAT, true)));

    assertThatThrownBy(() -> store.apply(retyped).orThrow())
        .isInstanceOf(SokoException.class)
        .hasMessage(
            "Cannot apply group 'store_clicks' version 1: feature 'ctr' changed type from DOUBLE"
                + " to FLOAT. This breaks readers of the stored data: raise the version to 2 to"
                + " apply it as a new group.");
  }

  @Test
  void newNonNullFeatureIsRefused() {
    store.apply(CLICKS);
    List<Column> features = new ArrayList<>(clicksSpec().features());
    features.add(Column.feature("views", FeatureType.LONG, false));

    assertThat(store.apply(clicksWithFeatures(features)).refused())
        .extracting(Change::message)
        .containsExactly(
            "Cannot apply group 'store_clicks' version 1: new feature 'views' is non-nullable,"
                + " but stored rows have no value for it (make it a nullable type). This breaks"
                + " readers of the stored data: raise the version to 2 to apply it as a new"
                + " group.");
  }

  @Test
  void changedKeysAndEventTimeAreRefused() {
    store.apply(CLICKS);
    GroupSpec changed =
        clicksWith(
            List.of(Column.key("user_id", FeatureType.LONG)),
            Column.eventTime("seen_at"),
            clicksSpec().features());

    assertThat(store.apply(changed).refused())
        .extracting(Change::message)
        .containsExactly(
            "Cannot apply group 'store_clicks' version 1: the keys changed from [user_id STRING]"
                + " to [user_id LONG]; the event time changed from 'event_time' to 'seen_at'."
                + " This breaks readers of the stored data: raise the version to 2 to apply it as"
                + " a new group.");
  }

  @Test
  void aRefusalAppliesNothingOfTheSameCall() {
    store.apply(CLICKS);

    ApplyResult result =
        store.apply(SCORES.spec(), clicksWithFeatures(List.of(clicksSpec().features().get(0))));

    assertThat(result.changes())
        .extracting(Change::outcome)
        .containsExactly(Outcome.CREATED, Outcome.REFUSED);
    assertThat(store.list()).extracting(i -> i.spec().name()).containsExactly("store_clicks");
  }

  @Test
  void searchFindsGroupsByNameDescriptionTagAndOwner() {
    store.apply(CLICKS, SCORES, EVERYTHING);

    assertThat(names(store.search("CLICKS"))).containsExactly("store_clicks");
    assertThat(names(store.search("by region"))).containsExactly("store_scores");
    assertThat(names(store.search("engagement"))).containsExactly("store_clicks");
    assertThat(names(store.search("platform"))).containsExactly("store_everything");
    assertThat(names(store.search(GroupSearch.all().withTag("item"))))
        .containsExactly("store_scores");
    assertThat(names(store.search(GroupSearch.all().withOwner("Growth"))))
        .containsExactly("store_clicks");
    assertThat(names(store.search(GroupSearch.text("store").withOwner("ranking"))))
        .containsExactly("store_scores");
    assertThat(names(store.search("nothing like this"))).isEmpty();
    assertThat(names(store.list()))
        .containsExactly("store_clicks", "store_everything", "store_scores");
  }

  @Test
  void describingAnUnknownGroupIsAnError() {
    assertThatThrownBy(() -> store.describe("nope"))
        .isInstanceOf(SokoException.class)
        .hasMessage(
            "Cannot describe group 'nope': no group named 'nope' was applied. Apply it first, or"
                + " list the applied groups.");
  }

  private static List<String> names(List<GroupInfo> infos) {
    return infos.stream().map(i -> i.spec().name()).toList();
  }
}
