/* docdate.c — the article's publication date from its own text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "date.h"
#include "docdate.h"

static int tok_num(const yg_document *d, size_t i, int *v, int maxlen)
{
	if (i >= d->toks.len || !(d->toks.items[i].flags & YG_TOK_NUM))
		return 0;
	const yg_token *tk = &d->toks.items[i];
	int len = (int)(tk->end - tk->start);
	if (len > maxlen)
		return 0;
	int x = 0;
	for (int k = 0; k < len; k++) {
		char c = d->text.s[tk->start + (uint32_t)k];
		if (c < '0' || c > '9')
			return 0;
		x = x * 10 + (c - '0');
	}
	*v = x;
	return 1;
}

static int is_sep(const yg_document *d, size_t i, char c)
{
	return i < d->toks.len && d->toks.items[i].end - d->toks.items[i].start == 1 &&
	       d->text.s[d->toks.items[i].start] == c;
}

static int is_date_sep(const yg_document *d, size_t i)
{
	return is_sep(d, i, '/') || is_sep(d, i, '-') || is_sep(d, i, '.');
}

/* "20 tháng 10 năm 2025" at token i. */
static size_t parse_words_date(const yg_ctx *c, size_t i, int *day, int *mon, int *year)
{
	const yg_document *d = c->d;
	size_t mw, yw;
	if (!tok_num(d, i, day, 2) || !(mw = yg_role_at(c, i + 1, YG_ROLE_MONTH_WORD)) ||
	    !tok_num(d, i + 1 + mw, mon, 2) || !(yw = yg_role_at(c, i + 2 + mw, YG_ROLE_YEAR_WORD)) ||
	    !tok_num(d, i + 2 + mw + yw, year, 4))
		return 0;
	return 3 + mw + yw;
}

/* d/m[/yyyy] (or with - or .) at token i; returns tokens consumed, 0 if
 * none; *year is 0 when not written. */
static size_t parse_dmy(const yg_ctx *c, size_t i, int *day, int *mon, int *year)
{
	const yg_document *d = c->d;
	*year = 0;
	size_t n = parse_words_date(c, i, day, mon, year);
	if (!n) {
		if (!tok_num(d, i, day, 2) || !is_date_sep(d, i + 1) || !tok_num(d, i + 2, mon, 2))
			return 0;
		n = 3;
		if (is_date_sep(d, i + 3) && tok_num(d, i + 4, year, 4))
			n = 5;
	}
	if (*year && (*year < 1900 || *year > 2100))
		return 0;
	/* without a year, 29/2 may still be a leap day: 2000 is a leap year */
	if (!yg_date_valid(*year ? *year : 2000, *mon, *day))
		return 0;
	return n;
}

/* NULL when y-m-dd is not in the calendar (29/2 of a year that has none). */
static char *fmt_date(int y, int m, int dd)
{
	char buf[11];
	return yg_date_format(y, m, dd, buf) ? yg_xstrdup(buf) : NULL;
}

/* "date 2026-02-26" */
static char *metadata_date(const yg_document *d)
{
	const char *s = d->text.s;
	const char *p = strstr(s, "date ");
	if (!p || p - s > 200)
		return NULL;
	int y, m, dd;
	char iso[11];
	/* exactly YYYY-MM-DD: sscanf would take "2024- 1-01" */
	if (strnlen(p + 5, 10) < 10)
		return NULL;
	memcpy(iso, p + 5, 10);
	iso[10] = '\0';
	if (yg_date_parse_iso(iso, &y, &m, &dd) && y > 1900)
		return fmt_date(y, m, dd);
	return NULL;
}

/* The year to complete a "Ngày 21/2" lede: the latest year of a full date
 * in the article ("27/2/1955 - 27/2/2024"), since bare years are often
 * plans and terms ("nhiệm kỳ 2020-2025"). */
static int latest_year(const yg_ctx *c)
{
	const yg_document *d = c->d;
	int best = 0;
	for (size_t i = 0; i < d->toks.len; i++) {
		int dd, m, y;
		if (!(d->toks.items[i].flags & YG_TOK_MASKED) && parse_dmy(c, i, &dd, &m, &y) >= 5 && y &&
		    y > best)
			best = y;
	}
	return best;
}

