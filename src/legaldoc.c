/* legaldoc.c — resolutions and other legal documents.
 *
 * A document type (Nghị quyết, Chỉ thị, Quyết định, Kết luận, Nghị định,
 * Thông tư, Luật, Công điện), capitalised, then one of:
 *   - a number and code in any common shape: "54-NQ/TW", "số 08-NQ/TU",
 *     "15/2024/NQ-CP", "1234/QĐ-BYT", "QĐ- TTg"; or a bare number
 *     ("Nghị quyết 72", a short reference);
 *   - "Đại hội ... lần thứ XVI" (a congress resolution);
 *   - for Luật, a capitalised name ("Luật Thủ đô");
 *   - a subject: "Quyết định [Bộ Y tế] về việc ban hành ...".
 * Then "ngày d/m/yyyy" (its date) and "của <body>" (its issuer).  The
 * issuer otherwise comes from the code (IssuerScheme in the lexicon); a
 * provincial code (/TU, -UBND) names the body of the article's province. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "recognize.h"

typedef struct {
	size_t end;          /* one past the recognised tokens */
	char *number;        /* "72" */
	char *code;          /* "54-NQ/TW" when written */
	char *issuer_code;   /* "TW", "CP", "BYT" ... */
	size_t issuer_tok;
	char *date;
	char *subject;       /* "về việc ban hành ..." */
	size_t label_end;    /* tokens that form the label */
} doc_scan;

static void scan_free(doc_scan *s)
{
	free(s->number);
	free(s->code);
	free(s->issuer_code);
	free(s->date);
	free(s->subject);
}

static int is_num(const yg_document *d, size_t i)
{
	return yg_tok_live(d, i) && (d->toks.items[i].flags & YG_TOK_NUM);
}

static int is_code_sep(const yg_document *d, size_t i)
{
	return yg_tok_punct(d, i, '-') || yg_tok_punct(d, i, '/');
}

/* Letters of a code part: "NQ", "TW", "QĐ", "TTg", "QH15", "BYT". */
static int is_code_word(const yg_document *d, size_t i)
{
	if (!yg_tok_live(d, i) || !(d->toks.items[i].flags & YG_TOK_WORD))
		return 0;
	const yg_token *t = &d->toks.items[i];
	return (t->flags & (YG_TOK_ALLCAP | YG_TOK_CAP)) && t->end - t->start <= 12;
}

/* "54-NQ/TW", "15/2024/NQ-CP", "1234/QĐ-BYT", "202/2025/QH15" at token i:
 * the number, the code as one string without spaces, and the issuer code
 * (the last letters part). Returns tokens consumed (0: no code; a lone
 * number returns 1 with no code). */
static size_t scan_code(const yg_document *d, size_t i, doc_scan *s)
{
	if (!is_num(d, i))
		return 0;
	s->number = yg_document_text(d, (uint32_t)i, (uint32_t)(i + 1));
	size_t k = i + 1;
	/* "/2024" year part */
	if (yg_tok_punct(d, k, '/') && is_num(d, k + 1) && d->toks.items[k + 1].end - d->toks.items[k + 1].start == 4)
		k += 2;
	size_t last_word = 0;
	while (is_code_sep(d, k) && is_code_word(d, k + 1)) {
		last_word = k + 1;
		k += 2;
	}
	if (!last_word)
		return 1;
	yg_buf b;
	yg_buf_init(&b);
	for (size_t x = i; x < k; x++) {
		const yg_token *t = &d->toks.items[x];
		yg_buf_add(&b, d->text.s + t->start, t->end - t->start);
	}
	s->code = yg_buf_take(&b);
	s->issuer_code = yg_document_text(d, (uint32_t)last_word, (uint32_t)(last_word + 1));
	s->issuer_tok = last_word;
	return k - i;
}

static char *iso_date(int y, int m, int dd)
{
	char buf[48];
	snprintf(buf, sizeof buf, "%04d-%02d-%02d", y % 10000, m % 100, dd % 100);
	return yg_xstrdup(buf);
}

static int num_val(const yg_document *d, size_t i)
{
	const yg_token *t = &d->toks.items[i];
	return atoi(d->text.s + t->start);
}

/* "ngày 08/8/2023" at token i; returns tokens consumed. */
static size_t scan_date(const yg_ctx *c, size_t i, doc_scan *s)
{
	const yg_document *d = c->d;
	size_t w = yg_role_at(c, i, YG_ROLE_DATE_WORD);
	if (!w || !is_num(d, i + w) || !yg_tok_punct(d, i + w + 1, '/') ||
	    !is_num(d, i + w + 2) || !yg_tok_punct(d, i + w + 3, '/') || !is_num(d, i + w + 4))
		return 0;
	i += w - 1;
	int dd = num_val(d, i + 1), m = num_val(d, i + 3), y = num_val(d, i + 5);
	if (dd < 1 || dd > 31 || m < 1 || m > 12 || y < 1900 || y > 2100)
		return 0;
	s->date = iso_date(y, m, dd);
	return w + 5;
}

/* "Đại hội đại biểu Đảng bộ tỉnh lần thứ XVI": up to "lần thứ" + numeral. */
static size_t scan_congress(const yg_ctx *c, size_t i)
{
	const yg_document *d = c->d;
	size_t n = yg_role_at(c, i, YG_ROLE_CONGRESS);
	if (!n || !yg_tok_capword(d, i))
		return 0;
	for (size_t k = i + n; k < i + 14 && yg_tok_live(d, k); k++) {
		if (yg_tok_punct(d, k, ',') || yg_tok_punct(d, k, '.') || yg_tok_punct(d, k, ';'))
			break;
		size_t o = yg_role_at(c, k, YG_ROLE_ORDINAL);
		if (o && yg_tok_live(d, k + o))
			return k + o + 1 - i;
	}
	return 0;
}

