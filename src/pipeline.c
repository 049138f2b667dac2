#include "pipeline.h"

#include <string.h>

#include "buf.h"

#include "boilerplate.h"
#include "recognize.h"
#include "relate.h"
#include "resolve.h"

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
		/* the prefix's date may be partial ("date 2021-11 "): skip to
		 * the space after it, never into the middle of a character */
		if (b - a > 10 && strncmp(d->text.s + a, "date ", 5) == 0 && d->text.s[a + 9] == '-') {
			a += 5;
			while (a < b && d->text.s[a] != ' ')
				a++;
		}
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
	yg_segment_sentences(d->text.s, &d->toks);
	yg_boilerplate_mask(d->text.s, &d->toks, o->lexicon);
	d->keys = yg_lexicon_keys(o->lexicon);
	yg_match_index(d, o->lexicon);
	if (!d->title)
		d->title = first_line(d);
	/* the date decides which names are in force (renamed provinces) */
	if (!d->date)
		d->date = yg_find_date(d);
	yg_recognize(d, o->lexicon);
	yg_resolve(d, o->lexicon);
	yg_relate(d, o->lexicon);
	return YG_OK;
}
