#include "NormalizerAVX2.h"

#if defined(__x86_64__)
#include <immintrin.h>

// Only this file's functions are compiled for AVX2 (and the bit instructions every AVX2 CPU
// has), so the binary stays portable and the caller picks this path at run time.
#define AVX2 __attribute__((target("avx2,bmi,bmi2,lzcnt,popcnt")))

/// For each 8-bit mask: `pack` holds the lanes whose bit is set, in order, then zeros (the
/// vpermd indices that move the selected lanes of a group of eight to its front); `rank` holds
/// how many of its bits lie below each lane (a start's rank among the starts of its group).
static uint8_t pack[256][8], rank[256][8];

// Filled before main (the lanes past a mask's count stay zero, as static storage starts): the
// tables are a pure function of the mask, and a constructor keeps their reads free of any
// once-check in the loop.
__attribute__((constructor)) static void fill_tables(void) {
    for (int m = 0; m < 256; m++) {
        int n = 0;
        for (int lane = 0; lane < 8; lane++) {
            rank[m][lane] = (uint8_t)n;
            if (m >> lane & 1) pack[m][n++] = (uint8_t)lane;
        }
    }
}

/// Bytes of `v` in lo…hi (unsigned) as 0xFF, others 0.
AVX2 static inline __m256i in_range(__m256i v, uint8_t lo, uint8_t hi) {
    __m256i d = _mm256_sub_epi8(v, _mm256_set1_epi8((char)lo));
    return _mm256_cmpeq_epi8(_mm256_min_epu8(d, _mm256_set1_epi8((char)(hi - lo))), d);
}

AVX2 static inline __m256i equal(__m256i v, uint8_t c) {
    return _mm256_cmpeq_epi8(v, _mm256_set1_epi8((char)c));
}

/// Sixteen positions' 16-bit values, as if a character started at each: the kept ASCII value
/// (0 for a dropped one) or, where `syllable` is set, the syllable decoded from three bytes.
AVX2 static inline __m256i values16(__m128i kept, __m128i b0, __m128i b1, __m128i b2, __m128i syllable) {
    __m256i w0 = _mm256_cvtepu8_epi16(b0), w1 = _mm256_cvtepu8_epi16(b1), w2 = _mm256_cvtepu8_epi16(b2);
    __m256i decoded = _mm256_or_si256(
        _mm256_or_si256(_mm256_slli_epi16(_mm256_and_si256(w0, _mm256_set1_epi16(0x0F)), 12),
                        _mm256_slli_epi16(_mm256_and_si256(w1, _mm256_set1_epi16(0x3F)), 6)),
        _mm256_and_si256(w2, _mm256_set1_epi16(0x3F)));
    return _mm256_blendv_epi8(_mm256_cvtepu8_epi16(kept), decoded, _mm256_cvtepi8_epi16(syllable));
}

/// Writes the kept characters of a group of eight positions: their values as scalars and
/// their character offsets as origins, packed to the front. Eight lanes are stored whatever
/// the count; the ones past it are overwritten later or lie past the output's count.
AVX2 static inline void write_group(__m128i values, uint32_t starts, uint32_t kept, int32_t first,
                                    uint32_t *scalars, int32_t *origins, size_t *k) {
    __m256i order = _mm256_cvtepu8_epi32(_mm_loadl_epi64((const __m128i *)pack[kept]));
    __m256i offsets = _mm256_add_epi32(_mm256_set1_epi32(first),
                                       _mm256_cvtepu8_epi32(_mm_loadl_epi64((const __m128i *)rank[starts])));
    _mm256_storeu_si256((__m256i *)(scalars + *k), _mm256_permutevar8x32_epi32(_mm256_cvtepu16_epi32(values), order));
    _mm256_storeu_si256((__m256i *)(origins + *k), _mm256_permutevar8x32_epi32(offsets, order));
    *k += (size_t)_mm_popcnt_u32(kept);
}

