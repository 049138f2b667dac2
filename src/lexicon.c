#include "lexicon.h"

#include <dirent.h>
#include <limits.h>
#include <unistd.h>
#include <raptor2.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "config.h"
#include "segment.h"

#define NS_YTG "https://w3id.org/ytegraph/ontology#"
#define NS_SKOS "http://www.w3.org/2004/02/skos/core#"
#define NS_RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define NS_RDFS "http://www.w3.org/2000/01/rdf-schema#"
#define NS_OWL "http://www.w3.org/2002/07/owl#"

/* ---- the names data uses for kinds, roles and enum values ---- */

static const char *const scheme_names[YG_LEX_KIND_COUNT] = {
	[YG_LEX_NONE] = "",
#define YG_X(name, scheme) [YG_LEX_##name] = scheme,
	YG_LEX_KINDS(YG_X)
#undef YG_X
};

static const char *const role_names[YG_ROLE_COUNT + 1] = {
	"",
#define YG_X(name, value) value,
	YG_ROLES(YG_X)
#undef YG_X
	NULL,
};
#define NAMES(name, value) value,
static const char *const scope_names[] = {"", YG_SCOPES(NAMES) NULL};
static const char *const level_names[] = {"", YG_LEVELS(NAMES) NULL};
static const char *const rank_names[] = {"", YG_RANKS(NAMES) NULL};
static const char *const modifier_names[] = {"", YG_MODIFIERS(NAMES) NULL};
static const char *const ambiguity_names[] = {"", YG_AMBIGUITIES(NAMES) NULL};
static const char *const degree_kind_names[] = {"", YG_DEGREE_KINDS(NAMES) NULL};
#undef NAMES

_Static_assert(YG_ROLE_COUNT <= 64, "roles are a 64-bit mask per token");

const char *yg_role_name(yg_role r)
{
	return (unsigned)r < YG_ROLE_COUNT ? role_names[r] : "";
}

/* ---- the properties a concept may carry, and where they go ---- */

typedef enum { P_STR, P_DATE, P_ENUM8, P_ENUM16, P_FLAG, P_REF } prop_type;

static const struct prop {
	const char *name;            /* local name in the ytg: namespace */
	prop_type type;
	size_t off;                  /* field in yg_concept */
	const char *const *values;   /* P_ENUM*: the value names */
	uint32_t flag;               /* P_FLAG */
	int ref_kind;                /* P_REF: the kind a slug names */
} props[] = {
	{"role", P_ENUM16, offsetof(yg_concept, role), role_names, 0, 0},
	{"scope", P_ENUM8, offsetof(yg_concept, scope), scope_names, 0, 0},
	{"level", P_ENUM8, offsetof(yg_concept, level), level_names, 0, 0},
	{"seniority", P_ENUM8, offsetof(yg_concept, rank), rank_names, 0, 0},
	{"modifier", P_ENUM8, offsetof(yg_concept, modifier), modifier_names, 0, 0},
	{"ambiguous", P_ENUM8, offsetof(yg_concept, ambiguous), ambiguity_names, 0, 0},
	{"kind", P_ENUM8, offsetof(yg_concept, degree_kind), degree_kind_names, 0, 0},
#define YG_X(name, value) {value, P_FLAG, 0, NULL, YG_CF(name), 0},
	YG_FLAGS(YG_X)
#undef YG_X
	{"province", P_REF, offsetof(yg_concept, province), NULL, 0, YG_LEX_PROVINCE},
	{"mergedInto", P_REF, offsetof(yg_concept, merged_into), NULL, 0, 0},
	{"issuerBody", P_REF, offsetof(yg_concept, issuer_body), NULL, 0, YG_LEX_BODY},
	{"cityForm", P_REF, offsetof(yg_concept, city_form), NULL, 0, YG_LEX_BODY},
	{"body", P_REF, offsetof(yg_concept, body), NULL, 0, 0},
	{"expansion", P_STR, offsetof(yg_concept, expansion), NULL, 0, 0},
	{"unitHead", P_STR, offsetof(yg_concept, unit_head), NULL, 0, 0},
	{"roleLabel", P_STR, offsetof(yg_concept, role_label), NULL, 0, 0},
	{"issuer", P_STR, offsetof(yg_concept, issuer), NULL, 0, 0},
	{"code", P_STR, offsetof(yg_concept, code), NULL, 0, 0},
	{"unit", P_STR, offsetof(yg_concept, unit), NULL, 0, 0},
	{"unitKind", P_STR, offsetof(yg_concept, unit_kind), NULL, 0, 0},
	{"unitKindBefore", P_STR, offsetof(yg_concept, unit_kind_before), NULL, 0, 0},
	{"renamedTo", P_STR, offsetof(yg_concept, renamed_to), NULL, 0, 0},
	{"renamedOn", P_DATE, offsetof(yg_concept, renamed_on), NULL, 0, 0},
	{"mergerDate", P_DATE, offsetof(yg_concept, merger_date), NULL, 0, 0},
};

