/* write_table.c — the merged entity list for people and for grep:
 * aligned table, TSV, CSV or JSON Lines; columns type, label, IRI,
 * mentions, documents, aliases (lists joined with "|"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "buf.h"
#include "json.h"
#include "normalize.h"
#include "write.h"

static int wanted(const yg_write_opts *o, const yg_node *n)
{
	return !o->type_mask || (o->type_mask & (1u << n->type));
}

/* Lists in one cell (documents, aliases) are joined with one separator
 * in TSV and CSV alike; JSON Lines keeps them as arrays. */
#define LIST_SEP "|"

static char *join(const yg_strlist *l)
{
	yg_buf b;
	yg_buf_init(&b);
	yg_buf_puts(&b, "");
	for (size_t i = 0; i < l->len; i++) {
		if (i)
			yg_buf_puts(&b, LIST_SEP);
		yg_buf_puts(&b, l->items[i]);
	}
	return yg_buf_take(&b);
}

/* A cell a spreadsheet would run as a formula (OWASP, "CSV injection"):
 * it is written after a ' unless --raw-cells. */
static int formula_start(const char *s)
{
	return *s && strchr("=+-@\t\r", *s) != NULL;
}

/* TSV fields cannot hold tabs or newlines: replace them with spaces.  A
 * field that starts with '"' is quoted as csv readers (Python's, pandas,
 * spreadsheets) would otherwise read it: "..." with "" inside. */
static void tsv_field(yg_buf *b, const char *s, int raw)
{
	if (!raw && formula_start(s))
		yg_buf_putc(b, '\'');
	int quote = *s == '"';
	if (quote)
		yg_buf_putc(b, '"');
	for (; *s; s++) {
		char c = (*s == '\t' || *s == '\n' || *s == '\r') ? ' ' : *s;
		if (quote && c == '"')
			yg_buf_putc(b, '"');
		yg_buf_putc(b, c);
	}
	if (quote)
		yg_buf_putc(b, '"');
}

static void csv_field(yg_buf *b, const char *s, int raw)
{
	yg_buf_putc(b, '"');
	if (!raw && formula_start(s))
		yg_buf_putc(b, '\'');
	for (; *s; s++) {
		if (*s == '"')
			yg_buf_putc(b, '"');
		yg_buf_putc(b, *s);
	}
	yg_buf_putc(b, '"');
}

static void row_sv(yg_buf *b, const yg_node *n, int csv, int raw)
{
	char count[32];
	snprintf(count, sizeof count, "%zu", n->mentions);
	char *docs = join(&n->docs), *aliases = join(&n->aliases);
	const char *cells[] = {yg_etype_name((yg_etype)n->type), n->label, n->iri, count, docs, aliases};
	for (size_t i = 0; i < sizeof cells / sizeof cells[0]; i++) {
		if (i)
			yg_buf_putc(b, csv ? ',' : '\t');
		if (csv)
			csv_field(b, cells[i], raw);
		else
			tsv_field(b, cells[i], raw);
	}
	yg_buf_puts(b, csv ? "\r\n" : "\n");
	free(docs);
	free(aliases);
}

static void row_jsonl(yg_buf *b, const yg_node *n)
{
	yg_buf_puts(b, "{\"type\":");
	yg_json_str(b, yg_etype_name((yg_etype)n->type));
	yg_buf_puts(b, ",\"label\":");
	yg_json_str(b, n->label);
	yg_buf_puts(b, ",\"iri\":");
	yg_json_str(b, n->iri);
	yg_buf_puts(b, ",\"aliases\":[");
	for (size_t i = 0; i < n->aliases.len; i++) {
		if (i)
			yg_buf_putc(b, ',');
		yg_json_str(b, n->aliases.items[i]);
	}
	yg_buf_printf(b, "],\"mentions\":%zu,\"documents\":[", n->mentions);
	for (size_t i = 0; i < n->docs.len; i++) {
		if (i)
			yg_buf_putc(b, ',');
		yg_json_str(b, n->docs.items[i]);
	}
	yg_buf_puts(b, "]");
	if (n->identifier) {
		yg_buf_puts(b, ",\"identifier\":");
		yg_json_str(b, n->identifier);
	}
	yg_buf_puts(b, "}\n");
}

/* s cut to `width` display columns (code points: Vietnamese letters are
 * one column each in NFC), the cut marked with "…", then padded with
 * spaces to `width` unless last. */