/* "Thủ đô", "Khám bệnh, chữa bệnh": capitalised words (or compounds
 * capitalised on their first syllable) after "Luật". */
static size_t scan_law_name(const yg_ctx *c, size_t i)
{
	const yg_document *d = c->d;
	size_t k = i;
	while (yg_tok_capword(d, k) && !(d->toks.items[k].flags & YG_TOK_SENT_START)) {
		size_t n = yg_phrase(c, k, YG_LEX_COMPOUND, NULL);
		k += n ? n : 1;
		/* "Luật Khám bệnh, chữa bệnh": a second lower-case compound */
		size_t more;
		if (yg_tok_punct(d, k, ',') && (more = yg_phrase(c, k + 1, YG_LEX_COMPOUND, NULL)) > 0 &&
		    !yg_tok_capword(d, k + 1))
			k += 1 + more;
	}
	return k - i;
}

/* "về việc ban hành ...": up to the end of the clause. */
static size_t scan_subject(const yg_ctx *c, size_t i)
{
	const yg_document *d = c->d;
	size_t n = yg_role_at(c, i, YG_ROLE_SUBJECT);
	if (!n)
		return 0;
	size_t k = i + n;
	while (k < i + 30 && yg_tok_live(d, k) && !(d->toks.items[k].flags & YG_TOK_SENT_START) &&
	       !yg_tok_punct(d, k, '.') && !yg_tok_punct(d, k, ';') && !yg_tok_punct(d, k, ',') &&
	       !yg_tok_punct(d, k, '(') && !yg_tok_punct(d, k, ':'))
		k++;
	return k - i >= 3 ? k - i : 0;
}

static void emit(yg_document *d, size_t i, size_t type_len, const char *doctype, doc_scan *s,
                 const char *label)
{
	size_t m = yg_document_add_mention(d, (uint32_t)i, (uint32_t)s->end, YG_T_RESOLUTION, -1, label);
	yg_mention *mm = &d->mentions.items[m];
	mm->doctype = yg_xstrdup(doctype);
	mm->identifier = s->code ? yg_xstrdup(s->code) : NULL;
	mm->date = s->date ? yg_xstrdup(s->date) : NULL;
	mm->is_short = s->code == NULL && s->number != NULL;
	(void)type_len;
}

void yg_recognize_documents(yg_ctx *c)
{
	yg_document *d = c->d;
	const yg_tokens *t = &d->toks;
	for (size_t i = 0; i < t->len; i++) {
		uint32_t tc;
		size_t n = yg_phrase(c, i, YG_LEX_DOCTYPE, &tc);
		if (!n || !(t->items[i].flags & YG_TOK_CAP))
			continue;
		const yg_concept *type = yg_concept_of(c, tc);
		const char *doctype = type->pref;
		doc_scan s;
		memset(&s, 0, sizeof s);
		size_t k = i + n, got;
		k += yg_role_at(c, k, YG_ROLE_NUMBER_WORD);
		char *label = NULL;
		if ((got = scan_code(d, k, &s)) > 0) {
			k += got;
			s.label_end = k;
			label = yg_strjoin(doctype, " ", s.code ? s.code : s.number);
		} else if ((got = scan_congress(c, k)) > 0) {
			k += got;
			char *rest = yg_document_text(d, (uint32_t)(i + n), (uint32_t)k);
			yg_buf b;
			yg_buf_init(&b);
			yg_buf_printf(&b, "%s %s", doctype, rest);
			free(rest);
			label = yg_buf_take(&b);
		} else if ((type->flags & YG_CF(NAMED)) && (got = scan_law_name(c, k)) > 0) {
			k += got;
			label = yg_document_text(d, (uint32_t)i, (uint32_t)k);
			/* "Luật Thủ đô sửa đổi" is the same law */
			k += yg_role_at(c, k, YG_ROLE_AMENDED);
		} else {
			/* "Quyết định [Bộ Y tế] về việc ...": the body is the issuer */
			uint32_t bc = 0;
			size_t body = yg_phrase(c, k, YG_LEX_BODY, &bc);
			size_t subj = scan_subject(c, k + body);
			if (!subj)
				continue;
			char *about = yg_document_text(d, (uint32_t)(k + body), (uint32_t)(k + body + subj));
			yg_buf b;
			yg_buf_init(&b);
			yg_buf_printf(&b, "%s %s", doctype, about);
			free(about);
			label = yg_buf_take(&b);
			/* the body is inside this mention's span, so link it by name */
			if (body)
				yg_document_link_implied(d, (uint32_t)i, YG_T_BODY, yg_concept_of(c, bc)->pref, -1, YG_R_ISSUED_BY,
				                         (uint32_t)k, (uint32_t)(k + body));
			k += body + subj;
		}
		k += scan_date(c, k, &s);
		s.end = k;
		emit(d, i, n, doctype, &s, label);
		if (s.issuer_code) {
			d->mentions.items[d->mentions.len - 1].issuer_code = yg_xstrdup(s.issuer_code);
			d->mentions.items[d->mentions.len - 1].issuer_tok = (uint32_t)s.issuer_tok;
		}
		/* "của <body>": linked once the body is a kept mention */
		size_t of = yg_role_at(c, k, YG_ROLE_OF);
		if (of)
			yg_document_link(d, (uint32_t)i, (int32_t)(k + of), YG_R_ISSUED_BY, NULL, NULL);
		free(label);
		scan_free(&s);
		i = k - 1;
	}
}
