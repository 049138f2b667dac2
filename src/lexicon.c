#include "lexicon.h"

#include <dirent.h>
#include <limits.h>
#include <unistd.h>
#include <raptor2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "config.h"
#include "segment.h"

/* Which scheme makes which kind of phrase. */
static const struct {
	const char *scheme;
	yg_lex_kind kind;
} schemes[] = {
	{"ProvinceScheme", YG_LEX_PROVINCE},
	{"TitleScheme", YG_LEX_TITLE},
	{"DegreeScheme", YG_LEX_DEGREE},
	{"HonorificScheme", YG_LEX_HONORIFIC},
	{"FamilyNameScheme", YG_LEX_FAMILY},
	{"BodyScheme", YG_LEX_BODY},
	{"FacilityScheme", YG_LEX_FACILITY},
	{"HospitalScheme", YG_LEX_HOSPITAL},
	{"DocumentTypeScheme", YG_LEX_DOCTYPE},
	{"IssuerScheme", YG_LEX_ISSUER},
	{"UnitScheme", YG_LEX_UNIT},
	{"RelatedTailScheme", YG_LEX_BOILER_TAIL},
	{"PageFurnitureScheme", YG_LEX_BOILER_LINE},
	{"CreditScheme", YG_LEX_CREDIT},
	{"SpecialtyScheme", YG_LEX_SPECIALTY},
	{"PersonScheme", YG_LEX_PERSON},
	{"KnownHospitalScheme", YG_LEX_HOSPITAL_NAME},
	{"CompoundScheme", YG_LEX_COMPOUND},
	{"CueScheme", YG_LEX_CUE},
};

struct yg_lexicon {
	struct {
		yg_concept *items;
		size_t len, cap;
	} concepts;
	yg_keytab *keys;
	yg_trie *trie;
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
	for (size_t i = 0; i < c->nprops; i++) {
		free(c->props[i].pred);
		free(c->props[i].value);
	}
	free(c->props);
}

void yg_lexicon_free(yg_lexicon *lx)
{
	if (!lx)
		return;
	for (size_t i = 0; i < lx->concepts.len; i++)
		concept_free(&lx->concepts.items[i]);
	free(lx->concepts.items);
	yg_keytab_free(lx->keys);
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
	yg_diag *d;
	int failed;
} load_ctx;

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
	return k;
}

static void add_prop(yg_concept *k, const char *pred, const char *value)
{
	k->props = yg_xrealloc(k->props, (k->nprops + 1) * sizeof *k->props);
	k->props[k->nprops].pred = yg_xstrdup(pred);
	k->props[k->nprops].value = yg_xstrdup(value);
	k->nprops++;
}

static void on_statement(void *user, raptor_statement *st)
{
	load_ctx *c = user;
	if (st->subject->type != RAPTOR_TERM_TYPE_URI)
		return;
	const char *subj = (const char *)raptor_uri_as_string(st->subject->value.uri);
	const char *pred = local_name((const char *)raptor_uri_as_string(st->predicate->value.uri));
	const char *val;
	if (st->object->type == RAPTOR_TERM_TYPE_LITERAL)
		val = (const char *)st->object->value.literal.string;
	else if (st->object->type == RAPTOR_TERM_TYPE_URI)
		val = (const char *)raptor_uri_as_string(st->object->value.uri);
	else
		return;
	/* Only skos:Concepts matter; the scheme node itself has no inScheme
	 * and is dropped in finish. */
	yg_concept *k = concept_for(c, subj);
	if (strcmp(pred, "prefLabel") == 0 && !k->pref) {
		k->pref = yg_xstrdup(val);
	} else if (strcmp(pred, "altLabel") == 0 || strcmp(pred, "prefLabel") == 0) {
		k->alts = yg_xrealloc(k->alts, (k->nalts + 1) * sizeof *k->alts);
		k->alts[k->nalts++] = yg_xstrdup(val);
	} else {
		add_prop(k, pred, val);
	}
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
	load_ctx c = {lx, lx->concepts.len, path, d, 0};
	FILE *fh = fopen(path, "rb");
	if (!fh)
		return yg_diag_set(d, YG_ERR_DATA, path, "cannot open lexicon (set --data-dir or YTEGRAPH_DATADIR)");
	raptor_world *w = raptor_new_world();
	raptor_world_open(w);
	raptor_world_set_log_handler(w, &c, on_log);
	raptor_parser *p = raptor_new_parser(w, "turtle");
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

static int kind_of_scheme(const char *iri)
{
	const char *name = local_name(iri);
	for (size_t i = 0; i < sizeof schemes / sizeof schemes[0]; i++)
		if (strcmp(name, schemes[i].scheme) == 0)
			return (int)schemes[i].kind;
	return 0;
}

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
	yg_tokens_free(&t);
}

/* Words the recognisers compare tokens with (yg_tok_is).  Interned here so
 * the comparison is one id check; a word missing from this list still
 * compares correctly, only slower. */
static const char *const function_words[] = {
	"ba", "các", "chiều", "của", "công", "đa", "đại", "đêm", "đổi", "hai", "hôm", "hội",
	"huyện", "khoa", "khu", "kiêm", "lần", "lập", "mọi", "một", "năm", "ngày", "nhân",
	"nhiều", "những", "phố", "quận", "sáng", "số", "sửa", "tháng", "thành", "thứ", "tỉnh",
	"tối", "trung", "trưa", "tư", "tuyến", "tw", "ương", "và", "vào", "về", "vực",
};

void yg_lexicon_finish(yg_lexicon *lx)
{
	for (size_t i = 0; i < sizeof function_words / sizeof function_words[0]; i++)
		yg_keytab_intern(lx->keys, function_words[i], strlen(function_words[i]));
	/* Drop nodes that are not concepts of a known scheme (the schemes
	 * themselves, ontology terms), then compile the rest. */
	size_t out = 0;
	for (size_t i = 0; i < lx->concepts.len; i++) {
		yg_concept *k = &lx->concepts.items[i];
		const char *scheme = yg_concept_prop(k, "inScheme");
		k->kind = scheme ? (uint16_t)kind_of_scheme(scheme) : 0;
		if (!k->kind || !k->pref) {
			concept_free(k);
			continue;
		}
		lx->concepts.items[out++] = *k;
	}
	lx->concepts.len = out;
	for (size_t i = 0; i < lx->concepts.len; i++) {
		yg_concept *k = &lx->concepts.items[i];
		yg_payload p = {k->kind, (uint32_t)i};
		add_label(lx, k->pref, p);
		for (size_t a = 0; a < k->nalts; a++)
			add_label(lx, k->alts[a], p);
	}
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
		yg_lexicon_finish(lx);
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

const char *yg_concept_prop(const yg_concept *c, const char *pred)
{
	for (size_t i = 0; i < c->nprops; i++)
		if (strcmp(c->props[i].pred, pred) == 0)
			return c->props[i].value;
	return NULL;
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
	const char *to = yg_concept_prop(c, "renamedTo");
	return to && in_force(yg_concept_prop(c, "renamedOn"), date) ? to : c->pref;
}

const char *yg_province_unit(const yg_lexicon *lx, size_t concept, const char *date)
{
	const yg_concept *c = yg_lexicon_concept(lx, concept);
	if (!c)
		return "tỉnh";
	const char *before = yg_concept_prop(c, "unitKindBefore");
	const char *on = yg_concept_prop(c, "renamedOn");
	if (before && !in_force(on, date))
		return before;
	const char *kind = yg_concept_prop(c, "unitKind");
	return kind ? kind : "tỉnh";
}
