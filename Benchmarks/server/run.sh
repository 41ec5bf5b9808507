#!/usr/bin/env bash
# Load benchmark of `zonal serve` (issue 5, section 7): wrk with 64 connections for 30 s each against the model page,
# the findings API and a write endpoint, on SQLite (and on PostgreSQL when ZONAL_BENCH_POSTGRES_URL and
# ZONAL_BENCH_POSTGRES_ADMIN_URL are set); prints requests/s, p99 latency and errors, then checks that every
# acknowledged write is in the store and that the audit trail verifies.
#
#   swift build -c release --product zonal && Benchmarks/server/run.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/../.."
ZONAL=${ZONAL:-.build/release/zonal}
SECONDS_PER_RUN=${1:-30}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
[ -x "$ZONAL" ] || { echo "$ZONAL is missing: swift build -c release --product zonal" >&2; exit 2; }

bench() { # backend database-args...
  local backend=$1; shift
  local work; work=$(mktemp -d)
  local port; port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  local base="http://127.0.0.1:$port"
  export ZONAL_AUDIT_KEY; ZONAL_AUDIT_KEY=$(python3 -c 'import os,base64; print(base64.b64encode(os.urandom(32)).decode())')
  for user in "ada admin" "eve engineer"; do
    set -- $user
    printf 'password-%s\n' "$1" | "$ZONAL" users add "$1" --role "$2" --password-stdin "${DB_ARGS[@]}" >/dev/null
  done
  "$ZONAL" serve --insecure-cookies --port "$port" "${DB_ARGS[@]}" 2>"$work/serve.log" &
  local server=$!
  trap "kill $server 2>/dev/null || true" EXIT
  for _ in $(seq 100); do curl -sf "$base/login" >/dev/null && break; sleep 0.1; done
  # Sessions and tokens through the real sign-in form, as a person would (Python sends no Secure cookies over http,
  # hence --insecure-cookies on this loopback-only run).
  python3 - "$base" "$work" <<'PY'
import http.cookiejar, json, re, sys, urllib.parse, urllib.request
base, work = sys.argv[1], sys.argv[2]
def session(name):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    form = opener.open(base + "/login").read().decode()
    csrf = re.search(r'name="csrf" value="([^"]+)"', form).group(1)
    page = opener.open(base + "/login", urllib.parse.urlencode({"csrf": csrf, "name": name, "password": "password-" + name}).encode()).read().decode()
    csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    def call(method, path, body):
        request = urllib.request.Request(base + path, data=json.dumps(body).encode(), method=method, headers={"Content-Type": "application/json", "X-CSRF-Token": csrf})
        return json.loads(opener.open(request).read())
    return call
admin = session("ada")
admin_token = admin("POST", "/api/v1/tokens", {"name": "bench", "scopes": ["read", "write"]})["secret"]
def api(method, path, body, token):
    request = urllib.request.Request(base + path, data=json.dumps(body).encode() if body is not None else None, method=method, headers={"Content-Type": "application/json", "Authorization": "Bearer " + token})
    return json.loads(urllib.request.urlopen(request).read())
project = api("POST", "/api/v1/projects", {"name": "Bench"}, admin_token)["id"]
users = api("GET", "/api/v1/users", None, admin_token)
engineer = next(u for u in users if u["name"] == "eve")["id"]
api("POST", f"/api/v1/projects/{project}/members", {"userID": engineer}, admin_token)
token = session("eve")("POST", "/api/v1/tokens", {"name": "bench", "scopes": ["read", "write"]})["secret"]
version = api("POST", f"/api/v1/projects/{project}/models/refinery/versions", {"content": open("Examples/refinery/plant.yaml").read(), "comment": "bench", "baseVersionID": None}, token)["id"]
open(work + "/env", "w").write(f"TOKEN={token}\nPROJECT={project}\nVERSION={version}\n")
PY
  source "$work/env"
  cat > "$work/write.lua" <<LUA
-- Each thread writes its own model names (wrk seeds every thread's random generator alike).
local threads = 0
function setup(thread) threads = threads + 1; thread:set("tid", threads) end
local counter = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $TOKEN"
request = function()
  counter = counter + 1
  local name = "m-" .. tid .. "-" .. counter
  return wrk.format(nil, "/api/v1/projects/$PROJECT/models/" .. name .. "/versions", nil, '{"content":"zonal: 1\\\\n","comment":"bench","baseVersionID":null}')
end
local created = 0
response = function(status) if status == 201 then created = created + 1 end end
LUA
  run() { # label path [script]
    local out="$work/$1.txt"
    if [ -n "${3:-}" ]; then
      wrk -t2 -c64 -d"${SECONDS_PER_RUN}s" --latency -s "$3" "$base$2" >"$out"
    else
      wrk -t2 -c64 -d"${SECONDS_PER_RUN}s" --latency -H "Authorization: Bearer $TOKEN" "$base$2" >"$out"
    fi
    local rps p99 errors requests
    rps=$(awk '/Requests\/sec/ {print $2}' "$out")
    p99=$(awk '$1 == "99%" {print $2}' "$out")
    requests=$(awk '/requests in/ {print $1}' "$out")
    errors=$(awk '/Non-2xx/ {print $NF} /Socket errors/ {print $0}' "$out" | tr '\n' ' ')
    printf '%-10s %-14s %10s req/s   p99 %8s   requests %8s   errors: %s\n' "$backend" "$1" "$rps" "$p99" "$requests" "${errors:-none}"
  }
  run model-page "/versions/$VERSION"
  run findings-api "/api/v1/versions/$VERSION/findings"
  run write "/api/v1/projects/$PROJECT/models/x/versions" "$work/write.lua"
  local acknowledged; acknowledged=$(awk '/requests in/ {print $1}' "$work/write.txt")
  local non2xx; non2xx=$(awk '/Non-2xx/ {print $NF}' "$work/write.txt"); non2xx=${non2xx:-0}
  local stored; stored=$(curl -s -H "Authorization: Bearer $TOKEN" "$base/api/v1/projects/$PROJECT/models" | python3 -c 'import json,sys; print(sum(1 for v in json.load(sys.stdin) if v["modelName"].startswith("m-")))')
  kill $server; wait $server 2>/dev/null || true
  local ok=$((acknowledged - non2xx))
  local verdict="no acknowledged write lost"
  [ "$stored" -ge "$ok" ] || verdict="LOST $((ok - stored)) acknowledged writes"
  echo "$backend: writes acknowledged with 2xx $ok, model versions stored $stored: $verdict"
  "$ZONAL" audit verify --no-record "${DB_ARGS[@]}" | tail -3
  rm -rf "$work"
}

DB_DIR=$(mktemp -d)
DB_ARGS=(--database "$DB_DIR/zonal.sqlite")
bench sqlite
if [ -n "${ZONAL_BENCH_POSTGRES_URL:-}" ]; then
  DB_ARGS=(--database "$ZONAL_BENCH_POSTGRES_URL" --database-admin "$ZONAL_BENCH_POSTGRES_ADMIN_URL")
  bench postgresql
fi
rm -rf "$DB_DIR"
