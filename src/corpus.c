#include "corpus.h"

#include <errno.h>
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "date.h"
#include "iri.h"
#include "normalize.h"
#include "record.h"
#include "trie.h"

struct yg_corpus {
	yg_pathlist paths;
	char **ids;           /* document id of each path (not JSON Lines) */
	size_t next;          /* next path */
	int jsonl, strict, stopped, deferred;
	yg_report_fn report;
	void *ctx;
	FILE *fh;             /* open JSON Lines file */
	const char *fh_path;
	size_t line;
	char *linebuf;        /* the record being read */
	size_t linecap;
	char *rbuf;           /* read-ahead of the open file */
	size_t rpos, rlen;
	size_t total, done;
};

enum { READ_AHEAD = 1 << 20 };

void yg_item_free(yg_item *it)
{
	free(it->id);
	free(it->where);
	free(it->bytes);
	free(it->date);
	free(it->url);
	free(it->title);
	free(it->record);
	memset(it, 0, sizeof *it);
}

yg_corpus *yg_corpus_new(yg_pathlist *paths, int jsonl, int strict,
                         yg_report_fn report, void *ctx)
{
	yg_corpus *c = yg_xcalloc(1, sizeof *c);
	c->paths = *paths;
	memset(paths, 0, sizeof *paths);
	c->jsonl = jsonl;
	c->strict = strict;
	c->report = report;
	c->ctx = ctx;
	if (!jsonl)
		c->ids = yg_doc_ids(&c->paths);
	for (size_t i = 0; i < c->paths.len; i++) {
		struct stat st;
		if (strcmp(c->paths.items[i], "-") != 0 && stat(c->paths.items[i], &st) == 0)
			c->total += (size_t)st.st_size;
	}
	return c;
}

void yg_corpus_free(yg_corpus *c)
{
	if (!c)
		return;
	if (c->fh && c->fh != stdin)
		fclose(c->fh);
	free(c->linebuf);
	free(c->rbuf);
	for (size_t i = 0; c->ids && i < c->paths.len; i++)
		free(c->ids[i]);
	free(c->ids);
	yg_pathlist_free(&c->paths);
	free(c);
}

size_t yg_corpus_total_bytes(const yg_corpus *c) { return c->total; }
size_t yg_corpus_done_bytes(const yg_corpus *c) { return c->done; }

static void problem(yg_corpus *c, yg_status st, const char *where, const char *msg)
{
	yg_diag d;
	yg_diag_set(&d, st, where, "%s", msg);
	if (c->report)
		c->report(c->ctx, &d);
}

/* The string value of key, taken out of the parsed record (cJSON
 * allocates with malloc unless hooks say otherwise, and we set none), so
 * the article text is not copied again; NULL when absent. */
static char *take_string(cJSON *obj, const char *key)
{
	cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
	if (!cJSON_IsString(v))
		return NULL;
	char *s = v->valuestring;
	v->valuestring = NULL;
	return s;
}

/* cJSON decodes \u0000 into a NUL that would silently cut the string:
 * find an unescaped \u0000 in the raw line instead. */
static int has_nul_escape(const char *line, size_t n)
{
	for (const char *p = line; (p = memmem(p, n - (size_t)(p - line), "\\u0000", 6)) != NULL; p++) {
		size_t at = (size_t)(p - line), slashes = 0;
		while (slashes < at && line[at - slashes - 1] == '\\')
			slashes++;
		if (slashes % 2 == 0)
			return 1;
	}
	return 0;
}

/* A key that appears twice makes the record ambiguous.  Keys are
 * interned one by one (a record of 80,000 keys compared pairwise took
 * 25 s). */
static const char *duplicate_key(const cJSON *obj)
{
	yg_keytab *kt = yg_keytab_new();
	uint32_t next = 1;
	const char *dup = NULL;
	for (const cJSON *a = obj->child; a && !dup; a = a->next)
		if (yg_keytab_intern(kt, a->string, strlen(a->string)) != next++)
			dup = a->string;
	yg_keytab_free(kt);
	return dup;
}

static const char *const fields[] = {"id", "text", "date", "url", "title"};

/* What is wrong with the metadata fields (types, UTF-8, an empty id), or
 * NULL.  The text itself is checked as any document's is. */
static const char *field_problem(const cJSON *obj, char *msg, size_t cap)
{
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, fields[i]);
		if (!v || (i >= 2 && cJSON_IsNull(v)))
			continue;
		if (!cJSON_IsString(v)) {
			snprintf(msg, cap, "malformed record: \"%s\" must be a string", fields[i]);
			return msg;
		}
		size_t n = strlen(v->valuestring), bad = i == 1 ? n : yg_utf8_invalid_at(v->valuestring, n);
		if (bad != n) {
			snprintf(msg, cap, "malformed record: \"%s\" is not valid UTF-8 (byte %zu of the value)",
			         fields[i], bad);
			return msg;
		}
	}
	const char *id = cJSON_GetObjectItemCaseSensitive(obj, "id")->valuestring;
	if (id[strspn(id, " \t\r\n")] == '\0')
		return "malformed record: \"id\" is empty (every article needs its own id)";
	for (const unsigned char *p = (const unsigned char *)id; *p; p++)
		if (*p < 0x20 || *p == 0x7F || (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F))
			return "malformed record: \"id\" holds a control character";
	return NULL;
}

