/* Unit tests of the text layer: UTF-8 checks, NFC with its offset map,
 * windows-1258, matching keys, tokens and sentences, slugs and IRIs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fold.h"
#include "iri.h"
#include "json.h"
#include "lexicon.h"
#include "normalize.h"
#include "segment.h"
#include "tap.h"
#include "trie.h"

#include <unicode/unorm2.h>
#include <unicode/ustring.h>

static void test_utf8(void)
{
	OK(yg_utf8_invalid_at("Bệnh viện", strlen("Bệnh viện")) == strlen("Bệnh viện"), "valid Vietnamese UTF-8 passes");
	OK(yg_utf8_invalid_at("ab\xC0\xAF", 4) == 2, "overlong encoding found at its byte");
	OK(yg_utf8_invalid_at("abc\xED\xA0\x80", 6) == 3, "UTF-16 surrogate rejected");
	OK(yg_utf8_invalid_at("x\xE1\xBB", 3) == 1, "truncated sequence at the end rejected");
	OK(yg_utf8_invalid_at("\xF4\x90\x80\x80", 4) == 0, "code point above U+10FFFF rejected");
}

static void test_normalize(void)
{
	yg_text t;
	yg_diag d = {0};
	/* "Bệnh" in NFD: e + dot below + circumflex */
	const char *nfd = "B" "e\xCC\xA3\xCC\x82" "nh vi" "e\xCC\xA3\xCC\x82" "n X";
	OK(yg_text_normalize(nfd, strlen(nfd), YG_ENC_UTF8, "t", &t, &d) == YG_OK, "NFD input normalizes");
	IS_STR(t.s, "Bệnh viện X", "NFD becomes NFC");
	size_t x = strlen("Bệnh viện ");
	OK(yg_text_input_offset(&t, x) == strlen(nfd) - 1, "offset map points back to the input byte");
	yg_text_free(&t);

	const char *bom = "\xEF\xBB\xBFHà Nội\r\n";
	OK(yg_text_normalize(bom, strlen(bom), YG_ENC_UTF8, "t", &t, &d) == YG_OK, "BOM and CRLF accepted");
	OK(strncmp(t.s, "Hà Nội", strlen("Hà Nội")) == 0, "BOM stripped");
	OK(yg_text_input_offset(&t, 0) == 3, "offsets count the BOM");
	yg_text_free(&t);

	OK(yg_text_normalize("ab\xFFgh", 5, YG_ENC_UTF8, "f.txt", &t, &d) == YG_ERR_ENCODING, "invalid UTF-8 is an error");
	OK(strstr(d.msg, "f.txt") && strstr(d.msg, "byte 2"), "message names the file and byte offset: %s", d.msg);
	OK(yg_text_normalize("\xFF\xFEH\0", 4, YG_ENC_UTF8, "u16", &t, &d) == YG_ERR_ENCODING && strstr(d.msg, "UTF-16"), "UTF-16 BOM is named");
	OK(yg_text_normalize("a\0b", 3, YG_ENC_UTF8, "bin", &t, &d) == YG_ERR_ENCODING && strstr(d.msg, "NUL"), "NUL byte is an error");

	/* windows-1258: ê = 0xEA, combining dot below = 0xF2 */
	const char *cp = "Vi\xEA\xF2t Nam";
	OK(yg_text_normalize(cp, strlen(cp), YG_ENC_CP1258, "cp", &t, &d) == YG_OK, "windows-1258 converts");
	IS_STR(t.s, "Việt Nam", "windows-1258 combining marks compose to NFC");
	yg_text_free(&t);
}

static void key_eq(const char *a, const char *b, int want)
{
	char ka[YG_KEY_MAX], kb[YG_KEY_MAX];
	yg_fold_key(a, strlen(a), ka);
	yg_fold_key(b, strlen(b), kb);
	OK((strcmp(ka, kb) == 0) == want, "key(%s) %s key(%s)", a, want ? "==" : "!=", b);
}

static void test_fold(void)
{
	key_eq("hoà", "hòa", 1);
	key_eq("khoẻ", "khỏe", 1);
	key_eq("thuý", "thúy", 1);
	key_eq("Thuỵ", "thụy", 1);
	key_eq("Uỷ", "Ủy", 1);
	key_eq("HÀ", "hà", 1);
	key_eq("\xC3\x90\xC3\xA0", "Đà", 1); /* Ð (U+00D0) look-alike */
	key_eq("quý", "qúy", 0);             /* qu: the tone stays */
	key_eq("hoàn", "hòan", 0);           /* closed syllable: not folded */
	key_eq("ha", "hà", 0);               /* tones still distinguish */
	char *p = yg_fold_phrase("Sở  Y tế\tTP.HCM", strlen("Sở  Y tế\tTP.HCM"));
	IS_STR(p, "sở y tế tp.hcm", "phrase folding collapses spaces and keeps punctuation");
	free(p);
}

