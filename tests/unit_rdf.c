/* unit_rdf.c — what the RDF writers state about memberships and roles,
 * over documents built by hand (so the test does not depend on what the
 * extraction finds): a role that heads its unit, the start of a post, one
 * org:memberOf per member and organisation, one label per role, and the
 * union of the N-Quads graphs equal to the Turtle graph.
 *
 * `unit_rdf --write DIR` writes the same graph to DIR/heads.ttl and
 * DIR/heads.nq for tests/queries.sh (the heads-by-province query). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "graph.h"
#include "tap.h"
#include "write.h"

#define ID "https://w3id.org/ytegraph/id/"

/* An entity with one mention, so that its mention count is 1. */
static int32_t entity(yg_document *d, yg_etype t, const char *label)
{
	int32_t e = yg_document_entity(d, t, label);
	yg_span sp = {0, 1};
	yg_document_add_span(d, e, sp);
	return e;
}

static void member(yg_document *d, int32_t who, int32_t org, const char *role, int heads,
                   const char *start)
{
	yg_document_relate(d, who, YG_R_MEMBER_OF, org, role, NULL);
	yg_relation *r = &d->relations.items[d->relations.len - 1];
	r->heads = (uint8_t)heads;
	r->start = yg_document_strdup(d, start);
}

/* Article a: the director of Sở Y tế Phú Thọ since 22/8/2025, and a
 * deputy who holds two posts there.  Article b: a director of Sở Y tế Huế
 * (title in lower case), and the Phú Thọ director again, no start. */
static yg_document *doc_a(void)
{
	yg_document *d = yg_document_new("a", "a.txt");
	d->date = strdup("2025-09-01");
	int32_t pt = entity(d, YG_T_PROVINCE, "Phú Thọ");
	int32_t so = entity(d, YG_T_BODY, "Sở Y tế Phú Thọ");
	int32_t binh = entity(d, YG_T_OFFICIAL, "Trần Văn Bình");
	int32_t hoa = entity(d, YG_T_OFFICIAL, "Lê Thị Hoa");
	yg_document_relate(d, so, YG_R_LOCATED_IN, pt, NULL, NULL);
	member(d, binh, so, "Giám đốc", 1, "2025-08-22");
	member(d, hoa, so, "Phó Giám đốc", 0, NULL);
	member(d, hoa, so, "Chánh Văn phòng", 0, NULL);
	return d;
}

static yg_document *doc_b(void)
{
	yg_document *d = yg_document_new("b", "b.txt");
	d->date = strdup("2025-10-01");
	int32_t hue = entity(d, YG_T_PROVINCE, "Huế");
	int32_t so = entity(d, YG_T_BODY, "Sở Y tế Huế");
	int32_t cuong = entity(d, YG_T_OFFICIAL, "Nguyễn Văn Cường");
	int32_t pt = entity(d, YG_T_PROVINCE, "Phú Thọ");
	int32_t sopt = entity(d, YG_T_BODY, "Sở Y tế Phú Thọ");
	int32_t binh = entity(d, YG_T_OFFICIAL, "Trần Văn Bình");
	yg_document_relate(d, so, YG_R_LOCATED_IN, hue, NULL, NULL);
	yg_document_relate(d, sopt, YG_R_LOCATED_IN, pt, NULL, NULL);
	member(d, cuong, so, "giám đốc", 1, NULL);
	member(d, binh, sopt, "Giám đốc", 1, NULL);
	return d;
}

/* Build the graph from the documents in the given order; write it with
 * the writer named `name` (or N-Quads when name is "nquads") into a string. */
static char *write_graph(int reverse, const char *name)
{
	yg_document *docs[2] = {doc_a(), doc_b()};
	if (reverse) {
		yg_document *t = docs[0];
		docs[0] = docs[1];
		docs[1] = t;
	}
	yg_graph *g = yg_graph_new(NULL, NULL);
	char *text = NULL;
	size_t len = 0;
	FILE *fh = open_memstream(&text, &len);
	yg_diag diag = {0};
	if (strcmp(name, "nquads") == 0) {
		yg_quads *q = yg_quads_new(NULL, NULL);
		for (int i = 0; i < 2; i++) {
			yg_graph_add_document(g, docs[i]);
			yg_quads_add(q, g, docs[i], &diag);
		}
		yg_graph_finish(g);
		yg_quads_finish(q, g, fh, &diag);
		yg_quads_free(q);
	} else {
		for (int i = 0; i < 2; i++)
			yg_graph_add_document(g, docs[i]);
		yg_graph_finish(g);
		yg_write_opts o = {0};
		o.path = name;
		yg_write_rdf(g, yg_writer_by_name(name), &o, fh, &diag);
	}
	fclose(fh);
	yg_graph_free(g);
	yg_document_free(docs[0]);
	yg_document_free(docs[1]);
	return text;
}

static int count_lines_with(const char *text, const char *a, const char *b)
{
	int n = 0;
	for (const char *line = text; line && *line;) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);
		char *l = strndup(line, len);
		if (strstr(l, a) && (!b || strstr(l, b)))
			n++;
		free(l);
		line = end ? end + 1 : NULL;
	}
	return n;
}

