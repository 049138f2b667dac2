/* Unit tests of the lexicon: the province gazetteer loads from Turtle with
 * raptor2, compiles into the trie, and its variants match. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lexicon.h"
#include "match.h"
#include "segment.h"
#include "tap.h"

static yg_lexicon *lx;

/* Slug of the province phrase matching all of `text`, or "". */
static const char *province_of(const char *text)
{
	static char slug[128];
	yg_document *d = yg_document_new("t", "t");
	d->text.s = strdup(text);
	d->text.len = strlen(text);
	yg_tokenize(d->text.s, d->text.len, NULL, yg_lexicon_keys(lx), &d->toks);
	yg_phrases *px = yg_phrases_new(&d->toks, lx);
	yg_ctx ctx = yg_ctx_make(d, lx, px);
	uint32_t c = 0;
	size_t n = yg_phrase(&ctx, 0, YG_LEX_PROVINCE, &c);
	slug[0] = '\0';
	if (n == d->toks.len)
		snprintf(slug, sizeof slug, "%s", yg_lexicon_concept(lx, c)->slug);
	yg_phrases_free(px);
	yg_document_free(d);
	return slug;
}

static void test_gazetteer(void)
{
	size_t before = 0, after = 0, total = 0;
	for (size_t i = 0; i < yg_lexicon_count(lx); i++) {
		const yg_concept *c = yg_lexicon_concept(lx, i);
		if (c->kind != YG_LEX_PROVINCE)
			continue;
		total++;
		before += (c->flags & YG_CF(BEFORE_2025)) != 0;
		after += (c->flags & YG_CF(AFTER_2025)) != 0;
	}
	OK(before == 63, "63 province-level units before 1 July 2025 (got %zu)", before);
	OK(after == 34, "34 units after (got %zu)", after);
	OK(total == 63, "one concept per unit (got %zu)", total);
	long yb = yg_lexicon_find_slug(lx, YG_LEX_PROVINCE, "yen-bai");
	OK(yb >= 0, "Yên Bái is in the gazetteer");
	int32_t into = yb >= 0 ? yg_lexicon_concept(lx, (size_t)yb)->merged_into : -1;
	OK(into >= 0 && strcmp(yg_lexicon_concept(lx, (size_t)into)->slug, "lao-cai") == 0, "Yên Bái merged into Lào Cai");
	long hn = yg_lexicon_find_slug(lx, YG_LEX_PROVINCE, "ha-noi");
	const char *wd = hn >= 0 ? yg_lexicon_concept(lx, (size_t)hn)->same_as : NULL;
	IS_STR(wd, "http://www.wikidata.org/entity/Q1858", "Hà Nội carries its Wikidata id");
}

