/* write_dot.c — relationship diagrams through cgraph and gvc.
 *
 * One cgraph graph per view: nodes shaped and coloured by class with a
 * legend, a cluster per province holding what is located in it, edge
 * labels with the relation (and for memberships the role and year), and
 * the number of articles that mention each node.  DOT is written from the
 * unlaid graph in sorted order, so two runs diff clean.  gvc is not
 * thread-safe: this runs on the main thread only. */
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <errno.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "dotids.h"
#include "normalize.h"
#include "outfile.h"
#include "write.h"

/* A picture is read at 100 % on a screen 1920 px wide: 20 inches at 96
 * dpi, as tall as cairo allows (32767 px).  Views are chosen so that dot
 * rarely has to shrink them to that width. */
#define YG_MAX_INCHES "20,340"
/* Above this many nodes a whole corpus cannot be read in one picture: it
 * is drawn as an overview by province (the detail: one picture per
 * province, --focus, --type, --relation). */
#define YG_DETAIL_MAX 120
/* Above this many nodes edge labels overlap and cannot be read (and cost
 * most of the layout's time): edges are drawn without them. */
#define YG_EDGE_LABEL_MAX 150
/* Above this many nodes `dot` takes minutes; sfdp takes seconds. */
#define YG_DOT_LAYOUT_MAX 400
/* Nodes without edges a row in a detailed view. */
#define YG_GRID_COLUMNS 4
/* Tables a row in the overview. */
#define YG_OVERVIEW_COLUMNS 6

static const struct {
	const char *shape, *fill;
} style[YG_T_COUNT] = {
	[YG_T_OFFICIAL] = {"ellipse", "#fde68a"},
	[YG_T_HOSPITAL] = {"box", "#fca5a5"},
	[YG_T_RESOLUTION] = {"note", "#c7d2fe"},
	[YG_T_PROVINCE] = {"house", "#86efac"},
	[YG_T_BODY] = {"box3d", "#93c5fd"},
	[YG_T_FACILITY] = {"component", "#f9a8d4"},
};

/* The words a picture shows, from lexicon/display.ttl (looked up once
 * per picture): the legend's rows by entity type, edge names by
 * relation, the legend's lines and the unit of article counts. */
typedef struct {
	const char *type[YG_T_COUNT], *count[YG_T_COUNT], *relation[YG_R_COUNT];
	const char *legend, *counts, *merged, *frame, *articles_line, *articles;
	const char *overview, *news, *entities, *relations, *national;
} dot_words;

static dot_words words_of(const yg_graph *g)
{
	const yg_lexicon *lx = yg_graph_lexicon(g);
	dot_words w;
	for (int t = 0; t < YG_T_COUNT; t++) {
		char key[64];
		w.type[t] = yg_lexicon_display(lx, yg_etype_name((yg_etype)t));
		snprintf(key, sizeof key, "count-%s", yg_etype_name((yg_etype)t));
		w.count[t] = yg_lexicon_display(lx, key);
	}
	for (int r = 0; r < YG_R_COUNT; r++)
		w.relation[r] = yg_lexicon_display(lx, yg_rtype_name((yg_rtype)r));
	w.legend = yg_lexicon_display(lx, "legend");
	w.counts = yg_lexicon_display(lx, "legend-counts");
	w.merged = yg_lexicon_display(lx, "legend-merged");
	w.frame = yg_lexicon_display(lx, "legend-frame");
	w.articles_line = yg_lexicon_display(lx, "legend-articles");
	w.articles = yg_lexicon_display(lx, "articles");
	w.overview = yg_lexicon_display(lx, "overview");
	w.news = yg_lexicon_display(lx, "news-articles");
	w.entities = yg_lexicon_display(lx, "entities");
	w.relations = yg_lexicon_display(lx, "relations");
	w.national = yg_lexicon_display(lx, "national");
	return w;
}

/* Labels are graphviz escStrings and agwrite() escapes only '"', so a
 * backslash is doubled here: a label ending in one would otherwise end
 * the quoted string early (DOT that does not parse), and \\N, \\G, \\l in
 * a name would be expanded when drawing. */
static char *esc_label(const char *s)
{
	yg_buf b;
	yg_buf_init(&b);
	yg_buf_puts(&b, "");
	for (; *s; s++) {
		if (*s == '\\')
			yg_buf_putc(&b, '\\');
		yg_buf_putc(&b, *s);
	}
	return yg_buf_take(&b);
}

/* Break a label into lines of about `width` code points at spaces. */
static char *wrap(const char *s, size_t width)
{
	yg_buf b;
	yg_buf_init(&b);
	yg_buf_puts(&b, "");
	size_t col = 0;
	const char *p = s;
	while (*p) {
		const char *sp = strchr(p, ' ');
		size_t n = sp ? (size_t)(sp - p) : strlen(p);
		size_t w = yg_utf8_count(p, n);
		if (col && col + 1 + w > width) {
			yg_buf_putc(&b, '\n');
			col = 0;
		} else if (col) {
			yg_buf_putc(&b, ' ');
			col++;
		}
		yg_buf_add(&b, p, n);
		col += w;
		p += n;
		while (*p == ' ')
			p++;
	}
	return yg_buf_take(&b);
}

