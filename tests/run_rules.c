/* run_rules.c — the rule tests: sentences with the entities and relations they
 * must give, one runner for every file (jq's .test files are the model).
 *
 * Usage: run_rules FILE...  (*.test files, and Markdown files whose ```rule
 * blocks hold cases, so the examples of doc/RULES.md are tests too).
 *
 * A case is a block of lines ended by a blank line (or the fence):
 *   # what the case shows (the last comment before it is its name)
 *   @date 2025-08-01           optional: the article's date
 *   @only Official memberOf    optional: compare only these types/relations
 *   > the text, one "> " line per line of the article
 *   Hospital Bệnh viện Gia đình                       an entity: type, label
 *   memberOf Nguyễn Văn A -> Sở Y tế Hà Nội : Giám đốc   a relation, role
 *   mergedInto Yên Bái -> Lào Cai @ 2025-07-01        a relation, date
 *   none                       the text gives nothing (nothing else listed)
 * The expected lines must equal what the pipeline finds (within @only):
 * a missing or an extra entity or relation fails the case, and the runner
 * prints both sides of the difference.  Output is TAP. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "pipeline.h"

static int failures, cases;

typedef struct {
	char **items;
	size_t len, cap;
} lines;

static void lines_add(lines *l, const char *s)
{
	YG_VEC_PUSH(*l, yg_xstrdup(s));
}

static void lines_free(lines *l)
{
	for (size_t i = 0; i < l->len; i++)
		free(l->items[i]);
	free(l->items);
	memset(l, 0, sizeof *l);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

typedef struct {
	char *name;
	char *file;
	int line;
	char *date;
	lines only;
	yg_buf text;
	lines expect;
	int has_text;
} test_case;

static void case_reset(test_case *t)
{
	free(t->name);
	free(t->date);
	lines_free(&t->only);
	lines_free(&t->expect);
	yg_buf_free(&t->text);
	t->name = t->date = NULL;
	t->has_text = 0;
	yg_buf_init(&t->text);
}

/* Is the first word of an expected or found line selected by @only? */
static int selected(const test_case *t, const char *line)
{
	if (!t->only.len)
		return 1;
	size_t n = strcspn(line, " ");
	for (size_t i = 0; i < t->only.len; i++)
		if (strlen(t->only.items[i]) == n && strncmp(t->only.items[i], line, n) == 0)
			return 1;
	return 0;
}

/* What the pipeline found, one line per entity and relation, in the
 * case's own notation. */
static void found_lines(const yg_document *d, const test_case *t, lines *out)
{
	yg_buf b;
	yg_buf_init(&b);
	for (size_t e = 0; e < d->entities.len; e++) {
		const yg_entity *ent = &d->entities.items[e];
		b.len = 0;
		yg_buf_printf(&b, "%s %s", yg_etype_name((yg_etype)ent->type), ent->label);
		if (selected(t, b.s))
			lines_add(out, b.s);
	}
	for (size_t i = 0; i < d->relations.len; i++) {
		const yg_relation *r = &d->relations.items[i];
		b.len = 0;
		yg_buf_printf(&b, "%s %s -> %s", yg_rtype_name((yg_rtype)r->p), d->entities.items[r->s].label,
		              d->entities.items[r->o].label);
		if (r->role)
			yg_buf_printf(&b, " : %s", r->role);
		if (r->date)
			yg_buf_printf(&b, " @ %s", r->date);
		if (selected(t, b.s))
			lines_add(out, b.s);
	}
	yg_buf_free(&b);
}

