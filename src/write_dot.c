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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "dotids.h"
#include "normalize.h"
#include "write.h"

/* Above this many nodes `dot` takes minutes; sfdp takes seconds. */
#define YG_DOT_LAYOUT_MAX 150
/* Cairo cannot make bitmaps wider than 32767 px; stay well below. */
#define YG_MAX_INCHES "160,160"

static const struct {
	const char *shape, *fill, *legend;
} style[YG_T_COUNT] = {
	[YG_T_OFFICIAL] = {"ellipse", "#fde68a", "Quan chức (Official)"},
	[YG_T_HOSPITAL] = {"box", "#fca5a5", "Bệnh viện (Hospital)"},
	[YG_T_RESOLUTION] = {"note", "#c7d2fe", "Văn bản (Resolution)"},
	[YG_T_PROVINCE] = {"house", "#86efac", "Tỉnh/thành (Province)"},
	[YG_T_BODY] = {"box3d", "#93c5fd", "Cơ quan (GovernmentBody)"},
	[YG_T_FACILITY] = {"component", "#f9a8d4", "Cơ sở y tế (HealthFacility)"},
};

static const char *const relation_label[YG_R_COUNT] = {
	"thành viên", "thuộc", "ban hành bởi", "sáp nhập vào", "đối tác",
};

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
	size_t nkeep;
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
	if (!v->o->focus)
		return YG_OK;
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

static void declare_defaults(Agraph_t *g, size_t nodes)
{
	agattr(g, AGRAPH, "fontname", "DejaVu Sans");
	agattr(g, AGRAPH, "rankdir", "LR");
	agattr(g, AGRAPH, "label", "");
	agattr(g, AGRAPH, "labelloc", "t");
	agattr(g, AGRAPH, "style", "");
	agattr(g, AGRAPH, "fillcolor", "");
	agattr(g, AGRAPH, "color", "");
	agattr(g, AGRAPH, "overlap", nodes > YG_DOT_LAYOUT_MAX ? "prism" : "true");
	agattr(g, AGRAPH, "outputorder", "edgesfirst");
	/* many small components read better side by side than stacked in one
	 * column; but graphviz 2.43's dot loses edge labels when packing, so
	 * only the force-directed layout packs */
	if (nodes > YG_DOT_LAYOUT_MAX) {
		agattr(g, AGRAPH, "pack", "true");
		agattr(g, AGRAPH, "packmode", "array_u");
	}
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
	agattr(g, AGEDGE, "fontname", "DejaVu Sans");
	agattr(g, AGEDGE, "fontsize", "9");
	agattr(g, AGEDGE, "label", "");
	agattr(g, AGEDGE, "color", "#475569");
	agattr(g, AGEDGE, "dir", "forward");
	agattr(g, AGEDGE, "style", "solid");
}

static void add_legend(Agraph_t *g, const view *v)
{
	int present[YG_T_COUNT] = {0};
	for (size_t i = 0; i < yg_graph_node_count(v->g); i++)
		if (v->keep[i])
			present[yg_graph_node(v->g, i)->type] = 1;
	Agraph_t *leg = agsubg(g, "cluster_legend", 1);
	agsafeset(leg, "label", "Chú giải / Legend", "");
	agsafeset(leg, "style", "rounded", "");
	agsafeset(leg, "color", "#94a3b8", "");
	for (int t = 0; t < YG_T_COUNT; t++) {
		if (!present[t])
			continue;
		char name[32];
		snprintf(name, sizeof name, "legend_%d", t);
		Agnode_t *n = agnode(leg, name, 1);
		agset(n, "label", (char *)style[t].legend);
		agset(n, "shape", (char *)style[t].shape);
		agset(n, "fillcolor", (char *)style[t].fill);
	}
}

static char *node_label(const yg_node *n)
{
	char *w = wrap(n->label, 22), *e = esc_label(w);
	yg_buf b;
	yg_buf_init(&b);
	yg_buf_printf(&b, "%s\n(%zu bài)", e, n->docs.len);
	free(e);
	free(w);
	return yg_buf_take(&b);
}