typedef struct {
	const yg_graph *g;
	const yg_write_opts *o;
	unsigned char *keep; /* nodes in the view */
	size_t *home;        /* each node's province (a node index), or SIZE_MAX */
	int edge_labels;     /* draw the relation on each edge */
	dot_words w;
} view;

static int edge_wanted(const view *v, const yg_edge *e)
{
	return !v->o->relation_mask || (v->o->relation_mask & (1u << e->p));
}

static int node_matches(const yg_node *n, const char *focus)
{
	if (strcmp(n->iri, focus) == 0 || strcasecmp(n->label, focus) == 0)
		return 1;
	for (size_t i = 0; i < n->aliases.len; i++)
		if (strcasecmp(n->aliases.items[i], focus) == 0)
			return 1;
	return 0;
}

/* The province each node belongs to in a picture: a province itself; what
 * is located in one; an official through the organisations of his posts;
 * a document through its issuer.  Edges are sorted by subject, so the
 * first one decides and the result does not depend on input order. */
static size_t *homes(const yg_graph *g)
{
	size_t n = yg_graph_node_count(g), ne = yg_graph_edge_count(g);
	size_t *home = yg_xmalloc((n + 1) * sizeof *home);
	for (size_t i = 0; i < n; i++)
		home[i] = yg_graph_node(g, i)->type == YG_T_PROVINCE ? i : SIZE_MAX;
	for (size_t k = 0; k < ne; k++) {
		const yg_edge *e = yg_graph_edge(g, k);
		if (e->p == YG_R_LOCATED_IN && home[e->s] == SIZE_MAX &&
		    yg_graph_node(g, e->o)->type == YG_T_PROVINCE)
			home[e->s] = e->o;
	}
	for (size_t k = 0; k < ne; k++) {
		const yg_edge *e = yg_graph_edge(g, k);
		if ((e->p == YG_R_MEMBER_OF || e->p == YG_R_ISSUED_BY) && home[e->s] == SIZE_MAX &&
		    yg_graph_node(g, e->s)->type != YG_T_PROVINCE && home[e->o] != SIZE_MAX)
			home[e->s] = home[e->o];
	}
	return home;
}

/* Drop the nodes a filter leaves without an edge to draw (a province's
 * cluster counts as its locatedIn edge); the focus stays. */
static void drop_isolated(view *v)
{
	size_t n = yg_graph_node_count(v->g);
	size_t *deg = yg_xcalloc(n + 1, sizeof *deg);
	for (size_t k = 0; k < yg_graph_edge_count(v->g); k++) {
		const yg_edge *e = yg_graph_edge(v->g, k);
		if (edge_wanted(v, e) && v->keep[e->s] && v->keep[e->o]) {
			deg[e->s]++;
			deg[e->o]++;
		}
	}
	for (size_t i = 0; i < n; i++)
		if (!deg[i] && !(v->o->focus && node_matches(yg_graph_node(v->g, i), v->o->focus)))
			v->keep[i] = 0;
	free(deg);
}

/* Which nodes the view shows: all (filtered by type), or the focus and its
 * neighbours up to depth along wanted edges. */
static yg_status select_nodes(view *v, yg_diag *d)
{
	size_t n = yg_graph_node_count(v->g);
	v->keep = yg_xcalloc(n + 1, 1);
	for (size_t i = 0; i < n; i++) {
		const yg_node *nd = yg_graph_node(v->g, i);
		v->keep[i] = !v->o->type_mask || (v->o->type_mask & (1u << nd->type));
	}
	if (!v->o->focus) {
		if (v->o->type_mask || v->o->relation_mask)
			drop_isolated(v);
		return YG_OK;
	}
	unsigned char *dist = yg_xcalloc(n + 1, 1); /* 0 = unreached, else depth+1 */
	int found = 0;
	for (size_t i = 0; i < n; i++)
		if (node_matches(yg_graph_node(v->g, i), v->o->focus)) {
			dist[i] = 1;
			found = 1;
		}
	if (!found) {
		free(dist);
		return yg_diag_set(d, YG_ERR_USAGE, NULL, "--focus: no entity labelled or identified \"%s\"", v->o->focus);
	}
	int depth = v->o->depth > 0 ? v->o->depth : 1;
	for (int level = 1; level <= depth; level++)
		for (size_t k = 0; k < yg_graph_edge_count(v->g); k++) {
			const yg_edge *e = yg_graph_edge(v->g, k);
			if (!edge_wanted(v, e) || !v->keep[e->s] || !v->keep[e->o])
				continue;
			if (dist[e->s] == level && !dist[e->o])
				dist[e->o] = (unsigned char)(level + 1);
			else if (dist[e->o] == level && !dist[e->s])
				dist[e->s] = (unsigned char)(level + 1);
		}
	for (size_t i = 0; i < n; i++)
		v->keep[i] = v->keep[i] && dist[i];
	free(dist);
	if (v->o->type_mask || v->o->relation_mask)
		drop_isolated(v);
	return YG_OK;
}

static Agraph_t *province_cluster(Agraph_t *root, Agraph_t **clusters, const view *v, size_t pi)
{
	if (!clusters[pi]) {
		const yg_node *p = yg_graph_node(v->g, pi);
		const char *slug = strrchr(p->iri, '/');
		yg_buf name;
		yg_buf_init(&name);
		yg_buf_printf(&name, "cluster_%s", slug ? slug + 1 : p->iri);
		clusters[pi] = agsubg(root, name.s, 1);
		yg_buf_free(&name);
		char *label = esc_label(p->label);
		agsafeset(clusters[pi], "label", label, "");
		free(label);
		agsafeset(clusters[pi], "style", "rounded,filled", "");
		agsafeset(clusters[pi], "fillcolor", "#f0fdf4", "");
		agsafeset(clusters[pi], "color", "#16a34a", "");
	}
	return clusters[pi];
}