/* latest_year is a pass over the whole document: computed once, on the
 * first lede that needs it (a document of many "Ngày 21/2" ledes with no
 * year would otherwise pay it once per lede). */
static int latest_year_once(const yg_ctx *c, int *cache)
{
	if (*cache < 0)
		*cache = latest_year(c);
	return *cache;
}

/* Tokens before a lede's opener: a place ("Huế, ngày …") or a source tag
 * ("(Baonghean.vn) - Sáng …", "VOV.VN - Chiều …"). */
#define LEDE_PREFIX 9

/* A lede opener at token j: a daypart or date word ("Chiều", "Ngày"). */
static size_t opener_at(const yg_ctx *c, size_t j)
{
	size_t n = yg_role_at(c, j, YG_ROLE_DAYPART);
	return n ? n : yg_role_at(c, j, YG_ROLE_DATE_WORD);
}

/* "16:41" at token i: hours and minutes. */
static int time_at(const yg_document *d, size_t i)
{
	int h, m;
	return tok_num(d, i, &h, 2) && is_sep(d, i + 1, ':') && tok_num(d, i + 2, &m, 2) && h < 24 && m < 60;
}

/* A timestamp line of the first few: a time and a full date on one line
 * ("Ngày đăng : 16:41, 29/04/2020", "Cập nhật lúc 19:54, Thứ Sáu,
 * 22/02/2019 (GMT+7)") is when the page was published. */
static char *timestamp_date(const yg_ctx *c)
{
	const yg_tokens *t = &c->d->toks;
	for (size_t li = 0; li < t->nlines && li < 6; li++) {
		const yg_line *l = &t->lines[li];
		int timed = 0;
		for (size_t k = l->tok_first; k < l->tok_end && !timed; k++)
			timed = time_at(c->d, k);
		for (size_t k = l->tok_first; k < l->tok_end && timed; k++) {
			int dd, m, y;
			char *date = parse_dmy(c, k, &dd, &m, &y) >= 5 && y ? fmt_date(y, m, dd) : NULL;
			if (date)
				return date;
		}
	}
	return NULL;
}

char *yg_find_date(const yg_ctx *c)
{
	const yg_document *d = c->d;
	char *meta = metadata_date(d);
	if (meta)
		return meta;
	const yg_tokens *t = &d->toks;
	/* A line of the first few that starts with a full date: the dateline
	 * ("28/02/2024 1:38:16 CH"). */
	for (size_t i = 0; i < t->len && t->items[i].line < 6; i++) {
		int dd, m, y;
		char *date = (t->items[i].flags & YG_TOK_LINE_START) && parse_dmy(c, i, &dd, &m, &y) >= 5 && y
		                     ? fmt_date(y, m, dd) : NULL;
		if (date)
			return date;
	}
	char *stamp = timestamp_date(c);
	if (stamp)
		return stamp;
	/* A dated lede at the start of a sentence. */
	int latest = -1;
	for (size_t i = 0; i < t->len; i++) {
		const yg_token *tk = &t->items[i];
		if (!(tk->flags & YG_TOK_SENT_START) || (tk->flags & YG_TOK_MASKED))
			continue;
		/* the opener may follow a place or a source tag: "Huế, ngày 20
		 * tháng 10 năm 2025", "(Baonghean.vn) - Sáng 10/1/2025" */
		size_t j = i, opener = 0;
		for (; j < i + LEDE_PREFIX && j < t->len && !opener; j++)
			opener = opener_at(c, j);
		if (!opener)
			continue;
		j += opener - 1;
		j += yg_role_at(c, j, YG_ROLE_DATE_WORD);
		int dd, m, y;
		if (!parse_dmy(c, j, &dd, &m, &y))
			continue;
		if (!y)
			y = latest_year_once(c, &latest);
		char *date = y ? fmt_date(y, m, dd) : NULL;
		if (date)
			return date;
	}
	return NULL;
}
