#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <graphviz/gvc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "config.h"
#include "corpus.h"
#include "date.h"
#include "engine.h"
#include "fold.h"
#include "graph.h"
#include "iri.h"
#include "lexicon.h"
#include "normalize.h"
#include "outfile.h"
#include "pipeline.h"
#include "read.h"
#include "trie.h"
#include "write.h"
#include "write_extract.h"

typedef enum { CMD_BUILD, CMD_EXTRACT, CMD_ENTITIES } command;

typedef struct {
	command cmd;
	struct {
		char **items;
		size_t len, cap;
	} outputs;
	const char *base, *data_dir, *format, *date;
	yg_encoding encoding;
	yg_write_opts wopts;
	int quiet, jsonl, strict, stream, threads, explain;
	unsigned given;        /* 1 << option index: which options were given */
	char **inputs;
	int ninputs;
} options;

static const char usage_text[] =
	"Usage: ytegraph COMMAND [OPTION]... INPUT...\n"
	"Build a knowledge graph of Vietnamese health-sector news: officials, hospitals,\n"
	"resolutions, provinces, government bodies and health facilities.\n"
	"\n"
	"Commands:\n"
	"  build      build one graph from all inputs and write it (-o, repeatable)\n"
	"  extract    print what was found, one record per document\n"
	"  entities   list the merged entities\n"
	"\n"
	"INPUT is a file, a directory (read recursively, *.txt) or - for standard input.\n"
	"A document's id is its file name without folder and extension (with as many\n"
	"parent folders as needed when two files share a name: a/x, b/x).\n"
	"\n"
	"Options:\n"
	"  -o, --output FILE      (build) write FILE; the format comes from its extension\n"
	"                         (see below). Without -o, Turtle goes to standard output\n"
	"      --base IRI         namespace of the entities (default " YG_DEFAULT_BASE ")\n"
	"      --format F         extract: jsonl (default) or text;\n"
	"                         entities: table (default), tsv, csv or jsonl\n"
	"      --explain          extract: under each entity and relation, the rule that\n"
	"                         found it and its sentence (implies --format text; JSON\n"
	"                         Lines always carry \"rule\" and \"evidence\")\n"
	"      --type T[,T]       only these entity types (entities, diagrams):\n"
	"                         Official Hospital Resolution Province GovernmentBody HealthFacility\n"
	"      --relation R[,R]   diagrams: only these relations\n"
	"                         memberOf locatedIn issuedBy mergedInto partnerOf\n"
	"      --focus LABEL|IRI  diagrams: the neighbourhood of one entity\n"
	"      --depth N          diagrams: neighbourhood depth with --focus (default 1)\n"
	"      --layout ENGINE    diagrams: graphviz engine (default dot, sfdp above 150 nodes)\n"
	"      --date YYYY-MM-DD  date of documents whose text gives none\n"
	"      --encoding ENC     input encoding: utf-8 (default) or windows-1258\n"
	"      --data-dir DIR     lexicons and gazetteer (default: installed ontology data)\n"
	"      --jsonl            inputs are JSON Lines corpora: one {\"id\", \"text\",\n"
	"                         \"date\", \"url\", \"title\"} record a line (files or -)\n"
	"      --strict           a malformed JSON Lines record stops the run (default:\n"
	"                         reported with its line number and skipped)\n"
	"      --stream           (build) write each article's N-Quads as soon as it is\n"
	"                         processed; memory stays bounded by the entity table\n"
	"                         (only .nq outputs)\n"
	"      --raw-cells        CSV/TSV entity lists: cells as they are (by default a cell\n"
	"                         starting with = + - @ is written after a ' so that a\n"
	"                         spreadsheet does not run it as a formula)\n"
	"      --bom              CSV/TSV entity lists: start with a UTF-8 byte-order mark,\n"
	"                         for spreadsheets that otherwise guess the encoding wrong\n"
	"  -j, --jobs N           process documents on N threads (same output as -j 1)\n"
	"  -q, --quiet            no progress or summary on standard error\n"
	"  -h, --help             show this help and exit\n"
	"  -V, --version          show the version and exit\n"
	"\n"
	"Output formats (by extension):\n";

static const char examples_text[] =
	"\n"
	"Examples:\n"
	"  ytegraph build -o out/graph.ttl -o out/graph.png -o out/entities.tsv examples/\n"
	"  ytegraph build --focus https://w3id.org/ytegraph/id/body/so-y-te-ha-noi --depth 2 -o hanoi.svg examples/\n"
	"  ytegraph extract --format text article.txt\n"
	"  ytegraph extract --explain article.txt\n"
	"  ytegraph entities --type Hospital,Province examples/\n"
	"  cat article.txt | ytegraph extract -\n"
	"  ytegraph build --jsonl --stream -j 2 -o graph.nq corpus.jsonl\n"
	"\n"
	"Exit status: 0 success, 1 an input or data error (the other inputs are still\n"
	"processed), 2 usage error.\n";

