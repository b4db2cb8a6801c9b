/**
 * Soko's public API: feature group definitions, the {@link dev.soko.FeatureStore}, time ranges and
 * training sets.
 */
@NullMarked
package dev.soko;

import org.jspecify.annotations.NullMarked;
