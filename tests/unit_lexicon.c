/* Unit tests of the lexicon: the province gazetteer loads from Turtle with
 * raptor2, compiles into the trie, and its variants match. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lexicon.h"
#include "recognize.h"
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
	uint32_t c = 0;
	size_t n = yg_match_phrase(d, lx, 0, d->toks.len, YG_LEX_PROVINCE, &c);
	slug[0] = '\0';
	if (n == d->toks.len)
		snprintf(slug, sizeof slug, "%s", yg_lexicon_concept(lx, c)->slug);
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
		const char *b = yg_concept_prop(c, "existedBefore2025");
		const char *a = yg_concept_prop(c, "existsAfter2025");
		before += b && strcmp(b, "true") == 0;
		after += a && strcmp(a, "true") == 0;
	}
	OK(before == 63, "63 province-level units before 1 July 2025 (got %zu)", before);
	OK(after == 34, "34 units after (got %zu)", after);
	OK(total == 63, "one concept per unit (got %zu)", total);
	long yb = yg_lexicon_find_slug(lx, YG_LEX_PROVINCE, "yen-bai");
	OK(yb >= 0, "Yên Bái is in the gazetteer");
	const char *into = yb >= 0 ? yg_concept_prop(yg_lexicon_concept(lx, (size_t)yb), "mergedInto") : NULL;
	OK(into && strstr(into, "/lao-cai"), "Yên Bái merged into Lào Cai");
	long hn = yg_lexicon_find_slug(lx, YG_LEX_PROVINCE, "ha-noi");
	const char *wd = hn >= 0 ? yg_concept_prop(yg_lexicon_concept(lx, (size_t)hn), "sameAs") : NULL;
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

int main(void)
{
	lx = yg_lexicon_new();
	yg_diag d = {0};
	OK(yg_lexicon_load_dir(lx, yg_default_datadir(), &d) == YG_OK, "lexicons load from %s %s", yg_default_datadir(), d.msg);
	test_gazetteer();
	test_variants();
	test_bad_data();
	yg_lexicon_free(lx);
	return DONE();
}