static void pad_cut(yg_buf *b, const char *s, size_t width, int last)
{
	size_t n = strlen(s), cps = yg_utf8_count(s, n);
	if (cps > width && width > 0) {
		size_t i = 0;
		for (size_t k = 0; k + 1 < width; k++)
			yg_utf8_next(s, &i);
		yg_buf_add(b, s, i);
		yg_buf_puts(b, "…");
		return;
	}
	yg_buf_puts(b, s);
	for (size_t w = cps; !last && w < width; w++)
		yg_buf_putc(b, ' ');
}

static void pad(yg_buf *b, const char *s, size_t width)
{
	pad_cut(b, s, width, 0);
}

/* Columns of the terminal fh writes to, or 0 when it is not one (a file
 * or a pipe gets the whole table). */
static size_t terminal_width(FILE *fh)
{
	struct winsize ws;
	if (!fh || !isatty(fileno(fh)))
		return 0;
	if (ioctl(fileno(fh), TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	const char *cols = getenv("COLUMNS");
	return cols && atoi(cols) > 0 ? (size_t)atoi(cols) : 80;
}

static void write_aligned(yg_buf *b, const yg_graph *g, const yg_write_opts *o, size_t cols)
{
	const char *head[] = {"TYPE", "LABEL", "MENTIONS", "DOCUMENTS", "IRI"};
	size_t width[5];
	for (size_t c = 0; c < 5; c++)
		width[c] = strlen(head[c]);
	for (size_t i = 0; i < yg_graph_node_count(g); i++) {
		const yg_node *n = yg_graph_node(g, i);
		if (!wanted(o, n))
			continue;
		size_t tw = strlen(yg_etype_name((yg_etype)n->type));
		size_t lw = yg_utf8_count(n->label, strlen(n->label));
		if (tw > width[0]) width[0] = tw;
		if (lw > width[1]) width[1] = lw;
	}
	/* On a terminal no line is wider than it: the label column gives up
	 * what the IRI needs beyond 24 columns, both cut with "…". */
	size_t fixed = width[0] + 2 + 2 + 8 + 2 + 9 + 2, iri_width = (size_t)-1;
	if (cols) {
		size_t room = cols > fixed ? cols - fixed : 0;
		if (width[1] + 24 > room)
			width[1] = room > 24 + 12 ? room - 24 : (room > 24 ? 12 : room / 2);
		iri_width = room > width[1] ? room - width[1] : 1;
	}
	for (size_t c = 0; c < 4; c++) {
		pad(b, head[c], c == 2 ? 8 : width[c]);
		yg_buf_puts(b, "  ");
	}
	pad_cut(b, head[4], iri_width, 1);
	yg_buf_putc(b, '\n');
	for (size_t i = 0; i < yg_graph_node_count(g); i++) {
		const yg_node *n = yg_graph_node(g, i);
		if (!wanted(o, n))
			continue;
		pad(b, yg_etype_name((yg_etype)n->type), width[0]);
		yg_buf_puts(b, "  ");
		pad(b, n->label, width[1]);
		yg_buf_printf(b, "  %8zu  %9zu  ", n->mentions, n->docs.len);
		pad_cut(b, n->iri, iri_width, 1);
		yg_buf_putc(b, '\n');
	}
}

yg_status yg_write_entities(const yg_graph *g, const yg_writer *w, const yg_write_opts *o,
                            FILE *fh, yg_diag *d)
{
	const char *fmt = o->table_format ? o->table_format : w->arg;
	yg_buf b;
	yg_buf_init(&b);
	yg_buf_puts(&b, "");
	if (strcmp(fmt, "table") == 0) {
		write_aligned(&b, g, o, terminal_width(fh));
	} else {
		int csv = strcmp(fmt, "csv") == 0, jsonl = strcmp(fmt, "jsonl") == 0;
		if (!jsonl && o->bom)
			yg_buf_puts(&b, "\xEF\xBB\xBF"); /* how a spreadsheet knows the file is UTF-8 */
		if (!jsonl)
			yg_buf_puts(&b, csv ? "\"type\",\"label\",\"iri\",\"mentions\",\"documents\",\"aliases\"\r\n"
			                    : "type\tlabel\tiri\tmentions\tdocuments\taliases\n");
		for (size_t i = 0; i < yg_graph_node_count(g); i++) {
			const yg_node *n = yg_graph_node(g, i);
			if (!wanted(o, n))
				continue;
			if (jsonl)
				row_jsonl(&b, n);
			else
				row_sv(&b, n, csv, o->raw_cells);
		}
	}
	size_t len = b.len, put = fwrite(b.s, 1, len, fh);
	yg_buf_free(&b);
	if (put != len)
		return yg_diag_set(d, YG_ERR_IO, o->path, "write failed");
	return YG_OK;
}
