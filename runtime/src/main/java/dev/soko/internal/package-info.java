/** Code shared between Soko's modules that is not part of the API: it may change in any release. */
@NullMarked
package dev.soko.internal;

import org.jspecify.annotations.NullMarked;