/* Properties outside ytg: that the data may carry.  Documentation
 * properties are read by people only. */
static const struct {
	const char *iri;
	int what; /* 0 ignored, 1 prefLabel, 2 altLabel, 3 inScheme, 4 sameAs */
} known_iris[] = {
	{NS_SKOS "prefLabel", 1}, {NS_SKOS "altLabel", 2}, {NS_SKOS "inScheme", 3},
	{NS_OWL "sameAs", 4}, {NS_RDF "type", 0}, {NS_RDFS "label", 0},
	{NS_RDFS "comment", 0}, {NS_SKOS "scopeNote", 0}, {NS_SKOS "definition", 0},
	{NS_SKOS "note", 0}, {NS_SKOS "example", 0},
};

/* A reference to another concept, resolved once every file is read. */
typedef struct {
	size_t concept;
	size_t off;
	int kind;     /* a slug names a concept of this kind; 0: value is an IRI */
	char *value;
	char *file;
	int line;
} pending_ref;

typedef struct {
	size_t concept;
	char *file;
	int line;
} origin;

struct yg_lexicon {
	struct {
		yg_concept *items;
		size_t len, cap;
	} concepts;
	struct {
		origin *items;
		size_t len, cap;
	} origins; /* where each concept was first stated, for messages */
	struct {
		pending_ref *items;
		size_t len, cap;
	} refs;
	yg_keytab *keys;
	yg_trie *trie;
	yg_keytab *by_label; /* "kind|prefLabel" -> concept index + 1 */
	uint32_t *by_label_val;
	size_t by_label_cap;
	struct {
		uint32_t *items;
		size_t len, cap;
	} role_keys[YG_ROLE_COUNT]; /* one-token words by role, sorted */
};

yg_lexicon *yg_lexicon_new(void)
{
	yg_lexicon *lx = yg_xcalloc(1, sizeof *lx);
	lx->keys = yg_keytab_new();
	lx->trie = yg_trie_new();
	return lx;
}

static void concept_free(yg_concept *c)
{
	free(c->iri);
	free(c->slug);
	free(c->pref);
	for (size_t i = 0; i < c->nalts; i++)
		free(c->alts[i]);
	free(c->alts);
	for (size_t i = 0; i < sizeof props / sizeof props[0]; i++)
		if (props[i].type == P_STR || props[i].type == P_DATE)
			free(*(char **)((char *)c + props[i].off));
	free(c->same_as);
}

static void refs_free(yg_lexicon *lx)
{
	for (size_t i = 0; i < lx->refs.len; i++) {
		free(lx->refs.items[i].value);
		free(lx->refs.items[i].file);
	}
	free(lx->refs.items);
	lx->refs.items = NULL;
	lx->refs.len = lx->refs.cap = 0;
}

void yg_lexicon_free(yg_lexicon *lx)
{
	if (!lx)
		return;
	for (size_t i = 0; i < lx->concepts.len; i++)
		concept_free(&lx->concepts.items[i]);
	free(lx->concepts.items);
	for (size_t i = 0; i < lx->origins.len; i++)
		free(lx->origins.items[i].file);
	free(lx->origins.items);
	refs_free(lx);
	yg_keytab_free(lx->keys);
	yg_keytab_free(lx->by_label);
	free(lx->by_label_val);
	for (size_t r = 0; r < YG_ROLE_COUNT; r++)
		free(lx->role_keys[r].items);
	yg_trie_free(lx->trie);
	free(lx);
}