static void declare_defaults(Agraph_t *g, const char *rankdir)
{
	agattr(g, AGRAPH, "fontname", "DejaVu Sans");
	agattr(g, AGRAPH, "fontsize", "14");
	agattr(g, AGRAPH, "rankdir", (char *)rankdir);
	agattr(g, AGRAPH, "label", "");
	agattr(g, AGRAPH, "labelloc", "t");
	agattr(g, AGRAPH, "style", "");
	agattr(g, AGRAPH, "fillcolor", "");
	agattr(g, AGRAPH, "color", "");
	agattr(g, AGRAPH, "overlap", "prism");
	agattr(g, AGRAPH, "outputorder", "edgesfirst");
	agattr(g, AGRAPH, "forcelabels", "true");
	agattr(g, AGRAPH, "size", YG_MAX_INCHES);
	agattr(g, AGRAPH, "dpi", "96");
	agattr(g, AGNODE, "fontname", "DejaVu Sans");
	agattr(g, AGNODE, "fontsize", "11");
	agattr(g, AGNODE, "shape", "box");
	agattr(g, AGNODE, "style", "filled");
	agattr(g, AGNODE, "fillcolor", "white");
	agattr(g, AGNODE, "label", "\\N");
	agattr(g, AGNODE, "tooltip", "");
	agattr(g, AGNODE, "penwidth", "1");
	agattr(g, AGNODE, "color", "black");
	agattr(g, AGNODE, "sortv", "0");
	agattr(g, AGEDGE, "fontname", "DejaVu Sans");
	agattr(g, AGEDGE, "fontsize", "9");
	agattr(g, AGEDGE, "xlabel", "");
	agattr(g, AGEDGE, "color", "#475569");
	agattr(g, AGEDGE, "dir", "forward");
	agattr(g, AGEDGE, "style", "solid");
}

/* Text for an HTML-like label: & < > " escaped. */
static void html_puts(yg_buf *b, const char *s)
{
	for (; *s; s++)
		switch (*s) {
		case '&': yg_buf_puts(b, "&amp;"); break;
		case '<': yg_buf_puts(b, "&lt;"); break;
		case '>': yg_buf_puts(b, "&gt;"); break;
		case '"': yg_buf_puts(b, "&quot;"); break;
		default: yg_buf_putc(b, *s);
		}
}

static void set_html_label(Agraph_t *g, Agnode_t *n, const char *html)
{
	char *h = agstrdup_html(g, (char *)html);
	agset(n, "label", h);
	agstrfree(g, h);
}

/* The legend: one node whose label is a table, so that no layout can
 * scatter it; the classes shown, and the edge styles. */
static void legend_row(yg_buf *b, const char *before, const char *words)
{
	yg_buf_puts(b, "<TR><TD BORDER=\"0\">");
	yg_buf_puts(b, before);
	html_puts(b, words);
	yg_buf_puts(b, "</TD></TR>");
}

static void add_legend(Agraph_t *g, const dot_words *w, const int present[YG_T_COUNT], int overview)
{
	yg_buf b;
	yg_buf_init(&b);
	yg_buf_puts(&b, "<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"2\" CELLPADDING=\"4\">"
	                "<TR><TD BORDER=\"0\"><B>");
	html_puts(&b, w->legend);
	yg_buf_puts(&b, "</B></TD></TR>");
	for (int t = 0; t < YG_T_COUNT; t++)
		if (present[t]) {
			yg_buf_printf(&b, "<TR><TD BGCOLOR=\"%s\">", style[t].fill);
			html_puts(&b, w->type[t]);
			yg_buf_puts(&b, "</TD></TR>");
		}
	legend_row(&b, "", overview ? w->counts : w->frame);
	legend_row(&b, "- - - &#8594; ", w->merged);
	if (!overview)
		legend_row(&b, "", w->articles_line);
	yg_buf_puts(&b, "</TABLE>");
	Agnode_t *n = agnode(g, "legend", 1);
	agset(n, "shape", "plain");
	agset(n, "style", "");
	agset(n, "sortv", "-1");
	set_html_label(g, n, b.s);
	yg_buf_free(&b);
}

static char *node_label(const dot_words *dw, const yg_node *n)
{
	char *w = wrap(n->label, 22), *e = esc_label(w), *unit = esc_label(dw->articles);
	yg_buf b;
	yg_buf_init(&b);
	yg_buf_printf(&b, "%s\n(%zu %s)", e, n->docs.len, unit);
	free(unit);
	free(e);
	free(w);
	return yg_buf_take(&b);
}

static char *edge_label(const dot_words *dw, const yg_edge *e)
{
	yg_buf b;
	yg_buf_init(&b);
	if (e->p == YG_R_MEMBER_OF && e->role) {
		char *w = wrap(e->role, 20), *esc = esc_label(w);
		yg_buf_puts(&b, esc);
		free(esc);
		free(w);
		if (e->date && strlen(e->date) >= 4)
			yg_buf_printf(&b, " · %.4s", e->date);
	} else {
		char *name = esc_label(dw->relation[e->p]);
		yg_buf_puts(&b, name);
		free(name);
		if (e->p == YG_R_MERGED_INTO && e->date)
			yg_buf_printf(&b, " · %s", e->date);
	}
	return yg_buf_take(&b);
}