static yg_lexicon *lx; /* for the abbreviations the splitter keeps */

static size_t count_tokens(const char *s, yg_tokens *t)
{
	memset(t, 0, sizeof *t);
	yg_tokenize(s, strlen(s), NULL, yg_lexicon_keys(lx), t);
	size_t n;
	const uint32_t *abbrev = yg_lexicon_role_keys(lx, YG_ROLE_ABBREVIATION, &n);
	yg_segment_sentences(s, t, abbrev, n);
	return t->len;
}

static void test_tokens(void)
{
	yg_tokens t;
	OK(count_tokens("TP.HCM", &t) == 3 && !(t.items[1].flags & YG_TOK_SPACE_BEFORE), "TP.HCM is TP . HCM with no spaces");
	yg_tokens_free(&t);
	OK(count_tokens("Phó chủ tịchUBND", &t) == 4, "missing space before UBND is repaired");
	yg_tokens_free(&t);
	OK(count_tokens("ThS Lê", &t) == 2, "ThS stays one token");
	yg_tokens_free(&t);
	count_tokens("PGS.TS Trần Văn A phát biểu. Ông B nói.", &t);
	OK(t.nsent == 2, "two sentences, PGS.TS not split (got %u)", t.nsent);
	yg_tokens_free(&t);
	count_tokens("Đến TP. Hồ Chí Minh và Q. 1 hôm nay.", &t);
	OK(t.nsent == 1, "TP. and Q. do not end a sentence (got %u)", t.nsent);
	yg_tokens_free(&t);
	count_tokens("Dòng một\nDòng hai", &t);
	OK(t.nlines == 2 && t.nsent == 2 && (t.items[2].flags & YG_TOK_LINE_START), "a line break ends a sentence");
	yg_tokens_free(&t);
	count_tokens("Chỉ thị số 42-CT/TU ngày 08/8/2023 của Tỉnh ủy.", &t);
	OK(t.nsent == 1, "document codes and dates stay in one sentence");
	yg_tokens_free(&t);
}

/* The word-at-a-time scanners against byte-at-a-time references, with the
 * interesting byte at every position across 8-byte words. */
