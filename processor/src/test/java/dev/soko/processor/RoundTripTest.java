package dev.soko.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.soko.EntityKey;
import dev.soko.FeatureType;
import dev.soko.GroupDefinition;
import dev.soko.processor.example.EveryType;
import dev.soko.processor.example.EveryTypeGroup;
import dev.soko.processor.example.UserEngagementGroup;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Converts records of {@link EveryType}, compiled with the processor, to an Arrow batch and back,
 * one test per supported type, nulls included.
 */
class RoundTripTest {

  private static final EveryTypeGroup GROUP = EveryTypeGroup.DEFINITION;
  private static final Instant NOON = Instant.parse("2026-03-01T12:00:00Z");

  private BufferAllocator allocator;

  @BeforeEach
  void openAllocator() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  @Test
  void booleans() {
    List<EveryType> rows =
        List.of(with("open", true, "promoted", true), with("open", false, "promoted", false));
    List<EveryType> nulls = List.of(with("promoted", null));

    assertThat(roundTrip(rows)).extracting(EveryType::open).containsExactly(true, false);
    assertThat(roundTrip(rows)).extracting(EveryType::promoted).containsExactly(true, false);
    assertThat(roundTrip(nulls)).extracting(EveryType::promoted).containsExactly((Boolean) null);
  }

  @Test
  void ints() {
    List<EveryType> rows =
        List.of(
            with("visits", Integer.MIN_VALUE, "returns", Integer.MAX_VALUE),
            with("visits", 0, "returns", null),
            with("visits", Integer.MAX_VALUE, "returns", -7));

    List<EveryType> back = roundTrip(rows);

    assertThat(back)
        .extracting(EveryType::visits)
        .containsExactly(Integer.MIN_VALUE, 0, 2147483647);
    assertThat(back).extracting(EveryType::returns).containsExactly(Integer.MAX_VALUE, null, -7);
  }

  @Test
  void longs() {
    List<EveryType> rows =
        List.of(
            with("revenue_cents", Long.MIN_VALUE, "refund_cents", Long.MAX_VALUE),
            with("revenue_cents", 42L, "refund_cents", null));

    List<EveryType> back = roundTrip(rows);

    assertThat(back).extracting(EveryType::revenueCents).containsExactly(Long.MIN_VALUE, 42L);
    assertThat(back).extracting(EveryType::refundCents).containsExactly(Long.MAX_VALUE, null);
  }

  @Test
  void floats() {
    List<EveryType> rows =
        List.of(
            with("rating", Float.NaN, "rating_change", -0.0f),
            with("rating", Float.MIN_VALUE, "rating_change", Float.NEGATIVE_INFINITY),
            with("rating", 4.5f, "rating_change", null));

    List<EveryType> back = roundTrip(rows);

    assertThat(back)
        .extracting(EveryType::rating)
        .containsExactly(Float.NaN, Float.MIN_VALUE, 4.5f);
    assertThat(back)
        .extracting(EveryType::ratingChange)
        .containsExactly(-0.0f, Float.NEGATIVE_INFINITY, null);
  }

  @Test
  void doubles() {
    List<EveryType> rows =
        List.of(
            with("basket_mean", Double.MAX_VALUE, "basket_stddev", Double.NaN),
            with("basket_mean", -1.25, "basket_stddev", null));

    List<EveryType> back = roundTrip(rows);

    assertThat(back).extracting(EveryType::meanBasket).containsExactly(Double.MAX_VALUE, -1.25);
    assertThat(back).extracting(EveryType::basketStddev).containsExactly(Double.NaN, null);
  }

  @Test
  void strings() {
    List<EveryType> rows =
        List.of(
            with("country", "fr", "manager", "Zoë Ångström ✓ 😀"),
            with("country", "", "manager", ""),
            with("country", "de", "manager", null));

    List<EveryType> back = roundTrip(rows);

    assertThat(back).extracting(EveryType::country).containsExactly("fr", "", "de");
    assertThat(back).extracting(EveryType::manager).containsExactly("Zoë Ångström ✓ 😀", "", null);
  }