static const char *local_name(const char *iri)
{
	const char *h = strrchr(iri, '#');
	const char *s = strrchr(iri, '/');
	const char *p = h > s ? h : s;
	return p ? p + 1 : iri;
}

/* ---- parsing ---- */

typedef struct {
	yg_lexicon *lx;
	size_t first; /* concepts added by this file start here */
	const char *path;
	raptor_parser *parser;
	yg_diag *d;
	int failed;
} load_ctx;

static int current_line(const load_ctx *c)
{
	raptor_locator *loc = raptor_parser_get_locator(c->parser);
	return loc ? raptor_locator_line(loc) : -1;
}

static void fail(load_ctx *c, const char *fmt, const char *a, const char *b)
{
	if (c->failed)
		return;
	c->failed = 1;
	char msg[600];
	snprintf(msg, sizeof msg, fmt, a, b ? b : "");
	yg_diag_set(c->d, YG_ERR_DATA, c->path, "line %d: %s", current_line(c), msg);
}

static yg_concept *concept_for(load_ctx *c, const char *iri)
{
	/* Statements arrive grouped by subject in practice: search backwards. */
	for (size_t i = c->lx->concepts.len; i > c->first; i--)
		if (strcmp(c->lx->concepts.items[i - 1].iri, iri) == 0)
			return &c->lx->concepts.items[i - 1];
	YG_VEC_GROW(c->lx->concepts);
	yg_concept *k = &c->lx->concepts.items[c->lx->concepts.len++];
	memset(k, 0, sizeof *k);
	k->iri = yg_xstrdup(iri);
	k->slug = yg_xstrdup(local_name(iri));
	k->province = k->merged_into = k->issuer_body = k->city_form = k->body = -1;
	origin o = {c->lx->concepts.len - 1, yg_xstrdup(c->path), current_line(c)};
	YG_VEC_PUSH(c->lx->origins, o);
	return k;
}

static int enum_value(const char *const *names, const char *v)
{
	for (int i = 1; names[i]; i++)
		if (strcmp(names[i], v) == 0)
			return i;
	return -1;
}

static int is_date(const char *v)
{
	if (strlen(v) != 10 || v[4] != '-' || v[7] != '-')
		return 0;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (v[i] < '0' || v[i] > '9'))
			return 0;
	return 1;
}

/* Set the ytg: property `p` of concept k from the object value. */
static void set_prop(load_ctx *c, yg_concept *k, const struct prop *p, const char *val, int is_iri)
{
	char *field = (char *)k + p->off;
	switch (p->type) {
	case P_STR:
	case P_DATE:
		if (p->type == P_DATE && !is_date(val)) {
			fail(c, "ytg:%s: \"%s\" is not a YYYY-MM-DD date", p->name, val);
			return;
		}
		free(*(char **)field);
		*(char **)field = yg_xstrdup(val);
		return;
	case P_ENUM8:
	case P_ENUM16: {
		int v = enum_value(p->values, val);
		if (v < 0) {
			fail(c, "ytg:%s: unknown value \"%s\"", p->name, val);
			return;
		}
		if (p->type == P_ENUM8)
			*(uint8_t *)field = (uint8_t)v;
		else
			*(uint16_t *)field = (uint16_t)v;
		return;
	}
	case P_FLAG:
		if (strcmp(val, "true") == 0)
			k->flags |= p->flag;
		else if (strcmp(val, "false") == 0)
			k->flags &= ~p->flag;
		else
			fail(c, "ytg:%s: \"%s\" is neither true nor false", p->name, val);
		return;
	case P_REF: {
		pending_ref r = {(size_t)(k - c->lx->concepts.items), p->off, is_iri ? 0 : p->ref_kind,
		                 yg_xstrdup(val), yg_xstrdup(c->path), current_line(c)};
		if (!is_iri && !p->ref_kind) {
			free(r.value);
			free(r.file);
			fail(c, "ytg:%s: \"%s\" must be an IRI", p->name, val);
			return;
		}
		YG_VEC_PUSH(c->lx->refs, r);
		return;
	}
	}
}