static void usage(FILE *fh)
{
	fputs(usage_text, fh);
	size_t n;
	const yg_writer *w = yg_writers(&n);
	for (size_t i = 0; i < n; i++)
		fprintf(fh, "  %-7s %s\n", w[i].ext, w[i].what);
	fputs(examples_text, fh);
}

static int usage_error(const char *fmt, const char *arg)
{
	fputs("ytegraph: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("\nTry 'ytegraph --help'.\n", stderr);
	return YG_EXIT_USAGE;
}

/* "A,B,C" of names → bit mask through `parse`; 0 and *bad set on error. */
static unsigned parse_mask(const char *list, int (*parse)(const char *), const char **bad)
{
	unsigned mask = 0;
	char *copy = yg_xstrdup(list), *save = NULL;
	for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		int v = parse(tok);
		if (v < 0) {
			*bad = list;
			free(copy);
			return 0;
		}
		mask |= 1u << v;
	}
	free(copy);
	return mask;
}

static int rtype_from_name(const char *name)
{
	for (int i = 0; i < YG_R_COUNT; i++)
		if (strcasecmp(name, yg_rtype_name((yg_rtype)i)) == 0)
			return i;
	return -1;
}

/* A whole decimal number from lo to hi, nothing before or after it
 * (atoi took "2x" as 2 and 4294967298 as 2). */
static int parse_number(const char *arg, long lo, long hi, int *out)
{
	char *end;
	errno = 0;
	long v = strtol(arg, &end, 10);
	if (end == arg || *end != '\0' || errno == ERANGE || v < lo || v > hi ||
	    !(*arg >= '0' && *arg <= '9'))
		return 0;
	*out = (int)v;
	return 1;
}

/* Is `name` a graphviz layout engine that computes positions?  ("nop"
 * and its kin only read positions the graph already has: they draw an
 * empty picture.) */
static int layout_known(const char *name)
{
	if (strncmp(name, "nop", 3) == 0)
		return 0;
	GVC_t *gvc = gvContext();
	int n = 0, found = 0;
	char **list = gvPluginList(gvc, "layout", &n, NULL);
	for (int i = 0; i < n; i++) {
		if (strcmp(list[i], name) == 0)
			found = 1;
		free(list[i]);
	}
	free(list);
	gvFreeContext(gvc);
	return found;
}

enum { OPT_BASE = 256, OPT_FORMAT, OPT_TYPE, OPT_RELATION, OPT_FOCUS, OPT_DEPTH,
       OPT_LAYOUT, OPT_DATE, OPT_ENCODING, OPT_DATADIR, OPT_JSONL, OPT_STRICT, OPT_STREAM,
       OPT_RAW_CELLS, OPT_BOM, OPT_EXPLAIN };

/* The bit of an option in options.given. */
static unsigned option_bit(int c)
{
	switch (c) {
	case 'o': return 1u << 28;
	case 'j': return 1u << 29;
	case 'q': return 1u << 30;
	default: return c >= OPT_BASE && c - OPT_BASE < 28 ? 1u << (c - OPT_BASE) : 0;
	}
}

/* An entity-list writer by --format name ("turtle" is no entity list). */
static const yg_writer *entity_format(const char *name)
{
	const yg_writer *w = yg_writer_by_name(name);
	return w && w->fn == yg_write_entities ? w : NULL;
}

static const struct option long_opts[] = {
	{"output", required_argument, NULL, 'o'},
	{"base", required_argument, NULL, OPT_BASE},
	{"format", required_argument, NULL, OPT_FORMAT},
	{"type", required_argument, NULL, OPT_TYPE},
	{"relation", required_argument, NULL, OPT_RELATION},
	{"focus", required_argument, NULL, OPT_FOCUS},
	{"depth", required_argument, NULL, OPT_DEPTH},
	{"layout", required_argument, NULL, OPT_LAYOUT},
	{"date", required_argument, NULL, OPT_DATE},
	{"encoding", required_argument, NULL, OPT_ENCODING},
	{"data-dir", required_argument, NULL, OPT_DATADIR},
	{"quiet", no_argument, NULL, 'q'},
	{"jsonl", no_argument, NULL, OPT_JSONL},
	{"strict", no_argument, NULL, OPT_STRICT},
	{"stream", no_argument, NULL, OPT_STREAM},
	{"raw-cells", no_argument, NULL, OPT_RAW_CELLS},
	{"bom", no_argument, NULL, OPT_BOM},
	{"explain", no_argument, NULL, OPT_EXPLAIN},
	{"jobs", required_argument, NULL, 'j'},
	{"help", no_argument, NULL, 'h'},
	{"version", no_argument, NULL, 'V'},
	{NULL, 0, NULL, 0},
};

