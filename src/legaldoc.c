/* legaldoc.c — resolutions and other legal documents.
 *
 * A document type (lexicon/documents.ttl: Nghị quyết, Chỉ thị, Quyết định
 * or QĐ, Kết luận, Nghị định, Thông tư, Luật ...), capitalised, then one of:
 *   - a number and code in any common shape: "54-NQ/TW", "số 08-NQ/TU",
 *     "15/2024/NQ-CP", "1234/QĐ-BYT", "657/TCDC"; or a bare number
 *     ("Nghị quyết 72", a short reference);
 *   - "Đại hội ... lần thứ XVI" (a congress's resolution);
 *   - for a type named rather than numbered (Luật), its name, lower-case
 *     words included ("Luật Phòng, chống bệnh truyền nhiễm", "Bộ luật Hình
 *     sự"), or an amending law's whole title ("Luật sửa đổi, bổ sung một
 *     số điều của Luật A và Luật B": its mention is the part before "của",
 *     so the laws it amends are entities too).
 * A code alone whose first letters are a document type's code ("Số:
 * 996/QĐ-UBND") is that document.  A decision described only by its
 * subject ("Quyết định về việc ...") is no entity (eval/DECISIONS.md).
 * Then "ngày d/m/yyyy" (its date) and the issuer: "của <body>" (maybe past
 * a plenum or a title: "của Hội nghị lần thứ sáu Ban Chấp hành Trung ương",
 * "của Chủ tịch UBND tỉnh") or "do <body> ban hành"; otherwise relate.c
 * reads the code. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "date.h"
#include "recognize.h"

#define MAX_NAME 12
#define ISSUER_SKIP 6

/* The strings are in the document's arena: a number that starts no
 * document leaves a few bytes there, and a mention shares them. */
typedef struct {
	size_t end;          /* one past the recognised tokens */
	char *number;        /* "72" */
	char *code;          /* "54-NQ/TW" when written */
	char *issuer_code;   /* "TW", "CP", "BYT" ... */
	size_t issuer_tok;
	size_t first_letters;/* the first letters part of the code ("QĐ") */
	char *date;
} doc_scan;

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
 * the number, the code as one string without spaces ("QĐ- TTg" becomes
 * "QĐ-TTg"), and the issuer code (the last letters part).  Returns tokens
 * consumed (0: no number; a lone number returns 1 with no code). */
static size_t scan_code(yg_document *d, size_t i, doc_scan *s)
{
	if (!is_num(d, i))
		return 0;
	s->number = yg_document_text_dup(d, (uint32_t)i, (uint32_t)(i + 1));
	size_t k = i + 1;
	/* "/2024" year part */
	if (yg_tok_punct(d, k, '/') && is_num(d, k + 1) && d->toks.items[k + 1].end - d->toks.items[k + 1].start == 4)
		k += 2;
	size_t last_word = 0;
	while (is_code_sep(d, k) && is_code_word(d, k + 1)) {
		if (!s->first_letters)
			s->first_letters = k + 1;
		last_word = k + 1;
		k += 2;
	}
	if (!last_word)
		return 1;
	d->scratch.len = 0;
	for (size_t x = i; x < k; x++) {
		const yg_token *t = &d->toks.items[x];
		yg_buf_add(&d->scratch, d->text.s + t->start, t->end - t->start);
	}
	s->code = yg_document_strndup(d, d->scratch.s, d->scratch.len);
	s->issuer_code = yg_document_text_dup(d, (uint32_t)last_word, (uint32_t)(last_word + 1));
	s->issuer_tok = last_word;
	return k - i;
}

static int num_val(const yg_document *d, size_t i)
{
	return atoi(d->text.s + d->toks.items[i].start);
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
	if (!yg_date_in_news(y, m, dd))
		return 0;
	char buf[48];
	snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, dd);
	s->date = yg_document_strdup(c->d, buf);
	return w + 5;
}

