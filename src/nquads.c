#include "nquads.h"
#include "bufio.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Past these the cache is emptied at the next document: a corpus of
 * many entities must not grow it without end. */
enum { MAX_ENTRIES = 1 << 11, MAX_BYTES = 1 << 18, BLOCK = 64 << 10 };

typedef struct {
	uint64_t hash; /* 0 = empty slot */
	const char *key, *esc;
	uint32_t klen, elen;
} entry;

typedef struct block {
	struct block *next;
	size_t used, cap;
	char data[];
} block;

struct yg_nq {
	raptor_world *w;
	raptor_iostream *io; /* writes into *target */
	yg_buf *target;
	yg_buf scratch;
	entry *slots;
	size_t nslots, nentries, bytes;
	block *blocks;
	struct {
		char *iri;
		raptor_uri *uri;
	} dt[8]; /* datatype URIs, by their string */
};

yg_nq *yg_nq_new(raptor_world *world)
{
	yg_nq *nq = yg_xcalloc(1, sizeof *nq);
	nq->w = world;
	nq->io = yg_buf_iostream(world, &nq->target);
	yg_buf_init(&nq->scratch);
	nq->nslots = 1024;
	nq->slots = yg_xcalloc(nq->nslots, sizeof *nq->slots);
	return nq;
}

static void drop_blocks(yg_nq *nq)
{
	for (block *b = nq->blocks, *next; b; b = next) {
		next = b->next;
		free(b);
	}
	nq->blocks = NULL;
}

void yg_nq_free(yg_nq *nq)
{
	if (!nq)
		return;
	if (nq->io)
		raptor_free_iostream(nq->io);
	for (size_t i = 0; i < sizeof nq->dt / sizeof nq->dt[0]; i++) {
		if (nq->dt[i].uri)
			raptor_free_uri(nq->dt[i].uri);
		free(nq->dt[i].iri);
	}
	yg_buf_free(&nq->scratch);
	drop_blocks(nq);
	free(nq->slots);
	free(nq);
}

void yg_nq_begin(yg_nq *nq)
{
	if (nq->nentries < MAX_ENTRIES && nq->bytes < MAX_BYTES)
		return;
	drop_blocks(nq);
	memset(nq->slots, 0, nq->nslots * sizeof *nq->slots);
	nq->nentries = nq->bytes = 0;
}

/* never 0 (0 marks an empty slot) */
static uint64_t hash_of(const char *s, size_t n)
{
	uint64_t h = yg_hash_table(s, n);
	return h ? h : 1;
}

static char *arena_copy(yg_nq *nq, const char *s, size_t n)
{
	block *b = nq->blocks;
	if (!b || b->cap - b->used < n + 1) {
		size_t cap = n + 1 > BLOCK ? n + 1 : BLOCK;
		b = yg_xmalloc(sizeof *b + cap);
		b->cap = cap;
		b->used = 0;
		b->next = nq->blocks;
		nq->blocks = b;
	}
	char *p = b->data + b->used;
	memcpy(p, s, n);
	p[n] = '\0';
	b->used += n + 1;
	nq->bytes += n + 1;
	return p;
}

static void grow(yg_nq *nq)
{
	entry *old = nq->slots;
	size_t oldn = nq->nslots;
	nq->nslots *= 2;
	nq->slots = yg_xcalloc(nq->nslots, sizeof *nq->slots);
	for (size_t i = 0; i < oldn; i++)
		if (old[i].hash) {
			size_t k = old[i].hash & (nq->nslots - 1);
			while (nq->slots[k].hash)
				k = (k + 1) & (nq->nslots - 1);
			nq->slots[k] = old[i];
		}
	free(old);
}

/* ---- raptor_string_escaped_write, for well-formed UTF-8 ----
 *
 * raptor escapes a byte at a time through a function call; the rules
 * below are its rules for N-Triples (literals: the flags BS_ESCAPES_TNRU
 * and BS_ESCAPES_BF, delimiter '"'; IRIs: SPARQL_URI_ESCAPES, delimiter
 * '>'), checked against raptor for every code point (tests/unit_rdf.c).
 * Ill-formed UTF-8 is left to raptor, which writes it its own way. */

