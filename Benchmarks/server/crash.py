#!/usr/bin/env python3
"""Durability under SIGKILL (issue 5, section 7): a stream of writes to `zonal serve`, the server killed with SIGKILL
mid-stream, then: the database opens, its audit trail verifies, and every write the server acknowledged (201) is
present. Repeats the kill ROUNDS times on the same database. Prints what it found; exit 0 when all held.

  python3 Benchmarks/server/crash.py [--zonal .build/release/zonal] [--rounds 5] [--database postgres://... --database-admin ...]
"""
import argparse, base64, http.cookiejar, json, os, re, signal, socket, subprocess, sys, tempfile, threading, time, urllib.parse, urllib.request

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--zonal", default=".build/release/zonal")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--database")
    parser.add_argument("--database-admin")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="zonal-crash-")
    db = ["--database", args.database or os.path.join(work, "zonal.sqlite")] + (["--database-admin", args.database_admin] if args.database_admin else [])
    env = dict(os.environ, ZONAL_AUDIT_KEY=base64.b64encode(os.urandom(32)).decode())
    for name, role in [("ada", "admin"), ("eve", "engineer")]:
        subprocess.run([args.zonal, "users", "add", name, "--role", role, "--password-stdin"] + db, input=f"password-{name}\n", text=True, check=True, env=env, capture_output=True)
    acknowledged, project, token, failures = [], None, None, []
    for round in range(1, args.rounds + 1):
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen([args.zonal, "serve", "--insecure-cookies", "--port", str(port)] + db, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_until_up(base)
            if project is None:
                project, token = set_up(base)
        except BaseException:
            server.kill()
            raise
        if round > 1:
            missing = [v for v in acknowledged if not exists(base, token, v)]
            if missing:
                failures.append(f"round {round}: {len(missing)} acknowledged writes missing after the kill, e.g. {missing[:5]}")
        stop = threading.Event()
        lock = threading.Lock()
        def writer(n):
            i = 0
            while not stop.is_set():
                i += 1
                body = json.dumps({"content": "zonal: 1\n", "comment": f"crash {round}", "baseVersionID": None}).encode()
                request = urllib.request.Request(f"{base}/api/v1/projects/{project}/models/r{round}-w{n}-{i}/versions", data=body, method="POST",
                                                 headers={"Content-Type": "application/json", "Authorization": "Bearer " + token})
                try:
                    version = json.loads(urllib.request.urlopen(request, timeout=5).read())["id"]
                    with lock:
                        acknowledged.append(version)
                except Exception:
                    return
        threads = [threading.Thread(target=writer, args=(n,)) for n in range(8)]
        for thread in threads: thread.start()
        time.sleep(2 + round * 0.37 % 1)
        server.send_signal(signal.SIGKILL)
        server.wait()
        stop.set()
        for thread in threads: thread.join()
        verify = subprocess.run([args.zonal, "audit", "verify", "--no-record"] + db, env=env, capture_output=True, text=True)
        status = "verified" if verify.returncode == 0 else f"verify exited {verify.returncode}: {verify.stdout.strip().splitlines()[-1] if verify.stdout.strip() else verify.stderr.strip()}"
        print(f"round {round}: killed with {len(acknowledged)} acknowledged writes so far; audit trail {status}")
        if verify.returncode != 0:
            failures.append(f"round {round}: {status}")
    # Final check of every acknowledged write.
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([args.zonal, "serve", "--insecure-cookies", "--port", str(port)] + db, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_until_up(base)
    missing = [v for v in acknowledged if not exists(base, token, v)]
    server.terminate(); server.wait()
    print(f"{len(acknowledged)} acknowledged writes over {args.rounds} kills; missing: {len(missing)}")
    if missing: failures.append(f"{len(missing)} acknowledged writes missing at the end")
    for failure in failures: print("FAILED:", failure)
    sys.exit(1 if failures else 0)

def wait_until_up(base):
    for _ in range(200):
        try:
            urllib.request.urlopen(base + "/login", timeout=1); return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("zonal serve did not start")

def set_up(base):
    def session(name):
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        csrf = re.search(r'name="csrf" value="([^"]+)"', opener.open(base + "/login").read().decode()).group(1)
        page = opener.open(base + "/login", urllib.parse.urlencode({"csrf": csrf, "name": name, "password": "password-" + name}).encode()).read().decode()
        csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
        request = urllib.request.Request(base + "/api/v1/tokens", data=json.dumps({"name": "crash", "scopes": ["read", "write"]}).encode(), method="POST", headers={"Content-Type": "application/json", "X-CSRF-Token": csrf})
        return json.loads(opener.open(request).read())["secret"]
    admin = session("ada")
    def api(method, path, body, token):
        request = urllib.request.Request(base + path, data=json.dumps(body).encode() if body is not None else None, method=method, headers={"Content-Type": "application/json", "Authorization": "Bearer " + token})
        return json.loads(urllib.request.urlopen(request).read())
    project = api("POST", "/api/v1/projects", {"name": "Crash"}, admin)["id"]
    engineer = next(u for u in api("GET", "/api/v1/users", None, admin) if u["name"] == "eve")["id"]
    api("POST", f"/api/v1/projects/{project}/members", {"userID": engineer}, admin)
    return project, session("eve")

def exists(base, token, version):
    request = urllib.request.Request(f"{base}/api/v1/versions/{version}", headers={"Authorization": "Bearer " + token})
    try:
        return urllib.request.urlopen(request, timeout=5).status == 200
    except Exception:
        return False

if __name__ == "__main__":
    main()