/* Returns -1 to go on, else an exit code. */
static int parse_option(options *o, int c, const char *arg)
{
	const char *bad = NULL;
	switch (c) {
	case 'o': YG_VEC_PUSH(o->outputs, (char *)arg); break;
	case OPT_BASE: o->base = arg; break;
	case OPT_FORMAT: o->format = arg; break;
	case OPT_TYPE:
		o->wopts.type_mask = parse_mask(arg, yg_etype_from_name, &bad);
		if (bad)
			return usage_error("--type: unknown entity type in \"%s\"", bad);
		break;
	case OPT_RELATION:
		o->wopts.relation_mask = parse_mask(arg, rtype_from_name, &bad);
		if (bad)
			return usage_error("--relation: unknown relation in \"%s\"", bad);
		break;
	case OPT_FOCUS:
		if (yg_utf8_invalid_at(arg, strlen(arg)) != strlen(arg))
			return usage_error("%s", "--focus: the label is not valid UTF-8");
		o->wopts.focus = arg;
		break;
	case OPT_DEPTH:
		if (!parse_number(arg, 1, 10, &o->wopts.depth))
			return usage_error("--depth: expected a number from 1 to 10, got \"%s\"", arg);
		break;
	case OPT_LAYOUT: o->wopts.layout = arg; break;
	case OPT_DATE:
		if (!yg_date_parse_iso(arg, &(int){0}, &(int){0}, &(int){0}))
			return usage_error("--date: expected a calendar date YYYY-MM-DD, got \"%s\"", arg);
		o->date = arg;
		break;
	case OPT_ENCODING: {
		int e = yg_encoding_from_name(arg);
		if (e < 0)
			return usage_error("--encoding: unsupported encoding \"%s\" (utf-8, windows-1258)", arg);
		o->encoding = (yg_encoding)e;
		break;
	}
	case OPT_DATADIR: o->data_dir = arg; break;
	case 'q': o->quiet = 1; break;
	case OPT_JSONL: o->jsonl = 1; break;
	case OPT_STRICT: o->strict = 1; break;
	case OPT_STREAM: o->stream = 1; break;
	case OPT_RAW_CELLS: o->wopts.raw_cells = 1; break;
	case OPT_BOM: o->wopts.bom = 1; break;
	case OPT_EXPLAIN: o->explain = 1; break;
	case 'j':
		if (!parse_number(arg, 1, 256, &o->threads))
			return usage_error("--jobs: expected a number from 1 to 256, got \"%s\"", arg);
		break;
	case 'h': usage(stdout); return YG_EXIT_OK;
	case 'V': printf("ytegraph %s\n", PACKAGE_VERSION); return YG_EXIT_OK;
	}
	return -1;
}

/* getopt's '?' (unknown) or ':' (missing value) as one message. */
static int bad_option(int c, const char *arg)
{
	/* optopt names a short option; a long one is the argument itself */
	char name[3] = {'-', (char)optopt, '\0'};
	const char *shown = optopt > 0 && optopt < 128 && arg[1] != '-' ? name : arg;
	int len = (int)strcspn(shown, "=");
	fprintf(stderr, "ytegraph: %s '%.*s'\nTry 'ytegraph --help'.\n",
	        c == ':' ? "missing value for option" : "unknown option", len, shown);
	return YG_EXIT_USAGE;
}

/* Options that only some commands read: giving one to another command is
 * a usage error rather than silently ignored. */
static const struct {
	int opt;
	const char *name;
	unsigned commands; /* 1 << command */
} scoped[] = {
	{OPT_FORMAT, "--format", 1u << CMD_EXTRACT | 1u << CMD_ENTITIES},
	{OPT_TYPE, "--type", 1u << CMD_BUILD | 1u << CMD_ENTITIES},
	{OPT_RELATION, "--relation", 1u << CMD_BUILD},
	{OPT_FOCUS, "--focus", 1u << CMD_BUILD},
	{OPT_DEPTH, "--depth", 1u << CMD_BUILD},
	{OPT_LAYOUT, "--layout", 1u << CMD_BUILD},
	{OPT_STREAM, "--stream", 1u << CMD_BUILD},
	{OPT_RAW_CELLS, "--raw-cells", 1u << CMD_BUILD | 1u << CMD_ENTITIES},
	{OPT_BOM, "--bom", 1u << CMD_BUILD | 1u << CMD_ENTITIES},
	{OPT_EXPLAIN, "--explain", 1u << CMD_EXTRACT},
	{'o', "-o", 1u << CMD_BUILD},
};

static const char *const command_names[] = {"build", "extract", "entities"};

static int has_output(const options *o, yg_write_fn fn, const char *arg)
{
	for (size_t i = 0; i < o->outputs.len; i++) {
		const yg_writer *w = yg_writer_for_path(o->outputs.items[i]);
		if (w && w->fn == fn && (!arg || strcmp(w->arg, arg) == 0))
			return 1;
	}
	return 0;
}

