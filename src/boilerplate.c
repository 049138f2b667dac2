#include "boilerplate.h"

#include <string.h>

/* Length in tokens of the longest phrase of `kind` starting at token i, or
 * 0. */
static size_t phrase_at(const yg_tokens *t, size_t i, size_t end,
                        const yg_lexicon *lx, int kind)
{
	const yg_trie *trie = yg_lexicon_trie(lx);
	int32_t nd = YG_TRIE_ROOT;
	size_t best = 0;
	for (size_t k = i; k < end; k++) {
		nd = yg_trie_step(trie, nd, t->items[k].key);
		if (nd < 0)
			break;
		const yg_payload *p;
		size_t np = yg_trie_payloads(trie, nd, &p);
		for (size_t j = 0; j < np; j++)
			if (p[j].kind == kind)
				best = k - i + 1;
	}
	return best;
}

static size_t line_ntok(const yg_line *l) { return l->tok_end - l->tok_first; }

static int is_punct(const char *s, const yg_token *tk, char c)
{
	return (tk->flags & YG_TOK_PUNCT) && tk->end - tk->start == 1 && s[tk->start] == c;
}

/* "0:00 / 0:00", "0:00", "1:38:16" — digits, colons and slashes only. */
static int is_timestamp_line(const char *s, const yg_tokens *t, const yg_line *l)
{
	int colon = 0;
	for (uint32_t i = l->tok_first; i < l->tok_end; i++) {
		const yg_token *tk = &t->items[i];
		if (is_punct(s, tk, ':'))
			colon = 1;
		else if (!(tk->flags & YG_TOK_NUM) && !is_punct(s, tk, '/'))
			return 0;
	}
	return colon;
}

/* One unbroken "word.ext" where ext is an image or media extension. */
static int is_filename_line(const char *s, const yg_tokens *t, const yg_line *l)
{
	static const char *const exts[] = {"jpg", "jpeg", "png", "gif", "webp", "bmp", "mp4", "svg"};
	size_t n = line_ntok(l);
	if (n < 3)
		return 0;
	for (uint32_t i = l->tok_first + 1; i < l->tok_end; i++)
		if (t->items[i].flags & YG_TOK_SPACE_BEFORE)
			return 0;
	if (!is_punct(s, &t->items[l->tok_end - 2], '.'))
		return 0;
	for (size_t e = 0; e < sizeof exts / sizeof exts[0]; e++)
		if (yg_token_is(s, &t->items[l->tok_end - 1], exts[e]))
			return 1;
	return 0;
}

/* Every token is page furniture ("fb yt zl tw"), or the line starts with a
 * furniture phrase and is short ("Theo dõi Báo X trên Google News"). */
static int is_furniture_line(const char *s, const yg_tokens *t, const yg_line *l, const yg_lexicon *lx)
{
	size_t n = line_ntok(l);
	if (n == 0)
		return 0;
	size_t head = phrase_at(t, l->tok_first, l->tok_end, lx, YG_LEX_BOILER_LINE);
	if (head && n <= 16)
		return 1;
	/* a breadcrumb: "Home / Y tế / ..." */
	if (head && l->tok_first + head < l->tok_end) {
		const yg_token *sep = &t->items[l->tok_first + head];
		char c = (sep->flags & YG_TOK_PUNCT) ? s[sep->start] : 0;
		if (c == '/' || c == '>' || (sep->end - sep->start == 2 && memcmp(s + sep->start, "\xC2\xBB", 2) == 0))
			return 1;
	}
	for (uint32_t i = l->tok_first; i < l->tok_end;) {
		size_t k = phrase_at(t, i, l->tok_end, lx, YG_LEX_BOILER_LINE);
		if (!k)
			return 0;
		i += (uint32_t)k;
	}
	return 1;
}

/* "Trình bày: Khánh Ly", "Ảnh: ..." as a whole line. */
static int is_credit_line(const char *s, const yg_tokens *t, const yg_line *l, const yg_lexicon *lx)
{
	size_t k = phrase_at(t, l->tok_first, l->tok_end, lx, YG_LEX_CREDIT);
	return k && l->tok_first + k < l->tok_end && is_punct(s, &t->items[l->tok_first + k], ':') &&
	       line_ntok(l) <= 12;
}

static int same_text(const char *s, const yg_line *a, const yg_line *b)
{
	return a->end - a->start == b->end - b->start &&
	       memcmp(s + a->start, s + b->start, a->end - a->start) == 0;
}

static void mask_tokens(yg_tokens *t, uint32_t from, uint32_t to)
{
	for (uint32_t i = from; i < to; i++)
		t->items[i].flags |= YG_TOK_MASKED;
}

static void mask_line(yg_tokens *t, yg_line *l)
{
	l->masked = 1;
	mask_tokens(t, l->tok_first, l->tok_end);
}

/* "(Ảnh: Minh Nhật)" inside a line. */
static void mask_paren_credits(const char *s, yg_tokens *t, const yg_line *l, const yg_lexicon *lx)
{
	/* most lines have no parenthesis: one look at their bytes, not at
	 * every token */
	if (!memchr(s + l->start, '(', l->end - l->start))
		return;
	for (uint32_t i = l->tok_first; i + 2 < l->tok_end; i++) {
		if (!is_punct(s, &t->items[i], '('))
			continue;
		size_t k = phrase_at(t, i + 1, l->tok_end, lx, YG_LEX_CREDIT);
		if (!k || i + 1 + k >= l->tok_end || !is_punct(s, &t->items[i + 1 + k], ':'))
			continue;
		uint32_t j = i + 1 + (uint32_t)k;
		while (j < l->tok_end && !is_punct(s, &t->items[j], ')'))
			j++;
		mask_tokens(t, i, j < l->tok_end ? j + 1 : j);
		i = j;
	}
}

/* The last content line is 2–4 capitalised words and nothing else: a
 * byline ("Đậu Bình"). */
static void mask_final_byline(const char *s, yg_tokens *t)
{
	for (size_t li = t->nlines; li-- > 0;) {
		yg_line *l = &t->lines[li];
		size_t n = line_ntok(l);
		if (n == 0 || l->masked)
			continue;
		if (n < 2 || n > 4)
			return;
		for (uint32_t i = l->tok_first; i < l->tok_end; i++)
			if (!(t->items[i].flags & YG_TOK_CAP) || !(t->items[i].flags & YG_TOK_WORD))
				return;
		(void)s;
		mask_line(t, l);
		return;
	}
}

void yg_boilerplate_mask(const char *s, yg_tokens *t, const yg_lexicon *lx)
{
	const yg_line *prev = NULL;
	for (size_t li = 0; li < t->nlines; li++) {
		yg_line *l = &t->lines[li];
		size_t n = line_ntok(l);
		if (n == 0)
			continue;
		size_t tail = phrase_at(t, l->tok_first, l->tok_end, lx, YG_LEX_BOILER_TAIL);
		if (tail && n <= tail + 2) {
			for (size_t k = li; k < t->nlines; k++)
				mask_line(t, &t->lines[k]);
			break;
		}
		if (is_timestamp_line(s, t, l) || is_filename_line(s, t, l) ||
		    is_furniture_line(s, t, l, lx) || is_credit_line(s, t, l, lx) ||
		    (prev && same_text(s, prev, l)))
			mask_line(t, l);
		else
			mask_paren_credits(s, t, l, lx);
		prev = l;
	}
	mask_final_byline(s, t);
}
