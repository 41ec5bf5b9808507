#!/usr/bin/env python3
"""End-to-end test of `zonal serve` in a real headless Chromium (Debian's), driven by Playwright.

An admin sets up a project, an engineer uploads the refinery example and sees its findings, an assessor submits
it, a different user approves it, and an auditor finds every step in the audit trail and verifies it. Screenshots
of each step go to the output folder (default: .build/e2e). Loopback only; the server and its database are
temporary. Exit 0 when every step held, 1 otherwise.

Run after `swift build`:  python3 Tests/EndToEnd/server_flow.py [--zonal .build/debug/zonal] [--out .build/e2e]
"""
import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

from playwright.sync_api import sync_playwright, expect

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
USERS = [("ada", "admin"), ("eve", "engineer"), ("sam", "assessor"), ("otto", "approver"), ("aud", "auditor")]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--zonal", default=os.path.join(ROOT, ".build", "debug", "zonal"))
    parser.add_argument("--out", default=os.path.join(ROOT, ".build", "e2e"))
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    work = tempfile.mkdtemp(prefix="zonal-e2e-")
    database = os.path.join(work, "zonal.sqlite")
    for name, role in USERS:
        subprocess.run([args.zonal, "users", "add", name, "--role", role, "--password-stdin", "--database", database],
                       input=f"password-{name}\n", text=True, check=True, capture_output=True)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([args.zonal, "serve", "--database", database, "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.time() + 20
        while True:
            try:
                urllib.request.urlopen(base + "/login", timeout=1)
                break
            except OSError:
                if time.time() > deadline or server.poll() is not None:
                    raise SystemExit("zonal serve did not start")
                time.sleep(0.2)
        run_flow(base, args)
    finally:
        server.terminate()
        server.wait(timeout=10)
    verify = subprocess.run([args.zonal, "audit", "verify", "--database", database], capture_output=True, text=True)
    print(verify.stdout, end="")
    if verify.returncode != 0:
        raise SystemExit(f"zonal audit verify exited {verify.returncode}")
    shutil.rmtree(work, ignore_errors=True)
    print(f"end-to-end flow passed; screenshots in {args.out}")


def run_flow(base, args):
    refinery = open(os.path.join(ROOT, "Examples", "refinery", "plant.yaml"), encoding="utf-8").read()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=args.chromium, args=["--no-sandbox", "--disable-gpu"])
        shot = lambda page, name: page.screenshot(path=os.path.join(args.out, name + ".png"), full_page=True)

        def sign_in(name):
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            page.set_default_timeout(10_000)
            page.goto(base + "/login")
            page.fill("#name", name)
            page.fill("#password", f"password-{name}")
            page.click("button[type=submit]")
            expect(page.locator("nav .who")).to_contain_text(name)
            return context, page

        # The admin creates the project and adds the team.
        context, page = sign_in("ada")
        page.fill("#project-name", "Crude Unit 1")
        page.click("text=Create project")
        for member in ["eve", "sam", "otto"]:
            page.select_option("#member-project", label="Crude Unit 1")
            page.select_option("#member-user", label=next(f"{n} ({r})" for n, r in USERS if n == member))
            page.click("text=Add member")
        expect(page.locator("table").nth(1)).to_contain_text("eve, sam, otto")
        shot(page, "1-admin-users")
        context.close()

        # The engineer uploads the refinery example and sees its findings.
        context, page = sign_in("eve")
        page.click("text=Crude Unit 1")
        page.fill("#model", "refinery")
        page.fill("#content", refinery)
        page.fill("#comment", "Initial zone & conduit design")
        page.click("text=Save version")
        expect(page.locator("h1")).to_have_text("refinery v1")
        expect(page.locator("h2", has_text="Findings")).to_be_visible()
        findings = page.locator("td[class^=sev-]").count()
        assert findings > 0, "the refinery example has findings"
        shot(page, "2-engineer-findings")
        version_url = page.url
        context.close()

        # The assessor submits it for approval.
        context, page = sign_in("sam")
        page.goto(version_url)
        page.click("text=Submit for approval")
        expect(page.locator(".state-submitted")).to_have_text("submitted")
        shot(page, "3-assessor-submitted")
        context.close()

        # Another user approves it (four eyes).
        context, page = sign_in("otto")
        page.goto(version_url)
        page.select_option("#decision", "approve")
        page.fill("#comment", "Reviewed against ZCR 3 and ZCR 5")
        page.click("text=Record decision")
        expect(page.locator(".state-approved")).to_have_text("approved")
        shot(page, "4-approver-approved")
        context.close()

        # The auditor finds every step in the audit trail and verifies it.
        context, page = sign_in("aud")
        page.goto(base + "/audit")
        body = page.locator("table").inner_text()
        for action in ["project.create", "project.member.add", "model.version.create", "approval.submit", "approval.approve", "auth.login"]:
            assert action in body, f"{action} is in the audit trail"
        page.click("text=Verify the audit trail")
        expect(page.locator(".state-approved")).to_contain_text("Verified")
        shot(page, "5-auditor-verified")
        context.close()
        browser.close()


if __name__ == "__main__":
    try:
        main()
    except AssertionError as error:
        print(f"end-to-end flow FAILED: {error}", file=sys.stderr)
        sys.exit(1)
