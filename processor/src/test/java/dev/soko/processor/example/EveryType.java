package dev.soko.processor.example;

import dev.soko.annotations.EventTime;
import dev.soko.annotations.Feature;
import dev.soko.annotations.FeatureGroup;
import dev.soko.annotations.Key;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A store's day, with one feature of every supported type, a composite key and a TTL. */
@FeatureGroup(
    name = "store_day",
    version = 2,
    description = "A store's day, with \"every\" type.",
    owner = "retail",
    tags = {"store", "test"},
    ttl = "PT36H",
    online = true)
public record EveryType(
    @Key String country,
    @Key(name = "store") long storeId,
    @EventTime Instant eventTime,
    boolean open,
    Boolean promoted,
    int visits,
    Integer returns,
    long revenueCents,
    Long refundCents,
    float rating,
    Float ratingChange,
    @Feature(name = "basket_mean", description = "Mean basket, in euros.", tags = "money")
        double meanBasket,
    Double basketStddev,
    String manager,
    Instant lastDelivery,
    LocalDate openedOn,
    byte[] logo,
    float[] embedding,
    List<String> categories,
    List<Long> topItems) {}