static const char HEX[] = "0123456789ABCDEF";

static void put_hex(yg_buf *out, char u, uint32_t v, int digits)
{
	char tmp[10];
	tmp[0] = '\\';
	tmp[1] = u;
	for (int k = 0; k < digits; k++)
		tmp[2 + k] = HEX[(v >> (4 * (digits - 1 - k))) & 0xF];
	yg_buf_add(out, tmp, (size_t)digits + 2);
}

/* The code point of the well-formed sequence at s[*i] (a byte >= 0x80),
 * or UINT32_MAX. */
static uint32_t decode(const unsigned char *s, size_t n, size_t *i)
{
	unsigned c = s[*i];
	size_t len = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
	if (!len || *i + len > n)
		return UINT32_MAX;
	uint32_t cp = c & (0x7Fu >> len);
	for (size_t k = 1; k < len; k++) {
		if ((s[*i + k] & 0xC0) != 0x80)
			return UINT32_MAX;
		cp = cp << 6 | (s[*i + k] & 0x3Fu);
	}
	if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
		return UINT32_MAX;
	if (cp == 0xFFFE || cp == 0xFFFF) /* raptor's decoder refuses them */
		return UINT32_MAX;
	*i += len;
	return cp;
}

/* What an ASCII byte becomes: 0 itself, 1 a backslash and itself,
 * 2 \uXXXX, or the letter of its escape (t n r). */
static unsigned char ascii_rule[2][128];

static void rules_init(void)
{
	for (int c = 0; c < 128; c++) {
		unsigned char *lit = &ascii_rule[0][c], *uri = &ascii_rule[1][c];
		*lit = c == '"' || c == '\\' ? 1 : c == '\t' ? 't' : c == '\n' ? 'n' : c == '\r' ? 'r'
		     : c < 0x20 || c == 0x7F ? 2 : 0;
		*uri = c == '\\' ? 1 : c <= 0x20 || c == 0x7F || strchr("<>\"{}|^`", c) ? 2 : 0;
	}
}

static pthread_once_t rules_once = PTHREAD_ONCE_INIT;

/* Append s[0..n) escaped (uri: as an IRI, else as a literal's text);
 * 0, with out as it was, when s is not well-formed UTF-8. */
static int escape_text(yg_buf *out, const char *str, size_t n, int uri)
{
	pthread_once(&rules_once, rules_init);
	const unsigned char *s = (const unsigned char *)str;
	const unsigned char *rule = ascii_rule[uri];
	size_t mark = out->len;
	yg_buf_reserve(out, n + 16);
	for (size_t i = 0; i < n;) {
		size_t run = i;
		while (run < n && s[run] < 0x80 && !rule[s[run]])
			run++;
		yg_buf_add(out, str + i, run - i);
		if ((i = run) >= n)
			break;
		unsigned char c = s[i];
		if (c < 0x80) {
			unsigned char r = rule[c];
			if (r == 1) {
				char pair[2] = {'\\', (char)c};
				yg_buf_add(out, pair, 2);
			} else if (r == 2) {
				put_hex(out, 'u', c, 4);
			} else {
				char pair[2] = {'\\', (char)r};
				yg_buf_add(out, pair, 2);
			}
			i++;
			continue;
		}
		uint32_t cp = decode(s, n, &i);
		if (cp == UINT32_MAX) {
			out->len = mark;
			out->s[mark] = '\0';
			return 0;
		}
		if (cp < 0x10000)
			put_hex(out, 'u', cp, 4);
		else
			put_hex(out, 'U', cp, 8);
	}
	return 1;
}

/* Append term t's escaped form to `into` and free t; 0 on failure. */
static int escape(yg_nq *nq, raptor_term *t, yg_buf *into)
{
	if (!t || !nq->io)
		return 0;
	nq->target = into;
	int rc = raptor_term_escaped_write(t, RAPTOR_ESCAPED_WRITE_NTRIPLES_LITERAL, nq->io);
	raptor_free_term(t);
	return rc == 0;
}