static char *edge_label(const yg_edge *e)
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
		yg_buf_puts(&b, relation_label[e->p]);
		if (e->p == YG_R_MERGED_INTO && e->date)
			yg_buf_printf(&b, " · %s", e->date);
	}
	return yg_buf_take(&b);
}

/* The province each kept node is located in (for clusters), or SIZE_MAX. */
static size_t *locations(const view *v)
{
	size_t n = yg_graph_node_count(v->g);
	size_t *loc = yg_xmalloc((n + 1) * sizeof *loc);
	for (size_t i = 0; i < n; i++)
		loc[i] = yg_graph_node(v->g, i)->type == YG_T_PROVINCE ? i : SIZE_MAX;
	for (size_t k = 0; k < yg_graph_edge_count(v->g); k++) {
		const yg_edge *e = yg_graph_edge(v->g, k);
		if (e->p == YG_R_LOCATED_IN && loc[e->s] == SIZE_MAX && v->keep[e->o])
			loc[e->s] = e->o;
	}
	return loc;
}

static Agraph_t *build(const view *v, size_t nodes)
{
	Agraph_t *g = agopen("ytegraph", Agdirected, &yg_sequential_disc);
	declare_defaults(g, nodes);
	size_t n = yg_graph_node_count(v->g);
	Agnode_t **an = yg_xcalloc(n + 1, sizeof *an);
	Agraph_t **clusters = yg_xcalloc(n + 1, sizeof *clusters);
	size_t *loc = locations(v);
	for (size_t i = 0; i < n; i++) {
		if (!v->keep[i])
			continue;
		const yg_node *nd = yg_graph_node(v->g, i);
		Agraph_t *home = loc[i] != SIZE_MAX ? province_cluster(g, clusters, v, loc[i]) : g;
		an[i] = agnode(g, nd->iri, 1);
		if (home != g)
			agsubnode(home, an[i], 1);
		char *label = node_label(nd);
		agset(an[i], "label", label);
		free(label);
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
		if (e->p == YG_R_LOCATED_IN && loc[e->s] == e->o)
			continue;
		char name[32];
		snprintf(name, sizeof name, "e%zu", k);
		Agedge_t *ae = agedge(g, an[e->s], an[e->o], name, 1);
		char *label = edge_label(e);
		agset(ae, "label", label);
		free(label);
		if (e->p == YG_R_PARTNER_OF)
			agset(ae, "dir", "both");
		if (e->p == YG_R_MERGED_INTO)
			agset(ae, "style", "dashed");
	}
	add_legend(g, v);
	free(loc);
	free(clusters);
	free(an);
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

yg_status yg_write_diagram(const yg_graph *gr, const yg_writer *w, const yg_write_opts *o,
                           FILE *fh, yg_diag *d)
{
	view v = {gr, o, NULL, 0};
	yg_status st = select_nodes(&v, d);
	if (st != YG_OK) {
		free(v.keep);
		return st;
	}
	size_t nodes = 0;
	for (size_t i = 0; i < yg_graph_node_count(gr); i++)
		nodes += v.keep[i];
	Agraph_t *g = build(&v, nodes);
	free(v.keep);
	if (strcmp(w->arg, "dot") == 0) {
		/* large graphs: say which engine to use, as the renderers below do */
		if (o->layout || nodes > YG_DOT_LAYOUT_MAX)
			agattr(g, AGRAPH, "layout", (char *)(o->layout ? o->layout : "sfdp"));
		int rc = agwrite(g, fh);
		agclose(g);
		return rc == EOF ? yg_diag_set(d, YG_ERR_IO, o->path, "cannot write DOT") : YG_OK;
	}
	const char *layout = o->layout ? o->layout : (nodes > YG_DOT_LAYOUT_MAX ? "sfdp" : "dot");
	if (nodes > YG_DOT_LAYOUT_MAX && o->notes)
		fprintf(o->notes,
		        "ytegraph: %s: %zu nodes, laid out with %s and scaled to at most %s inches at 96 dpi;"
		        " use --focus, --type or --relation for a readable view\n",
		        o->path, nodes, layout, YG_MAX_INCHES);
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
