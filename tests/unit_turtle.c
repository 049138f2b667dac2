/* unit_turtle.c — a subject's Turtle from src/turtle.c against raptor's
 * own Turtle serializer given the same statements (its output less the
 * prefix header it writes with no statement): the order of predicates
 * and objects, duplicates, "a", prefixed names and the IRIs that cannot
 * be one, typed literals written bare, long strings, escapes, every
 * Unicode scalar value in a literal, code points in IRIs, ill-formed
 * UTF-8, and the errors raptor reports. */
#include <raptor2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "bufio.h"
#include "normalize.h"
#include "tap.h"
#include "turtle.h"

#define XSD "http://www.w3.org/2001/XMLSchema#"
#define SCHEMA "https://schema.org/"
#define EX "http://example.org/"

static const yg_ttl_ns ns[] = {
	{"rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"}, {"rdfs", "http://www.w3.org/2000/01/rdf-schema#"},
	{"xsd", XSD}, {"schema", SCHEMA}, {"ytg", "https://w3id.org/ytegraph/ontology#"},
	{"wd", "http://www.wikidata.org/entity/"},
};
enum { NNS = sizeof ns / sizeof ns[0] };

typedef struct {
	const char *p, *o; /* o: an IRI, or a literal's text when lit */
	int lit;
	const char *lang, *dt;
} st;

static raptor_world *w;
static int errors; /* raptor's reported errors */

static void on_log(void *data, raptor_log_message *m)
{
	(void)data;
	if (m->level >= RAPTOR_LOG_LEVEL_ERROR)
		errors++;
}


static void clear(yg_buf *b)
{
	b->len = 0;
	yg_buf_reserve(b, 64);
	b->s[0] = '\0';
}

/* raptor's Turtle for the statements of subject s, header and all */
static void raptor_ttl(const char *s, const st *v, size_t n, yg_buf *out)
{
	clear(out);
	raptor_serializer *ser = raptor_new_serializer(w, "turtle");
	for (size_t i = 0; i < NNS; i++) {
		raptor_uri *u = raptor_new_uri(w, (const unsigned char *)ns[i].ns);
		raptor_serializer_set_namespace(ser, u, (const unsigned char *)ns[i].prefix);
		raptor_free_uri(u);
	}
	raptor_iostream *io = yg_buf_iostream(w, &out);
	raptor_serializer_start_to_iostream(ser, NULL, io);
	for (size_t i = 0; i < n; i++) {
		raptor_term *o;
		if (v[i].lit) {
			raptor_uri *dt = v[i].dt ? raptor_new_uri(w, (const unsigned char *)v[i].dt) : NULL;
			o = raptor_new_term_from_counted_literal(w, (const unsigned char *)v[i].o, strlen(v[i].o), dt,
			                                         (const unsigned char *)v[i].lang,
			                                         v[i].lang ? (unsigned char)strlen(v[i].lang) : 0);
			if (dt)
				raptor_free_uri(dt);
		} else {
			o = raptor_new_term_from_uri_string(w, (const unsigned char *)v[i].o);
		}
		raptor_statement *t = raptor_new_statement_from_nodes(
			w, raptor_new_term_from_uri_string(w, (const unsigned char *)s),
			raptor_new_term_from_uri_string(w, (const unsigned char *)v[i].p), o, NULL);
		raptor_serializer_serialize_statement(ser, t);
		raptor_free_statement(t);
	}
	raptor_serializer_serialize_end(ser);
	raptor_free_serializer(ser);
	raptor_free_iostream(io);
}

static yg_buf head;

/* 1 when yg_ttl writes what raptor writes for (s, v[0..n)) and reports
 * an error when raptor does; a and b hold the two texts. */