static entry *slot_of(yg_nq *nq, const char *iri, size_t n, uint64_t h)
{
	size_t k = h & (nq->nslots - 1);
	for (entry *e; (e = &nq->slots[k])->hash; k = (k + 1) & (nq->nslots - 1))
		if (e->hash == h && e->klen == n && memcmp(e->key, iri, n) == 0)
			return e;
	return &nq->slots[k];
}

const char *yg_nq_cached(yg_nq *nq, const char *iri, size_t *len)
{
	size_t n = strlen(iri);
	const entry *e = slot_of(nq, iri, n, hash_of(iri, n));
	if (!e->hash)
		return NULL;
	*len = e->elen;
	return e->esc;
}

const char *yg_nq_iri(yg_nq *nq, const char *iri, size_t *len)
{
	size_t n = strlen(iri);
	uint64_t h = hash_of(iri, n);
	entry *e = slot_of(nq, iri, n, h);
	if (e->hash) {
		*len = e->elen;
		return e->esc;
	}
	nq->scratch.len = 0;
	yg_buf_putc(&nq->scratch, '<');
	if (escape_text(&nq->scratch, iri, n, 1)) {
		yg_buf_putc(&nq->scratch, '>');
	} else {
		nq->scratch.len = 0;
		if (!escape(nq, raptor_new_term_from_uri_string(nq->w, (const unsigned char *)iri), &nq->scratch))
			return NULL;
	}
	if ((nq->nentries + 1) * 2 > nq->nslots) {
		grow(nq);
		e = slot_of(nq, iri, n, h);
	}
	e->hash = h;
	e->key = arena_copy(nq, iri, n);
	e->klen = (uint32_t)n;
	e->esc = arena_copy(nq, nq->scratch.s, nq->scratch.len);
	e->elen = (uint32_t)nq->scratch.len;
	nq->nentries++;
	*len = e->elen;
	return e->esc;
}

/* The datatype URI of dt, made once (the table keeps it) or, past the
 * table's room, each time (*owned: the caller frees it). */
static raptor_uri *datatype(yg_nq *nq, const char *dt, int *owned)
{
	size_t i = 0, n = sizeof nq->dt / sizeof nq->dt[0];
	for (; i < n && nq->dt[i].iri; i++)
		if (strcmp(nq->dt[i].iri, dt) == 0)
			return nq->dt[i].uri;
	raptor_uri *u = raptor_new_uri(nq->w, (const unsigned char *)dt);
	*owned = i == n || !u;
	if (!*owned) {
		nq->dt[i].iri = yg_xstrdup(dt);
		nq->dt[i].uri = u;
	}
	return u;
}

int yg_nq_literal(yg_nq *nq, yg_buf *out, const char *text, size_t n, const char *lang, const char *dt)
{
	size_t mark = out->len, dlen = 0;
	const char *edt = dt ? yg_nq_iri(nq, dt, &dlen) : NULL;
	yg_buf_putc(out, '"');
	if ((!dt || edt) && !(lang && dt) && !memchr(text, '\0', n) && escape_text(out, text, n, 0)) {
		yg_buf_putc(out, '"');
		if (lang) {
			yg_buf_putc(out, '@');
			yg_buf_puts(out, lang);
		}
		if (edt) {
			YG_BUF_LIT(out, "^^");
			yg_buf_add(out, edt, dlen);
		}
		return 1;
	}
	out->len = mark;
	out->s[mark] = '\0';
	int owned = 0;
	raptor_uri *u = dt ? datatype(nq, dt, &owned) : NULL;
	/* the term takes its own reference to the datatype */
	raptor_term *t = raptor_new_term_from_counted_literal(nq->w, (const unsigned char *)text, n, u,
	                                                      (const unsigned char *)lang,
	                                                      lang ? (unsigned char)strlen(lang) : 0);
	if (owned && u)
		raptor_free_uri(u);
	return escape(nq, t, out);
}
