#!/usr/bin/env node
// validate-shacl.mjs: validate an RDF data file against a SHACL shapes file.
//
// Usage: node validate-shacl.mjs [--engine=rdf-validate-shacl|shacl-engine|both] DATA.ttl SHAPES.ttl
//
// Both files are Turtle (N-Triples also parses). Prints one block per
// validation result and a summary line. Exit status:
//   0  the data conforms
//   1  the data does not conform (validation results were printed)
//   2  usage error, unreadable file, parse error or validator failure
//
// Needs the npm packages n3, @rdfjs/dataset, @rdfjs/data-model and
// rdf-validate-shacl (and shacl-engine for --engine=shacl-engine|both),
// resolvable from this script's folder (node_modules next to it).

import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { resolve } from 'node:path'
import { Parser } from 'n3'
import dataModel from '@rdfjs/data-model'
import datasetFactory from '@rdfjs/dataset'

const SH = 'http://www.w3.org/ns/shacl#'

// A factory with both the data model and dataset() methods, for shacl-engine
// (rdf-validate-shacl brings its own environment).
const factory = {
  namedNode: (v) => dataModel.namedNode(v),
  blankNode: (v) => dataModel.blankNode(v),
  literal: (v, l) => dataModel.literal(v, l),
  variable: (v) => dataModel.variable(v),
  defaultGraph: () => dataModel.defaultGraph(),
  quad: (s, p, o, g) => dataModel.quad(s, p, o, g),
  triple: (s, p, o) => dataModel.quad(s, p, o),
  fromTerm: (t) => dataModel.fromTerm(t),
  fromQuad: (q) => dataModel.fromQuad(q),
  dataset: (quads) => datasetFactory.dataset(quads)
}

function usage (msg) {
  if (msg) console.error(`validate-shacl: ${msg}`)
  console.error('usage: validate-shacl.mjs [--engine=rdf-validate-shacl|shacl-engine|both] DATA.ttl SHAPES.ttl')
  process.exit(2)
}

function load (file) {
  let text
  try {
    text = readFileSync(file, 'utf8')
  } catch (e) {
    console.error(`validate-shacl: cannot read ${file}: ${e.message}`)
    process.exit(2)
  }
  const parser = new Parser({ baseIRI: pathToFileURL(resolve(file)).href, factory: dataModel })
  let quads
  try {
    quads = parser.parse(text)
  } catch (e) {
    console.error(`validate-shacl: ${file}: parse error: ${e.message}`)
    process.exit(2)
  }
  return datasetFactory.dataset(quads)
}

function show (term) {
  if (term === null || term === undefined) return '-'
  if (Array.isArray(term)) return term.map(show).join(', ')
  switch (term.termType) {
    case 'NamedNode': return `<${term.value}>`
    case 'BlankNode': return `_:${term.value}`
    case 'Literal': {
      const v = JSON.stringify(term.value)
      if (term.language) return `${v}@${term.language}`
      if (term.datatype && term.datatype.value !== 'http://www.w3.org/2001/XMLSchema#string') return `${v}^^<${term.datatype.value}>`
      return v
    }
    default: return String(term.value)
  }
}

// Read the results from the report's RDF dataset, which both engines
// produce in the standard SHACL vocabulary.
function resultsFromDataset (ds) {
  const q = (s, p) => [...ds.match(s, dataModel.namedNode(SH + p), null)].map((x) => x.object)
  const one = (s, p) => q(s, p)[0]
  const out = []
  for (const quad of ds.match(null, dataModel.namedNode('http://www.w3.org/1999/02/22-rdf-syntax-ns#type'), dataModel.namedNode(SH + 'ValidationResult'))) {
    const r = quad.subject
    // Skip nested results (sh:detail) so each problem is printed once.
    if ([...ds.match(null, dataModel.namedNode(SH + 'detail'), r)].length > 0) continue
    out.push({
      severity: one(r, 'resultSeverity'),
      focusNode: one(r, 'focusNode'),
      path: one(r, 'resultPath'),
      value: one(r, 'value'),
      messages: q(r, 'resultMessage'),
      component: one(r, 'sourceConstraintComponent'),
      shape: one(r, 'sourceShape')
    })
  }
  return out
}

function print (engine, results) {
  const short = (t) => t ? t.value.replace(SH, 'sh:') : '-'
  results.sort((a, b) => (show(a.focusNode) + show(a.path)).localeCompare(show(b.focusNode) + show(b.path)))
  for (const r of results) {
    console.log(`[${engine}] ${short(r.severity)} ${short(r.component)}`)
    console.log(`  focus:   ${show(r.focusNode)}`)
    if (r.path) console.log(`  path:    ${show(r.path)}`)
    if (r.value) console.log(`  value:   ${show(r.value)}`)
    for (const m of r.messages) console.log(`  message: ${m.value}`)
    if (r.shape && r.shape.termType === 'NamedNode') console.log(`  shape:   ${show(r.shape)}`)
  }
}

async function runRdfValidateShacl (shapes, data) {
  const { default: SHACLValidator } = await import('rdf-validate-shacl')
  const validator = new SHACLValidator(shapes) // uses its own default environment
  const report = await validator.validate(data)
  return { conforms: report.conforms, results: resultsFromDataset(report.dataset) }
}

async function runShaclEngine (shapes, data) {
  const { Validator } = await import('shacl-engine')
  const validator = new Validator(shapes, { factory })
  const report = await validator.validate({ dataset: data })
  return { conforms: report.conforms, results: resultsFromDataset(report.dataset) }
}

async function main () {
  let engine = 'rdf-validate-shacl'
  const files = []
  for (const a of process.argv.slice(2)) {
    if (a.startsWith('--engine=')) engine = a.slice('--engine='.length)
    else if (a === '-h' || a === '--help') usage()
    else if (a.startsWith('-')) usage(`unknown option ${a}`)
    else files.push(a)
  }
  if (files.length !== 2) usage('need DATA.ttl and SHAPES.ttl')
  const engines = engine === 'both' ? ['rdf-validate-shacl', 'shacl-engine'] : [engine]
  for (const e of engines) if (!['rdf-validate-shacl', 'shacl-engine'].includes(e)) usage(`unknown engine ${e}`)

  const [dataFile, shapesFile] = files
  const data = load(dataFile)
  const shapes = load(shapesFile)

  let allConform = true
  for (const e of engines) {
    let r
    try {
      r = e === 'shacl-engine' ? await runShaclEngine(shapes, data) : await runRdfValidateShacl(shapes, data)
    } catch (err) {
      console.error(`validate-shacl: ${e} failed: ${err.stack || err}`)
      process.exit(2)
    }
    print(e, r.results)
    console.log(`${e}: ${dataFile}: ${r.conforms ? 'conforms' : `does NOT conform, ${r.results.length} result(s)`} (${data.size} triples, shapes ${shapesFile})`)
    if (!r.conforms) allConform = false
  }
  process.exit(allConform ? 0 : 1)
}

main()