/* A record's "date" as xsd:date, or why not.  A timestamp
 * ("2025-03-01T08:00:00Z") gives its day. */
static const char *take_date(cJSON *obj, yg_item *it, char *msg, size_t cap)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, "date");
	if (!cJSON_IsString(v))
		return NULL;
	it->date = yg_date_from_timestamp(v->valuestring);
	if (it->date)
		return NULL;
	char *shown = yg_text_printable(v->valuestring, 40);
	snprintf(msg, cap, "malformed record: \"date\" is not a calendar date YYYY-MM-DD: \"%s\"", shown);
	free(shown);
	return msg;
}

/* A record's "url" as an IRI (what an IRI cannot hold percent-encoded),
 * or why not. */
static const char *take_url(cJSON *obj, yg_item *it, char *msg, size_t cap)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, "url");
	if (!cJSON_IsString(v) || v->valuestring[0] == '\0')
		return NULL;
	char *iri = yg_iri_repair(v->valuestring);
	if (yg_iri_valid(iri)) {
		it->url = iri;
		return NULL;
	}
	free(iri);
	char *shown = yg_text_printable(v->valuestring, 60);
	snprintf(msg, cap, "malformed record: \"url\" is not an absolute IRI (RFC 3987): \"%s\"", shown);
	free(shown);
	return msg;
}

/* What is wrong with a parsed record, or NULL.  flat: parsed by
 * yg_record_parse_flat, which takes no \u0000. */
static const char *record_problem(const cJSON *obj, int flat, const char *line, size_t n, char *msg,
                                  size_t cap)
{
	const char *dup;
	if (!cJSON_IsObject(obj))
		return "malformed record: not a JSON object";
	if ((dup = duplicate_key(obj)) != NULL) {
		snprintf(msg, cap, "malformed record: key \"%.100s\" appears twice", dup);
		return msg;
	}
	if (!cJSON_IsString(cJSON_GetObjectItemCaseSensitive(obj, "id")) ||
	    !cJSON_IsString(cJSON_GetObjectItemCaseSensitive(obj, "text")))
		return "malformed record: \"id\" and \"text\" must be strings";
	if (!flat && has_nul_escape(line, n))
		return "malformed record: a NUL character (\\u0000): binary data is not a text document";
	return field_problem(obj, msg, cap);
}

/* 1-based column, in characters, of byte offset `off`. */
static size_t column(const char *line, size_t off)
{
	size_t col = 1;
	for (size_t i = 0; i < off; i++)
		col += ((unsigned char)line[i] & 0xC0) != 0x80;
	return col;
}

/* One JSON Lines record (line[n] is the NUL that ends it) into *it, or
 * what is wrong with it in *msg (NULL when nothing is). */
static const char *parse_json(const char *line, size_t n, yg_item *it, char *msg, size_t cap)
{
	const char *end = NULL;
	const char *nul = memchr(line, '\0', n);
	if (nul) {
		/* cJSON would stop there and take the record as ending early */
		snprintf(msg, cap, "malformed record: a NUL byte (column %zu): binary data is not a text document",
		         column(line, (size_t)(nul - line)));
		return msg;
	}
	cJSON *obj = yg_record_parse_flat(line, n);
	int flat = obj != NULL;
	if (!obj)
		obj = cJSON_ParseWithLengthOpts(line, n + 1, &end, 1);
	const char *bad;
	if (!obj) {
		snprintf(msg, cap, "malformed JSON record (column %zu)",
		         column(line, end && end >= line && end <= line + n ? (size_t)(end - line) : 0));
		bad = msg;
	} else {
		bad = record_problem(obj, flat, line, n, msg, cap);
	}
	if (!bad && !(bad = take_date(obj, it, msg, cap)) && !(bad = take_url(obj, it, msg, cap))) {
		it->id = take_string(obj, "id");
		yg_text_replace_nonchars(it->id, strlen(it->id));
		it->bytes = take_string(obj, "text");
		it->len = strlen(it->bytes);
		char *title = take_string(obj, "title");
		it->title = title ? yg_text_clean_line(title) : NULL;
		free(title);
	}
	if (bad) {
		free(it->date);
		free(it->url);
		it->date = it->url = NULL;
	}
	cJSON_Delete(obj);
	return bad;
}

static char *record_where(const yg_corpus *c)
{
	char where[1024];
	snprintf(where, sizeof where, "%s:%zu", c->fh_path, c->line);
	return yg_xstrdup(where);
}

/* One record read in order: parsed now (reported when malformed, returns
 * 0), or kept for yg_item_parse when parsing is deferred. */
static int take_record(yg_corpus *c, const char *line, size_t n, yg_item *it)
{
	it->where = record_where(c);
	if (c->deferred) {
		it->record = yg_xstrndup(line, n);
		it->record_len = n;
		it->strict = c->strict;
		return 1;
	}
	char msg[300];
	const char *bad = parse_json(line, n, it, msg, sizeof msg);
	if (bad) {
		problem(c, YG_ERR_DATA, it->where, bad);
		yg_item_free(it);
		return 0;
	}
	return 1;
}