/* Diagram options on a build that writes no diagram: said, not fatal. */
static void warn_unused(const options *o)
{
	static const struct {
		int opt;
		const char *name;
	} diagram_only[] = {
		{OPT_RELATION, "--relation"}, {OPT_FOCUS, "--focus"}, {OPT_DEPTH, "--depth"}, {OPT_LAYOUT, "--layout"},
	};
	if (o->cmd != CMD_BUILD)
		return;
	int diagram = has_output(o, yg_write_diagram, NULL);
	for (size_t i = 0; !diagram && i < sizeof diagram_only / sizeof diagram_only[0]; i++)
		if (o->given & option_bit(diagram_only[i].opt))
			fprintf(stderr, "ytegraph: warning: %s applies to diagrams (.dot .png .svg .pdf); no -o writes one\n",
			        diagram_only[i].name);
	if ((o->given & option_bit(OPT_TYPE)) && !diagram && !has_output(o, yg_write_entities, NULL))
		fputs("ytegraph: warning: --type applies to diagrams and entity lists; no -o writes one\n", stderr);
	if ((o->given & (option_bit(OPT_RAW_CELLS) | option_bit(OPT_BOM))) &&
	    !has_output(o, yg_write_entities, "csv") && !has_output(o, yg_write_entities, "tsv"))
		fputs("ytegraph: warning: --raw-cells and --bom apply to .csv and .tsv outputs; no -o writes one\n", stderr);
}

static int check_scope(const options *o)
{
	for (size_t i = 0; i < sizeof scoped / sizeof scoped[0]; i++)
		if ((o->given & option_bit(scoped[i].opt)) && !(scoped[i].commands & (1u << o->cmd))) {
			fprintf(stderr, "ytegraph: %s does not apply to '%s'", scoped[i].name, command_names[o->cmd]);
			for (int c = 0, first = 1; c < 3; c++)
				if (scoped[i].commands & (1u << c)) {
					fprintf(stderr, "%s'%s'", first ? " (only to " : " and ", command_names[c]);
					first = 0;
				}
			fputs(")\nTry 'ytegraph --help'.\n", stderr);
			return YG_EXIT_USAGE;
		}
	if ((o->given & option_bit(OPT_DEPTH)) && !o->wopts.focus)
		return usage_error("%s", "--depth is the depth around --focus: give --focus too");
	if (o->strict && !o->jsonl)
		return usage_error("%s", "--strict is about malformed JSON Lines records: give --jsonl too");
	if (o->jsonl && (o->given & option_bit(OPT_ENCODING)) && o->encoding != YG_ENC_UTF8)
		return usage_error("%s", "--encoding: JSON Lines are UTF-8 (RFC 8259); convert the file instead");
	if (o->wopts.layout && !layout_known(o->wopts.layout))
		return usage_error("--layout: \"%s\" is not a graphviz layout engine that places nodes here "
		                   "(dot, neato, fdp, sfdp, circo, twopi, osage, patchwork)", o->wopts.layout);
	warn_unused(o);
	return -1;
}

static int check_options(options *o)
{
	if (o->ninputs == 0)
		return usage_error("%s", "no INPUT given (a file, a directory or -)");
	if (o->base && !yg_base_valid(o->base))
		return usage_error("--base: \"%s\" is not an absolute IRI ending in '/' or '#'", o->base);
	for (size_t i = 0; i < o->outputs.len; i++)
		if (!yg_writer_for_path(o->outputs.items[i]))
			return usage_error("-o %s: unknown output format (see --help for extensions)", o->outputs.items[i]);
	if (o->outputs.len && o->cmd != CMD_BUILD)
		return usage_error("%s", "-o is for 'build'; 'extract' and 'entities' print to standard output");
	if (o->stream && o->cmd != CMD_BUILD)
		return usage_error("%s", "--stream is for 'build'");
	for (size_t i = 0; o->stream && i < o->outputs.len; i++)
		if (!yg_writer_for_path(o->outputs.items[i])->per_article)
			return usage_error("--stream writes N-Quads only; %s needs the whole graph (drop --stream)",
			                   o->outputs.items[i]);
	if (o->stream && o->outputs.len == 0)
		return usage_error("%s", "--stream needs -o FILE.nq");
	if (o->cmd == CMD_EXTRACT && o->format && strcmp(o->format, "jsonl") && strcmp(o->format, "text"))
		return usage_error("--format for extract: jsonl or text, not \"%s\"", o->format);
	if (o->cmd == CMD_ENTITIES && o->format && !entity_format(o->format))
		return usage_error("--format for entities: table, tsv, csv or jsonl, not \"%s\"", o->format);
	return check_scope(o);
}

