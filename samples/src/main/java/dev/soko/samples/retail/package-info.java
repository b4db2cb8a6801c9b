/**
 * The online retail sample: a UK gift shop's invoice lines turned into two feature groups, a
 * point-in-time correct training set for "will this customer order again within 30 days", and
 * online values, on Soko's local store.
 *
 * <p>The data is the UCI "Online Retail" data set (CC BY 4.0): Daqing Chen, Sai Liang Sain and Kun
 * Guo, "Data mining for the online retail industry: a case study of RFM model-based customer
 * segmentation using data mining", Journal of Database Marketing and Customer Strategy Management
 * 19(3), 197-208, 2012; data from the UCI Machine Learning Repository.
 *
 * <h2>Days and event times</h2>
 *
 * <p>The files give invoice times in UK local time without a zone. A line's <em>day</em> is the
 * calendar date of its invoice time read as Europe/London local time, which is the date written in
 * the file. The rows computed for a day have as event time the end of that day in London, that is
 * the start of the next day in Europe/London, as a UTC instant: {@code 2011-01-10T00:00:00Z} for 9
 * January 2011 (GMT), {@code 2011-08-09T23:00:00Z} for 9 August 2011 (BST). Every invoice of the
 * day happened before it, and none of the next day.
 *
 * <h2>Windows</h2>
 *
 * <p>An {@code N}-day window of day {@code d} holds the lines whose day is one of the {@code N}
 * calendar days ending with {@code d}: {@code d - N + 1} through {@code d}. Only lines with a
 * customer id are used.
 */
@NullMarked
package dev.soko.samples.retail;

import org.jspecify.annotations.NullMarked;