/* Nodes without a drawn edge would stand in one long column (one rank,
 * rankdir LR): invisible edges chain them YG_GRID_COLUMNS a row, per
 * province, so that they fill a grid instead. */
static void grid_lonely(Agraph_t *g, const view *v, Agnode_t **an)
{
	size_t n = yg_graph_node_count(v->g);
	Agnode_t **last = yg_xcalloc(n + 2, sizeof *last); /* per home, n: none */
	size_t *run = yg_xcalloc(n + 2, sizeof *run);
	for (size_t i = 0; i < n; i++) {
		if (!an[i] || agfstout(g, an[i]) || agfstin(g, an[i]))
			continue;
		size_t h = v->home[i] == SIZE_MAX ? n : v->home[i];
		if (last[h] && run[h] % YG_GRID_COLUMNS) {
			char name[32];
			snprintf(name, sizeof name, "grid%zu", i);
			agset(agedge(g, last[h], an[i], name, 1), "style", "invis");
		}
		last[h] = an[i];
		run[h]++;
	}
	free(last);
	free(run);
}

static size_t kept(const view *v)
{
	size_t nodes = 0;
	for (size_t i = 0; i < yg_graph_node_count(v->g); i++)
		nodes += v->keep[i];
	return nodes;
}

/* In a view too large to read node by node, an official or a document
 * whose only drawn edge is a post or an issuer is folded into that
 * organisation's node, as a row of its table: fold[i] is the edge, or
 * SIZE_MAX.  (A province of a generated corpus had 226 officials of a few
 * bodies: a column 22,000 px tall.) */
static size_t *folds(const view *v)
{
	size_t n = yg_graph_node_count(v->g), ne = yg_graph_edge_count(v->g);
	size_t *fold = yg_xmalloc((n + 1) * sizeof *fold), *deg = yg_xcalloc(n + 1, sizeof *deg);
	for (size_t i = 0; i < n; i++)
		fold[i] = SIZE_MAX;
	if (kept(v) <= YG_DETAIL_MAX) {
		free(deg);
		return fold;
	}
	for (size_t k = 0; k < ne; k++) {
		const yg_edge *e = yg_graph_edge(v->g, k);
		if (!edge_wanted(v, e) || !v->keep[e->s] || !v->keep[e->o])
			continue;
		deg[e->s]++;
		deg[e->o]++;
		if ((e->p == YG_R_MEMBER_OF || e->p == YG_R_ISSUED_BY) &&
		    yg_graph_node(v->g, e->o)->type != YG_T_OFFICIAL && yg_graph_node(v->g, e->o)->type != YG_T_RESOLUTION)
			fold[e->s] = k;
	}
	for (size_t i = 0; i < n; i++)
		if (deg[i] != 1 || (v->o->focus && node_matches(yg_graph_node(v->g, i), v->o->focus)))
			fold[i] = SIZE_MAX;
	free(deg);
	return fold;
}

/* The label of a node with folded rows: its name, then one row per
 * official (role · year — name) or document. */
static void folded_label(Agraph_t *g, Agnode_t *an, const view *v, size_t i, const size_t *fold)
{
	const yg_node *nd = yg_graph_node(v->g, i);
	yg_buf b;
	yg_buf_init(&b);
	yg_buf_puts(&b, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\"><TR><TD><B>");
	html_puts(&b, nd->label);
	yg_buf_printf(&b, "</B> (%zu ", nd->docs.len);
	html_puts(&b, v->w.articles);
	yg_buf_puts(&b, ")</TD></TR>");
	for (size_t k = 0; k < yg_graph_edge_count(v->g); k++) {
		const yg_edge *e = yg_graph_edge(v->g, k);
		if (e->o != i || fold[e->s] != k)
			continue;
		const yg_node *who = yg_graph_node(v->g, e->s);
		yg_buf_printf(&b, "<TR><TD ALIGN=\"LEFT\" BGCOLOR=\"%s\">", style[who->type].fill);
		if (e->p == YG_R_MEMBER_OF && e->role) {
			html_puts(&b, e->role);
			if (e->date && strlen(e->date) >= 4)
				yg_buf_printf(&b, " · %.4s", e->date);
			yg_buf_puts(&b, " — ");
		}
		html_puts(&b, who->label);
		yg_buf_puts(&b, "</TD></TR>");
	}
	yg_buf_puts(&b, "</TABLE>");
	set_html_label(g, an, b.s);
	yg_buf_free(&b);
}

