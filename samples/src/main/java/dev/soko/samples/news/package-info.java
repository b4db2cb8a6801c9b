/**
 * The news sample: MIND-format logs replayed as a micro-batch stream into engagement features, and
 * a new feature tried offline by backfill before it goes anywhere near serving.
 */
@NullMarked
package dev.soko.samples.news;

import org.jspecify.annotations.NullMarked;
