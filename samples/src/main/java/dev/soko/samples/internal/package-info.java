/** What the samples share without being part of any sample: the repository's folders. */
@NullMarked
package dev.soko.samples.internal;

import org.jspecify.annotations.NullMarked;