static int same(const char *s, const st *v, size_t n, yg_buf *a, yg_buf *b)
{
	errors = 0;
	raptor_ttl(s, v, n, b);
	int raptor_bad = errors > 0;
	if (b->len < head.len || memcmp(b->s, head.s, head.len) != 0)
		return 0;
	memmove(b->s, b->s + head.len, b->len - head.len + 1);
	b->len -= head.len;
	clear(a);
	yg_ttl *t = yg_ttl_new(w, ns, NNS);
	for (size_t i = 0; i < n; i++) {
		if (v[i].lit)
			yg_ttl_literal(t, v[i].p, v[i].o, v[i].lang, v[i].dt);
		else
			yg_ttl_iri(t, v[i].p, v[i].o);
	}
	int bad = yg_ttl_subject(t, s, a);
	yg_ttl_free(t);
	int ok = bad == raptor_bad && a->len == b->len && memcmp(a->s, b->s, a->len) == 0;
	if (!ok)
		printf("#   yg_ttl (error %d):\n%s#   raptor (error %d):\n%s", bad, a->s, raptor_bad, b->s);
	return ok;
}

#define SAME(s, v, ...) OK(same((s), (v), sizeof(v) / sizeof(v)[0], &a, &b), __VA_ARGS__)

int main(void)
{
	w = raptor_new_world();
	raptor_world_set_log_handler(w, NULL, on_log);
	raptor_world_open(w);
	yg_buf a, b;
	yg_buf_init(&a);
	yg_buf_init(&b);
	yg_buf_init(&head);
	raptor_ttl(EX "s", NULL, 0, &head);

	const st node[] = {
		{SCHEMA "mentions", EX "b", 0, NULL, NULL},
		{"http://www.w3.org/1999/02/22-rdf-syntax-ns#type", SCHEMA "NewsArticle", 0, NULL, NULL},
		{SCHEMA "mentions", EX "a", 0, NULL, NULL},
		{SCHEMA "mentions", EX "b", 0, NULL, NULL},
		{"http://www.w3.org/2000/01/rdf-schema#label", "Bệnh viện", 1, "vi", NULL},
		{"http://www.w3.org/2000/01/rdf-schema#label", "Bệnh viện", 1, "vi", NULL},
		{"http://www.w3.org/2000/01/rdf-schema#label", "Bệnh viện", 1, NULL, NULL},
		{"http://www.w3.org/2000/01/rdf-schema#label", "Bệnh viện", 1, "en", NULL},
		{"http://www.w3.org/2000/01/rdf-schema#label", "Bệnh viện", 1, NULL, EX "dt"},
		{"http://www.w3.org/2000/01/rdf-schema#label", "Bệnh", 1, NULL, NULL},
		{"http://www.w3.org/2000/01/rdf-schema#label", EX "Bệnh", 0, NULL, NULL},
		{SCHEMA "datePublished", "2024-03-15", 1, NULL, XSD "date"},
		{"https://w3id.org/ytegraph/ontology#mentionCount", "12", 1, NULL, XSD "integer"},
		{"https://w3id.org/ytegraph/ontology#headsUnit", "true", 1, NULL, XSD "boolean"},
		{EX "p/q", "x", 1, NULL, NULL},
		{"http://www.w3.org/2002/07/owl#sameAs", "http://www.wikidata.org/entity/Q1858", 0, NULL, NULL},
	};
	SAME(EX "id/article/1", node, "order of predicates and objects, duplicates once, a, ', ' and ' ;'");

	const st names[] = {
		{EX "p", SCHEMA "", 0, NULL, NULL},           {EX "p", SCHEMA "a/b", 0, NULL, NULL},
		{EX "p", SCHEMA "1abc", 0, NULL, NULL},       {EX "p", SCHEMA "a.b-c_d", 0, NULL, NULL},
		{EX "p", SCHEMA "_x", 0, NULL, NULL},         {EX "p", SCHEMA "ệ", 0, NULL, NULL},
		{EX "p", SCHEMA "a:b", 0, NULL, NULL},        {EX "p", SCHEMA "a#b", 0, NULL, NULL},
		{EX "p", SCHEMA "x.", 0, NULL, NULL},         {EX "p", SCHEMA "-x", 0, NULL, NULL},
		{EX "p", "http://www.w3.org/XML/1998/namespacelang", 0, NULL, NULL},
		{EX "p", "http://www.w3.org/XML/1998/namespace", 0, NULL, NULL},
		{EX "p", "https://schema.org", 0, NULL, NULL},
		{EX "p", "http://www.wikidata.org/entity/Q1858", 0, NULL, NULL},
		{EX "p", "https://w3id.org/ytegraph/ontology#Hospital", 0, NULL, NULL},
		{EX "p", EX "a b", 0, NULL, NULL},            {EX "p", EX "<x>\"{}|^`\\", 0, NULL, NULL},
		{EX "p", EX "tỉnh/ệ", 0, NULL, NULL},         {EX "p", EX "\x7f", 0, NULL, NULL},
		{SCHEMA "a/b", "v", 1, NULL, SCHEMA "a/b"},   {EX "p", "v", 1, NULL, "http://www.wikidata.org/entity/Q1"},
		{SCHEMA "x.y", "v", 1, NULL, SCHEMA "x.y"},   {SCHEMA "ệ", "v", 1, NULL, SCHEMA "ệ"},
		{SCHEMA "_p", SCHEMA "_o", 0, NULL, NULL},   {EX "p", "http://www.w3.org/1999/02/22-rdf-syntax-ns#nil", 0, NULL, NULL},
	};
	SAME(SCHEMA "Thing", names, "prefixed names where raptor makes them, escaped IRIs elsewhere");
	const st one[] = {{EX "p", "o", 1, NULL, NULL}};
	SAME(EX "resolution/ha-noi/15-ct-tu", one, "a subject that is no prefixed name");
	SAME("http://www.wikidata.org/entity/Q1", one, "a subject that is one");
	SAME("http://www.w3.org/1999/02/22-rdf-syntax-ns#nil", one, "rdf:nil as a subject");
	SAME(EX "ệ b", one, "a subject escaped");

	const st typed[] = {
		{EX "i", "12", 1, NULL, XSD "integer"},     {EX "i", "-3", 1, NULL, XSD "integer"},
		{EX "i", " 5", 1, NULL, XSD "integer"},     {EX "b", "1", 1, NULL, XSD "boolean"},
		{EX "b", "0", 1, NULL, XSD "boolean"},      {EX "b", "false", 1, NULL, XSD "boolean"},
		{EX "d", "1.5e3", 1, NULL, XSD "double"},   {EX "d", "2.50", 1, NULL, XSD "decimal"},
		{EX "t", "2024-01-01", 1, NULL, XSD "date"}, {EX "t", "x", 1, NULL, XSD "string"},
		{EX "t", "x", 1, "vi", NULL},
	};
	SAME(EX "s", typed, "typed literals bare as raptor writes them");
	const st bad_int[] = {{EX "i", "12a", 1, NULL, XSD "integer"}, {EX "z", "after", 1, NULL, NULL}};
	SAME(EX "s", bad_int, "an illegal integer: raptor's error and its quoted form");
	const st bad_bool[] = {{EX "b", "yes", 1, NULL, XSD "boolean"}};
	SAME(EX "s", bad_bool, "an illegal boolean: raptor's error and its quoted form");
	const st bad_dbl[] = {{EX "d", "1.5x", 1, NULL, XSD "double"}};
	SAME(EX "s", bad_dbl, "an illegal double: raptor's error and its quoted form");

	const st odd[] = {
		{EX "l", "say \"hi\" \\ there", 1, NULL, NULL}, {EX "l", "two\nlines \"\"\" end\"", 1, "vi", NULL},
		{EX "l", "cr\rtab\tbell\x07 del\x7f", 1, NULL, NULL}, {EX "l", "\n", 1, NULL, NULL},
		{EX "l", "ends with \\", 1, NULL, NULL},       {EX "l", "non-BMP \xF0\x9F\x98\x80 \xF0\x90\x80\x80", 1, NULL, NULL},
		{EX "l", "\"", 1, NULL, NULL},                   {EX "l", "\n\"x\"\n", 1, NULL, XSD "string"},
	};
	SAME(EX "s", odd, "quotes, backslashes, long strings, controls, non-BMP");

	/* a long literal, with and without a newline */
	yg_buf big;
	yg_buf_init(&big);
	for (int i = 0; i < 20000; i++)
		yg_buf_puts(&big, i % 997 ? "Sở Y tế \"Hà Nội\" \\ " : "\n");
	char *big2 = yg_xstrdup(big.s);
	big2[0] = 'x';
	for (char *q = big2; (q = strchr(q, '\n')) != NULL;)
		*q = ' ';
	const st longs[] = {{EX "l", big.s, 1, "vi", NULL}, {EX "l", big2, 1, NULL, NULL}};
	SAME(EX "s", longs, "long literals (%zu bytes)", big.len);
	free(big2);
	yg_buf_free(&big);

	/* ill-formed UTF-8: raptor stops the subject at the literal */
	const char *ill[] = {"a\xC3", "\xE1\xBB", "x\xFFy", "\xED\xA0\x80", "\xC0\xAF", "\xEF\xBF\xBE", "\xEF\xBF\xBF",
	                     "\xF4\x90\x80\x80", "\x80", "a\xC3(b"};
	int ill_differ = 0;
	for (size_t i = 0; i < sizeof ill / sizeof ill[0]; i++) {
		const st v[] = {{EX "a", "first", 1, NULL, NULL}, {EX "b", ill[i], 1, NULL, NULL},
		                {EX "b", "zz", 1, NULL, NULL},   {EX "c", "after", 1, NULL, NULL}};
		ill_differ += !same(EX "s", v, 4, &a, &b);
	}
	OK(ill_differ == 0, "ill-formed UTF-8 and U+FFFE/U+FFFF as raptor writes them (%d differ)", ill_differ);

	/* every scalar value in a literal, 512 to a literal; code points in
	 * an IRI's local name (prefixed or not: raptor_xml_name_check) */
	int lit_differ = 0, iri_differ = 0;
	for (uint32_t cp = 1; cp <= 0x10FFFF; cp += 512) {
		yg_buf t;
		yg_buf_init(&t);
		for (uint32_t c = cp; c < cp + 512 && c <= 0x10FFFF; c++) {
			char u[8];
			if (c >= 0xD800 && c <= 0xDFFF)
				continue;
			yg_buf_add(&t, u, yg_utf8_put(c, u));
		}
		const st v[] = {{EX "l", t.s, 1, NULL, NULL}};
		if (t.len) /* not all surrogates */
			lit_differ += !same(EX "s", v, 1, &a, &b);
		yg_buf_free(&t);
	}
	OK(lit_differ == 0, "every Unicode scalar value in a literal (%d literals of 512 differ)", lit_differ);
	for (uint32_t cp = 0x21; cp <= 0x10FFFF; cp += cp < 0x3000 ? 1 : 211) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		char x[48] = SCHEMA "x", y[48] = SCHEMA;
		size_t k = strlen(x), m = strlen(y);
		x[k + yg_utf8_put(cp, x + k)] = '\0';
		y[m + yg_utf8_put(cp, y + m)] = '\0';
		const st v[] = {{EX "p", x, 0, NULL, NULL}, {EX "p", y, 0, NULL, NULL}};
		iri_differ += !same(EX "s", v, 2, &a, &b);
	}
	OK(iri_differ == 0, "code points in IRIs, as a prefixed name's first and later letter (%d differ)", iri_differ);

	yg_ttl *t = yg_ttl_new(w, ns, NNS);
	clear(&a);
	OK(yg_ttl_subject(t, EX "s", &a) == 0 && a.len == 0, "a subject without statements writes nothing");
	yg_ttl_free(t);
	yg_buf_free(&a);
	yg_buf_free(&b);
	yg_buf_free(&head);
	raptor_free_world(w);
	return DONE();
}
