/* fuzz_jsonl.c — libFuzzer harness: one JSON Lines record (id, text,
 * date, url, title) through the reader, the pipeline and every RDF and
 * entity-list writer, each output read back by a strict parser.
 *
 *   bytes -> yg_item_parse (the --jsonl reader's record check)
 *         -> yg_document_process with the record's metadata
 *         -> yg_graph_add_document + yg_graph_finish
 *         -> Turtle, N-Triples, RDF/XML (writer table), N-Quads
 *            (yg_quads), entity lists TSV, CSV, JSON Lines, extract JSON
 *
 * Checks (abort() on failure):
 *   - a refused record has a message naming its place;
 *   - an accepted record's id, title and url are valid UTF-8, the date is
 *     a calendar date, the url an IRI (RFC 3987, yg_iri_valid);
 *   - every RDF output parses with raptor2's parser for its syntax with no
 *     error, and every xsd:date literal in it is a calendar date;
 *   - the entity CSV is RFC 4180 (every row 6 fields, quotes balanced), the
 *     TSV has 6 fields a line and no field a csv reader would take as
 *     quoted, no CSV/TSV cell starts with = + - @ (formula neutralising);
 *   - the entity JSON Lines and the extract record parse with cJSON.
 * The lexicon is loaded once per process; SVG, DOT and Python's csv are
 * checked outside the fuzzer by fuzz/check_outputs.sh over the corpus.
 */
#include <cjson/cJSON.h>
#include <raptor2.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_NAME "fuzz_jsonl"
#include "fuzz.h"

#include "buf.h"
#include "corpus.h"
#include "date.h"
#include "document.h"
#include "graph.h"
#include "iri.h"
#include "lexicon.h"
#include "normalize.h"
#include "pipeline.h"
#include "write.h"
#include "write_extract.h"

static yg_lexicon *lexicon;
static raptor_world *world;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	lexicon = fuzz_lexicon();
	world = raptor_new_world();
	raptor_world_open(world);
	return 0;
}

/* ---- RDF read back ---- */

typedef struct {
	int errors, bad_dates;
	char first[300];
} parsed;

static void on_log(void *ctx, raptor_log_message *m)
{
	parsed *p = ctx;
	if (m->level >= RAPTOR_LOG_LEVEL_ERROR && !p->errors++)
		snprintf(p->first, sizeof p->first, "line %d: %s", m->locator ? m->locator->line : -1,
		         m->text ? m->text : "?");
}

static void on_statement(void *ctx, raptor_statement *st)
{
	parsed *p = ctx;
	const raptor_term *o = st->object;
	if (o->type != RAPTOR_TERM_TYPE_LITERAL || !o->value.literal.datatype)
		return;
	const char *dt = (const char *)raptor_uri_as_string(o->value.literal.datatype);
	int y, m, d;
	if (strcmp(dt, "http://www.w3.org/2001/XMLSchema#date") == 0 &&
	    !yg_date_parse_iso((const char *)o->value.literal.string, &y, &m, &d))
		p->bad_dates++;
}

static void parse_back(const char *syntax, const char *text, size_t len)
{
	parsed p = {0};
	raptor_world_set_log_handler(world, &p, on_log);
	raptor_parser *rp = raptor_new_parser(world, syntax);
	CHECK(rp != NULL, "no %s parser", syntax);
	raptor_parser_set_statement_handler(rp, &p, on_statement);
	raptor_uri *base = raptor_new_uri(world, (const unsigned char *)"https://example.org/");
	raptor_parser_parse_start(rp, base);
	raptor_parser_parse_chunk(rp, (const unsigned char *)text, len, 1);
	raptor_free_parser(rp);
	raptor_free_uri(base);
	raptor_world_set_log_handler(world, NULL, NULL);
	if (p.errors)
		fprintf(stderr, "%.*s\n", (int)(len > 4000 ? 4000 : len), text);
	CHECK(p.errors == 0, "%s output does not parse: %s", syntax, p.first);
	CHECK(p.bad_dates == 0, "%s output has %d xsd:date literal(s) not in the calendar", syntax, p.bad_dates);
}