static int parse_args(options *o, int argc, char **argv)
{
	static const struct {
		const char *name;
		command cmd;
	} commands[] = {{"build", CMD_BUILD}, {"extract", CMD_EXTRACT}, {"entities", CMD_ENTITIES}};
	int found = 0;
	if (argc >= 2) {
		for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
			if (strcmp(argv[1], commands[i].name) == 0) {
				o->cmd = commands[i].cmd;
				found = 1;
			}
	}
	if (!found) {
		if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
		                  strcmp(argv[1], "help") == 0)) {
			usage(stdout);
			return YG_EXIT_OK;
		}
		if (argc >= 2 && (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0)) {
			printf("ytegraph %s\n", PACKAGE_VERSION);
			return YG_EXIT_OK;
		}
		return usage_error("%s", argc < 2 ? "missing COMMAND (build, extract or entities)"
		                                  : "unknown COMMAND (build, extract or entities)");
	}
	optind = 2;
	opterr = 0; /* one message, ours, for an unknown option */
	int c;
	while ((c = getopt_long(argc, argv, ":o:j:qhV", long_opts, NULL)) != -1) {
		if (c == '?' || c == ':')
			return bad_option(c, argv[optind - 1]);
		o->given |= option_bit(c);
		int rc = parse_option(o, c, optarg);
		if (rc >= 0)
			return rc;
	}
	o->inputs = argv + optind;
	o->ninputs = argc - optind;
	return check_options(o);
}

/* ---- running ---- */

typedef struct {
	const char *path;
	yg_outfile out;
	yg_quads *quads;
	int failed;
} quad_output;

typedef struct {
	options *o;
	yg_lexicon *lx;
	yg_graph *g;
	yg_corpus *corpus;
	int failed;
	size_t docs, bytes;
	quad_output *quads;    /* one per .nq output */
	size_t nquads;
	yg_keytab *articles;   /* article IRIs (without the base) seen so far */
	uint32_t narticles;
	struct timespec start, last_progress;
	int progress;          /* stderr is a terminal and not --quiet */
} run_state;

/* A problem with an input or an output: the run fails.  A diag whose
 * status is YG_OK is a warning: said, and the run goes on unharmed. */
static void report(void *ctx, const yg_diag *d)
{
	run_state *rs = ctx;
	if (rs->progress)
		fputs("\r\033[K", stderr);
	/* a file name or a value in the message may hold an escape sequence */
	char *shown = yg_text_printable(d->msg, (size_t)-1);
	fprintf(stderr, "ytegraph: %s%s\n", d->status == YG_OK ? "warning: " : "", shown);
	free(shown);
	if (d->status != YG_OK)
		rs->failed = 1;
}

static double seconds_since(const struct timespec *t)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - t->tv_sec) + (double)(now.tv_nsec - t->tv_nsec) / 1e9;
}

/* "1234 documents, 56.7 MB, 12.3 MB/s, ETA 0:42" on one rewritten line. */
static void show_progress(run_state *rs, int final)
{
	if (!rs->progress || (!final && seconds_since(&rs->last_progress) < 0.5))
		return;
	clock_gettime(CLOCK_MONOTONIC, &rs->last_progress);
	double t = seconds_since(&rs->start), mb = (double)rs->bytes / 1e6;
	double rate = t > 0 ? mb / t : 0;
	fprintf(stderr, "\r\033[Kytegraph: %zu documents, %.1f MB, %.1f MB/s", rs->docs, mb, rate);
	size_t total = yg_corpus_total_bytes(rs->corpus);
	if (!final && total > rs->bytes && rate > 0) {
		long eta = (long)(((double)(total - rs->bytes) / 1e6) / rate);
		fprintf(stderr, ", ETA %ld:%02ld", eta / 60, eta % 60);
	}
	if (final)
		fputc('\n', stderr);
}

/* On a worker thread: render what the consumer will write (the extract
 * record, or the article's N-Quads).  Reads only the graph's base and the
 * lexicon, which no thread changes. */
static int prepare(void *ctx, yg_document *doc)
{
	run_state *rs = ctx;
	yg_buf b;
	yg_buf_init(&b);
	if (rs->o->cmd == CMD_EXTRACT) {
		/* a JSON Lines record is some 2.3 times the text: grown from
		 * nothing it would be copied a dozen times */
		yg_buf_reserve(&b, doc->text.len / 2 * 5 + 256);
		if (rs->o->format ? strcmp(rs->o->format, "text") == 0 : rs->o->explain)
			yg_extract_text(&b, doc, rs->g, rs->o->explain);
		else
			yg_extract_jsonl(&b, doc, rs->g);
		doc->rendered_len = b.len;
		doc->rendered = yg_buf_take(&b);
		return 1; /* extract writes the record and nothing else */
	} else if (rs->nquads) {
		int bad = 0;
		char *text = yg_quads_render(rs->g, doc, &bad);
		if (!bad) {
			doc->rendered_len = strlen(text);
			doc->rendered = text;
		} else {
			free(text); /* the consumer renders again and reports */
		}
		/* streaming: the consumer merges the digest and writes the
		 * text, and the document is released here */
		if (!bad && rs->o->stream) {
			doc->digest = yg_graph_digest(rs->g, doc);
			return 1;
		}
	}
	return 0;
}

