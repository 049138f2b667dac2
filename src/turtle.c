#include "turtle.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bufio.h"

#define RDF_TYPE "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
#define RDF_NIL "http://www.w3.org/1999/02/22-rdf-syntax-ns#nil"
#define XSD "http://www.w3.org/2001/XMLSchema#"

/* raptor_new_namespaces(world, 1) starts the stack with this one */
static const char xml_prefix[] = "xml", xml_ns[] = "http://www.w3.org/XML/1998/namespace";

typedef struct {
	const char *p, *lang, *dt;
	size_t o;      /* offset of the object's IRI or text in t->text */
	const char *v; /* the same string, once every statement is in */
	int literal; /* raptor's term types order IRIs before literals */
} stmt;

typedef struct {
	const char *prefix, *ns;
	size_t len;
	uint64_t tail; /* the last 8 bytes of ns (len >= 8): most IRIs differ there */
} nspace;

static nspace make_ns(const char *prefix, const char *ns)
{
	nspace n = {prefix, ns, strlen(ns), 0};
	if (n.len >= 8)
		memcpy(&n.tail, ns + n.len - 8, 8);
	return n;
}

struct yg_ttl {
	raptor_world *w;
	raptor_iostream *io; /* writes into *target */
	yg_buf *target;
	nspace *ns;
	size_t nns;
	yg_buf text; /* the objects' strings, NUL-separated */
	struct {
		stmt *items;
		size_t len, cap;
	} st;
};

yg_ttl *yg_ttl_new(raptor_world *world, const yg_ttl_ns *ns, size_t n)
{
	yg_ttl *t = yg_xcalloc(1, sizeof *t);
	t->w = world;
	t->io = yg_buf_iostream(world, &t->target);
	t->ns = yg_xcalloc(n + 1, sizeof *t->ns);
	t->ns[0] = make_ns(xml_prefix, xml_ns);
	for (size_t i = 0; i < n; i++)
		t->ns[i + 1] = make_ns(ns[i].prefix, ns[i].ns);
	t->nns = n + 1;
	yg_buf_init(&t->text);
	return t;
}

void yg_ttl_free(yg_ttl *t)
{
	if (!t)
		return;
	if (t->io)
		raptor_free_iostream(t->io);
	free(t->ns);
	yg_buf_free(&t->text);
	free(t->st.items);
	free(t);
}

static void push(yg_ttl *t, const char *p, const char *o, const char *lang, const char *dt, int literal)
{
	size_t off = t->text.len;
	yg_buf_add(&t->text, o, strlen(o) + 1); /* with its NUL */
	YG_VEC_GROW(t->st);
	t->st.items[t->st.len++] = (stmt){p, lang, dt, off, NULL, literal};
}

void yg_ttl_iri(yg_ttl *t, const char *p, const char *o)
{
	push(t, p, o, NULL, NULL, 0);
}

void yg_ttl_literal(yg_ttl *t, const char *p, const char *text, const char *lang, const char *dt)
{
	push(t, p, text, lang, dt, 1);
}

/* raptor's order of a subject's (predicate, object) pairs; URIs compare
 * as memcmp then length, which is strcmp for strings without NUL */
static int cmp_stmt(const void *pa, const void *pb)
{
	const stmt *a = pa, *b = pb;
	int c = a->p == b->p ? 0 : strcmp(a->p, b->p);
	if (c)
		return c;
	if (a->literal != b->literal)
		return a->literal - b->literal;
	c = strcmp(a->v, b->v);
	if (c || !a->literal)
		return c;
	c = yg_strcmp_null(a->lang, b->lang);
	return c ? c : yg_strcmp_null(a->dt, b->dt);
}

/* Bytes an IRI can have unescaped in Turtle: raptor's SPARQL-URI escapes
 * take #x00-#x20 <>"{}|^` and the backslash; the rest of ASCII passes. */
static int plain_iri(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c <= 0x20 || c >= 0x7f || strchr("<>\"{}|^`\\", c))
			return 0;
	}
	return 1;
}