/* ---- writers into memory ---- */

static char *write_with(const yg_graph *g, const char *writer, const char *table, size_t *len)
{
	char *out = NULL;
	FILE *fh = open_memstream(&out, len);
	const yg_writer *w = yg_writer_by_name(writer);
	yg_write_opts o = {0};
	o.path = "fuzz";
	o.table_format = table;
	yg_diag d = {0};
	yg_status st = w->fn(g, w, &o, fh, &d);
	fclose(fh);
	CHECK(st == YG_OK, "%s writer failed: %s", writer, d.msg);
	return out;
}

static void check_rdf(const yg_graph *g, const yg_document *doc)
{
	static const struct {
		const char *writer, *parser;
	} rdf[] = {{"turtle", "turtle"}, {"ntriples", "ntriples"}, {"rdfxml", "rdfxml"}};
	for (size_t i = 0; i < sizeof rdf / sizeof rdf[0]; i++) {
		size_t len;
		char *text = write_with(g, rdf[i].writer, NULL, &len);
		parse_back(rdf[i].parser, text, len);
		free(text);
	}
	yg_quads *q = yg_quads_new(NULL, NULL);
	yg_diag d = {0};
	CHECK(yg_quads_add(q, g, doc, &d) == YG_OK, "N-Quads: %s", d.msg);
	char *out = NULL;
	size_t len;
	FILE *fh = open_memstream(&out, &len);
	CHECK(yg_quads_finish(q, g, fh, &d) == YG_OK, "N-Quads: %s", d.msg);
	fclose(fh);
	yg_quads_free(q);
	parse_back("nquads", out, len);
	free(out);
}

/* A cell a spreadsheet would run as a formula. */
static int formula(const char *cell, size_t n)
{
	return n > 0 && strchr("=+-@", cell[0]) != NULL;
}

/* RFC 4180: quoted fields, "" inside, CRLF rows, `fields` per row. */
static void check_csv(const char *s, size_t n, int fields)
{
	size_t i = 0, row = 0;
	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < n) {
		int f = 0;
		for (;;) {
			size_t start = i;
			if (i < n && s[i] == '"') {
				for (i++;; i++) {
					CHECK(i < n, "CSV row %zu: unterminated quote", row);
					if (s[i] == '"') {
						if (i + 1 < n && s[i + 1] == '"')
							i++;
						else
							break;
					}
				}
				i++;
				CHECK(!formula(s + start + 1, i - start - 2) || row == 0, "CSV row %zu: formula cell", row);
			} else {
				for (; i < n && s[i] != ',' && s[i] != '\r' && s[i] != '\n'; i++)
					CHECK(s[i] != '"', "CSV row %zu: quote inside an unquoted field", row);
				CHECK(!formula(s + start, i - start) || row == 0, "CSV row %zu: formula cell", row);
			}
			f++;
			if (i < n && s[i] == ',') {
				i++;
				continue;
			}
			break;
		}
		CHECK(i + 1 < n + 1 && s[i] == '\r' && s[i + 1] == '\n', "CSV row %zu: no CRLF at its end", row);
		i += 2;
		CHECK(f == fields, "CSV row %zu: %d fields, not %d", row, f, fields);
		row++;
	}
}