static void on_ytg(load_ctx *c, yg_concept *k, const char *pred, const char *val, int is_iri)
{
	const char *name = pred + strlen(NS_YTG);
	for (size_t i = 0; i < sizeof props / sizeof props[0]; i++)
		if (strcmp(props[i].name, name) == 0) {
			set_prop(c, k, &props[i], val, is_iri);
			return;
		}
	fail(c, "unknown property ytg:%s%s", name, NULL);
}

static void on_other(load_ctx *c, yg_concept *k, const char *pred, const char *val, int is_iri)
{
	for (size_t i = 0; i < sizeof known_iris / sizeof known_iris[0]; i++) {
		if (strcmp(known_iris[i].iri, pred) != 0)
			continue;
		switch (known_iris[i].what) {
		case 1:
			if (!k->pref) {
				k->pref = yg_xstrdup(val);
				return;
			}
			/* a second prefLabel (another language) is a variant */
			/* fall through */
		case 2:
			k->alts = yg_xrealloc(k->alts, (k->nalts + 1) * sizeof *k->alts);
			k->alts[k->nalts++] = yg_xstrdup(val);
			return;
		case 3: {
			if (!is_iri || strncmp(val, NS_YTG, strlen(NS_YTG)) != 0) {
				fail(c, "skos:inScheme %s is not a ytg: scheme%s", val, NULL);
				return;
			}
			const char *scheme = val + strlen(NS_YTG);
			for (int kind = 1; kind < YG_LEX_KIND_COUNT; kind++)
				if (strcmp(scheme_names[kind], scheme) == 0) {
					k->kind = (uint16_t)kind;
					return;
				}
			fail(c, "unknown scheme ytg:%s%s", scheme, NULL);
			return;
		}
		case 4:
			free(k->same_as);
			k->same_as = yg_xstrdup(val);
			return;
		default:
			return;
		}
	}
	fail(c, "unknown property <%s>%s", pred, NULL);
}

static void on_statement(void *user, raptor_statement *st)
{
	load_ctx *c = user;
	if (c->failed || st->subject->type != RAPTOR_TERM_TYPE_URI)
		return;
	const char *subj = (const char *)raptor_uri_as_string(st->subject->value.uri);
	const char *pred = (const char *)raptor_uri_as_string(st->predicate->value.uri);
	const char *val;
	int is_iri = 0;
	if (st->object->type == RAPTOR_TERM_TYPE_LITERAL) {
		val = (const char *)st->object->value.literal.string;
	} else if (st->object->type == RAPTOR_TERM_TYPE_URI) {
		val = (const char *)raptor_uri_as_string(st->object->value.uri);
		is_iri = 1;
	} else {
		return;
	}
	yg_concept *k = concept_for(c, subj);
	if (strncmp(pred, NS_YTG, strlen(NS_YTG)) == 0)
		on_ytg(c, k, pred, val, is_iri);
	else
		on_other(c, k, pred, val, is_iri);
}

static void on_log(void *user, raptor_log_message *m)
{
	load_ctx *c = user;
	if (m->level < RAPTOR_LOG_LEVEL_ERROR || c->failed)
		return;
	c->failed = 1;
	int line = m->locator ? raptor_locator_line(m->locator) : -1;
	yg_diag_set(c->d, YG_ERR_DATA, c->path, "line %d: %s", line, m->text ? m->text : "parse error");
}

