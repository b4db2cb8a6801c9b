/**
 * Helpers that Soko's own modules share: public so that backends and generated code can reach them,
 * but not part of the API and free to change between releases.
 */
@NullMarked
package dev.soko.internal;

import org.jspecify.annotations.NullMarked;