static void write_ref(yg_ttl *t, const char *iri, size_t n, yg_buf *out)
{
	if (plain_iri(iri, n)) {
		yg_buf_putc(out, '<');
		yg_buf_add(out, iri, n);
		yg_buf_putc(out, '>');
		return;
	}
	raptor_uri *u = raptor_new_uri_from_counted_string(t->w, (const unsigned char *)iri, n);
	t->target = out;
	if (u) {
		raptor_uri_escaped_write(u, NULL, RAPTOR_ESCAPED_WRITE_TURTLE_URI, t->io);
		raptor_free_uri(u);
	}
}

/* What raptor_turtle_is_legal_turtle_qname adds to the XML name check for
 * subjects and objects: the local name starts with an ASCII letter, a
 * digit or '_' (isalpha of a byte past ASCII is false) and has no '.'. */
static int turtle_local(const char *s, size_t n)
{
	unsigned char c = (unsigned char)s[0];
	return (c < 0x80 && (isalnum(c) || c == '_')) && !memchr(s, '.', n);
}

enum { AS_RESOURCE, AS_PREDICATE, AS_DATATYPE };

/* prefix:local or <iri>: a resource as raptor_turtle_emit_resource
 * writes it (rdf:nil is "( )"), a predicate or a datatype without the
 * Turtle check, as raptor writes those. */
static void write_iri(yg_ttl *t, const char *iri, int as, yg_buf *out)
{
	size_t n = strlen(iri);
	if (as == AS_RESOURCE && strcmp(iri, RDF_NIL) == 0) {
		YG_BUF_LIT(out, "( )");
		return;
	}
	for (size_t i = 0; i < t->nns; i++) {
		const nspace *ns = &t->ns[i];
		uint64_t tail;
		if (ns->len >= n)
			continue;
		if (ns->len >= 8 && (memcpy(&tail, iri + ns->len - 8, 8), tail != ns->tail))
			continue;
		if (memcmp(iri, ns->ns, ns->len) != 0 ||
		    !raptor_xml_name_check((const unsigned char *)iri + ns->len, n - ns->len, 10))
			continue;
		/* raptor takes the first namespace whose rest is an XML name */
		if (as == AS_RESOURCE && !turtle_local(iri + ns->len, n - ns->len))
			break;
		yg_buf_puts(out, ns->prefix);
		yg_buf_putc(out, ':');
		yg_buf_add(out, iri + ns->len, n - ns->len);
		return;
	}
	write_ref(t, iri, n, out);
}

/* The length of the well-formed UTF-8 sequence at s (lead byte >= 0x80)
 * that raptor's decoder also takes as one character, or 0: raptor refuses
 * overlong forms, surrogates, U+FFFE, U+FFFF and anything past U+10FFFF
 * (its leniency on continuation bytes is left to raptor itself). */
static size_t utf8_char(const unsigned char *s, size_t left)
{
	unsigned c = s[0];
	size_t n = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 0;
	if (!n || c >= 0xf5 || n > left)
		return 0;
	uint32_t u = c & (0x7f >> n);
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		u = u << 6 | (s[i] & 0x3f);
	}
	static const uint32_t least[5] = {0, 0, 0x80, 0x800, 0x10000};
	if (u < least[n] || (u >= 0xd800 && u < 0xe000) || u == 0xfffe || u == 0xffff || u > 0x10ffff)
		return 0;
	return n;
}

/* The quoted string as raptor_turtle_writer_quoted_counted_string writes
 * it; 0 when raptor's escaping fails (ill-formed UTF-8), after writing
 * what raptor writes. */