static size_t ref_count(const char *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

static void test_word_scanners(void)
{
	const char *vi = "Bệnh viện Bạch Mai ở Hà Nội khám cho 3.000 người mỗi ngày.";
	int counts = 1;
	for (size_t n = 0; n <= strlen(vi); n++)
		counts &= yg_utf8_count(vi, n) == ref_count(vi, n);
	OK(counts, "code points counted eight bytes at a time agree with a byte count");
	int invalid = 1, escapes = 1;
	for (size_t pos = 0; pos < 24; pos++) {
		char line[40];
		memset(line, 'a', sizeof line);
		line[pos] = '\xFF';
		invalid &= yg_utf8_invalid_at(line, sizeof line) == pos;
		const char specials[] = {'"', '\\', '\n', '\x01'};
		for (size_t k = 0; k < sizeof specials; k++) {
			memset(line, 'b', sizeof line);
			line[pos] = specials[k];
			yg_buf b;
			yg_buf_init(&b);
			yg_json_strn(&b, line, 30);
			size_t expect = 32 + (specials[k] == '\x01' ? 5 : 1);
			escapes &= b.len == expect && b.s[pos + 1] == '\\';
			yg_buf_free(&b);
		}
	}
	OK(invalid, "a bad byte after an ASCII run is found at its offset");
	OK(escapes, "JSON escapes are found at every offset of a word");
}

typedef struct {
	int key, order;
} pair;

static int cmp_pair(const void *a, const void *b)
{
	const pair *x = a, *y = b;
	return (x->key > y->key) - (x->key < y->key);
}

/* yg_sort takes short cuts (already sorted, short arrays): it must still
 * sort, and keep equal keys in their order, at every size. */
static void test_sort(void)
{
	int ok = 1;
	unsigned seed = 12345;
	for (size_t n = 0; n < 40; n++) {
		for (int shape = 0; shape < 3; shape++) {
			pair p[40];
			for (size_t i = 0; i < n; i++) {
				seed = seed * 1103515245u + 12345u;
				p[i].key = shape == 0 ? (int)(seed >> 16) % 5 : shape == 1 ? (int)i / 3 : (int)(n - i);
				p[i].order = (int)i;
			}
			yg_sort(p, n, sizeof *p, cmp_pair);
			for (size_t i = 1; i < n; i++)
				ok &= p[i - 1].key < p[i].key || (p[i - 1].key == p[i].key && p[i - 1].order < p[i].order);
		}
	}
	OK(ok, "sorted, equal keys in input order, for random, sorted and reversed arrays of 0-39");
	yg_sort(NULL, 0, sizeof(pair), cmp_pair); /* UBSan checks this under --enable-sanitizers */
}

/* Token keys come through a per-thread cache; a new key table (even at a
 * freed one's address) must not see the old table's ids. */
static void test_key_cache(void)
{
	int same = 1;
	for (int round = 0; round < 2; round++) {
		yg_keytab *kt = yg_keytab_new();
		const char *words[] = {"xin", "chào"};
		uint32_t id[2];
		for (int w = 0; w < 2; w++) {
			int k = round ? 1 - w : w; /* the other order: other ids */
			id[k] = yg_keytab_intern(kt, words[k], strlen(words[k]));
		}
		for (int pass = 0; pass < 2; pass++) {
			yg_tokens t = {0};
			yg_tokenize("Xin chào", strlen("Xin chào"), NULL, kt, &t);
			same &= t.len == 2 && t.items[0].key == id[0] && t.items[1].key == id[1];
			yg_tokens_free(&t);
		}
		yg_keytab_free(kt);
	}
	OK(same, "token keys follow the key table, not a cache of an older one");
}

static int same_tokens(const yg_tokens *a, const yg_tokens *b)
{
	if (a->len != b->len || a->nlines != b->nlines)
		return 0;
	for (size_t i = 0; i < a->len; i++) {
		const yg_token *x = &a->items[i], *y = &b->items[i];
		if (x->start != y->start || x->end != y->end || x->cp_start != y->cp_start ||
		    x->cp_end != y->cp_end || x->key != y->key || x->line != y->line || x->flags != y->flags)
			return 0;
	}
	for (size_t i = 0; i < a->nlines; i++)
		if (memcmp(&a->lines[i], &b->lines[i], sizeof a->lines[i]) != 0)
			return 0;
	return 1;
}

/* The tokenizer's fast paths (whole words from the key cache) against
 * the plain tokenizer: words that split, keep an apostrophe, are all
 * capitals, digits, marks, other spaces, next to every separator and at
 * every distance from the end, each twice so that the cache has them. */
static void test_fast_tokens(void)
{
	static const char *const words[] = {
		"Bệnh", "viện", "Bạch", "Mai", "ĐẮK", "R'lấp", "H’Drai", "M’rông", "tịchUBND", "2Nghị",
		"ThS", "3km", "COVID", "19", "a", "Ô", "“Bạch", "Mai”", "x\u00A0y", "e\u0301", "TP", "HCM",
		"1.268", "\u01C5", "ßa", "2023", "quyết", "định", "người", "khỏe", "thuỷ", "Ðà", "x\u200By",
		"abcdefghijklmnop", "nghiêngnghiêngng", "Nguyễn\u2013Văn", "ab\u2019", "’", "QUẢNG", "iPhone",
		"o'", "'o", "đ'ĐĐ", "a1B", "1aB", "Ab1", "q", "Z", "\u0300", "\u1E9E", "\u2160x",
	};
	static const char *const seps[] = {" ", "  ", ", ", ". ", "\n", "\r\n", "\r", "\t", "'", "(", ")", "-",
	                                   "", " \u00A0", "…", ":", "/", "\n\n", "@", "[", "`", "{", "~", "\x7F"};
	const size_t nw = sizeof words / sizeof words[0], ns = sizeof seps / sizeof seps[0];
	unsigned seed = 2024;
	yg_buf text;
	yg_buf_init(&text);
	for (int k = 0; k < 6000; k++) {
		seed = seed * 1103515245u + 12345u;
		yg_buf_puts(&text, words[(seed >> 16) % nw]);
		seed = seed * 1103515245u + 12345u;
		yg_buf_puts(&text, seps[(seed >> 16) % ns < ns / 2 ? 0 : (seed >> 16) % ns]);
	}
	const yg_keytab *keys = yg_lexicon_keys(lx);
	int same = 1;
	for (size_t cut = text.len - 40; cut <= text.len; cut++) {
		while (cut < text.len && ((unsigned char)text.s[cut] & 0xC0) == 0x80)
			cut++;
		for (int pass = 0; pass < 2; pass++) {
			yg_tokens fast = {0}, plain = {0};
			yg_tokenize(text.s, cut, NULL, keys, &fast);
			yg_tokenize_plain(text.s, cut, NULL, keys, &plain);
			same &= same_tokens(&fast, &plain);
			yg_tokens_free(&fast);
			yg_tokens_free(&plain);
		}
	}
	OK(same, "the fast tokenizer gives the plain one's tokens and lines");
	yg_buf_free(&text);
}

/* A step in the trie ends at a node's filter of edge keys when it can:
 * every step must still find what a look at all the edges finds. */
static void test_trie_filter(void)
{
	yg_trie *t = yg_trie_new();
	unsigned seed = 77;
	for (int p = 0; p < 3000; p++) {
		uint32_t keys[4];
		seed = seed * 1103515245u + 12345u;
		size_t n = 1 + (seed >> 16) % 4;
		for (size_t k = 0; k < n; k++) {
			seed = seed * 1103515245u + 12345u;
			keys[k] = 1 + (seed >> 16) % (k ? 400 : 60); /* shared prefixes */
		}
		yg_trie_add(t, keys, n, (yg_payload){(uint16_t)(p % 7), (uint16_t)(p % 5), (uint32_t)p});
	}
	int same = 1, masks = 1;
	for (size_t nd = 1; nd < t->len; nd++) {
		const yg_trie_node *node = &t->nodes[nd];
		const yg_payload *pay;
		uint32_t kinds = 0;
		uint64_t roles = 0;
		for (size_t k = 0, np = yg_trie_payloads(t, (int32_t)nd, &pay); k < np; k++) {
			kinds |= 1u << pay[k].kind;
			roles |= pay[k].role ? 1ull << pay[k].role : 0;
		}
		masks &= yg_trie_kinds(t, (int32_t)nd) == kinds && yg_trie_roles(t, (int32_t)nd) == roles;
		for (uint32_t key = 0; key < 450; key++) {
			int32_t want = -1;
			for (uint32_t e = 0; e < node->nedges; e++)
				if (key != YG_KEY_NONE && node->edges[e].key == key)
					want = node->edges[e].child;
			same &= yg_trie_step(t, (int32_t)nd, key) == want;
		}
	}
	OK(same, "trie steps through the edge filter find every edge, and only those");
	OK(masks, "a node's kinds and roles are those of its payloads");
	yg_trie_free(t);
}

/* Slugs and folded phrases are remembered per thread: a remembered answer
 * must be the answer, for every input, however the table fills. */
/* Folding a phrase reads each word once (fold_word): it must give what
 * folding word by word through yg_fold_key gives, for words at and past
 * the length where a key is cut, tones that move, look-alikes, marks. */
static void test_fold_words(void)
{
	static const char *const words[] = {
		"Hoà", "KHOẺ", "thuý", "quý", "Quỳnh", "hoàn", "Ðà", "\u0189ồng", "ĐẮK", "R'lấp", "e\u0301", "ß", "ǅ",
		"COVID-19", "TP.HCM", "x\u00A0y", "1.268", "Nguyễn\u2013Văn", "\u2160x", "ÀÁẢÃẠ", "ỲÝỶỸỴ",
		"abcdefghijklmnopqrstuvwxyzabcde", "abcdefghijklmnopqrstuvwxyzabcdef", "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLM",
		"ĐỒNGĐỒNGĐỒNGĐỒNGĐỒNGĐỒNGĐỒNGĐỒNGĐỒNGĐỒNGĐỒNGĐỒNGĐỒNGĐỒNGĐỒNGĐỒNGĐỒNG", "ỆỆỆỆỆỆỆỆỆỆỆỆỆỆỆỆỆỆỆỆỆỆỆỆỆỆỆỆỆỆỆ",
		"ỆỆỆỆỆỆỆỆỆỆỆỆỆỆỆỆỆỆỆỆỆỆỆỆỆỆỆỆỆỆỆỆ", "thuỶ", "hOẠ", "(Bạch", "Mai)", "“Sở", "Y”", "\U0001F600", "a\u0300\u0301",
	};
	static const char *const seps[] = {" ", "  ", ", ", "\t", "-", "", " \u00A0", "…", "/"};
	const size_t nw = sizeof words / sizeof words[0], ns = sizeof seps / sizeof seps[0];
	unsigned seed = 99;
	int same = 1;
	for (int k = 0; k < 3000; k++) {
		yg_buf text, fast, plain;
		yg_buf_init(&text);
		yg_buf_init(&fast);
		yg_buf_init(&plain);
		for (int w = 0; w < 1 + k % 5; w++) {
			seed = seed * 1103515245u + 12345u;
			yg_buf_puts(&text, words[(seed >> 16) % nw]);
			seed = seed * 1103515245u + 12345u;
			yg_buf_puts(&text, seps[(seed >> 16) % ns]);
		}
		yg_fold_phrase_into(&fast, text.s, text.len);
		yg_fold_phrase_plain(&plain, text.s, text.len);
		same &= fast.len == plain.len && memcmp(fast.s, plain.s, fast.len) == 0 && fast.s[fast.len] == '\0';
		yg_buf_free(&text);
		yg_buf_free(&fast);
		yg_buf_free(&plain);
	}
	OK(same, "3,000 phrases: folding word by word as read gives yg_fold_key's keys");
}

static void test_memo(void)
{
	enum { N = 3000 };
	static char *slug[N], *fold[N];
	int same = 1;
	for (int round = 0; round < 2; round++) {
		for (int i = 0; i < N; i++) {
			char label[64];
			snprintf(label, sizeof label, "Bệnh viện Đa khoa số %d Hòa Bình", i);
			char *a = yg_slug(label, strlen(label));
			char *b = yg_fold_phrase(label, strlen(label));
			if (round == 0) {
				slug[i] = a;
				fold[i] = b;
				continue;
			}
			same &= strcmp(a, slug[i]) == 0 && strcmp(b, fold[i]) == 0;
			free(a);
			free(b);
		}
	}
	OK(same, "3,000 labels: slugs and folds are the same the second time");
	/* keys of every length the memo holds, and past it, differing in one
	 * byte anywhere: the hash reads short keys and tails in pieces */
	const char *base = "Bệnh viện Đa khoa tỉnh Hòa Bình và Trung tâm Y tế huyện Lạc Sơn";
	int short_same = 1;
	for (int round = 0; round < 2; round++)
		for (size_t len = 1; len < 70; len++)
			for (size_t at = 0; at < len; at++) {
				char label[80];
				memcpy(label, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghij", len);
				label[at] = 'Q';
				char *a = yg_fold_phrase(label, len);
				for (size_t k = 0; k < len; k++)
					short_same &= a[k] == (label[k] >= 'A' && label[k] <= 'Z' ? label[k] + 32 : label[k]);
				short_same &= a[len] == '\0';
				free(a);
			}
	for (size_t len = 1; len <= strlen(base); len++) {
		if (((unsigned char)base[len - 1] & 0xC0) == 0x80 || (len < strlen(base) && ((unsigned char)base[len] & 0xC0) == 0x80))
			continue;
		char *a = yg_fold_phrase(base, len), *b = yg_fold_phrase(base, len);
		char *whole = yg_fold_phrase(base, strlen(base));
		short_same &= strcmp(a, b) == 0 && strncmp(a, whole, strlen(a)) == 0;
		free(a);
		free(b);
		free(whole);
	}
	OK(short_same, "keys of 1 to 69 bytes, one byte changed anywhere: each fold is its own");
	char want[64];
	snprintf(want, sizeof want, "benh-vien-da-khoa-so-%d-hoa-binh", 1234);
	IS_STR(slug[1234], want, "and the remembered slug is right");
	for (int i = 0; i < N; i++) {
		free(slug[i]);
		free(fold[i]);
	}
}

static void test_iri(void)
{
	char *s = yg_slug("Đống Đa", strlen("Đống Đa"));
	IS_STR(s, "dong-da", "slug folds đ and marks");
	free(s);
	s = yg_slug("Sở Y tế Hà Nội", strlen("Sở Y tế Hà Nội"));
	IS_STR(s, "so-y-te-ha-noi", "slug of a body");
	free(s);
	s = yg_slug("54-NQ/TW", 8);
	IS_STR(s, "54-nq-tw", "slug of a document code");
	free(s);
	s = yg_slug("東京", strlen("東京"));
	OK(s[0] && yg_iri_valid("http://x/") && strchr(s, ' ') == NULL, "non-Latin label still gets a usable slug (%s)", s);
	free(s);
	OK(yg_iri_valid("https://w3id.org/ytegraph/id/x"), "absolute IRI valid");
	OK(!yg_iri_valid("https://w3id.org/a b"), "IRI with a space invalid");
	OK(!yg_iri_valid("relative/path"), "relative IRI invalid");
	OK(!yg_iri_valid("http://x/<y>"), "IRI with <> invalid");
	OK(yg_base_valid("http://example.org/kg/") && !yg_base_valid("http://example.org/kg"), "--base must end in / or #");
	/* every ASCII byte in a path, against RFC 3987's list */
	int wrong = 0;
	for (int c = 1; c < 128; c++) {
		char iri[32];
		snprintf(iri, sizeof iri, "http://e.org/a%cb", c);
		int want = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		           strchr("-._~:/?#@!$&'()*+,;=", c) != NULL;
		wrong += yg_iri_valid(iri) != want;
	}
	OK(wrong == 0, "each ASCII byte in an IRI's path allowed as RFC 3987 says (%d wrong)", wrong);
}

/* yg_buf_printf's own formatting of %s %.*s %d %u %zu %c %% against
 * vsnprintf's, and a format it leaves to vsnprintf. */
static void test_printf(void)
{
	static const int ints[] = {0, 7, -7, 42, 2147483647, -2147483647 - 1};
	static const char *const strs[] = {"", "Bệnh viện", "a|b", "(x)"};
	int bad = 0;
	char want[256];
	for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++)
		for (size_t j = 0; j < sizeof strs / sizeof strs[0]; j++)
			for (int prec = -1; prec < 8; prec++) {
				yg_buf b;
				yg_buf_init(&b);
				yg_buf_puts(&b, "pre:");
				yg_buf_printf(&b, "%s|%d %u;%zu%c%%[%.*s]", strs[j], ints[i], (unsigned)ints[i],
				              (size_t)ints[i] * 3, 'A' + (int)j, prec, strs[j]);
				snprintf(want, sizeof want, "pre:%s|%d %u;%zu%c%%[%.*s]", strs[j], ints[i], (unsigned)ints[i],
				         (size_t)ints[i] * 3, 'A' + (int)j, prec, strs[j]);
				bad += strcmp(b.s, want) != 0 || b.len != strlen(want);
				yg_buf_free(&b);
			}
	OK(!bad, "yg_buf_printf writes what snprintf writes (%d of 216 differ)", bad);
	yg_buf b;
	yg_buf_init(&b);
	yg_buf_printf(&b, "%s", "");
	OK(b.s && b.len == 0 && b.s[0] == '\0', "an empty result is an empty string");
	yg_buf_printf(&b, "%08llx-%-4s|%s", 0xabcULL, "x", "Hà Nội");
	IS_STR(b.s, "00000abc-x   |Hà Nội", "other formats still print");
	yg_buf_free(&b);
}

/* ---- fast paths against the plain rule they implement ---- */

/* A tiny deterministic generator, so a failure reproduces. */
static uint32_t rnd(uint64_t *st)
{
	*st = *st * 6364136223846793005ULL + 1442695040888963407ULL;
	return (uint32_t)(*st >> 33);
}

/* Pieces the text checks treat differently: ASCII, white space, C0, DEL,
 * C1 (and NEL, which stays), NBSP, Vietnamese letters of 2 and 3 bytes. */
static const char *const pieces[] = {
	"a", "Bệnh", " ", "\n", "\t", "\r", "\x01", "\x1F", "\x7F", "\xC2\x80", "\xC2\x9F",
	"\xC2\x85", "\xC2\xA0", "ơ", "đ", "ạ", "ế", "0123456789", "xyzxyzxy",
};

/* The rule: C0 but \t..\r, DEL and C1 but NEL become spaces, byte for byte. */
static void blank_plain(char *s, size_t n)
{
	unsigned char *u = (unsigned char *)s;
	for (size_t i = 0; i < n; i++) {
		if ((u[i] < 0x20 && !(u[i] >= '\t' && u[i] <= '\r')) || u[i] == 0x7F)
			u[i] = ' ';
		else if (u[i] == 0xC2 && i + 1 < n && u[i + 1] >= 0x80 && u[i + 1] <= 0x9F && u[i + 1] != 0x85)
			u[i] = u[i + 1] = ' ';
	}
}

static void test_fast_controls(void)
{
	uint64_t st = 42;
	int bad = 0;
	char buf[256], want[256];
	for (int round = 0; round < 5000 && !bad; round++) {
		size_t n = 0, k = rnd(&st) % 24;
		for (size_t j = 0; j < k; j++) {
			const char *p = pieces[rnd(&st) % (sizeof pieces / sizeof pieces[0])];
			size_t l = strlen(p);
			memcpy(buf + n, p, l);
			n += l;
		}
		memcpy(want, buf, n);
		blank_plain(want, n);
		yg_text t;
		yg_diag d = {0};
		if (yg_text_normalize(buf, n, YG_ENC_UTF8, "t", &t, &d) != YG_OK || t.len != n ||
		    memcmp(t.s, want, n) != 0)
			bad = round + 1;
		yg_text_free(&t);
	}
	OK(!bad, "controls become spaces as the byte-by-byte rule says (5000 random texts; first bad: %d)", bad);
}

/* The plain rule of well-formed UTF-8 (RFC 3629), one code point at a time. */
static size_t invalid_plain(const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		unsigned c = s[i];
		size_t len = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
		if (!len || i + len > n)
			return i;
		uint32_t cp = len == 1 ? c : c & (0xFFu >> (len + 1));
		for (size_t k = 1; k < len; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return i;
			cp = cp << 6 | (s[i + k] & 0x3F);
		}
		if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
			return i;
		i += len;
	}
	return n;
}

