#!/usr/bin/env bash
# Renders the app icon's PNGs (the hicolor sizes) from its SVG. Needs
# rsvg-convert (Debian: apt-get install librsvg2-bin). The PNGs are committed;
# run this after changing the SVG.
set -euo pipefail
cd "$(dirname "$0")"
id=io.github.clustercompare.ClusterCompare
for s in 16 22 24 32 48 64 128 256 512; do
  mkdir -p "${s}x${s}"
  rsvg-convert -w "$s" -h "$s" "$id.svg" -o "${s}x${s}/$id.png"
done
