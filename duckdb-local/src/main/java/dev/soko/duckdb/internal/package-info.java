/**
 * What the local backend's other parts share without it being API: table names and type mapping of
 * the store file.
 */
@NullMarked
package dev.soko.duckdb.internal;

import org.jspecify.annotations.NullMarked;
