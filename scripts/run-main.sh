#!/bin/sh
# Command 1 of the README: set up, build, and build the graph of the sample
# articles in examples/ into out/ (Turtle, PNG diagram, entity list).
set -eu
cd "$(dirname "$0")/.."
sh scripts/setup-debian.sh
sh scripts/build.sh
mkdir -p out
./ytegraph build -o out/graph.ttl -o out/graph.png -o out/entities.tsv examples/
echo "wrote out/graph.ttl out/graph.png out/entities.tsv"