static int cmp_line(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Lines that occur more than once (statements repeated). */
static int repeated_lines(const char *text)
{
	char *copy = strdup(text);
	size_t n = 0, cap = 64;
	char **lines = malloc(cap * sizeof *lines);
	for (char *save = NULL, *l = strtok_r(copy, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
		if (n == cap)
			lines = realloc(lines, (cap *= 2) * sizeof *lines);
		lines[n++] = l;
	}
	qsort(lines, n, sizeof *lines, cmp_line);
	int rep = 0;
	for (size_t i = 1; i < n; i++)
		if (strcmp(lines[i], lines[i - 1]) == 0) {
			printf("#   repeated: %s\n", lines[i]);
			rep++;
		}
	free(lines);
	free(copy);
	return rep;
}

#define P_LABEL "<http://www.w3.org/2000/01/rdf-schema#label>"
#define P_MEMBEROF "<http://www.w3.org/ns/org#memberOf>"
#define P_HEADS "<https://w3id.org/ytegraph/ontology#headsUnit>"
#define P_DURING "<http://www.w3.org/ns/org#memberDuring>"
#define P_BEGIN "<http://www.w3.org/2006/time#hasBeginning>"
#define P_XSDDATE "<http://www.w3.org/2006/time#inXSDDate>"

static int write_files(const char *dir)
{
	const char *names[2][2] = {{"turtle", "heads.ttl"}, {"nquads", "heads.nq"}};
	for (int i = 0; i < 2; i++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, names[i][1]);
		FILE *fh = fopen(path, "w");
		if (!fh) {
			perror(path);
			return 1;
		}
		char *text = write_graph(0, names[i][0]);
		fputs(text, fh);
		free(text);
		if (fclose(fh) != 0)
			return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "--write") == 0)
		return write_files(argv[2]);

	char *nt = write_graph(0, "ntriples");
	char *nt_rev = write_graph(1, "ntriples");
	char *nq = write_graph(0, "nquads");
	char *ttl = write_graph(0, "turtle");

	OK(nt && *nt, "N-Triples written");
	IS_STR(nt_rev, nt, "input order does not change the N-Triples");
	OK(repeated_lines(nt) == 0, "N-Triples repeat no statement (a member with two roles at one body)");
	OK(repeated_lines(nq) == 0, "N-Quads repeat no statement");
	OK(count_lines_with(nt, "/official/le-thi-hoa> " P_MEMBEROF, NULL) == 1,
	   "org:memberOf once for two roles at one body");

	OK(count_lines_with(nt, "/role/giam-doc> " P_HEADS, "\"true\"") == 1, "Giám đốc heads its unit");
	OK(count_lines_with(nt, "/role/pho-giam-doc> " P_HEADS, NULL) == 0, "Phó Giám đốc does not");
	OK(count_lines_with(nt, "/role/chanh-van-phong> " P_HEADS, NULL) == 0, "Chánh Văn phòng does not");
	OK(count_lines_with(nt, "/role/giam-doc> " P_LABEL, NULL) == 1, "a role has one label (two spellings)");
	OK(count_lines_with(nt, "/role/giam-doc> " P_LABEL, "\"Gi\\u00E1m \\u0111\\u1ED1c\"@vi") == 1,
	   "... the smallest spelling, whatever the input order");

	OK(count_lines_with(nt, P_DURING, NULL) == 1, "the one membership with a stated start has org:memberDuring");
	OK(count_lines_with(nt, P_BEGIN, NULL) == 1, "... a time:Interval with time:hasBeginning");
	OK(count_lines_with(nt, P_XSDDATE, "\"2025-08-22\"^^<http://www.w3.org/2001/XMLSchema#date>") == 1,
	   "... an instant dated 2025-08-22 (time:inXSDDate)");
	OK(count_lines_with(nt, "<http://purl.org/dc/terms/date> \"2025-09-01\"", NULL) >= 1,
	   "... besides the article date (dct:date)");

	/* N-Quads: entity descriptions in the default graph only */
	OK(count_lines_with(nq, "/official/tran-van-binh> " P_LABEL, NULL) == 1,
	   "N-Quads: one rdfs:label for an entity two articles name");
	OK(count_lines_with(nq, P_LABEL, "/article/") == 0, "N-Quads: no label inside an article's graph");
	OK(count_lines_with(nq, "/role/giam-doc> " P_LABEL, NULL) == 1, "N-Quads: one label per role");
	OK(count_lines_with(nq, P_DURING, "/article/a>") == 1, "N-Quads: the start is in the asserting article's graph");
	OK(count_lines_with(nq, "mentionCount", NULL) == 7, "N-Quads: a mention count per entity (default graph)");

	OK(strstr(ttl, "time:inXSDDate \"2025-08-22\"^^xsd:date") != NULL, "Turtle uses the time: prefix");

	free(nt);
	free(nt_rev);
	free(nq);
	free(ttl);
	return DONE();
}