static void check_tsv(const char *s, size_t n, int fields)
{
	size_t row = 0;
	for (size_t i = 0; i < n; row++) {
		const char *nl = memchr(s + i, '\n', n - i);
		CHECK(nl != NULL, "TSV row %zu: no newline at its end", row);
		size_t end = (size_t)(nl - s);
		int f = 1;
		for (size_t k = i; k <= end; k++) {
			if (k == i || s[k - 1] == '\t') {
				CHECK(row == 0 || !formula(s + k, end - k), "TSV row %zu: formula cell", row);
				if (s[k] == '"') { /* quoted as a csv reader reads it */
					size_t z = k + 1;
					while (z < end && s[z] != '\t')
						z++;
					CHECK(z - k >= 2 && s[z - 1] == '"', "TSV row %zu: a field starts with an unclosed quote", row);
				}
			}
			CHECK(s[k] != '\r', "TSV row %zu: a CR", row);
			if (s[k] == '\t')
				f++;
		}
		CHECK(f == fields, "TSV row %zu: %d fields, not %d", row, f, fields);
		i = end + 1;
	}
}

static void check_json_lines(const char *s, size_t n, const char *what)
{
	for (size_t i = 0; i < n;) {
		const char *nl = memchr(s + i, '\n', n - i);
		CHECK(nl != NULL, "%s: no newline at the end", what);
		cJSON *j = cJSON_ParseWithLength(s + i, (size_t)(nl - s) - i);
		CHECK(j != NULL, "%s: a line does not parse: %.200s", what, s + i);
		cJSON_Delete(j);
		i = (size_t)(nl - s) + 1;
	}
	CHECK(yg_utf8_invalid_at(s, n) == n, "%s is not valid UTF-8", what);
}

static void check_tables(const yg_graph *g)
{
	size_t len;
	char *t = write_with(g, "csv", "csv", &len);
	check_csv(t, len, 6);
	free(t);
	t = write_with(g, "tsv", "tsv", &len);
	check_tsv(t, len, 6);
	free(t);
	t = write_with(g, "jsonl", "jsonl", &len);
	check_json_lines(t, len, "entity JSON Lines");
	free(t);
}

static void check_metadata(const yg_item *it)
{
	CHECK(yg_utf8_invalid_at(it->id, strlen(it->id)) == strlen(it->id), "id not UTF-8");
	int y, m, d;
	CHECK(!it->date || yg_date_parse_iso(it->date, &y, &m, &d), "date \"%s\"", it->date);
	CHECK(!it->url || yg_iri_valid(it->url), "url \"%s\" is no IRI", it->url);
	CHECK(!it->title || yg_utf8_invalid_at(it->title, strlen(it->title)) == strlen(it->title),
	      "title not UTF-8");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (memchr(data, '\n', size))
		return 0; /* one record: the reader splits lines before parsing */
	yg_item it;
	memset(&it, 0, sizeof it);
	it.record = yg_xstrndup((const char *)data, size);
	it.record_len = size;
	/* the reader NUL-terminates the line it read: a raw NUL in it stays */
	if (size)
		memcpy(it.record, data, size);
	it.where = yg_xstrdup("fuzz.jsonl:1");
	yg_diag d = {0};
	if (yg_item_parse(&it, &d) != YG_OK) {
		CHECK(strncmp(d.msg, "fuzz.jsonl:1: ", 14) == 0, "message \"%s\"", d.msg);
		yg_item_free(&it);
		return 0;
	}
	check_metadata(&it);
	yg_document *doc = yg_document_new(it.id, it.where);
	if (it.date)
		doc->date = yg_xstrdup(it.date);
	doc->url = it.url;
	doc->title = it.title;
	it.url = it.title = NULL;
	yg_pipeline_opts po = {YG_ENC_UTF8, lexicon};
	yg_status st = yg_document_process(doc, it.bytes, it.len, &po, &d);
	yg_item_free(&it);
	if (st == YG_OK) {
		yg_graph *g = yg_graph_new(NULL, lexicon);
		yg_buf b;
		yg_buf_init(&b);
		yg_extract_jsonl(&b, doc, g);
		check_json_lines(b.s, b.len, "extract record");
		yg_buf_free(&b);
		yg_graph_add_document(g, doc);
		yg_graph_finish(g);
		check_rdf(g, doc);
		check_tables(g);
		yg_graph_free(g);
	}
	yg_document_free(doc);
	return 0;
}
