/* normalize.h — bytes of one document to NFC UTF-8 text.
 *
 * Validates UTF-8 (or converts windows-1258 with ICU), strips a BOM and
 * normalizes to NFC.  Keeps a sparse map from offsets in the NFC text back
 * to byte offsets in the input, so errors and mentions can point at the
 * original file. */
#ifndef YG_NORMALIZE_H
#define YG_NORMALIZE_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"

typedef struct {
	size_t out; /* byte offset in the NFC text */
	size_t in;  /* byte offset in the input */
} yg_offset_pair;

typedef struct {
	char *s;    /* NFC UTF-8, NUL-terminated, owned */
	size_t len;
	/* Points where the mapping shifts; between two points the bytes are
	 * identical in input and output.  Empty when the input was NFC already
	 * (then in = out + bom). */
	yg_offset_pair *map;
	size_t map_len, map_cap;
	size_t bom;    /* bytes of BOM skipped at the start of the input */
	int legacy;    /* 1 if the input was converted from a legacy charset */
} yg_text;

typedef enum { YG_ENC_UTF8 = 0, YG_ENC_CP1258 } yg_encoding;

/* Parse an --encoding name; returns -1 when unknown. */
int yg_encoding_from_name(const char *name);

/* Decode and normalize.  `where` names the input in messages.  On success
 * `out` owns its buffers; release with yg_text_free(). */
yg_status yg_text_normalize(const char *bytes, size_t len, yg_encoding enc,
                            const char *where, yg_text *out, yg_diag *d);

void yg_text_free(yg_text *t);

/* Input byte offset of an offset in the normalized text.  For legacy
 * single-byte input this is the offset in UTF-16 code units, which equals
 * the input byte offset. */
size_t yg_text_input_offset(const yg_text *t, size_t out_off);

/* Check UTF-8 well-formedness (no overlongs, no surrogates, <= U+10FFFF).
 * Returns the offset of the first bad byte, or len when all is valid. */
size_t yg_utf8_invalid_at(const char *s, size_t len);

/* Decode one code point at s[*i] (valid UTF-8 assumed), advancing *i.
 * Inline: every scanner calls it once per character. */
static inline uint32_t yg_utf8_next(const char *str, size_t *i)
{
	const unsigned char *s = (const unsigned char *)str + *i;
	if (s[0] < 0x80) {
		(*i)++;
		return s[0];
	}
	if (s[0] < 0xE0) {
		*i += 2;
		return ((uint32_t)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
	}
	if (s[0] < 0xF0) {
		*i += 3;
		return ((uint32_t)(s[0] & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
	}
	*i += 4;
	return ((uint32_t)(s[0] & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
	       ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
}

/* Encode cp into out (4 bytes room); returns the byte count. */
static inline size_t yg_utf8_put(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}


/* Number of code points in s[0..n). */
size_t yg_utf8_count(const char *s, size_t n);

/* ---- text that leaves the program ----
 * Noncharacters (U+FFFE, U+FFFF, U+FDD0..U+FDEF) are no text: XML has no
 * way to write U+FFFE/U+FFFF, and they become U+FFFD (the same three
 * bytes long, so offsets do not move) in documents and metadata alike. */

/* Replace the noncharacters of valid UTF-8 s[0..n) by U+FFFD in place. */
void yg_text_replace_nonchars(char *s, size_t n);

/* A one-line copy of valid UTF-8 s for a headline or a label: controls
 * (C0, DEL, C1), line and paragraph separators become spaces,
 * noncharacters U+FFFD, runs of spaces one space, no space at either
 * end.  NULL when nothing is left.  Caller frees. */
char *yg_text_clean_line(const char *s);

/* What an RDF literal can hold in every syntax (XML 1.0 has no C0
 * control but tab and line feed, raptor writes a CR raw inside a Turtle
 * string and refuses DEL and C1 in RDF/XML): NULL when valid UTF-8 s is
 * fine as it is, else a copy with those controls as spaces and
 * noncharacters as U+FFFD.  Caller frees. */
char *yg_text_literal_safe(const char *s);

/* s for a message on a terminal: controls and invalid bytes as \xNN,
 * at most max code points (then "..."), never an escape sequence.
 * Caller frees. */
char *yg_text_printable(const char *s, size_t max);

#endif
