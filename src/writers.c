#include "write.h"

#include <string.h>
#include <strings.h>

static const yg_writer table[] = {
	{".ttl", "turtle", "RDF Turtle (prefixes, grouped by subject)", yg_write_rdf, "turtle", 0},
	{".nt", "ntriples", "RDF N-Triples", yg_write_rdf, "ntriples", 0},
	{".nq", "nquads", "RDF N-Quads, one named graph per article (streams with --stream)", NULL, "nquads", 1},
	{".rdf", "rdfxml", "RDF/XML", yg_write_rdf, "rdfxml-abbrev", 0},
	{".dot", "dot", "Graphviz DOT source of the diagram", yg_write_diagram, "dot", 0},
	{".png", "png", "diagram as PNG (cairo)", yg_write_diagram, "png:cairo", 0},
	{".svg", "svg", "diagram as SVG", yg_write_diagram, "svg", 0},
	{".pdf", "pdf", "diagram as PDF", yg_write_diagram, "pdf:cairo", 0},
	{".tsv", "tsv", "entity list, tab-separated", yg_write_entities, "tsv", 0},
	{".csv", "csv", "entity list, CSV (RFC 4180)", yg_write_entities, "csv", 0},
	{".jsonl", "jsonl", "entity list, one JSON object a line", yg_write_entities, "jsonl", 0},
	{".txt", "table", "entity list, aligned table", yg_write_entities, "table", 0},
};

const yg_writer *yg_writers(size_t *n)
{
	*n = sizeof table / sizeof table[0];
	return table;
}

const yg_writer *yg_writer_for_path(const char *path)
{
	const char *dot = strrchr(path, '.');
	const char *slash = strrchr(path, '/');
	if (!dot || (slash && dot < slash))
		return NULL;
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
		if (strcasecmp(dot, table[i].ext) == 0)
			return &table[i];
	return NULL;
}

const yg_writer *yg_writer_by_name(const char *name)
{
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
		if (strcasecmp(name, table[i].name) == 0)
			return &table[i];
	return NULL;
}