/* UTF-8 checks and NFC on random texts against the plain rule and ICU:
 * ASCII runs of every length around Vietnamese letters (2 and 3 bytes),
 * combining marks in and out of order, and ill-formed bytes. */
static void test_fast_utf8(void)
{
	static const char *const bits[] = {
		"a", "ab", "abcdefg", "abcdefghij", " ", "ơ", "đ", "Ấ", "ệ", "ỹ", "\xCC\x81", "\xCC\xA3",
		"e\xCC\xA3\xCC\x82", "e\xCC\x82\xCC\xA3", "\xE2\x80\x93", "\xF0\x9F\x98\x80", "\xE1\xB8",
		"\xC0\xAF", "\xED\xA0\x80", "\xFF", "\x80", "\xE1\xBC\x80", "\xCD\x85", "\xEA\xB0\x80",
		/* the edges of the sixteen-byte scan: U+02FF, U+0300, U+1DFF,
		 * U+1EFF, U+1F00, C1, a lone lead, E1 without its last byte */
		"\xCB\xBF", "\xCC\x80", "\xE1\xB7\xBF", "\xE1\xBB\xBF", "\xE1\xBC\x80", "\xC1\xBF", "\xC3",
		"\xE1\xBA", "ạ", "ư", "abcdefghijklmno",
	};
	const size_t nbits = sizeof bits / sizeof bits[0];
	uint64_t st = 7;
	int bad_valid = 0, bad_nfc = 0, valid = 0;
	UErrorCode err = U_ZERO_ERROR;
	const UNormalizer2 *nfc = unorm2_getNFCInstance(&err);
	for (int round = 0; round < 20000; round++) {
		char buf[512];
		size_t n = 0;
		int clean = round % 2; /* half the texts well formed */
		for (size_t k = rnd(&st) % 30; k > 0; k--) {
			const char *p = bits[rnd(&st) % (clean ? 16 : nbits)];
			memcpy(buf + n, p, strlen(p));
			n += strlen(p);
		}
		size_t got = yg_utf8_invalid_at(buf, n), want = invalid_plain((const unsigned char *)buf, n);
		bad_valid += got != want;
		if (want != n || n == 0)
			continue;
		valid++;
		yg_text t;
		yg_diag d = {0};
		UChar u16[512], norm[1024];
		int32_t ulen = 0;
		err = U_ZERO_ERROR;
		u_strFromUTF8(u16, 512, &ulen, buf, (int32_t)n, &err);
		int32_t nlen = unorm2_normalize(nfc, u16, ulen, norm, 1024, &err);
		char expect[2048];
		int32_t blen = 0;
		u_strToUTF8(expect, sizeof expect, &blen, norm, nlen, &err);
		if (U_FAILURE(err) || yg_text_normalize(buf, n, YG_ENC_UTF8, "t", &t, &d) != YG_OK ||
		    t.len != (size_t)blen || memcmp(t.s, expect, t.len) != 0)
			bad_nfc++;
		yg_text_free(&t);
	}
	OK(bad_valid == 0, "ill-formed UTF-8 found where the plain rule finds it (20000 random texts, %d differ)", bad_valid);
	OK(bad_nfc == 0 && valid > 5000, "NFC as ICU makes it (%d well-formed texts, %d differ)", valid, bad_nfc);
}