/* The detailed view: a node per entity, a cluster per province. */
static Agraph_t *build_detail(const view *v)
{
	Agraph_t *g = agopen("ytegraph", Agdirected, &yg_sequential_disc);
	declare_defaults(g, "LR");
	/* room between ranks for the edge labels (xlabels get none of their own) */
	agattr(g, AGRAPH, "ranksep", v->edge_labels ? "2.2" : "0.8");
	size_t n = yg_graph_node_count(v->g);
	Agnode_t **an = yg_xcalloc(n + 1, sizeof *an);
	Agraph_t **clusters = yg_xcalloc(n + 1, sizeof *clusters);
	int present[YG_T_COUNT] = {0};
	size_t *fold = folds(v);
	unsigned char *host = yg_xcalloc(n + 1, 1);
	for (size_t i = 0; i < n; i++)
		if (fold[i] != SIZE_MAX)
			host[yg_graph_edge(v->g, fold[i])->o] = 1;
	for (size_t i = 0; i < n; i++) {
		if (!v->keep[i])
			continue;
		const yg_node *nd = yg_graph_node(v->g, i);
		present[nd->type] = 1;
		if (fold[i] != SIZE_MAX)
			continue;
		size_t h = v->home[i];
		Agraph_t *home = h != SIZE_MAX ? province_cluster(g, clusters, v, h) : g;
		an[i] = agnode(g, nd->iri, 1);
		if (home != g)
			agsubnode(home, an[i], 1);
		if (host[i]) {
			folded_label(g, an[i], v, i, fold);
		} else {
			char *label = node_label(&v->w, nd);
			agset(an[i], "label", label);
			free(label);
		}
		agset(an[i], "tooltip", nd->iri);
		agset(an[i], "shape", (char *)style[nd->type].shape);
		agset(an[i], "fillcolor", (char *)style[nd->type].fill);
		if (nd->docs.len > 1) {
			char pw[16];
			snprintf(pw, sizeof pw, "%zu", nd->docs.len < 6 ? nd->docs.len : 6);
			agset(an[i], "penwidth", pw);
		}
		if (v->o->focus && node_matches(nd, v->o->focus)) {
			agset(an[i], "color", "#dc2626");
			agset(an[i], "penwidth", "4");
		}
	}
	for (size_t k = 0; k < yg_graph_edge_count(v->g); k++) {
		const yg_edge *e = yg_graph_edge(v->g, k);
		if (!an[e->s] || !an[e->o] || !edge_wanted(v, e))
			continue;
		/* locatedIn is shown by the cluster; draw it only without one */
		if (e->p == YG_R_LOCATED_IN && v->home[e->s] == e->o)
			continue;
		char name[32];
		snprintf(name, sizeof name, "e%zu", k);
		Agedge_t *ae = agedge(g, an[e->s], an[e->o], name, 1);
		if (v->edge_labels) {
			/* xlabel: placed after the layout.  A label takes part in
			 * dot's ranking, which is slower, and graphviz 2.42's dot
			 * frees memory twice in gvFreeLayout on some clustered
			 * graphs with labelled edges between clusters */
			char *label = edge_label(&v->w, e);
			agset(ae, "xlabel", label);
			free(label);
		}
		if (e->p == YG_R_PARTNER_OF)
			agset(ae, "dir", "both");
		if (e->p == YG_R_MERGED_INTO)
			agset(ae, "style", "dashed");
	}
	grid_lonely(g, v, an);
	add_legend(g, &v->w, present, 0);
	free(fold);
	free(host);
	free(clusters);
	free(an);
	return g;
}

/* ---- the overview of a corpus too large to draw whole ---- */

static const yg_etype counted[] = {YG_T_HOSPITAL, YG_T_FACILITY, YG_T_BODY, YG_T_OFFICIAL, YG_T_RESOLUTION};
#define NCOUNTED (sizeof counted / sizeof counted[0])

/* The node whose IRI is iri (nodes are sorted by IRI), or SIZE_MAX. */
static size_t node_by_iri(const yg_graph *g, const char *iri)
{
	size_t lo = 0, hi = yg_graph_node_count(g);
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(yg_graph_node(g, mid)->iri, iri);
		if (c == 0)
			return mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return SIZE_MAX;
}

typedef struct {
	size_t count[NCOUNTED];
	size_t total;
	size_t into;        /* the province it merged into, or SIZE_MAX */
	const char *date;   /* of the merger */
	int merged_from;    /* other provinces merged into it */
} province_sum;

/* Per province (and one row for what has none, at index n): the counts
 * of its entities, and the mergers. */
static province_sum *summarise(const view *v)
{
	size_t n = yg_graph_node_count(v->g);
	province_sum *ps = yg_xcalloc(n + 1, sizeof *ps);
	for (size_t i = 0; i <= n; i++)
		ps[i].into = SIZE_MAX;
	for (size_t i = 0; i < n; i++) {
		const yg_node *nd = yg_graph_node(v->g, i);
		size_t h = v->home[i] == SIZE_MAX ? n : v->home[i];
		for (size_t c = 0; c < NCOUNTED; c++)
			if (nd->type == counted[c]) {
				ps[h].count[c]++;
				ps[h].total++;
			}
		if (nd->type == YG_T_PROVINCE && nd->merged_into) {
			size_t to = node_by_iri(v->g, nd->merged_into);
			if (to != SIZE_MAX && to != i) {
				ps[i].into = to;
				ps[i].date = nd->merger_date;
			}
		}
	}
	for (size_t i = 0; i < n; i++)
		if (ps[i].into != SIZE_MAX)
			ps[ps[i].into].merged_from++;
	/* mergers the articles state besides the gazetteer's: one level only
	 * (into a unit that did not merge itself, from one nothing merged
	 * into), so that contradicting articles cannot make a cycle */
	for (size_t k = 0; k < yg_graph_edge_count(v->g); k++) {
		const yg_edge *e = yg_graph_edge(v->g, k);
		if (e->p == YG_R_MERGED_INTO && yg_graph_node(v->g, e->s)->type == YG_T_PROVINCE &&
		    yg_graph_node(v->g, e->o)->type == YG_T_PROVINCE && ps[e->s].into == SIZE_MAX &&
		    !ps[e->s].merged_from && ps[e->o].into == SIZE_MAX) {
			ps[e->s].into = e->o;
			ps[e->s].date = e->date;
			ps[e->o].merged_from++;
		}
	}
	return ps;
}