static void run_case(test_case *t, const yg_lexicon *lx)
{
	if (!t->has_text)
		return;
	cases++;
	yg_document *d = yg_document_new("rule", t->file);
	if (t->date)
		d->date = yg_xstrdup(t->date);
	yg_pipeline_opts o = {YG_ENC_UTF8, lx};
	yg_diag diag = {0};
	lines found = {0};
	if (yg_document_process(d, t->text.s, t->text.len, &o, &diag) != YG_OK)
		lines_add(&found, diag.msg);
	else
		found_lines(d, t, &found);
	yg_document_free(d);
	lines want = {0};
	for (size_t i = 0; i < t->expect.len; i++)
		if (strcmp(t->expect.items[i], "none") != 0)
			lines_add(&want, t->expect.items[i]);
	yg_sort(found.items, found.len, sizeof *found.items, cmp_str);
	yg_sort(want.items, want.len, sizeof *want.items, cmp_str);
	int same = found.len == want.len;
	for (size_t i = 0; same && i < want.len; i++)
		same = strcmp(found.items[i], want.items[i]) == 0;
	printf("%s %d - %s:%d: %s\n", same ? "ok" : "not ok", cases, t->file, t->line,
	       t->name ? t->name : "(unnamed case)");
	if (!same) {
		failures++;
		/* both sorted: a merge shows what is missing and what is extra */
		size_t i = 0, j = 0;
		while (i < want.len || j < found.len) {
			int c = i == want.len ? 1 : j == found.len ? -1 : strcmp(want.items[i], found.items[j]);
			if (c < 0)
				printf("#   missing:    %s\n", want.items[i++]);
			else if (c > 0)
				printf("#   unexpected: %s\n", found.items[j++]);
			else
				i++, j++;
		}
	}
	lines_free(&found);
	lines_free(&want);
}

static void split_words(lines *out, const char *s)
{
	char *copy = yg_xstrdup(s), *save = NULL;
	for (char *w = strtok_r(copy, " \t", &save); w; w = strtok_r(NULL, " \t", &save))
		lines_add(out, w);
	free(copy);
}

/* Read one file; Markdown files contribute their ```rule blocks only. */
static void run_file(const char *path, const yg_lexicon *lx)
{
	FILE *fh = fopen(path, "r");
	if (!fh) {
		printf("not ok %d - %s: cannot open\n", ++cases, path);
		failures++;
		return;
	}
	size_t plen = strlen(path);
	int markdown = plen > 3 && strcmp(path + plen - 3, ".md") == 0;
	int in_block = !markdown;
	test_case t = {0};
	yg_buf_init(&t.text);
	char *comment = NULL;
	char *line = NULL;
	size_t cap = 0;
	ssize_t got;
	int lineno = 0;
	while ((got = getline(&line, &cap, fh)) >= 0) {
		lineno++;
		while (got > 0 && (line[got - 1] == '\n' || line[got - 1] == '\r'))
			line[--got] = '\0';
		const char *l = line;
		if (markdown) {
			while (*l == ' ')
				l++;
			if (strncmp(l, "```", 3) == 0) {
				run_case(&t, lx);
				case_reset(&t);
				in_block = !in_block && strncmp(l + 3, "rule", 4) == 0;
				continue;
			}
			if (!in_block)
				continue;
		}
		if (*l == '\0') {
			run_case(&t, lx);
			case_reset(&t);
			continue;
		}
		if (*l == '#') {
			free(comment);
			comment = yg_xstrdup(l + strspn(l, "# "));
			continue;
		}
		if (!t.has_text && !t.date && !t.only.len) {
			t.file = (char *)path;
			t.line = lineno;
			t.name = comment ? yg_xstrdup(comment) : NULL;
		}
		if (strncmp(l, "> ", 2) == 0 || strcmp(l, ">") == 0) {
			if (t.has_text)
				yg_buf_putc(&t.text, '\n');
			yg_buf_puts(&t.text, l[1] ? l + 2 : "");
			t.has_text = 1;
		} else if (strncmp(l, "@date ", 6) == 0) {
			t.date = yg_xstrdup(l + 6);
		} else if (strncmp(l, "@only ", 6) == 0) {
			split_words(&t.only, l + 6);
		} else {
			lines_add(&t.expect, l);
		}
	}
	run_case(&t, lx);
	case_reset(&t);
	yg_buf_free(&t.text);
	free(comment);
	free(line);
	fclose(fh);
}

int main(int argc, char **argv)
{
	yg_lexicon *lx = yg_lexicon_new();
	yg_diag d = {0};
	if (yg_lexicon_load_dir(lx, yg_default_datadir(), &d) != YG_OK) {
		printf("1..1\nnot ok 1 - lexicons load: %s\n", d.msg);
		return 1;
	}
	for (int i = 1; i < argc; i++)
		run_file(argv[i], lx);
	printf("1..%d\n", cases);
	yg_lexicon_free(lx);
	return failures ? 1 : 0;
}