/* "năm 2017" after a code: the year of the number, no date. */
static size_t scan_year(const yg_ctx *c, size_t i)
{
	size_t w = yg_role_at(c, i, YG_ROLE_YEAR_WORD);
	const yg_document *d = c->d;
	return w && is_num(d, i + w) && d->toks.items[i + w].end - d->toks.items[i + w].start == 4 ? w + 1 : 0;
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

/* Does a law's name stop at token k? */
static int name_stops(const yg_ctx *c, size_t i, size_t k)
{
	const yg_document *d = c->d;
	if (!yg_tok_live(d, k) || !(d->toks.items[k].flags & YG_TOK_WORD) || (d->toks.items[k].flags & YG_TOK_NUM) ||
	    (k > i && (d->toks.items[k].flags & YG_TOK_SENT_START)))
		return 1;
	static const yg_role stops[] = {YG_ROLE_NAME_END, YG_ROLE_DATE_WORD, YG_ROLE_YEAR_WORD, YG_ROLE_NUMBER_WORD,
	                                YG_ROLE_OF, YG_ROLE_LIST_AND, YG_ROLE_AMENDED, YG_ROLE_COPULA};
	for (size_t r = 0; r < sizeof stops / sizeof stops[0]; r++)
		if (yg_role_at(c, k, stops[r]))
			return 1;
	return yg_kinds_at(c, k, 1u << YG_LEX_DOCTYPE); /* "Luật Tổ chức Chính phủ": a body name inside */
}

/* The name of a law after its type: a capitalised word and what follows
 * it up to a word that ends a name ("Thủ đô", "Tổ chức chính quyền địa
 * phương", "Phòng, chống bệnh truyền nhiễm": a comma before a compound). */
static size_t scan_law_name(const yg_ctx *c, size_t i)
{
	const yg_document *d = c->d;
	if (!yg_tok_capword(d, i) || name_stops(c, i, i))
		return 0;
	size_t k = i;
	while (k < i + MAX_NAME) {
		if (yg_tok_punct(d, k, ',')) {
			size_t more = yg_phrase(c, k + 1, YG_LEX_COMPOUND, NULL);
			if (!more || yg_tok_capword(d, k + 1))
				break;
			k += 1 + more;
			continue;
		}
		if (name_stops(c, i, k))
			break;
		size_t n = yg_phrase(c, k, YG_LEX_COMPOUND, NULL);
		k += n ? n : 1;
	}
	return k - i;
}

/* "Luật sửa đổi, bổ sung một số điều của Luật A và Luật B": the length of
 * the part before the laws it amends (its mention), and of the whole
 * title (*title_end), or 0. */
static size_t scan_amending(const yg_ctx *c, size_t i, size_t *title_end)
{
	const yg_document *d = c->d;
	size_t a = yg_role_at(c, i, YG_ROLE_AMENDED);
	if (!a)
		return 0;
	size_t k = i + a;
	while (k < i + MAX_NAME && yg_tok_live(d, k) && !yg_role_at(c, k, YG_ROLE_OF) &&
	       !(d->toks.items[k].flags & YG_TOK_SENT_START) && !yg_tok_punct(d, k, '.') && !yg_tok_punct(d, k, ';'))
		k++;
	size_t of = yg_role_at(c, k, YG_ROLE_OF);
	if (!of)
		return 0;
	size_t head = k - i, j = k + of;
	/* the laws it amends, joined by "và" */
	for (;;) {
		uint32_t tc;
		size_t tn = yg_phrase(c, j, YG_LEX_DOCTYPE, &tc);
		size_t nn = tn && (yg_concept_of(c, tc)->flags & YG_CF(NAMED)) ? scan_law_name(c, j + tn) : 0;
		if (!nn)
			break;
		j += tn + nn;
		*title_end = j;
		size_t and = yg_role_at(c, j, YG_ROLE_LIST_AND);
		if (!and || !yg_phrase(c, j + and, YG_LEX_DOCTYPE, NULL))
			break;
		j += and;
	}
	return *title_end > k ? head : 0;
}

static void emit(yg_document *d, size_t i, const char *doctype, const doc_scan *s, const char *label)
{
	size_t m = yg_document_add_mention(d, (uint32_t)i, (uint32_t)s->end, YG_T_RESOLUTION, -1, label);
	yg_mention *mm = &d->mentions.items[m];
	mm->doctype = yg_document_strdup(d, doctype);
	mm->identifier = s->code;
	mm->date = s->date;
	mm->is_short = s->code == NULL && s->number != NULL;
	if (s->issuer_code) {
		mm->issuer_code = s->issuer_code;
		mm->issuer_tok = (uint32_t)s->issuer_tok;
	}
}

/* The issuer after a document at token k: "của <body>", maybe past a
 * plenum or a title before the body; a link to that body's mention. */
static void issuer_after(const yg_ctx *c, size_t doc, size_t k)
{
	yg_document *d = c->d;
	size_t of = yg_role_at(c, k, YG_ROLE_OF);
	if (!of)
		return;
	uint32_t sent = d->toks.items[k].sent;
	for (size_t j = k + of; j < k + of + ISSUER_SKIP && yg_tok_live(d, j) && d->toks.items[j].sent == sent; j++) {
		if (yg_tok_has(d, j, YG_TOK_PUNCT) && !yg_tok_punct(d, j, '-'))
			return;
		if (yg_kinds_at(c, j, 1u << YG_LEX_BODY)) {
			yg_document_cite(d, "issuer.of", (uint32_t)doc);
			yg_document_link(d, (uint32_t)doc, (int32_t)j, YG_R_ISSUED_BY, NULL, NULL);
			return;
		}
	}
}

/* "... do Ban Chấp hành Trung ương ban hành": the body between "do" and
 * an issuing verb later in the document's sentence, for the sentence's
 * first document (one cited inside its title is not the one issued). */
static void issued_by_do(const yg_ctx *c, size_t doc, size_t k)
{
	yg_document *d = c->d;
	uint32_t sent = d->toks.items[doc].sent;
	for (size_t m = d->mentions.len; m-- > 0;) {
		const yg_mention *mm = &d->mentions.items[m];
		if (d->toks.items[mm->tok_start].sent != sent)
			break;
		if (mm->type == YG_T_RESOLUTION && mm->tok_start < doc)
			return;
	}
	for (size_t j = k; j < k + 40 && yg_tok_live(d, j) && d->toks.items[j].sent == sent; j++) {
		if (yg_kinds_at(c, j, 1u << YG_LEX_DOCTYPE))
			return; /* another document: its own */
		size_t by = yg_role_at(c, j, YG_ROLE_BY);
		if (!by || !yg_kinds_at(c, j + by, 1u << YG_LEX_BODY))
			continue;
		size_t bn = yg_phrase(c, j + by, YG_LEX_BODY, NULL);
		for (size_t v = j + by + bn; v < j + by + bn + ISSUER_SKIP && d->toks.items[v].sent == sent; v++)
			if (yg_role_at(c, v, YG_ROLE_ISSUE)) {
				yg_document_cite(d, "issuer.by", (uint32_t)doc);
				yg_document_link(d, (uint32_t)doc, (int32_t)(j + by), YG_R_ISSUED_BY, NULL, NULL);
				return;
			}
		return;
	}
}

/* A document type written out at i: its mention.  Returns tokens taken. */
static size_t typed_document(yg_ctx *c, size_t i, size_t n, uint32_t tc)
{
	yg_document *d = c->d;
	const yg_concept *type = yg_concept_of(c, tc);
	const char *doctype = type->pref;
	doc_scan s;
	memset(&s, 0, sizeof s);
	size_t k = i + n, got, title_end = 0;
	k += yg_role_at(c, k, YG_ROLE_NUMBER_WORD);
	char *label = NULL;
	if ((got = scan_code(d, k, &s)) > 0) {
		yg_document_cite(d, "document.numbered", (uint32_t)i);
		k += got;
		label = yg_strjoin(doctype, " ", s.code ? s.code : s.number);
		k += scan_year(c, k);
	} else if ((got = scan_congress(c, k)) > 0) {
		yg_document_cite(d, "document.congress", (uint32_t)i);
		k += got;
		char *rest = yg_document_text(d, (uint32_t)(i + n), (uint32_t)k);
		label = yg_strjoin(doctype, " ", rest);
		free(rest);
	} else if ((type->flags & YG_CF(NAMED)) && (got = scan_amending(c, k, &title_end)) > 0) {
		yg_document_cite(d, "document.amending-law", (uint32_t)i);
		label = yg_document_text(d, (uint32_t)i, (uint32_t)title_end);
		k += got; /* the laws it amends are entities of their own */
	} else if ((type->flags & YG_CF(NAMED)) && (got = scan_law_name(c, k)) > 0) {
		yg_document_cite(d, "document.law", (uint32_t)i);
		k += got;
		label = yg_document_text(d, (uint32_t)i, (uint32_t)k);
		/* "Luật Thủ đô sửa đổi" is the same law */
		k += yg_role_at(c, k, YG_ROLE_AMENDED);
	} else {
		return 0;
	}
	size_t date_at = title_end ? title_end : k;
	size_t dn = scan_date(c, date_at, &s);
	if (!title_end)
		k += dn;
	s.end = k;
	emit(d, i, doctype, &s, label);
	issuer_after(c, i, title_end ? title_end + dn : k);
	issued_by_do(c, i, k);
	free(label);
	return k - i;
}

/* "Số: 996/QĐ-UBND": a code alone whose first letters are a document
 * type's code.  Returns tokens taken. */
static size_t bare_code(yg_ctx *c, size_t i)
{
	yg_document *d = c->d;
	doc_scan s;
	memset(&s, 0, sizeof s);
	size_t got = scan_code(d, i, &s);
	long type = -1;
	if (got > 1 && s.first_letters) {
		d->scratch.len = 0;
		yg_document_text_into(d, (uint32_t)s.first_letters, (uint32_t)(s.first_letters + 1), &d->scratch);
		type = yg_lexicon_find_code(c->lx, d->scratch.s);
	}
	if (type < 0)
		return 0;
	const char *doctype = yg_concept_of(c, (uint32_t)type)->pref;
	yg_document_cite(d, "document.bare-code", (uint32_t)i);
	char *label = yg_strjoin(doctype, " ", s.code);
	size_t k = i + got;
	k += scan_date(c, k, &s);
	s.end = k;
	emit(d, i, doctype, &s, label);
	issuer_after(c, i, k);
	free(label);
	return k - i;
}

void yg_recognize_documents(yg_ctx *c)
{
	yg_document *d = c->d;
	const yg_tokens *t = &d->toks;
	for (size_t i = 0; i < t->len; i++) {
		/* a document starts with its type or a number */
		if (!(c->kinds[i] & 1u << YG_LEX_DOCTYPE) && !(t->items[i].flags & YG_TOK_NUM))
			continue;
		uint32_t tc;
		size_t n = yg_phrase(c, i, YG_LEX_DOCTYPE, &tc), got = 0;
		if (n && (t->items[i].flags & YG_TOK_CAP))
			got = typed_document(c, i, n, tc);
		else if (!n && is_num(d, i) && !(i > 0 && is_code_sep(d, i - 1)))
			got = bare_code(c, i);
		if (got)
			i += got - 1;
	}
}
