/**
 * Soko's annotation processor: from each {@code @FeatureGroup} record it generates a definition, a
 * writer, a reader and registry entries, and it reports every mistake in a declaration as a compile
 * error. Only the processor classes are public; the compiler finds them through {@code
 * META-INF/services}.
 */
package dev.soko.processor;