/* The plain rule of a JSON string: quotes, and \" \\ \n \r \t or
 * \u00XX for the bytes that need it. */
static void json_plain(yg_buf *b, const char *s, size_t n)
{
	yg_buf_putc(b, '"');
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\')
			yg_buf_printf(b, "\\%c", c);
		else if (c == '\n')
			YG_BUF_LIT(b, "\\n");
		else if (c == '\r')
			YG_BUF_LIT(b, "\\r");
		else if (c == '\t')
			YG_BUF_LIT(b, "\\t");
		else if (c < 0x20)
			yg_buf_printf(b, "\\u%04x", c);
		else
			yg_buf_putc(b, (char)c);
	}
	yg_buf_putc(b, '"');
}

/* The writers' fast paths (two digits a division, strings straight into
 * the buffer 16 bytes a step, slugs and key tables appended in place)
 * against what they replace. */
static void test_fast_writers(void)
{
	int bad = 0;
	char want[32];
	for (uint64_t v = 0; v < 200000; v = v < 1000 ? v + 1 : v * 3 + 7) {
		yg_buf b;
		yg_buf_init(&b);
		yg_buf_putc(&b, 'x');
		yg_buf_putu(&b, (size_t)v);
		snprintf(want, sizeof want, "x%zu", (size_t)v);
		bad += strcmp(b.s, want) != 0 || b.len != strlen(want);
		yg_buf_free(&b);
	}
	yg_buf b;
	yg_buf_init(&b);
	yg_buf_putu(&b, (size_t)-1);
	snprintf(want, sizeof want, "%zu", (size_t)-1);
	bad += strcmp(b.s, want) != 0;
	yg_buf_free(&b);
	OK(!bad, "yg_buf_putu writes what %%zu writes (%d differ)", bad);

	static const char *const bits[] = {"a", "Bệnh viện ", "\"", "\\", "\n", "\r", "\t", "\x01", "\x1F",
	                                   "\x7F", "0123456789abcdef", "ơ", "}"};
	uint64_t st = 7;
	bad = 0;
	for (int round = 0; round < 2000; round++) {
		yg_buf in, got, exp;
		yg_buf_init(&in);
		yg_buf_init(&got);
		yg_buf_init(&exp);
		for (uint32_t k = rnd(&st) % 12; k-- > 0;)
			yg_buf_puts(&in, bits[rnd(&st) % (sizeof bits / sizeof bits[0])]);
		yg_buf_puts(&got, "[");
		yg_buf_puts(&exp, "[");
		yg_json_strn(&got, in.s ? in.s : "", in.len);
		json_plain(&exp, in.s ? in.s : "", in.len);
		bad += strcmp(got.s, exp.s) != 0 || got.len != exp.len || got.s[got.len] != '\0';
		yg_buf_free(&in);
		yg_buf_free(&got);
		yg_buf_free(&exp);
	}
	OK(!bad, "yg_json_strn escapes as the plain rule does (%d of 2000 differ)", bad);

	static const char *const labels[] = {"Đống Đa", "54-NQ/TW", "東京",
	                                     "Bệnh viện Đa khoa tỉnh Lào Cai và Trung tâm Kiểm soát bệnh tật "
	                                     "thành phố Hồ Chí Minh cùng các đơn vị"};
	bad = 0;
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++) {
		char *slug = yg_slug(labels[i], strlen(labels[i]));
		yg_buf into;
		yg_buf_init(&into);
		yg_buf_puts(&into, "base/");
		yg_slug_into(&into, labels[i], strlen(labels[i]));
		bad += strncmp(into.s, "base/", 5) != 0 || strcmp(into.s + 5, slug) != 0;
		free(slug);
		yg_buf_free(&into);
	}
	OK(!bad, "yg_slug_into appends what yg_slug returns, after what is there (%d differ)", bad);

	yg_keytab *kt = yg_keytab_new();
	char key[32];
	bad = 0;
	for (uint32_t i = 0; i < 1000; i++) {
		snprintf(key, sizeof key, "k%u", i);
		bad += yg_keytab_intern(kt, key, strlen(key)) != i + 1;
	}
	for (uint32_t i = 0; i < 1000; i++) {
		snprintf(key, sizeof key, "k%u", i);
		bad += yg_keytab_find(kt, key, strlen(key)) != i + 1 || yg_keytab_intern(kt, key, strlen(key)) != i + 1;
	}
	bad += yg_keytab_find(kt, "k1000", 5) != YG_KEY_NONE || yg_keytab_intern(kt, "", 0) != 1001;
	yg_keytab_free(kt);
	OK(!bad, "a key table past its first slots keeps every id (%d wrong)", bad);
	OK(yg_hash_table("abc", 3) == yg_hash_table("abcd", 3) &&
	   yg_hash_table("abcdefghi", 9) != yg_hash_table("abcdefghj", 9) &&
	   yg_hash_table("a", 1) != yg_hash_table("a\0", 2),
	   "yg_hash_table reads n bytes, each of them");
}

int main(void)
{
	yg_diag d = {0};
	lx = yg_lexicon_new();
	OK(yg_lexicon_load_dir(lx, yg_default_datadir(), &d) == YG_OK, "lexicons load %s", d.msg);
	test_utf8();
	test_normalize();
	test_fold();
	test_tokens();
	test_word_scanners();
	test_sort();
	test_key_cache();
	test_fast_tokens();
	test_trie_filter();
	test_fold_words();
	test_memo();
	test_iri();
	test_fast_controls();
	test_printf();
	test_fast_utf8();
	test_fast_writers();
	yg_lexicon_free(lx);
	return DONE();
}
