#!/usr/bin/env bash
# Builds the production output (`npm run build`: nest build → dist/, aliases resolved, no swc at start), starts the
# built API once on a free port with a throw-away DATA_DIR (embedded PostgreSQL), and waits for /health and
# /ready. Proves the image's command runs; CI calls it after `npm test`. First, a batch through the compiled
# validation threads (tools/smoke-built-threads.js).
set -euo pipefail
cd "$(dirname "$0")/.."
npm run build --silent
node tools/smoke-built-threads.js
data_dir=$(mktemp -d)
port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
log="$data_dir/api.log"
NODE_ENV=production DATA_DIR="$data_dir" PORT="$port" LOG_LEVEL=warn node dist/apps/api/src/main.js >"$log" 2>&1 &
pid=$!
cleanup() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$data_dir"; }
trap cleanup EXIT
for _ in $(seq 1 60); do
  if node -e "Promise.all(['health','ready'].map((p)=>fetch('http://127.0.0.1:$port/'+p))).then((r)=>process.exit(r.every((x)=>x.ok)?0:1),()=>process.exit(1))"; then
    echo "smoke-built-api: dist/apps/api/src/main.js answers /health and /ready on port $port"
    exit 0
  fi
  if ! kill -0 "$pid" 2>/dev/null; then break; fi
  sleep 1
done
echo "smoke-built-api: the built API did not become ready; its log:" >&2
cat "$log" >&2
exit 1
