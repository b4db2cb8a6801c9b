package dev.soko.samples.retail;

import dev.soko.annotations.EventTime;
import dev.soko.annotations.Feature;
import dev.soko.annotations.FeatureGroup;
import dev.soko.annotations.Key;
import java.time.Instant;

/**
 * How well a product sells, as known at the end of each day.
 *
 * <p>One row per product per calendar day {@code d} on which the product was ordered in the 30-day
 * window of {@code d} (days {@code d - 29} through {@code d}); the event time is the end of {@code
 * d} in London (see the package documentation). Only products count: stock codes that start with
 * five digits (see {@link FeaturePipeline#PRODUCT_CODE}); postage, fees, discounts, manual
 * adjustments, samples and vouchers are left out. Lines without a customer id are left out too.
 *
 * @param stockCode the product's stock code, in upper case: {@code "85123A"}
 * @param eventTime the end of the day the row describes
 * @param units7d units ordered in the 7-day window
 * @param buyers7d distinct customers who ordered the product in the 7-day window
 * @param units30d units ordered in the 30-day window, at least 1
 * @param avgPrice30d revenue over units ordered in the 30-day window, in pounds per unit
 * @param returnRate30d units on cancellation invoices in the 30-day window over units ordered in
 *     it; a cancellation may refer to an older order, so the rate can exceed 1
 */
@FeatureGroup(
    name = "item_popularity",
    owner = "retail-analytics",
    ttl = "P1D",
    description = "Units, buyers, price and returns of a product over the last 7 and 30 days.",
    tags = {"product", "retail"})
public record ItemPopularity(
    @Key String stockCode,
    @EventTime Instant eventTime,
    @Feature(name = "units_7d", description = "Units ordered in the 7 days up to event time.")
        long units7d,
    @Feature(
            name = "buyers_7d",
            description = "Distinct customers who ordered it in the 7 days up to event time.")
        long buyers7d,
    @Feature(name = "units_30d", description = "Units ordered in the 30 days up to event time.")
        long units30d,
    @Feature(
            name = "avg_price_30d",
            description = "Revenue over units ordered in the last 30 days, in GBP.")
        double avgPrice30d,
    @Feature(
            name = "return_rate_30d",
            description = "Units cancelled over units ordered in the last 30 days.")
        double returnRate30d) {}
