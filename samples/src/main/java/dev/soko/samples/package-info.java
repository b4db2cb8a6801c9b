/** The launcher of Soko's samples. */
@NullMarked
package dev.soko.samples;

import org.jspecify.annotations.NullMarked;
