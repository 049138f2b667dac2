#include "pipeline.h"

#include <string.h>

#include "buf.h"

#include "boilerplate.h"
#include "docdate.h"
#include "match.h"
#include "recognize.h"
#include "relate.h"
#include "resolve.h"

/* "date YYYY-MM-DD " in full: a shorter one ("date 2025-07 ...") is
 * part of the headline, and skipping 16 bytes of it would cut a
 * character in two. */
static int metadata_prefix(const char *s)
{
	static const char shape[] = "date 0000-00-00 ";
	for (size_t i = 0; i < sizeof shape - 1; i++)
		if (shape[i] == '0' ? !(s[i] >= '0' && s[i] <= '9') : s[i] != shape[i])
			return 0;
	return 1;
}

/* The headline of a plain-text article: its first content line (page
 * furniture such as breadcrumbs is masked already), without a metadata
 * prefix ("date 2026-02-26 "), at most 300 bytes. */
static char *first_line(const yg_document *d)
{
	for (size_t li = 0; li < d->toks.nlines; li++) {
		const yg_line *l = &d->toks.lines[li];
		if (l->masked || l->tok_first == l->tok_end)
			continue;
		uint32_t a = d->toks.items[l->tok_first].start, b = d->toks.items[l->tok_end - 1].end;
		if (b - a > 16 && metadata_prefix(d->text.s + a))
			a += 16;
		while (a < b && d->text.s[a] == ' ')
			a++;
		if (b - a > 300) {
			b = a + 300;
			while (b > a && ((unsigned char)d->text.s[b] & 0xC0) == 0x80)
				b--;
		}
		return b > a ? yg_xstrndup(d->text.s + a, b - a) : NULL;
	}
	return NULL;
}

yg_status yg_document_process(yg_document *d, const char *bytes, size_t len,
                              const yg_pipeline_opts *o, yg_diag *diag)
{
	if (len == 0)
		return yg_diag_set(diag, YG_ERR_DATA, d->path, "empty document");
	yg_status st = yg_text_normalize(bytes, len, o->encoding, d->path, &d->text, diag);
	if (st != YG_OK)
		return st;
	if (d->text.len > UINT32_MAX / 2)
		return yg_diag_set(diag, YG_ERR_LIMIT, d->path, "document too large");
	yg_tokenize(d->text.s, d->text.len, NULL, yg_lexicon_keys(o->lexicon), &d->toks);
	if (d->toks.len == 0)
		return yg_diag_set(diag, YG_ERR_DATA, d->path, "document has no text (only white space)");
	size_t nabbrev;
	const uint32_t *abbrev = yg_lexicon_role_keys(o->lexicon, YG_ROLE_ABBREVIATION, &nabbrev);
	yg_segment_sentences(d->text.s, &d->toks, abbrev, nabbrev);
	yg_boilerplate_mask(d->text.s, &d->toks, o->lexicon);
	yg_phrases *px = yg_phrases_new(&d->toks, o->lexicon);
	yg_ctx c = yg_ctx_make(d, o->lexicon, px);
	if (!d->title)
		d->title = first_line(d);
	/* the date decides which names are in force (renamed provinces) */
	if (!d->date)
		d->date = yg_find_date(&c);
	yg_recognize(&c);
	yg_resolve(&c);
	yg_relate(&c);
	yg_phrases_free(px);
	return YG_OK;
}