static void overview_node(Agraph_t *g, const dot_words *w, const char *id, const char *title,
                          const province_sum *p, const char *into, int merged, size_t rank)
{
	yg_buf b;
	yg_buf_init(&b);
	yg_buf_printf(&b, "<TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"3\" "
	                  "COLOR=\"%s\" BGCOLOR=\"#f0fdf4\" STYLE=\"ROUNDED\">"
	                  "<TR><TD COLSPAN=\"2\" BGCOLOR=\"%s\"><B>",
	              merged ? "#64748b" : "#16a34a", merged ? "#e2e8f0" : style[YG_T_PROVINCE].fill);
	html_puts(&b, title);
	yg_buf_puts(&b, "</B></TD></TR>");
	for (size_t c = 0; c < NCOUNTED; c++)
		if (p->count[c]) {
			yg_buf_printf(&b, "<TR><TD ALIGN=\"RIGHT\" BGCOLOR=\"%s\">%zu</TD><TD ALIGN=\"LEFT\">",
			              style[counted[c]].fill, p->count[c]);
			html_puts(&b, w->count[counted[c]]);
			yg_buf_puts(&b, "</TD></TR>");
		}
	if (into) {
		yg_buf_puts(&b, "<TR><TD COLSPAN=\"2\"><I>&#8594; ");
		html_puts(&b, into);
		if (p->date)
			yg_buf_printf(&b, " · %s", p->date);
		yg_buf_puts(&b, "</I></TD></TR>");
	}
	yg_buf_puts(&b, "</TABLE>");
	Agnode_t *n = agnode(g, (char *)id, 1);
	agset(n, "shape", "plain");
	agset(n, "style", "");
	char sv[32];
	snprintf(sv, sizeof sv, "%zu", rank);
	agset(n, "sortv", sv);
	set_html_label(g, n, b.s);
	yg_buf_free(&b);
}

typedef struct {
	size_t node, total;
	const char *label;
} ranked;

static int cmp_ranked(const void *pa, const void *pb)
{
	const ranked *a = pa, *b = pb;
	if (a->total != b->total)
		return a->total > b->total ? -1 : 1;
	return strcmp(a->label, b->label);
}

/* A row of the overview: a rank=same subgraph; an invisible edge from the
 * row's first node to the next row's keeps the rows in order. */
static Agraph_t *overview_row(Agraph_t *g, size_t r)
{
	char name[32];
	snprintf(name, sizeof name, "row%zu", r);
	Agraph_t *row = agsubg(g, name, 1);
	agsafeset(row, "rank", "same", "");
	return row;
}

/* Provinces as tables of counts, biggest first, in rows of about
 * YG_OVERVIEW_COLUMNS tables; a province that merged into another stands
 * just before it, with a dashed arrow. */