static int write_quoted(yg_ttl *t, const char *s, yg_buf *out)
{
	size_t n = strlen(s);
	int lng = memchr(s, '\n', n) != NULL;
	const char *q = lng ? "\"\"\"" : "\"";
	size_t qn = lng ? 3 : 1, start = out->len;
	yg_buf_add(out, q, qn);
	yg_buf_reserve(out, n + qn + 8);
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i < n;) {
		unsigned char c = u[i];
		if (c == '"' || c == '\\') {
			yg_buf_putc(out, '\\');
			yg_buf_putc(out, (char)c);
			i++;
		} else if (c < 0x80) {
			yg_buf_putc(out, (char)c);
			i++;
		} else {
			size_t k = utf8_char(u + i, n - i);
			if (!k) { /* raptor's own escaping, from the opening quote */
				out->len = start;
				out->s[start] = '\0';
				yg_buf_add(out, q, qn);
				t->target = out;
				int rc = raptor_string_escaped_write(u, n, '"', RAPTOR_ESCAPED_WRITE_TURTLE_LITERAL, t->io);
				yg_buf_add(out, q, qn);
				return rc == 0;
			}
			yg_buf_add(out, s + i, k);
			i += k;
		}
	}
	yg_buf_add(out, q, qn);
	return 1;
}

/* raptor_turtle_writer_literal: integers, decimals, doubles and booleans
 * bare when their text is one (else an error and the quoted form), other
 * datatypes after "^^", a language after '@'.  *bad on an error; 0 when
 * the subject's statements end here. */
static int write_literal(yg_ttl *t, const stmt *st, yg_buf *out, int *bad)
{
	const char *s = st->v, *dt = st->dt;
	if (dt && strncmp(dt, XSD, sizeof XSD - 1) == 0) {
		const char *local = dt + sizeof XSD - 1;
		char *end = (char *)s;
		if (strcmp(local, "integer") == 0) {
			(void)strtol(s, &end, 10);
			if (end != s && !*end) {
				yg_buf_puts(out, s);
				return 1;
			}
			*bad = 1;
		} else if (strcmp(local, "double") == 0 || strcmp(local, "decimal") == 0) {
			(void)strtod(s, &end);
			if (end != s && !*end) {
				yg_buf_puts(out, s);
				return 1;
			}
			*bad = 1;
		} else if (strcmp(local, "boolean") == 0) {
			if (strcmp(s, "0") == 0 || strcmp(s, "false") == 0) {
				YG_BUF_LIT(out, "false");
				return 1;
			}
			if (strcmp(s, "1") == 0 || strcmp(s, "true") == 0) {
				YG_BUF_LIT(out, "true");
				return 1;
			}
			*bad = 1;
		}
	}
	if (!write_quoted(t, s, out))
		return 0;
	if (dt) {
		YG_BUF_LIT(out, "^^");
		write_iri(t, dt, AS_DATATYPE, out);
	} else if (st->lang) {
		yg_buf_putc(out, '@');
		yg_buf_puts(out, st->lang);
	}
	return 1;
}

int yg_ttl_subject(yg_ttl *t, const char *s, yg_buf *out)
{
	size_t n = t->st.len;
	int bad = 0;
	if (!n)
		return 0;
	for (size_t i = 0; i < n; i++)
		t->st.items[i].v = t->text.s + t->st.items[i].o;
	yg_sort(t->st.items, n, sizeof *t->st.items, cmp_stmt);
	write_iri(t, s, AS_RESOURCE, out);
	YG_BUF_LIT(out, "\n    ");
	const stmt *last = NULL;
	for (size_t i = 0; i < n; i++) {
		const stmt *st = &t->st.items[i];
		if (last && cmp_stmt(last, st) == 0)
			continue; /* raptor keeps a statement once */
		if (!last || (last->p != st->p && strcmp(last->p, st->p) != 0)) {
			if (last)
				YG_BUF_LIT(out, " ;\n    ");
			if (strcmp(st->p, RDF_TYPE) == 0)
				yg_buf_putc(out, 'a');
			else
				write_iri(t, st->p, AS_PREDICATE, out);
			yg_buf_putc(out, ' ');
		} else {
			YG_BUF_LIT(out, ", ");
		}
		last = st;
		if (!st->literal)
			write_iri(t, st->v, AS_RESOURCE, out);
		else if (!write_literal(t, st, out, &bad))
			break;
	}
	YG_BUF_LIT(out, " .\n\n");
	t->st.len = 0;
	t->text.len = 0;
	return bad;
}