  @Test
  void instantsKeepMicrosecondsAndDropNanoseconds() {
    Instant beforeEpoch = Instant.parse("1969-12-31T23:59:59.999999999Z");
    Instant precise = Instant.parse("2026-03-01T12:34:56.123456789Z");
    List<EveryType> rows =
        List.of(
            with("event_time", precise, "last_delivery", beforeEpoch),
            with("event_time", Instant.EPOCH, "last_delivery", null));

    List<EveryType> back = roundTrip(rows);

    assertThat(back)
        .extracting(EveryType::eventTime)
        .containsExactly(Instant.parse("2026-03-01T12:34:56.123456Z"), Instant.EPOCH);
    assertThat(back)
        .extracting(EveryType::lastDelivery)
        .containsExactly(Instant.parse("1969-12-31T23:59:59.999999Z"), null);
  }

  @Test
  void dates() {
    List<EveryType> rows =
        List.of(
            with("opened_on", LocalDate.of(1969, 12, 31)),
            with("opened_on", LocalDate.of(2026, 2, 28)),
            with("opened_on", null));

    assertThat(roundTrip(rows))
        .extracting(EveryType::openedOn)
        .containsExactly(LocalDate.of(1969, 12, 31), LocalDate.of(2026, 2, 28), null);
  }

  @Test
  void bytes() {
    List<EveryType> rows =
        List.of(
            with("logo", new byte[] {0, -1, 127, -128}),
            with("logo", new byte[0]),
            with("logo", null));

    assertThat(roundTrip(rows))
        .extracting(EveryType::logo)
        .containsExactly(new byte[] {0, -1, 127, -128}, new byte[0], null);
  }

  @Test
  void floatArrays() {
    List<EveryType> rows =
        List.of(
            with("embedding", new float[] {0.5f, -1f, Float.NaN}),
            with("embedding", new float[0]),
            with("embedding", null),
            with("embedding", new float[] {3f}));

    assertThat(roundTrip(rows))
        .extracting(EveryType::embedding)
        .containsExactly(new float[] {0.5f, -1f, Float.NaN}, new float[0], null, new float[] {3f});
  }

  @Test
  void nullInsideAFloatArrayReadsAsNaN() {
    List<EveryType> rows = List.of(with("embedding", new float[] {1f, 2f}));
    try (VectorSchemaRoot batch = GROUP.toArrow(rows, allocator)) {
      ((ListVector) batch.getVector("embedding")).getDataVector().setNull(1);

      assertThat(GROUP.fromArrow(batch))
          .extracting(EveryType::embedding)
          .containsExactly(new float[] {1f, Float.NaN});
    }
  }

  @Test
  void stringLists() {
    List<EveryType> rows =
        List.of(
            with("categories", List.of("bakery", "café")),
            with("categories", Arrays.asList("a", null, "")),
            with("categories", null),
            with("categories", List.of()));

    assertThat(roundTrip(rows))
        .extracting(EveryType::categories)
        .containsExactly(List.of("bakery", "café"), Arrays.asList("a", null, ""), null, List.of());
  }

  @Test
  void longLists() {
    List<EveryType> rows =
        List.of(
            with("top_items", List.of(Long.MIN_VALUE, 0L, Long.MAX_VALUE)),
            with("top_items", Arrays.asList(null, 5L)),
            with("top_items", List.of()),
            with("top_items", null));

    assertThat(roundTrip(rows))
        .extracting(EveryType::topItems)
        .containsExactly(
            List.of(Long.MIN_VALUE, 0L, Long.MAX_VALUE), Arrays.asList(null, 5L), List.of(), null);
  }

  @Test
  void everyColumnOfManyRowsSurvives() {
    List<EveryType> rows = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      rows.add(
          i % 3 == 0
              ? with("store", (long) i, "manager", null, "embedding", null, "top_items", null)
              : with("store", (long) i, "visits", i, "categories", List.of("c" + i)));
    }

    List<EveryType> back = roundTrip(rows);