static Agraph_t *build_overview(const view *v, size_t entities)
{
	size_t n = yg_graph_node_count(v->g);
	province_sum *ps = summarise(v);
	Agraph_t *g = agopen("ytegraph", Agdirected, &yg_sequential_disc);
	declare_defaults(g, "TB");
	agattr(g, AGRAPH, "rank", "");
	agattr(g, AGRAPH, "nodesep", "0.3");
	agattr(g, AGRAPH, "ranksep", "0.3");
	agattr(g, AGEDGE, "constraint", "true");
	yg_buf title;
	yg_buf_init(&title);
	yg_buf_printf(&title, "%s: %zu %s, %zu %s, %zu %s", v->w.overview, yg_graph_article_count(v->g), v->w.news,
	              entities, v->w.entities, yg_graph_edge_count(v->g), v->w.relations);
	agset(g, "label", title.s);
	yg_buf_free(&title);
	ranked *order = yg_xcalloc(n + 1, sizeof *order);
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (yg_graph_node(v->g, i)->type == YG_T_PROVINCE && ps[i].into == SIZE_MAX &&
		    (ps[i].total || ps[i].merged_from))
			order[k++] = (ranked){i, ps[i].total, yg_graph_node(v->g, i)->label};
	for (size_t i = 0; i < n; i++) /* a unit's size counts what merged into it */
		if (ps[i].into != SIZE_MAX)
			for (size_t r = 0; r < k; r++)
				if (order[r].node == ps[i].into)
					order[r].total += ps[i].total;
	yg_sort(order, k, sizeof *order, cmp_ranked);
	Agraph_t *row = overview_row(g, 0);
	Agnode_t *first = NULL, *prev_first = NULL;
	size_t in_row = 0, rows = 0;
	for (size_t r = 0; r <= k; r++) {
		/* the unit: what merged into order[r], then order[r] (the last
		 * unit is the entities of no province) */
		size_t unit[64], nu = 0;
		if (r < k) {
			for (size_t i = 0; i < n && nu < 63; i++)
				if (ps[i].into == order[r].node)
					unit[nu++] = i;
			unit[nu++] = order[r].node;
		} else if (!ps[n].total) {
			break;
		}
		if (in_row && in_row + (nu ? nu : 2) > YG_OVERVIEW_COLUMNS) {
			row = overview_row(g, ++rows);
			prev_first = first;
			first = NULL;
			in_row = 0;
		}
		Agnode_t *last = NULL;
		for (size_t u = 0; u < nu; u++) {
			const yg_node *nd = yg_graph_node(v->g, unit[u]);
			size_t into = ps[unit[u]].into;
			overview_node(g, &v->w, nd->iri, nd->label, &ps[unit[u]],
			              into != SIZE_MAX ? yg_graph_node(v->g, into)->label : NULL, into != SIZE_MAX, r);
			Agnode_t *an = agnode(g, nd->iri, 0);
			agsubnode(row, an, 1);
			if (u + 1 == nu && last)
				for (size_t m = 0; m + 1 < nu; m++) {
					Agnode_t *a = agnode(g, yg_graph_node(v->g, unit[m])->iri, 0);
					char name[32];
					snprintf(name, sizeof name, "m%zu_%zu", r, m);
					agset(agedge(g, a, an, name, 1), "style", "dashed");
				}
			last = an;
		}
		if (r == k) {
			overview_node(g, &v->w, "national", v->w.national, &ps[n], NULL, 0, r);
			last = agnode(g, "national", 0);
			agsubnode(row, last, 1);
			nu = 2;
		}
		if (!first) {
			first = nu > 1 && r < k ? agnode(g, yg_graph_node(v->g, unit[0])->iri, 0) : last;
			if (prev_first) {
				char name[32];
				snprintf(name, sizeof name, "row%zu", rows);
				agset(agedge(g, prev_first, first, name, 1), "style", "invis");
			}
		}
		in_row += nu;
	}
	int present[YG_T_COUNT] = {0};
	for (size_t c = 0; c < NCOUNTED; c++)
		present[counted[c]] = 1;
	present[YG_T_PROVINCE] = 1;
	add_legend(g, &v->w, present, 1);
	Agnode_t *legend = agnode(g, "legend", 0);
	if (first && legend) {
		agsubnode(overview_row(g, ++rows), legend, 1);
		agset(agedge(g, first, legend, "legend", 1), "style", "invis");
	}
	free(order);
	free(ps);
	return g;
}

/* One graphviz context for the whole process.  graphviz's pango plugin
 * (2.42) keeps a pointer to the last font name, which lives in the
 * context's font dictionary: after gvFreeContext() the next layout in the
 * same process reads freed memory (ASan: heap-use-after-free in
 * pango_textlayout when writing two diagrams, e.g. -o a.png -o a.svg).
 * Keeping the context until exit avoids it, and its per-context leaks. */
static GVC_t *shared_gvc;

static void free_shared_gvc(void)
{
	gvFreeContext(shared_gvc);
	shared_gvc = NULL;
}

static GVC_t *diagram_context(void)
{
	if (!shared_gvc) {
		shared_gvc = gvContext();
		atexit(free_shared_gvc);
	}
	return shared_gvc;
}

/* Lay out and render g (or write it as DOT); closes g. */
static yg_status render(Agraph_t *g, const yg_writer *w, const yg_write_opts *o, const char *layout,
                        FILE *fh, yg_diag *d)
{
	if (strcmp(w->arg, "dot") == 0) {
		/* say which engine to use, as the renderers below do */
		if (strcmp(layout, "dot") != 0)
			agattr(g, AGRAPH, "layout", (char *)layout);
		int rc = agwrite(g, fh);
		agclose(g);
		return rc == EOF ? yg_diag_set(d, YG_ERR_IO, o->path, "cannot write DOT") : YG_OK;
	}
	GVC_t *gvc = diagram_context();
	if (gvLayout(gvc, g, layout) != 0) {
		agclose(g);
		return yg_diag_set(d, YG_ERR_DATA, o->path, "graphviz layout \"%s\" failed (is it installed? try --layout dot)", layout);
	}
	int rc = gvRender(gvc, g, w->arg, fh);
	gvFreeLayout(gvc, g);
	agclose(g);
	if (rc != 0)
		return yg_diag_set(d, YG_ERR_DATA, o->path, "graphviz could not render %s", w->arg);
	return YG_OK;
}

/* The detailed view of the kept nodes: dot while it can, edge labels
 * while they can be read. */
static yg_status draw_detail(view *v, const yg_writer *w, const yg_write_opts *o, FILE *fh, yg_diag *d)
{
	size_t nodes = kept(v);
	v->edge_labels = nodes <= YG_EDGE_LABEL_MAX;
	const char *layout = o->layout ? o->layout : (nodes > YG_DOT_LAYOUT_MAX ? "sfdp" : "dot");
	if (nodes > YG_DETAIL_MAX && o->notes)
		fprintf(o->notes, "ytegraph: %s: %zu nodes in one picture%s; --focus, --type or --relation"
		        " show less\n", o->path, nodes, v->edge_labels ? "" : ", without edge labels");
	return render(build_detail(v), w, o, layout, fh, d);
}

