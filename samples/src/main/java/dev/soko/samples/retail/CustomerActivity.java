package dev.soko.samples.retail;

import dev.soko.annotations.EventTime;
import dev.soko.annotations.Feature;
import dev.soko.annotations.FeatureGroup;
import dev.soko.annotations.Key;
import java.time.Instant;

/**
 * How much a customer has ordered lately, as known at the end of each day.
 *
 * <p>One row per customer per calendar day {@code d} on which the customer has placed an order in
 * the 90-day window of {@code d} (days {@code d - 89} through {@code d}); the event time is the end
 * of {@code d} in London (see the package documentation). An order is an invoice whose number does
 * not start with {@code C}; a cancellation is one that does. A day without a row for a customer
 * means that the customer has not ordered in the 90 days up to it, so the time-to-live is one day:
 * a row stands until the next day's row should have replaced it.
 *
 * <p>Limitation: the TTL holds a row for exactly one day, so at the end of the day on which a
 * customer drops out of the window (their last order is 90 days old), a read or a point-in-time
 * join still finds the row of the day before, one day old. A TTL shorter than a day would avoid
 * that, but would leave online reads empty for part of each day.
 *
 * @param customerId the customer id, as written in the file without its {@code .0}: {@code "17850"}
 * @param eventTime the end of the day the row describes
 * @param orders7d distinct orders in the 7-day window
 * @param orders30d distinct orders in the 30-day window
 * @param orders90d distinct orders in the 90-day window, at least 1
 * @param spend30d the sum of quantity times unit price over every line of the orders in the 30-day
 *     window, in pounds; cancellations are not subtracted
 * @param spend90d the same over the 90-day window
 * @param distinctItems90d distinct products (see {@link FeaturePipeline#PRODUCT_CODE}) ordered in
 *     the 90-day window
 * @param daysSinceLastOrder days from the day of the latest order to {@code d}: 0 when the customer
 *     ordered on {@code d}, at most 89
 * @param cancellations90d distinct cancellation invoices in the 90-day window
 * @param country the country of the customer's latest invoice line up to the end of {@code d}
 */
@FeatureGroup(
    name = "customer_activity",
    owner = "retail-analytics",
    ttl = "P1D",
    description = "Orders, spend and cancellations of a customer over the last 7, 30 and 90 days.",
    tags = {"customer", "retail"})
public record CustomerActivity(
    @Key String customerId,
    @EventTime Instant eventTime,
    @Feature(name = "orders_7d", description = "Distinct orders in the 7 days up to event time.")
        long orders7d,
    @Feature(name = "orders_30d", description = "Distinct orders in the 30 days up to event time.")
        long orders30d,
    @Feature(name = "orders_90d", description = "Distinct orders in the 90 days up to event time.")
        long orders90d,
    @Feature(
            name = "spend_30d",
            description = "Sum of quantity times price over orders in the last 30 days, in GBP.")
        double spend30d,
    @Feature(
            name = "spend_90d",
            description = "Sum of quantity times price over orders in the last 90 days, in GBP.")
        double spend90d,
    @Feature(
            name = "distinct_items_90d",
            description = "Distinct products ordered in the last 90 days.")
        long distinctItems90d,
    @Feature(description = "Days since the day of the latest order, 0 to 89.")
        long daysSinceLastOrder,
    @Feature(
            name = "cancellations_90d",
            description = "Distinct cancellation invoices in the last 90 days.")
        long cancellations90d,
    @Feature(description = "Country of the customer's latest invoice.") String country) {}
