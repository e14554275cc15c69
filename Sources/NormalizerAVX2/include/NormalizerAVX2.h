#ifndef COPYSCAN_NORMALIZERAVX2_H
#define COPYSCAN_NORMALIZERAVX2_H
#include <stddef.h>
#include <stdint.h>

#if defined(__x86_64__)
/// The normaliser's fast path (ASCII, Hangul syllables U+AC00–U+D7A3, general punctuation
/// U+2000–U+205E) 32 bytes at a time, for text from byte `*at` (a character boundary, character
/// `*character`) with `*count` scalars already written. Writes what the scalar fast path in
/// TextNormalizer.swift writes, and advances the three counters to the first character it did
/// not take: one of another kind, invalid UTF-8, the last 33 bytes of the text, or the last 40
/// slots of the output. Up to 8 slots from the final `*count` may be written and not counted.
///
/// Call it only after `copyscan_cpu_has_avx2()` returned 1.
void copyscan_normalize_fast_avx2(const uint8_t *bytes, size_t length, size_t *at, int64_t *character,
                                  uint32_t *scalars, int32_t *origins, size_t *count, size_t capacity);
#endif

#endif
