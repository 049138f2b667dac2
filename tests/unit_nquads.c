/* unit_nquads.c — the escaped terms of src/nquads.c against raptor's own
 * raptor_term_escaped_write with the N-Quads writer's flags, for every
 * Unicode scalar value in a literal and in an IRI, every ASCII byte, with
 * a language tag and a datatype, and ill-formed UTF-8 (left to raptor). */
#include <raptor2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "bufio.h"
#include "normalize.h"
#include "nquads.h"
#include "tap.h"


static raptor_world *w;

/* raptor's bytes for a term (freed here) */
static void raptor_bytes(raptor_term *t, yg_buf *out)
{
	out->len = 0;
	yg_buf_reserve(out, 64);
	out->s[0] = '\0';
	raptor_iostream *io = yg_buf_iostream(w, &out);
	raptor_term_escaped_write(t, RAPTOR_ESCAPED_WRITE_NTRIPLES_LITERAL, io);
	raptor_free_iostream(io);
	raptor_free_term(t);
}

static int same_literal(yg_nq *nq, const char *text, size_t n, const char *lang, const char *dt, yg_buf *a,
                        yg_buf *b)
{
	a->len = 0;
	yg_buf_reserve(a, 64);
	a->s[0] = '\0';
	if (!yg_nq_literal(nq, a, text, n, lang, dt))
		return 0;
	raptor_uri *u = dt ? raptor_new_uri(w, (const unsigned char *)dt) : NULL;
	raptor_term *t = raptor_new_term_from_counted_literal(w, (const unsigned char *)text, n, u,
	                                                      (const unsigned char *)lang,
	                                                      lang ? (unsigned char)strlen(lang) : 0);
	if (u)
		raptor_free_uri(u);
	raptor_bytes(t, b);
	return a->len == b->len && memcmp(a->s, b->s, a->len) == 0;
}

static int same_iri(yg_nq *nq, const char *iri, yg_buf *b)
{
	size_t len;
	yg_nq_begin(nq);
	const char *e = yg_nq_iri(nq, iri, &len);
	raptor_bytes(raptor_new_term_from_uri_string(w, (const unsigned char *)iri), b);
	return e && len == b->len && memcmp(e, b->s, len) == 0;
}

int main(void)
{
	w = raptor_new_world();
	raptor_world_open(w);
	yg_nq *nq = yg_nq_new(w);
	yg_buf a, b;
	yg_buf_init(&a);
	yg_buf_init(&b);
	int lit_bad = 0, iri_bad = 0, ascii_bad = 0;
	uint32_t first_lit = 0, first_iri = 0;
	for (uint32_t cp = 0x80; cp <= 0x10FFFF; cp++) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		char text[16] = "a", iri[40] = "http://example.org/x";
		size_t k = yg_utf8_put(cp, text + 1);
		memcpy(text + 1 + k, "z", 2);
		if (!same_literal(nq, text, k + 2, NULL, NULL, &a, &b) && !lit_bad++)
			first_lit = cp;
		/* every 7th through the IRI cache (one raptor term each: slow) */
		if (cp % 7 == 0 || cp < 0x3000) {
			size_t m = strlen(iri);
			memcpy(iri + m + yg_utf8_put(cp, iri + m), "/", 2);
			if (!same_iri(nq, iri, &b) && !iri_bad++)
				first_iri = cp;
		}
	}
	OK(lit_bad == 0, "every code point in a literal as raptor escapes it (%d differ, first U+%04X)", lit_bad,
	   first_lit);
	OK(iri_bad == 0, "code points in an IRI as raptor escapes them (%d differ, first U+%04X)", iri_bad, first_iri);
	for (int c = 1; c < 128; c++) {
		char text[4] = {'x', (char)c, 'y', 0}, iri[32];
		snprintf(iri, sizeof iri, "http://e.org/%c/", c);
		ascii_bad += !same_literal(nq, text, 3, NULL, NULL, &a, &b);
		ascii_bad += !same_iri(nq, iri, &b);
	}
	OK(ascii_bad == 0, "every ASCII byte in a literal and an IRI (%d differ)", ascii_bad);
	OK(same_literal(nq, "Bệnh viện \"X\"\n", strlen("Bệnh viện \"X\"\n"), "vi", NULL, &a, &b),
	   "a literal with a language tag: %s", a.s);
	OK(same_literal(nq, "2025-07-01", 10, NULL, "http://www.w3.org/2001/XMLSchema#date", &a, &b),
	   "a literal with a datatype: %s", a.s);
	OK(same_literal(nq, "2025", 4, NULL, "http://example.org/dt/ệ", &a, &b), "a datatype IRI escaped: %s", a.s);
	/* ill-formed: whatever raptor writes */
	const char *bad[] = {"a\xC3", "\xE1\xBB", "x\xFFy", "\xED\xA0\x80", "\xC0\xAF"};
	int bad_differ = 0;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		bad_differ += !same_literal(nq, bad[i], strlen(bad[i]), NULL, NULL, &a, &b);
	OK(bad_differ == 0, "ill-formed UTF-8 written as raptor writes it (%d differ)", bad_differ);
	yg_buf_free(&a);
	yg_buf_free(&b);
	yg_nq_free(nq);
	raptor_free_world(w);
	return DONE();
}