static void test_variants(void)
{
	static const struct {
		const char *text, *slug;
	} cases[] = {
		{"TP.HCM", "thanh-pho-ho-chi-minh"}, {"TP HCM", "thanh-pho-ho-chi-minh"},
		{"TPHCM", "thanh-pho-ho-chi-minh"}, {"Tp. Hồ Chí Minh", "thanh-pho-ho-chi-minh"},
		{"Sài Gòn", "thanh-pho-ho-chi-minh"}, {"Thừa Thiên - Huế", "thua-thien-hue"},
		{"Huế", "thua-thien-hue"}, {"Thủ đô", "ha-noi"}, {"thành phố Hà Nội", "ha-noi"},
		{"tỉnh Khánh Hoà", "khanh-hoa"}, {"Thanh Hoá", "thanh-hoa"}, {"ĐẮK LẮK", "dak-lak"},
		{"Hồ Chí Minh", ""},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		IS_STR(province_of(cases[i].text), cases[i].slug, "\"%s\" names %s", cases[i].text,
		       cases[i].slug[0] ? cases[i].slug : "no province");
}

static void test_bad_data(void)
{
	char path[] = "/tmp/yg-lex-XXXXXX";
	int fd = mkstemp(path);
	const char *bad = "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n\n<a> skos:prefLabel \"x\" ;;; oops\n";
	OK(fd >= 0 && write(fd, bad, strlen(bad)) == (ssize_t)strlen(bad), "wrote a broken lexicon");
	close(fd);
	yg_lexicon *l = yg_lexicon_new();
	yg_diag d = {0};
	OK(yg_lexicon_load_file(l, path, &d) == YG_ERR_DATA, "a malformed lexicon is a data error");
	OK(strstr(d.msg, path) && strstr(d.msg, "line 3"), "message names the file and line: %s", d.msg);
	yg_lexicon_free(l);
	unlink(path);
	l = yg_lexicon_new();
	OK(yg_lexicon_load_file(l, "/nonexistent.ttl", &d) == YG_ERR_DATA, "a missing lexicon is a data error");
	yg_lexicon_free(l);
	yg_lexicon_free(NULL);
	OK(1, "freeing NULL is allowed");
}

/* Load `ttl` (prefixes added) as one file; return the status, message in d. */
static yg_status load_text(const char *ttl, yg_diag *d, yg_lexicon **out)
{
	char path[] = "/tmp/yg-lex-XXXXXX";
	int fd = mkstemp(path);
	const char *head = "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
	                   "@prefix ytg: <https://w3id.org/ytegraph/ontology#> .\n"
	                   "@prefix w: <https://w3id.org/ytegraph/id/lexicon/word/> .\n";
	if (fd < 0 || write(fd, head, strlen(head)) < 0 || write(fd, ttl, strlen(ttl)) < 0)
		return YG_ERR_IO;
	close(fd);
	yg_lexicon *l = yg_lexicon_new();
	yg_status st = yg_lexicon_load_file(l, path, d);
	if (st == YG_OK)
		st = yg_lexicon_finish(l, d);
	unlink(path);
	if (out)
		*out = l;
	else
		yg_lexicon_free(l);
	return st;
}

/* The lexicon is typed and checked: what no code reads is an error with
 * the file and line, not silently ignored. */
static void test_checked(void)
{
	static const struct {
		const char *ttl, *why, *says;
	} bad[] = {
		{"w:a a skos:Concept ; skos:inScheme ytg:WordScheme ; skos:prefLabel \"và\" ;\n ytg:rol \"list-and\" .\n",
		 "an unknown ytg: property", "ytg:rol"},
		{"w:a a skos:Concept ; skos:inScheme ytg:WordScheme ; skos:prefLabel \"và\" ;\n ytg:role \"list-or\" .\n",
		 "a role no code handles", "list-or"},
		{"w:a a skos:Concept ; skos:inScheme ytg:BodyScheme ; skos:prefLabel \"Sở\" ;\n ytg:scope \"galactic\" .\n",
		 "an unknown scope", "galactic"},
		{"w:a a skos:Concept ; skos:inScheme ytg:HospitalScheme ; skos:prefLabel \"BV\" ;\n ytg:needsSpecialty \"maybe\" .\n",
		 "a flag that is neither true nor false", "maybe"},
		{"w:a a skos:Concept ; skos:inScheme ytg:NoSuchScheme ;\n skos:prefLabel \"x\" .\n",
		 "an unknown scheme", "NoSuchScheme"},
		{"w:a a skos:Concept ; skos:inScheme ytg:BodyScheme ; skos:prefLabel \"Sở\" ;\n ytg:mergedInto w:nothing .\n",
		 "a reference that names no concept", "word/nothing"},
		{"w:a a skos:Concept ; skos:inScheme ytg:BodyScheme ; skos:prefLabel \"Sở\" ;\n ytg:mergerDate \"2025-7-1\" .\n",
		 "a date that is not YYYY-MM-DD", "2025-7-1"},
		{"w:a a skos:Concept ; skos:inScheme ytg:BodyScheme ; skos:prefLabel \"Sở\" ;\n skos:prefLabl \"x\" .\n",
		 "an unknown property outside ytg:", "prefLabl"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		yg_diag d = {0};
		yg_status st = load_text(bad[i].ttl, &d, NULL);
		OK(st == YG_ERR_DATA && strstr(d.msg, bad[i].says) && strstr(d.msg, "line 5") && strstr(d.msg, "/tmp/yg-lex-"),
		   "%s is a load error naming file and line: %s", bad[i].why, d.msg);
	}
	yg_lexicon *l = NULL;
	yg_diag d = {0};
	OK(load_text("w:a a skos:Concept ; skos:inScheme ytg:WordScheme ; skos:prefLabel \"và\" ; ytg:role \"list-and\" .\n",
	             &d, &l) == YG_OK && l && yg_lexicon_count(l) == 1 && yg_lexicon_concept(l, 0)->role == YG_ROLE_LIST_AND,
	   "a known role loads into the typed field %s", d.msg);
	yg_lexicon_free(l);
	/* every role the code acts on has words in the data, or the rule
	 * it names could never fire */
	size_t n_by_role[YG_ROLE_COUNT] = {0};
	for (size_t i = 0; i < yg_lexicon_count(lx); i++)
		n_by_role[yg_lexicon_concept(lx, i)->role]++;
	for (int r = 1; r < YG_ROLE_COUNT; r++)
		OK(n_by_role[r] > 0, "role %s has words in ontology/lexicon", yg_role_name((yg_role)r));
}

int main(void)
{
	lx = yg_lexicon_new();
	yg_diag d = {0};
	OK(yg_lexicon_load_dir(lx, yg_default_datadir(), &d) == YG_OK, "lexicons load from %s %s", yg_default_datadir(), d.msg);
	test_gazetteer();
	test_variants();
	test_bad_data();
	test_checked();
	yg_lexicon_free(lx);
	return DONE();
}
