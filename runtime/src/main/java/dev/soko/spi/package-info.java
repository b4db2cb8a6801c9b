/**
 * The service provider interface a storage backend implements: an offline store, an online store, a
 * registry and a point-in-time join engine, found through {@link dev.soko.spi.BackendProvider}.
 *
 * <p>The runtime checks every input and applies the shared semantics (deduplication within a write,
 * range checks of a backfill, TTL at read time) before it calls a backend, so a backend only stores
 * and reads.
 */
@NullMarked
package dev.soko.spi;

import org.jspecify.annotations.NullMarked;