    assertThat(back).hasSize(3000);
    for (int i = 0; i < rows.size(); i++) {
      assertThat(GROUP.values(back.get(i))).as("row %d", i).isEqualTo(GROUP.values(rows.get(i)));
    }
  }

  @Test
  void batchHasTheGroupSchema() {
    try (VectorSchemaRoot batch = GROUP.toArrow(List.of(base()), allocator)) {
      Schema schema = batch.getSchema();

      assertThat(schema).isEqualTo(GROUP.spec().schema());
      assertThat(schema.getFields())
          .extracting(field -> field.getName() + (field.isNullable() ? "?" : ""))
          .containsExactly(
              "country",
              "store",
              "event_time",
              "open",
              "promoted?",
              "visits",
              "returns?",
              "revenue_cents",
              "refund_cents?",
              "rating",
              "rating_change?",
              "basket_mean",
              "basket_stddev?",
              "manager?",
              "last_delivery?",
              "opened_on?",
              "logo?",
              "embedding?",
              "categories?",
              "top_items?");
      assertThat(batch.getRowCount()).isEqualTo(1);
    }
  }

  @Test
  void specCarriesTheAnnotations() {
    assertThat(GROUP.name()).isEqualTo("store_day");
    assertThat(GROUP.version()).isEqualTo(2);
    assertThat(GROUP.recordType()).isEqualTo(EveryType.class);
    assertThat(GROUP.spec().description()).isEqualTo("A store's day, with \"every\" type.");
    assertThat(GROUP.spec().owner()).isEqualTo("retail");
    assertThat(GROUP.spec().tags()).containsExactly("store", "test");
    assertThat(GROUP.spec().ttl()).isEqualTo(Duration.ofHours(36));
    assertThat(GROUP.spec().online()).isTrue();
    assertThat(GROUP.spec().keyNames()).containsExactly("country", "store");
    assertThat(GROUP.spec().feature("basket_mean").orElseThrow().description())
        .isEqualTo("Mean basket, in euros.");
    assertThat(GROUP.spec().feature("basket_mean").orElseThrow().tags()).containsExactly("money");
  }

  @Test
  void featureConstantsAreTyped() {
    assertThat(EveryTypeGroup.EMBEDDING.type()).isEqualTo(FeatureType.FLOAT_ARRAY);
    assertThat(EveryTypeGroup.BASKET_MEAN.name()).isEqualTo("basket_mean");
    assertThat(EveryTypeGroup.TOP_ITEMS.type()).isEqualTo(FeatureType.LONG_LIST);
    assertThat(EveryTypeGroup.PROMOTED.group()).isSameAs(GROUP);
    assertThat(UserEngagementGroup.CLICKS_24H.toString()).isEqualTo("user_engagement.clicks_24h");
  }

  @Test
  void keyIsTheKeyComponentsInOrder() {
    assertThat(GROUP.key(with("country", "fr", "store", 42L))).isEqualTo(EntityKey.of("fr", 42L));
  }

  @Test
  void valuesAreInColumnOrderAndComeBack() {
    EveryType row = base();

    Object[] values = GROUP.values(row);

    assertThat(values).hasSize(20);
    assertThat(values[0]).isEqualTo("fr");
    assertThat(values[1]).isEqualTo(7L);
    assertThat(values[2]).isEqualTo(NOON);
    assertThat(GROUP.values(GROUP.fromValues(values))).isEqualTo(values);
  }

  @Test
  void fromValuesRefusesAnotherCount() {
    assertThatThrownBy(() -> GROUP.fromValues(new Object[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Cannot create EveryType from 3 values: feature group store_day has 20 columns");
  }

  @Test
  void nullKeyIsRefusedWithItsColumnAndRow() {
    List<EveryType> rows = List.of(base(), with("country", null));

    assertThatThrownBy(() -> GROUP.toArrow(rows, allocator))
        .isInstanceOf(NullPointerException.class)
        .hasMessage(
            "Cannot convert row 1 of feature group store_day to Arrow: its column 'country' is a"
                + " key or the event time, and must not be null");
  }

  @Test
  void nullEventTimeIsRefusedWithItsColumnAndRow() {
    List<EveryType> rows = List.of(with("event_time", null));

    assertThatThrownBy(() -> GROUP.toArrow(rows, allocator))
        .isInstanceOf(NullPointerException.class)
        .hasMessage(
            "Cannot convert row 0 of feature group store_day to Arrow: its column 'event_time' is"
                + " a key or the event time, and must not be null");
  }

  // Regression: null arguments and null rows failed with bare NullPointerExceptions.
  @Test
  void nullArgumentsAndRowsAreRefusedNamingThem() {
    assertThatThrownBy(() -> GROUP.toArrow(null, allocator))
        .isInstanceOf(NullPointerException.class)
        .hasMessage(
            "Cannot convert rows of feature group store_day to Arrow: rows is null; pass a list,"
                + " empty for none");
    assertThatThrownBy(() -> GROUP.toArrow(List.of(base()), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage(
            "Cannot convert rows of feature group store_day to Arrow: allocator is null; pass a"
                + " BufferAllocator, such as a RootAllocator");
    assertThatThrownBy(() -> GROUP.toArrow(Arrays.asList(base(), null), allocator))
        .isInstanceOf(NullPointerException.class)
        .hasMessage(
            "Cannot convert row 1 of feature group store_day to Arrow: the row is null; remove it"
                + " from the list");
    assertThatThrownBy(() -> GROUP.fromArrow(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage(
            "Cannot read feature group store_day_v2 from Arrow: the batch is null; pass a"
                + " VectorSchemaRoot with the group's columns");
    assertThat(allocator.getAllocatedMemory()).isZero();
  }

  @Test
  void fromArrowRefusesAMissingColumn() {
    try (VectorSchemaRoot batch = UserEngagementGroup.DEFINITION.toArrow(List.of(), allocator)) {
      assertThatThrownBy(() -> GROUP.fromArrow(batch))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "Cannot read feature group store_day_v2 from Arrow: the batch has no column"
                  + " 'country'");
    }
  }

  @Test
  void fromArrowRefusesAColumnOfAnotherType() {
    try (VectorSchemaRoot batch = GROUP.toArrow(List.of(base()), allocator);
        IntVector store = new IntVector("store", allocator)) {
      store.allocateNew(1);
      store.set(0, 7);
      store.setValueCount(1);
      VectorSchemaRoot changed = batch.removeVector(1).addVector(1, store);

      assertThatThrownBy(() -> GROUP.fromArrow(changed))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "Cannot read feature group store_day_v2 from Arrow: column 'store' is store: Int(32,"
                  + " true), not LONG");
    }
  }

  @Test
  void fromArrowRefusesNullsInAPrimitiveColumn() {
    try (VectorSchemaRoot batch = GROUP.toArrow(List.of(base(), base()), allocator)) {
      ((IntVector) batch.getVector("visits")).setNull(1);

      assertThatThrownBy(() -> GROUP.fromArrow(batch))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "Cannot read feature group store_day_v2 from Arrow: column 'visits' holds 1 nulls,"
                  + " but it is a key, the event time or a primitive feature");
    }
  }

  @Test
  @SuppressWarnings("rawtypes") // a class literal of a generic class is raw
  void serviceLoaderFindsEveryGeneratedDefinition() {
    List<String> found =
        ServiceLoader.load(GroupDefinition.class).stream()
            .map(provider -> provider.get().toString())
            .sorted()
            .toList();

    assertThat(found).containsExactly("store_day_v2", "user_engagement_v1");
  }

  private List<EveryType> roundTrip(List<EveryType> rows) {
    try (VectorSchemaRoot batch = GROUP.toArrow(rows, allocator)) {
      assertThat(batch.getRowCount()).isEqualTo(rows.size());
      return GROUP.fromArrow(batch);
    }
  }

  /** Returns a row with every column set. */
  private static EveryType base() {
    return new EveryType(
        "fr",
        7L,
        NOON,
        true,
        false,
        120,
        3,
        99_00L,
        5L,
        4.5f,
        -0.25f,
        23.5,
        4.0,
        "Ana",
        NOON.minusSeconds(3600),
        LocalDate.of(2020, 1, 2),
        "logo".getBytes(StandardCharsets.UTF_8),
        new float[] {1f, 2f},
        List.of("bakery"),
        List.of(1L, 2L));
  }

  /** Returns the base row with the named columns set to other values: name, value, name, .... */
  private static EveryType with(Object... namesAndValues) {
    Object[] values = GROUP.values(base());
    List<String> columns = GROUP.spec().columns().stream().map(c -> c.name()).toList();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      int index = columns.indexOf((String) namesAndValues[i]);
      assertThat(index).as("column %s", namesAndValues[i]).isNotNegative();
      values[index] = namesAndValues[i + 1];
    }

    return GROUP.fromValues(values);
  }
}