static void emit_extract(run_state *rs, const yg_document *doc)
{
	if (doc->rendered && fwrite(doc->rendered, 1, doc->rendered_len, stdout) != doc->rendered_len)
		rs->failed = 1;
}

/* Two inputs that would be one article (the same JSON Lines id twice,
 * or ids whose IRIs meet) merge their mentions into one: the second is
 * refused, in input order, whatever the thread count. */
static int new_article(run_state *rs, const yg_document *doc)
{
	char *key = yg_article_iri("", doc->id);
	/* ids are handed out 1, 2, 3...: a new key gets the next one */
	int fresh = yg_keytab_intern(rs->articles, key, strlen(key)) == rs->narticles + 1;
	rs->narticles += fresh;
	if (!fresh) {
		yg_diag d;
		char *shown = yg_text_printable(doc->id, 80);
		yg_diag_set(&d, YG_ERR_DATA, doc->path,
		            "an earlier input has the article id \"%s\" (or one with the same IRI, <%s>); "
		            "skipped: give each article its own id", shown, key);
		free(shown);
		report(rs, &d);
	}
	free(key);
	return fresh;
}

/* The engine hands documents here in input order. */
static void consume(void *ctx, yg_document *doc, yg_status st, const yg_diag *d, size_t bytes)
{
	run_state *rs = ctx;
	rs->bytes += bytes;
	if (st != YG_OK) {
		report(rs, d);
	} else if (!new_article(rs, doc)) {
		/* not an article of its own: said, skipped */
	} else {
		rs->docs++;
		if (rs->o->cmd == CMD_EXTRACT) {
			emit_extract(rs, doc);
		} else {
			if (doc->digest)
				yg_graph_add_digest(rs->g, doc->digest);
			else
				yg_graph_add_document(rs->g, doc);
			for (size_t i = 0; i < rs->nquads; i++) {
				yg_diag qd = {0};
				if (yg_quads_add(rs->quads[i].quads, rs->g, doc, &qd) != YG_OK) {
					report(rs, &qd);
					rs->quads[i].failed = 1;
				}
			}
		}
	}
	yg_document_free(doc);
	show_progress(rs, 0);
}

/* Open the N-Quads outputs before the run: they may stream. */
static void open_quad_outputs(run_state *rs)
{
	options *o = rs->o;
	rs->quads = yg_xcalloc(o->outputs.len + 1, sizeof *rs->quads);
	for (size_t i = 0; i < o->outputs.len; i++) {
		if (!yg_writer_for_path(o->outputs.items[i])->per_article)
			continue;
		quad_output *q = &rs->quads[rs->nquads];
		q->path = o->outputs.items[i];
		yg_diag d = {0};
		if (yg_outfile_open(&q->out, q->path, &d) != YG_OK) {
			report(rs, &d);
			continue;
		}
		q->quads = yg_quads_new(o->stream ? q->out.fh : NULL, q->out.tmp);
		rs->nquads++;
	}
}

static void close_quad_outputs(run_state *rs)
{
	for (size_t i = 0; i < rs->nquads; i++) {
		quad_output *q = &rs->quads[i];
		yg_diag d = {0};
		if (q->failed || yg_quads_finish(q->quads, rs->g, q->out.fh, &d) != YG_OK) {
			if (d.msg[0])
				report(rs, &d);
			yg_outfile_abort(&q->out);
		} else if (yg_outfile_commit(&q->out, &d) != YG_OK) {
			report(rs, &d);
		}
		yg_quads_free(q->quads);
	}
	free(rs->quads);
}

static void write_output(run_state *rs, const char *path, const yg_writer *w)
{
	yg_write_opts wo = rs->o->wopts;
	wo.path = path;
	wo.notes = rs->o->quiet ? NULL : stderr;
	wo.threads = rs->o->threads;
	yg_outfile out;
	yg_diag d = {0};
	if (strstr(path, "%s")) { /* one diagram per province */
		if (yg_write_diagram_set(rs->g, w, &wo, &d) != YG_OK)
			report(rs, &d);
		return;
	}
	if (yg_outfile_open(&out, path, &d) != YG_OK) {
		report(rs, &d);
		return;
	}
	if (w->fn(rs->g, w, &wo, out.fh, &d) != YG_OK) {
		yg_outfile_abort(&out);
		report(rs, &d);
		return;
	}
	if (yg_outfile_commit(&out, &d) != YG_OK)
		report(rs, &d);
}