yg_status yg_lexicon_load_file(yg_lexicon *lx, const char *path, yg_diag *d)
{
	load_ctx c = {lx, lx->concepts.len, path, NULL, d, 0};
	FILE *fh = fopen(path, "rb");
	if (!fh)
		return yg_diag_set(d, YG_ERR_DATA, path, "cannot open lexicon (set --data-dir or YTEGRAPH_DATADIR)");
	raptor_world *w = raptor_new_world();
	raptor_world_open(w);
	raptor_world_set_log_handler(w, &c, on_log);
	raptor_parser *p = raptor_new_parser(w, "turtle");
	c.parser = p;
	raptor_parser_set_statement_handler(p, &c, on_statement);
	unsigned char *uri_str = raptor_uri_filename_to_uri_string(path);
	raptor_uri *base = raptor_new_uri(w, uri_str);
	raptor_parser_parse_file_stream(p, fh, path, base);
	raptor_free_uri(base);
	raptor_free_memory(uri_str);
	raptor_free_parser(p);
	raptor_free_world(w);
	fclose(fh);
	return c.failed ? YG_ERR_DATA : YG_OK;
}

/* ---- finishing: references, label index, trie ---- */

static void add_label(yg_lexicon *lx, const char *label, yg_payload p)
{
	yg_tokens t = {0};
	yg_tokenize(label, strlen(label), lx->keys, NULL, &t);
	uint32_t keys[64];
	size_t n = 0;
	for (size_t i = 0; i < t.len && n < 64; i++)
		keys[n++] = t.items[i].key;
	if (n)
		yg_trie_add(lx->trie, keys, n, p);
	if (n == 1 && p.role)
		YG_VEC_PUSH(lx->role_keys[p.role], keys[0]);
	yg_tokens_free(&t);
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

const uint32_t *yg_lexicon_role_keys(const yg_lexicon *lx, yg_role r, size_t *n)
{
	*n = (unsigned)r < YG_ROLE_COUNT ? lx->role_keys[r].len : 0;
	return *n ? lx->role_keys[r].items : NULL;
}

/* "kind|label" as a key of the label index. */
static uint32_t label_key(yg_keytab *kt, int kind, const char *label, int intern)
{
	yg_buf b;
	yg_buf_init(&b);
	yg_buf_printf(&b, "%d|%s", kind, label);
	uint32_t id = intern ? yg_keytab_intern(kt, b.s, b.len) : yg_keytab_find(kt, b.s, b.len);
	yg_buf_free(&b);
	return id;
}

/* Labels by (kind, prefLabel), and document types by their code under
 * the pseudo-kind YG_LEX_KIND_COUNT. */
static void index_labels(yg_lexicon *lx)
{
	lx->by_label = yg_keytab_new();
	for (size_t i = 0; i < 2 * lx->concepts.len; i++) {
		const yg_concept *k = &lx->concepts.items[i % lx->concepts.len];
		int by_code = i >= lx->concepts.len;
		if (by_code && (k->kind != YG_LEX_DOCTYPE || !k->code))
			continue;
		uint32_t id = label_key(lx->by_label, by_code ? YG_LEX_KIND_COUNT : k->kind, by_code ? k->code : k->pref, 1);
		if (id >= lx->by_label_cap) {
			size_t cap = lx->by_label_cap ? lx->by_label_cap * 2 : 256;
			while (cap <= id)
				cap *= 2;
			lx->by_label_val = yg_xrealloc(lx->by_label_val, cap * sizeof *lx->by_label_val);
			memset(lx->by_label_val + lx->by_label_cap, 0, (cap - lx->by_label_cap) * sizeof *lx->by_label_val);
			lx->by_label_cap = cap;
		}
		if (!lx->by_label_val[id])
			lx->by_label_val[id] = (uint32_t)(i % lx->concepts.len) + 1;
	}
}

static long find_iri(const yg_lexicon *lx, yg_keytab *iris, const char *iri)
{
	uint32_t id = yg_keytab_find(iris, iri, strlen(iri));
	(void)lx;
	return id ? (long)id - 1 : -1;
}

/* Concept indexes are final once unknown nodes are dropped: resolve every
 * reference then, or report the first that names nothing. */
static yg_status resolve_refs(yg_lexicon *lx, yg_diag *d)
{
	yg_keytab *iris = yg_keytab_new();
	for (size_t i = 0; i < lx->concepts.len; i++)
		yg_keytab_intern(iris, lx->concepts.items[i].iri, strlen(lx->concepts.items[i].iri));
	yg_status st = YG_OK;
	for (size_t i = 0; i < lx->refs.len && st == YG_OK; i++) {
		const pending_ref *r = &lx->refs.items[i];
		long to = r->kind ? yg_lexicon_find_slug(lx, r->kind, r->value) : find_iri(lx, iris, r->value);
		if (to < 0)
			st = yg_diag_set(d, YG_ERR_DATA, r->file, "line %d: \"%s\" names no concept%s", r->line,
			                 r->value, r->kind ? " of that kind" : "");
		else
			*(int32_t *)((char *)&lx->concepts.items[r->concept] + r->off) = (int32_t)to;
	}
	yg_keytab_free(iris);
	return st;
}

yg_status yg_lexicon_finish(yg_lexicon *lx, yg_diag *d)
{
	/* Drop nodes that are not concepts of a known scheme (the schemes
	 * themselves, ontology terms) and remap the pending references. */
	size_t *newidx = yg_xmalloc((lx->concepts.len + 1) * sizeof *newidx);
	size_t out = 0;
	yg_status st = YG_OK;
	for (size_t i = 0; i < lx->concepts.len; i++) {
		yg_concept *k = &lx->concepts.items[i];
		if (k->kind && !k->pref && st == YG_OK) {
			const origin *o = &lx->origins.items[i];
			st = yg_diag_set(d, YG_ERR_DATA, o->file, "line %d: concept %s has no skos:prefLabel", o->line,
			                 k->iri);
		}
		if (!k->kind || !k->pref) {
			newidx[i] = (size_t)-1;
			concept_free(k);
			continue;
		}
		newidx[i] = out;
		lx->concepts.items[out++] = *k;
	}
	lx->concepts.len = out;
	size_t keep = 0;
	for (size_t i = 0; i < lx->refs.len; i++) {
		pending_ref r = lx->refs.items[i];
		if (newidx[r.concept] == (size_t)-1) {
			free(r.value);
			free(r.file);
			continue;
		}
		r.concept = newidx[r.concept];
		lx->refs.items[keep++] = r;
	}
	lx->refs.len = keep;
	free(newidx);
	for (size_t i = 0; i < lx->origins.len; i++)
		free(lx->origins.items[i].file);
	free(lx->origins.items);
	lx->origins.items = NULL;
	lx->origins.len = lx->origins.cap = 0;
	if (st == YG_OK)
		st = resolve_refs(lx, d);
	refs_free(lx);
	if (st != YG_OK)
		return st;
	index_labels(lx);
	for (size_t i = 0; i < lx->concepts.len; i++) {
		yg_concept *k = &lx->concepts.items[i];
		yg_payload p = {k->kind, k->role, (uint32_t)i};
		if (k->kind == YG_LEX_DISPLAY)
			continue; /* shown, never looked for in a text */
		add_label(lx, k->pref, p);
		for (size_t a = 0; a < k->nalts; a++)
			add_label(lx, k->alts[a], p);
	}
	for (size_t r = 0; r < YG_ROLE_COUNT; r++)
		yg_sort(lx->role_keys[r].items, lx->role_keys[r].len, sizeof(uint32_t), cmp_u32);
	return YG_OK;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

yg_status yg_lexicon_load_dir(yg_lexicon *lx, const char *dir, yg_diag *d)
{
	yg_buf path;
	yg_buf_init(&path);
	yg_buf_printf(&path, "%s/provinces.ttl", dir);
	yg_status st = yg_lexicon_load_file(lx, path.s, d);
	path.len = 0;
	yg_buf_printf(&path, "%s/lexicon", dir);
	DIR *dh = st == YG_OK ? opendir(path.s) : NULL;
	if (dh) {
		struct {
			char **items;
			size_t len, cap;
		} names = {0};
		struct dirent *de;
		while ((de = readdir(dh)) != NULL) {
			size_t n = strlen(de->d_name);
			if (n > 4 && strcmp(de->d_name + n - 4, ".ttl") == 0)
				YG_VEC_PUSH(names, yg_xstrdup(de->d_name));
		}
		closedir(dh);
		yg_sort(names.items, names.len, sizeof *names.items, cmp_str);
		for (size_t i = 0; i < names.len; i++) {
			if (st == YG_OK) {
				yg_buf f;
				yg_buf_init(&f);
				yg_buf_printf(&f, "%s/%s", path.s, names.items[i]);
				st = yg_lexicon_load_file(lx, f.s, d);
				yg_buf_free(&f);
			}
			free(names.items[i]);
		}
		free(names.items);
	}
	yg_buf_free(&path);
	if (st == YG_OK)
		st = yg_lexicon_finish(lx, d);
	return st;
}

const yg_keytab *yg_lexicon_keys(const yg_lexicon *lx) { return lx->keys; }
const yg_trie *yg_lexicon_trie(const yg_lexicon *lx) { return lx->trie; }
size_t yg_lexicon_count(const yg_lexicon *lx) { return lx->concepts.len; }

const yg_concept *yg_lexicon_concept(const yg_lexicon *lx, size_t i)
{
	return i < lx->concepts.len ? &lx->concepts.items[i] : NULL;
}

long yg_lexicon_find_slug(const yg_lexicon *lx, int kind, const char *slug)
{
	for (size_t i = 0; i < lx->concepts.len; i++)
		if (lx->concepts.items[i].kind == kind && strcmp(lx->concepts.items[i].slug, slug) == 0)
			return (long)i;
	return -1;
}

long yg_lexicon_find_label(const yg_lexicon *lx, int kind, const char *label)
{
	if (!lx->by_label)
		return -1;
	uint32_t id = label_key(lx->by_label, kind, label, 0);
	return id && id < lx->by_label_cap && lx->by_label_val[id] ? (long)lx->by_label_val[id] - 1 : -1;
}

long yg_lexicon_find_code(const yg_lexicon *lx, const char *code)
{
	return yg_lexicon_find_label(lx, YG_LEX_KIND_COUNT, code);
}

/* Does this program run from its build tree (the program in the top
 * build folder, a test in tests/)?  Asked of /proc/self/exe, so that an
 * installed binary never reads a build tree that happens to still exist,
 * while `./ytegraph` and the tests read the sources' ontology/. */
static int in_build_tree(void)
{
	char exe[PATH_MAX], top[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0 || !realpath(YG_BUILDDIR, top))
		return 0;
	exe[n] = '\0';
	char *slash = strrchr(exe, '/');
	if (!slash)
		return 0;
	*slash = '\0';
	size_t k = strlen(top);
	return strncmp(exe, top, k) == 0 && (exe[k] == '\0' || strcmp(exe + k, "/tests") == 0);
}

const char *yg_default_datadir(void)
{
	/* set, it is used even when it names nothing: loading then fails
	 * with its path instead of silently reading other data */
	const char *env = getenv("YTEGRAPH_DATADIR");
	if (env && *env)
		return env;
	return in_build_tree() ? YG_SRCDATADIR : YG_PKGDATADIR;
}

/* Was the change dated `on` already in force on `date`? */
static int in_force(const char *on, const char *date)
{
	return !on || !date || strcmp(date, on) >= 0;
}

const char *yg_province_name(const yg_lexicon *lx, size_t concept, const char *date)
{
	const yg_concept *c = yg_lexicon_concept(lx, concept);
	if (!c)
		return "";
	return c->renamed_to && in_force(c->renamed_on, date) ? c->renamed_to : c->pref;
}

const char *yg_province_unit(const yg_lexicon *lx, size_t concept, const char *date)
{
	const yg_concept *c = yg_lexicon_concept(lx, concept);
	if (!c)
		return NULL;
	if (c->unit_kind_before && !in_force(c->renamed_on, date))
		return c->unit_kind_before;
	return c->unit_kind;
}

const char *yg_lexicon_display(const yg_lexicon *lx, const char *key)
{
	long i = lx ? yg_lexicon_find_slug(lx, YG_LEX_DISPLAY, key) : -1;
	return i >= 0 ? lx->concepts.items[i].pref : key;
}