yg_status yg_write_diagram(const yg_graph *gr, const yg_writer *w, const yg_write_opts *o,
                           FILE *fh, yg_diag *d)
{
	view v = {gr, o, NULL, homes(gr), 0, words_of(gr)};
	yg_status st = select_nodes(&v, d);
	if (st == YG_OK) {
		size_t nodes = kept(&v);
		int filtered = o->focus || o->type_mask || o->relation_mask || o->layout;
		if (!filtered && nodes > YG_DETAIL_MAX) {
			if (o->notes)
				fprintf(o->notes,
				        "ytegraph: %s: %zu entities are too many to read in one picture: this is an"
				        " overview by province. For the detail: -o 'DIR/%%s%s' (one picture per"
				        " province), --focus LABEL, --type or --relation\n",
				        o->path, nodes, w->ext);
			st = render(build_overview(&v, nodes), w, o, "dot", fh, d);
		} else {
			st = draw_detail(&v, w, o, fh, d);
		}
	}
	free(v.keep);
	free(v.home);
	return st;
}

/* ---- one picture per province ---- */

/* Make the folders of path (not its last component), as mkdir -p. */
static yg_status make_parents(const char *path, yg_diag *d)
{
	char *p = yg_xstrdup(path);
	for (char *s = strchr(p + 1, '/'); s; s = strchr(s + 1, '/')) {
		*s = '\0';
		if (mkdir(p, 0777) != 0 && errno != EEXIST) {
			yg_status st = yg_diag_set(d, YG_ERR_IO, p, "cannot make folder: %s", strerror(errno));
			free(p);
			return st;
		}
		*s = '/';
	}
	free(p);
	return YG_OK;
}

/* tmpl with its one "%s" replaced by name (caller frees). */
static char *fill(const char *tmpl, const char *name)
{
	const char *at = strstr(tmpl, "%s");
	yg_buf b;
	yg_buf_init(&b);
	yg_buf_add(&b, tmpl, (size_t)(at - tmpl));
	yg_buf_puts(&b, name);
	yg_buf_puts(&b, at + 2);
	return yg_buf_take(&b);
}

/* The view of province p (SIZE_MAX: what belongs to none): its entities
 * and their neighbours (the body an official also serves elsewhere, the
 * province a unit merged into), with the type and relation filters. */
static size_t province_view(view *v, size_t p)
{
	size_t n = yg_graph_node_count(v->g);
	unsigned char *core = yg_xcalloc(n + 1, 1);
	for (size_t i = 0; i < n; i++) {
		const yg_node *nd = yg_graph_node(v->g, i);
		int typed = !v->o->type_mask || (v->o->type_mask & (1u << nd->type));
		core[i] = typed && v->home[i] == p;
		v->keep[i] = core[i];
	}
	for (size_t k = 0; k < yg_graph_edge_count(v->g); k++) {
		const yg_edge *e = yg_graph_edge(v->g, k);
		if (!edge_wanted(v, e))
			continue;
		const unsigned tm = v->o->type_mask;
		if (core[e->s] && (!tm || (tm & (1u << yg_graph_node(v->g, e->o)->type))))
			v->keep[e->o] = 1;
		if (core[e->o] && (!tm || (tm & (1u << yg_graph_node(v->g, e->s)->type))))
			v->keep[e->s] = 1;
	}
	free(core);
	if (v->o->type_mask || v->o->relation_mask)
		drop_isolated(v);
	return kept(v);
}

/* One picture per province: o->path holds one "%s", replaced by the
 * province's IRI slug ("ha-noi"), and by "national" for the entities of
 * no province.  Each file appears whole or not at all. */
yg_status yg_write_diagram_set(const yg_graph *g, const yg_writer *w, const yg_write_opts *o, yg_diag *d)
{
	const char *at = strstr(o->path, "%s");
	if (w->fn != yg_write_diagram || !at || strstr(at + 2, "%s") || strchr(at + 2, '/'))
		return yg_diag_set(d, YG_ERR_USAGE, o->path,
		                   "one file per province needs a diagram format and one %%s in the file name");
	if (o->focus)
		return yg_diag_set(d, YG_ERR_USAGE, o->path, "--focus draws one picture: no %%s in its file name");
	yg_status st = make_parents(o->path, d);
	size_t n = yg_graph_node_count(g), written = 0;
	view v = {g, o, yg_xcalloc(n + 1, 1), homes(g), 0, words_of(g)};
	for (size_t p = 0; st == YG_OK && p <= n; p++) {
		size_t pi = p == n ? SIZE_MAX : p;
		if (pi != SIZE_MAX && yg_graph_node(g, p)->type != YG_T_PROVINCE)
			continue;
		if (province_view(&v, pi) == 0)
			continue;
		const char *slug = pi == SIZE_MAX ? "national" : strrchr(yg_graph_node(g, p)->iri, '/') + 1;
		char *path = fill(o->path, slug);
		yg_write_opts po = *o;
		po.path = path;
		yg_outfile out;
		st = yg_outfile_open(&out, path, d);
		if (st == YG_OK) {
			st = draw_detail(&v, w, &po, out.fh, d);
			if (st == YG_OK)
				st = yg_outfile_commit(&out, d);
			else
				yg_outfile_abort(&out);
		}
		written += st == YG_OK;
		free(path);
	}
	if (st == YG_OK && o->notes)
		fprintf(o->notes, "ytegraph: %s: %zu pictures, one per province\n", o->path, written);
	free(v.keep);
	free(v.home);
	return st;
}
