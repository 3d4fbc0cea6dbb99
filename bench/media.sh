#!/usr/bin/env bash
# Time and peak memory of the two media operations (see bench/media.bench.ts).
# GNU time's "Maximum resident set size" is the largest single process in the tree
# (node, or the ffmpeg child it waited for), not their sum.
set -euo pipefail
cd "$(dirname "$0")/.."
DIR="${BENCH_DIR:-/tmp/galaxy-media-bench}"
mkdir -p "$DIR"
RUN=(node --conditions=react-server --import tsx bench/media.bench.ts)
"${RUN[@]}" prepare "$DIR"
for step in crop frame; do
  for i in 1 2 3; do
    /usr/bin/time -v "${RUN[@]}" "$step" "$DIR" 2> "$DIR/time-$step-$i.txt" | sed "s/^/[$step #$i] /"
    grep -E "Elapsed \(wall clock\)|Maximum resident set size" "$DIR/time-$step-$i.txt" | sed "s/^\s*/[$step #$i]   /"
  done
done
FF="$(node -e 'console.log(require("@ffmpeg-installer/ffmpeg").path)')"
echo "[ffmpeg alone] -ss 30 -i video -frames:v 1 png:"
/usr/bin/time -v "$FF" -hide_banner -loglevel error -ss 30 -i "$DIR/video-60s-1080p.mp4" -map 0:v:0 -frames:v 1 -f image2pipe -c:v png - 2> "$DIR/time-ffmpeg.txt" > /dev/null
grep -E "Elapsed \(wall clock\)|Maximum resident set size" "$DIR/time-ffmpeg.txt" | sed "s/^\s*/[ffmpeg alone]   /"