yg_status yg_item_parse(yg_item *it, yg_diag *d)
{
	char msg[300];
	const char *bad = parse_json(it->record, it->record_len, it, msg, sizeof msg);
	free(it->record);
	it->record = NULL;
	if (bad)
		return yg_diag_set(d, YG_ERR_DATA, it->where, "%s", bad);
	return YG_OK;
}

void yg_corpus_defer_parsing(yg_corpus *c)
{
	c->deferred = 1;
}

/* The next line of the open file into c->linebuf (with its newline), read
 * ahead a megabyte at a time so that no line is held whole when it is
 * over the document limit: returns its length, -1 at the end of the file,
 * -2 for a line over YG_MAX_DOC_BYTES (read past and dropped). */
static ssize_t read_line(yg_corpus *c)
{
	if (!c->rbuf)
		c->rbuf = yg_xmalloc(READ_AHEAD);
	size_t len = 0;
	int over = 0, any = 0;
	for (;;) {
		if (c->rpos == c->rlen) {
			c->rpos = 0;
			c->rlen = fread(c->rbuf, 1, READ_AHEAD, c->fh);
			if (c->rlen == 0)
				break;
		}
		any = 1;
		char *start = c->rbuf + c->rpos;
		char *nl = memchr(start, '\n', c->rlen - c->rpos);
		size_t take = nl ? (size_t)(nl - start) + 1 : c->rlen - c->rpos;
		if (!over && len + take > YG_MAX_DOC_BYTES)
			over = 1;
		if (!over) {
			if (len + take + 1 > c->linecap) {
				size_t cap = c->linecap ? c->linecap : 4096;
				while (cap < len + take + 1)
					cap *= 2;
				c->linebuf = yg_xrealloc(c->linebuf, cap);
				c->linecap = cap;
			}
			memcpy(c->linebuf + len, start, take);
			len += take;
		}
		c->rpos += take;
		c->done += take;
		if (nl)
			break;
	}
	if (!any)
		return -1;
	return over ? -2 : (ssize_t)len;
}

/* Next record of the open JSON Lines file: 1 got one, 0 none left in it,
 * -1 a malformed (or too large) record was skipped. */
static int next_record(yg_corpus *c, yg_item *it)
{
	for (;;) {
		ssize_t n = read_line(c);
		if (n == -1)
			return 0;
		c->line++;
		if (n == -2) {
			char *where = record_where(c);
			yg_diag d;
			yg_diag_set(&d, YG_ERR_LIMIT, where, "record larger than %zu MiB; split it",
			            YG_MAX_DOC_BYTES >> 20);
			if (c->report)
				c->report(c->ctx, &d);
			free(where);
			return -1;
		}
		while (n > 0 && (c->linebuf[n - 1] == '\n' || c->linebuf[n - 1] == '\r'))
			n--;
		c->linebuf[n] = '\0';
		if (n == 0)
			continue; /* blank lines separate nothing */
		return take_record(c, c->linebuf, (size_t)n, it) ? 1 : -1;
	}
}

static int next_jsonl(yg_corpus *c, yg_item *it, yg_status *st)
{
	for (;;) {
		if (!c->fh) {
			if (c->next >= c->paths.len)
				return 1;
			c->fh_path = c->paths.items[c->next++];
			c->fh = strcmp(c->fh_path, "-") == 0 ? stdin : fopen(c->fh_path, "rb");
			c->line = 0;
			c->rpos = c->rlen = 0;
			if (!c->fh) {
				problem(c, YG_ERR_IO, c->fh_path, strerror(errno));
				*st = YG_ERR_IO;
				return 0;
			}
		}
		int r = next_record(c, it);
		if (r > 0) {
			*st = YG_OK;
			return 0;
		}
		if (r < 0) {
			*st = YG_ERR_DATA;
			if (c->strict) {
				c->stopped = 1;
				return 1;
			}
			return 0;
		}
		if (ferror(c->fh))
			problem(c, YG_ERR_IO, c->fh_path, "read error");
		if (c->fh != stdin)
			fclose(c->fh);
		c->fh = NULL;
	}
}

int yg_corpus_next(yg_corpus *c, yg_item *it, yg_status *st)
{
	memset(it, 0, sizeof *it);
	*st = YG_OK;
	if (c->stopped)
		return 1;
	if (c->jsonl)
		return next_jsonl(c, it, st);
	if (c->next >= c->paths.len)
		return 1;
	size_t at = c->next++;
	const char *path = c->paths.items[at];
	yg_diag d = {0};
	*st = yg_read_file(path, &it->bytes, &it->len, &d);
	if (*st != YG_OK) {
		if (c->report)
			c->report(c->ctx, &d);
		return 0;
	}
	c->done += it->len;
	it->id = c->ids[at];
	c->ids[at] = NULL;
	it->where = yg_xstrdup(path);
	return 0;
}