AVX2 void copyscan_normalize_fast_avx2(const uint8_t *p, size_t n, size_t *at_io, int64_t *character_io,
                                       uint32_t *scalars, int32_t *origins, size_t *count_io, size_t capacity) {
    size_t at = *at_io, k = *count_io;
    int64_t character = *character_io;

    // Blocks are 32 bytes apart whatever they hold, so the next block's loads do not wait for
    // this one's classification; a three-byte character begun in the last two bytes of a block
    // is taken there, and its continuation bytes are `carry` for the next. A block reads bytes
    // at…at+33 and stores up to 40 slots from `k` (32 counted at most).
    uint32_t carry = 0;
    while (at + 34 <= n && k + 40 <= capacity) {
        __m256i b0 = _mm256_loadu_si256((const __m256i *)(p + at));
        __m256i b1 = _mm256_loadu_si256((const __m256i *)(p + at + 1));
        __m256i b2 = _mm256_loadu_si256((const __m256i *)(p + at + 2));

        uint32_t ascii = ~(uint32_t)_mm256_movemask_epi8(b0);
        __m256i cont1 = in_range(b1, 0x80, 0xBF), cont2 = in_range(b2, 0x80, 0xBF);
        uint32_t cont = (uint32_t)_mm256_movemask_epi8(in_range(b0, 0x80, 0xBF));

        // U+AC00 (EA B0 80) … U+D7A3 (ED 9E A3): a lead EA…ED and two continuation bytes, minus
        // EA 80…EA AF and ED 9E A4… upwards.
        __m256i below = _mm256_and_si256(equal(b0, 0xEA), in_range(b1, 0x80, 0xAF));
        __m256i above = _mm256_and_si256(equal(b0, 0xED),
            _mm256_or_si256(in_range(b1, 0x9F, 0xBF), _mm256_and_si256(equal(b1, 0x9E), in_range(b2, 0xA4, 0xBF))));
        __m256i syllable = _mm256_andnot_si256(_mm256_or_si256(below, above),
            _mm256_and_si256(in_range(b0, 0xEA, 0xED), _mm256_and_si256(cont1, cont2)));
        // U+2000 (E2 80 80) … U+205E (E2 81 9E), dropped.
        __m256i punctuation = _mm256_and_si256(equal(b0, 0xE2),
            _mm256_or_si256(_mm256_and_si256(equal(b1, 0x80), cont2),
                            _mm256_and_si256(equal(b1, 0x81), in_range(b2, 0x80, 0x9E))));
        uint32_t syllables = (uint32_t)_mm256_movemask_epi8(syllable);
        uint32_t three = syllables | (uint32_t)_mm256_movemask_epi8(punctuation);

        // Every character start must be one of the three kinds, and every continuation byte
        // must belong to a three-byte character just before it; the first position where
        // either fails ends what the fast path takes.
        uint32_t starts = ~cont;
        uint32_t expected = (three << 1) | (three << 2) | carry;
        uint32_t bad = (starts & ~(ascii | three)) | (cont & ~expected);
        uint32_t first_bad = _tzcnt_u32(bad);
        uint32_t taken = _bzhi_u32(starts, first_bad);

        __m256i lower = _mm256_or_si256(b0, _mm256_set1_epi8(0x20));
        __m256i kept_ascii = _mm256_or_si256(_mm256_and_si256(in_range(lower, 'a', 'z'), lower),
                                             _mm256_and_si256(in_range(b0, '0', '9'), b0));
        // Zero at every position but a kept ASCII character's (a non-ASCII byte is no letter).
        uint32_t dropped = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(kept_ascii, _mm256_setzero_si256()));
        uint32_t kept = taken & (~dropped | syllables);

        __m256i low = values16(_mm256_castsi256_si128(kept_ascii), _mm256_castsi256_si128(b0),
                               _mm256_castsi256_si128(b1), _mm256_castsi256_si128(b2), _mm256_castsi256_si128(syllable));
        __m256i high = values16(_mm256_extracti128_si256(kept_ascii, 1), _mm256_extracti128_si256(b0, 1),
                                _mm256_extracti128_si256(b1, 1), _mm256_extracti128_si256(b2, 1),
                                _mm256_extracti128_si256(syllable, 1));

        // Four groups of eight positions, each packed with one permutation: no step per
        // character, so nothing waits on a branch or on the count of the character before.
        const __m128i groups[4] = { _mm256_castsi256_si128(low), _mm256_extracti128_si256(low, 1),
                                    _mm256_castsi256_si128(high), _mm256_extracti128_si256(high, 1) };
        for (int g = 0; g < 4; g++) {
            uint32_t group_starts = taken >> (8 * g) & 0xFF;
            write_group(groups[g], group_starts, kept >> (8 * g) & 0xFF, (int32_t)character, scalars, origins, &k);
            character += _mm_popcnt_u32(group_starts);
        }

        if (bad != 0) {
            // A character the fast path does not take (or invalid UTF-8): the caller goes on
            // from it. The characters before it end right there.
            at += first_bad;
            carry = 0;
            break;
        }
        carry = (three >> 30) | (three >> 31);
        at += 32;
    }
    // Past the continuation bytes of the last character taken, to a character boundary.
    at += (size_t)__builtin_popcount(carry);
    *at_io = at;
    *character_io = character;
    *count_io = k;
}
#endif
