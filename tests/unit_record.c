/* The fast JSON Lines record parser against cJSON: on random records,
 * mostly well formed and some spoiled, whatever yg_record_parse_flat
 * accepts cJSON must parse to the same object (keys, order, types, string
 * bytes), and the forms it leaves to cJSON must include the ones cJSON
 * reads differently from the plain rules (\u0000, surrogates, bad hex). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "record.h"
#include "tap.h"

static uint64_t st = 12345;

static uint32_t rnd(uint32_t n)
{
	st = st * 6364136223846793005ULL + 1442695040888963407ULL;
	return (uint32_t)(st >> 33) % n;
}

static const char *const keys[] = {"\"id\"", "\"text\"", "\"date\"", "\"url\"", "\"title\"", "\"a\\\"b\"",
                                   "\"\\u0041\"", "\"\"", "\"x y\""};
/* string bodies: plain, UTF-8, escapes of every kind, and the forms the
 * fast parser must leave alone */
static const char *const parts[] = {
	"Bệnh viện", "abc", " ", "\\n", "\\t", "\\\"", "\\\\", "\\/", "\\b", "\\f", "\\r", "\\u00e9", "\\u1EC7",
	"\\u0041", "\\u20AC", "\\uD83D\\uDE00", "\\uDE00", "\\uD83D", "\\u0000", "\\uZZZZ", "\\x", "\\u12",
	"\x01", "\x7F", "\xC3\xA9", "\xFF", "'", "0123456789abcdef0123",
};
static const char *const values[] = {"null", "true", "1.5", "[]", "{}", "nul", "\"\""};
static const char *const spaces[] = {"", "", "", " ", "  ", "\t", "\r", "\f", "\n"};

static void add(yg_buf *b, const char *const *set, size_t n)
{
	yg_buf_puts(b, set[rnd((uint32_t)n)]);
}
#define ADD(b, set) add(b, set, sizeof set / sizeof set[0])

static void record(yg_buf *b)
{
	if (rnd(40) == 0)
		yg_buf_puts(b, "\xEF\xBB\xBF");
	ADD(b, spaces);
	yg_buf_putc(b, '{');
	size_t members = rnd(6);
	for (size_t m = 0; m < members; m++) {
		if (m)
			yg_buf_putc(b, ',');
		ADD(b, spaces);
		ADD(b, keys);
		ADD(b, spaces);
		yg_buf_putc(b, ':');
		ADD(b, spaces);
		if (rnd(5) == 0) {
			ADD(b, values);
		} else {
			yg_buf_putc(b, '"');
			for (size_t k = rnd(8); k > 0; k--)
				ADD(b, parts);
			yg_buf_putc(b, '"');
		}
		ADD(b, spaces);
	}
	yg_buf_putc(b, '}');
	ADD(b, spaces);
	/* spoil a few: cut, or a stray byte */
	if (rnd(10) == 0 && b->len > 1)
		b->s[b->len = rnd((uint32_t)b->len)] = '\0';
	else if (rnd(10) == 0)
		b->s[rnd((uint32_t)b->len)] = "\"\\,:{}x"[rnd(7)];
}

static int same(const cJSON *a, const cJSON *b)
{
	if (a->type != b->type || !a->string != !b->string || (a->string && strcmp(a->string, b->string)))
		return 0;
	if (!a->valuestring != !b->valuestring || (a->valuestring && strcmp(a->valuestring, b->valuestring)))
		return 0;
	const cJSON *x = a->child, *y = b->child;
	for (; x && y; x = x->next, y = y->next)
		if (!same(x, y))
			return 0;
	return !x && !y;
}

int main(void)
{
	int accepted = 0, refused = 0, differ = 0, refused_special = 0;
	for (int round = 0; round < 50000; round++) {
		yg_buf b;
		yg_buf_init(&b);
		record(&b);
		if (memchr(b.s, '\0', b.len)) { /* the caller never passes a NUL */
			yg_buf_free(&b);
			continue;
		}
		cJSON *fast = yg_record_parse_flat(b.s, b.len);
		const char *end = NULL;
		cJSON *ref = cJSON_ParseWithLengthOpts(b.s, b.len + 1, &end, 1);
		if (fast) {
			accepted++;
			if (!ref || !same(fast, ref)) {
				if (differ++ < 3)
					printf("# differs from cJSON: %s\n", b.s);
			}
		} else {
			refused++;
			if (ref && (strstr(b.s, "\\u0000") || strstr(b.s, "\\uD83D") || strstr(b.s, "\\uZZZZ")))
				refused_special++;
		}
		cJSON_Delete(fast);
		cJSON_Delete(ref);
		yg_buf_free(&b);
	}
	OK(differ == 0, "every record the fast parser takes, cJSON parses to the same object (%d differ)", differ);
	OK(accepted > 5000, "the fast parser takes the common records (%d of %d)", accepted, accepted + refused);
	OK(refused_special > 100, "... and leaves \\u0000, surrogates and bad hex to cJSON (%d)", refused_special);

	const char *doc = "{\"id\": \"a\", \"text\": \"Bệnh viện\\nX \\\"Y\\\" \\u1ec7\", \"date\": null}";
	cJSON *o = yg_record_parse_flat(doc, strlen(doc));
	const cJSON *t = o ? cJSON_GetObjectItemCaseSensitive(o, "text") : NULL;
	OK(t && cJSON_IsString(t) && strcmp(t->valuestring, "Bệnh viện\nX \"Y\" ệ") == 0, "a record's text decoded");
	OK(o && cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(o, "date")), "null kept as null");
	cJSON_Delete(o);
	const char *num = "{\"id\": \"a\", \"n\": 1}";
	OK(!yg_record_parse_flat(num, strlen(num)), "a number is left to cJSON");
	return DONE();
}
