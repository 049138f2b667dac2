#!/usr/bin/env node
// sparql.mjs: load RDF files into an in-memory Oxigraph store and run a
// SPARQL query over them, or write the union of their graphs as Turtle.
//
//   node sparql.mjs query [--union] QUERY.rq DATA...   CSV rows on stdout
//   node sparql.mjs turtle DATA...                     the union, as Turtle
//   node sparql.mjs count DATA...                      quads and graphs
//
// DATA files are read by extension: .ttl (Turtle), .nt (N-Triples), .nq
// (N-Quads, named graphs kept).  --union queries the union of the default
// graph and every named graph, as a store does when it is asked to treat
// the named graphs of a bulk load as one graph.
// Exit status: 0 done, 1 a file that does not parse or a query error,
// 2 usage.
//
// Oxigraph is the reference SPARQL store of ytegraph's tests (rasqal's
// roqet returns wrong rows when a triple is repeated).  Its npm package is
// pinned in package.json and package-lock.json next to this script.

import { readFileSync } from 'node:fs'
import oxigraph from 'oxigraph'

const FORMATS = { '.ttl': 'text/turtle', '.nt': 'application/n-triples', '.nq': 'application/n-quads' }

function usage (msg) {
  if (msg) console.error(`sparql.mjs: ${msg}`)
  console.error('usage: sparql.mjs query [--union] QUERY.rq DATA...\n       sparql.mjs turtle DATA...\n       sparql.mjs count DATA...')
  process.exit(2)
}

function fail (msg) {
  console.error(`sparql.mjs: ${msg}`)
  process.exit(1)
}

function load (store, file) {
  const ext = file.slice(file.lastIndexOf('.'))
  const format = FORMATS[ext]
  if (!format) usage(`${file}: unknown extension (want .ttl, .nt or .nq)`)
  let text
  try {
    text = readFileSync(file, 'utf8')
  } catch (e) {
    fail(`cannot read ${file}: ${e.message}`)
  }
  try {
    store.load(text, { format })
  } catch (e) {
    fail(`${file}: ${e.message || e}`)
  }
}

function main () {
  const args = process.argv.slice(2)
  const cmd = args.shift()
  let union = false
  if (args[0] === '--union') {
    union = true
    args.shift()
  }
  const store = new oxigraph.Store()
  if (cmd === 'query') {
    if (args.length < 2) usage('need a query and at least one data file')
    const query = readFileSync(args.shift(), 'utf8')
    for (const f of args) load(store, f)
    let out
    try {
      out = store.query(query, { results_format: 'csv', use_default_graph_as_union: union })
    } catch (e) {
      fail(`query: ${e.message || e}`)
    }
    process.stdout.write(out)
  } else if (cmd === 'turtle') {
    if (args.length < 1) usage('need at least one data file')
    for (const f of args) load(store, f)
    const triples = store.query('CONSTRUCT { ?s ?p ?o } WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }')
    const merged = new oxigraph.Store(triples)
    process.stdout.write(merged.dump({ format: 'text/turtle', from_graph_name: oxigraph.defaultGraph() }))
  } else if (cmd === 'count') {
    for (const f of args) load(store, f)
    const graphs = new Set(store.match().map((q) => q.graph.value))
    process.stdout.write(`${store.size} quads, ${graphs.size} graphs\n`)
  } else {
    usage(cmd ? `unknown command ${cmd}` : '')
  }
}

main()