/* ---- --focus: matched the way the extractor matches names ---- */

/* The match key of a label or of --focus: NFC (an NFD argument from a
 * terminal or a file name), white space runs as one space, no space at
 * the ends, folded (case, tone-mark placement: hoà = hòa). */
static char *focus_key(const char *s)
{
	yg_text t;
	yg_diag d = {0};
	if (yg_text_normalize(s, strlen(s), YG_ENC_UTF8, "--focus", &t, &d) != YG_OK)
		return yg_xstrdup(""); /* not text: matches no label */
	char *line = yg_text_clean_line(t.s);
	yg_text_free(&t);
	if (!line)
		return yg_xstrdup("");
	char *key = yg_fold_phrase(line, strlen(line));
	free(line);
	return key;
}

/* Edit distance in code points, for "did you mean". */
static size_t distance(const char *a, const char *b)
{
	size_t na = yg_utf8_count(a, strlen(a)), nb = yg_utf8_count(b, strlen(b));
	uint32_t *ca = yg_xcalloc(na + 1, sizeof *ca), *cb = yg_xcalloc(nb + 1, sizeof *cb);
	for (size_t i = 0, k = 0; k < na; k++)
		ca[k] = yg_utf8_next(a, &i);
	for (size_t i = 0, k = 0; k < nb; k++)
		cb[k] = yg_utf8_next(b, &i);
	size_t *row = yg_xcalloc(nb + 1, sizeof *row);
	for (size_t j = 0; j <= nb; j++)
		row[j] = j;
	for (size_t i = 1; i <= na; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= nb; j++) {
			size_t up = row[j], best = diag + (ca[i - 1] != cb[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			diag = up;
			row[j] = best;
		}
	}
	size_t dist = row[nb];
	free(row);
	free(ca);
	free(cb);
	return dist;
}

enum { CLOSEST = 5 };

/* The focus as write_dot matches it (an IRI or a label), or NULL with an
 * error that lists the closest labels. */
static const char *resolve_focus(run_state *rs, const char *focus)
{
	char *want = focus_key(focus);
	const char *found = NULL;
	struct {
		size_t dist;
		const char *label;
	} near[CLOSEST];
	size_t nnear = 0;
	for (size_t i = 0; i < yg_graph_node_count(rs->g) && !found; i++) {
		const yg_node *n = yg_graph_node(rs->g, i);
		if (strcmp(n->iri, focus) == 0) {
			found = n->iri;
			break;
		}
		for (size_t a = 0; a <= n->aliases.len && !found; a++) {
			const char *label = a == 0 ? n->label : n->aliases.items[a - 1];
			char *key = focus_key(label);
			if (strcmp(key, want) == 0)
				found = n->label; /* every node of that label, as before */
			else if (a == 0) {
				size_t dist = distance(key, want), k;
				if (nnear < CLOSEST) {
					k = nnear++;
				} else if (near[CLOSEST - 1].dist <= dist) {
					free(key);
					continue;
				} else {
					k = CLOSEST - 1;
				}
				for (; k > 0 && near[k - 1].dist > dist; k--)
					near[k] = near[k - 1];
				near[k].dist = dist;
				near[k].label = n->label;
			}
			free(key);
		}
	}
	free(want);
	if (found)
		return found;
	yg_buf b;
	yg_buf_init(&b);
	char *shown = yg_text_printable(focus, 80);
	yg_buf_printf(&b, "--focus: no entity labelled or identified \"%s\"", shown);
	free(shown);
	for (size_t k = 0; k < nnear; k++)
		yg_buf_printf(&b, "%s\"%s\"", k ? ", " : "; the closest labels: ", near[k].label);
	yg_diag d;
	yg_diag_set(&d, YG_ERR_DATA, NULL, "%s", b.s);
	yg_buf_free(&b);
	report(rs, &d);
	return NULL;
}

static void write_results(run_state *rs)
{
	options *o = rs->o;
	yg_graph_finish(rs->g);
	if (o->cmd == CMD_ENTITIES) {
		const yg_writer *w = entity_format(o->format ? o->format : "table");
		yg_write_opts wo = o->wopts;
		wo.path = "-";
		wo.table_format = w->arg;
		yg_diag d = {0};
		if (w->fn(rs->g, w, &wo, stdout, &d) != YG_OK || fflush(stdout) != 0) {
			if (!d.msg[0])
				yg_diag_set(&d, YG_ERR_IO, "standard output", "write failed");
			report(rs, &d);
		}
		return;
	}
	if (o->outputs.len == 0)
		write_output(rs, "-", yg_writer_by_name("turtle"));
	int diagrams = 1;
	if (o->wopts.focus && has_output(o, yg_write_diagram, NULL)) {
		const char *focus = resolve_focus(rs, o->wopts.focus);
		diagrams = focus != NULL;
		o->wopts.focus = focus;
	}
	for (size_t i = 0; i < o->outputs.len; i++) {
		const yg_writer *w = yg_writer_for_path(o->outputs.items[i]);
		if (!w->per_article && (diagrams || w->fn != yg_write_diagram))
			write_output(rs, o->outputs.items[i], w);
	}
}

/* Writing over an input destroys it (and a later run reads the output
 * as an article): refuse before any work. */
static int output_is_input(const options *o, const yg_pathlist *paths)
{
	for (size_t i = 0; i < o->outputs.len; i++) {
		const char *out = o->outputs.items[i];
		struct stat os;
		if (strcmp(out, "-") == 0 || strncmp(out, "-.", 2) == 0 || stat(out, &os) != 0 ||
		    !S_ISREG(os.st_mode))
			continue;
		for (size_t k = 0; k < paths->len; k++) {
			struct stat is;
			if (strcmp(paths->items[k], "-") != 0 && stat(paths->items[k], &is) == 0 &&
			    is.st_dev == os.st_dev && is.st_ino == os.st_ino) {
				fprintf(stderr, "ytegraph: -o %s: refusing to write over an input (%s)\n"
				                "Try 'ytegraph --help'.\n", out, paths->items[k]);
				return 1;
			}
		}
	}
	return 0;
}

int yg_cli_main(int argc, char **argv)
{
	options o;
	memset(&o, 0, sizeof o);
	o.threads = 1;
	int rc = parse_args(&o, argc, argv);
	if (rc >= 0) {
		free(o.outputs.items);
		return rc;
	}
	run_state rs;
	memset(&rs, 0, sizeof rs);
	rs.o = &o;
	rs.lx = yg_lexicon_new();
	yg_diag d = {0};
	if (yg_lexicon_load_dir(rs.lx, o.data_dir ? o.data_dir : yg_default_datadir(), &d) != YG_OK) {
		fprintf(stderr, "ytegraph: %s\n", d.msg);
		yg_lexicon_free(rs.lx);
		free(o.outputs.items);
		return YG_EXIT_DATA;
	}
	rs.g = yg_graph_new(o.base, rs.lx);
	if (o.stream)
		yg_graph_nodes_only(rs.g);
	rs.progress = !o.quiet && isatty(2);
	rs.articles = yg_keytab_new();
	clock_gettime(CLOCK_MONOTONIC, &rs.start);
	rs.last_progress = rs.start;
	yg_pathlist paths = {0};
	yg_expand_inputs(o.inputs, o.ninputs, &paths, report, &rs);
	if (output_is_input(&o, &paths)) {
		yg_pathlist_free(&paths);
		yg_keytab_free(rs.articles);
		yg_graph_free(rs.g);
		yg_lexicon_free(rs.lx);
		free(o.outputs.items);
		return YG_EXIT_USAGE;
	}
	yg_outfile_cleanup_on_signals();
	rs.corpus = yg_corpus_new(&paths, o.jsonl, o.strict, report, &rs);
	if (o.cmd == CMD_BUILD)
		open_quad_outputs(&rs);
	yg_engine_opts eo = {o.threads, o.encoding, rs.lx, o.date, prepare, &rs};
	if (yg_engine_run(rs.corpus, &eo, consume, &rs) != YG_OK) {
		yg_diag_set(&d, YG_ERR_NOMEM, NULL, "cannot start %d threads", o.threads);
		report(&rs, &d);
	}
	show_progress(&rs, 1);
	int stopped = o.strict && rs.failed;
	if (stopped && o.cmd == CMD_BUILD)
		fputs("ytegraph: --strict: the run stopped at an error; no output written "
		      "(existing files are kept)\n", stderr);
	if (o.cmd != CMD_EXTRACT && !stopped && (rs.docs > 0 || !rs.failed)) {
		write_results(&rs);
		close_quad_outputs(&rs);
	} else {
		for (size_t i = 0; i < rs.nquads; i++) {
			yg_outfile_abort(&rs.quads[i].out);
			yg_quads_free(rs.quads[i].quads);
		}
		free(rs.quads);
		if (fflush(stdout) != 0)
			rs.failed = 1;
	}
	if (!o.quiet && o.cmd == CMD_BUILD)
		fprintf(stderr, "ytegraph: %zu document(s), %zu entities, %zu relations\n", rs.docs,
		        yg_graph_node_count(rs.g), yg_graph_edge_count(rs.g));
	yg_quads_release_thread();
	yg_keytab_free(rs.articles);
	yg_corpus_free(rs.corpus);
	yg_graph_free(rs.g);
	yg_lexicon_free(rs.lx);
	free(o.outputs.items);
	return rs.failed ? YG_EXIT_DATA : YG_EXIT_OK;
}
