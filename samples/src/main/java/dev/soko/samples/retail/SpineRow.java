package dev.soko.samples.retail;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One row of the churn spine: a customer at a month end, with the label to predict.
 *
 * @param customerId the customer, who has ordered on or before the month end
 * @param snapshotAt the end of the month end's day in London, the instant features are taken at
 * @param topItem the product the customer ordered the most units of up to the month end (ties go to
 *     the smallest stock code), or null if they never ordered a product
 * @param orderedAgain whether the customer ordered again in the 30 days after the month end
 */
record SpineRow(
    String customerId, Instant snapshotAt, @Nullable String topItem, boolean orderedAgain) {}
