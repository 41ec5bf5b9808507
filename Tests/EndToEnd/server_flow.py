#!/usr/bin/env python3
"""End-to-end test of `zonal serve` in a real headless Chromium (Debian's), driven by Playwright.

An admin sets up a project, an engineer uploads the refinery example and sees its findings and zone & conduit
diagram, an assessor attaches an evidence file, makes and revokes an API token and submits the version, a different
user approves it and downloads the evidence (its SHA-256 checked), and an auditor finds every step in the audit trail
and verifies it. Along the way: an evidence file over the server's limit gets a clear 413 page (not a broken
connection), the admin disables an account (its sign-in fails) and enables it again, and the engineer changes their own
password (signed out, then in with the new one). Screenshots
of each step go to the output folder (default: .build/e2e). Loopback only; the server and its database are
temporary. Exit 0 when every step held, 1 otherwise.

Run after `swift build`:  python3 Tests/EndToEnd/server_flow.py [--zonal .build/debug/zonal] [--out .build/e2e]
"""
import argparse
import hashlib
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
# The server runs with the smallest evidence limit, so the over-limit upload stays small enough to be quick.
EVIDENCE_LIMIT_MIB = 1


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
    server = subprocess.Popen([args.zonal, "serve", "--database", database, "--port", str(port), "--evidence-limit", str(EVIDENCE_LIMIT_MIB)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
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
    # Every byte value, so a download that altered a single byte (a text re-encoding, say) would change the hash.
    evidence_path = os.path.join(tempfile.mkdtemp(prefix="zonal-e2e-evidence-"), "sis-proof-test.bin")
    with open(evidence_path, "wb") as handle:
        handle.write(bytes(range(256)) * 64)
    evidence_sha256 = hashlib.sha256(open(evidence_path, "rb").read()).hexdigest()
    # Sixteen times the limit: far more than fits in socket buffers, so a server that answered 413 and dropped the
    # connection mid-upload would show the browser's own network error page instead of Zonal's.
    too_large_path = os.path.join(os.path.dirname(evidence_path), "plant-capture.pcap")
    with open(too_large_path, "wb") as handle:
        handle.write(os.urandom(16 * EVIDENCE_LIMIT_MIB << 20))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=args.chromium, args=["--no-sandbox", "--disable-gpu"])
        shot = lambda page, name: page.screenshot(path=os.path.join(args.out, name + ".png"), full_page=True)

        def open_sign_in(name, password):
            context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
            page = context.new_page()
            page.set_default_timeout(10_000)
            page.goto(base + "/login")
            page.fill("#name", name)
            page.fill("#password", password or f"password-{name}")
            page.click("button[type=submit]")
            return context, page

        def sign_in(name, password=None):
            context, page = open_sign_in(name, password)
            expect(page.locator("nav .who")).to_contain_text(name)
            return context, page

        def refused_sign_in(name, password=None):
            context, page = open_sign_in(name, password)
            expect(page.locator("p.error")).to_contain_text("Wrong name or password")
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
        # The admin disables the auditor's account: their sign-in gets the answer a wrong password gets.
        page.click("button[aria-label='Disable aud']")
        expect(page.locator("tr", has_text="aud").first).to_contain_text("disabled since")
        shot(page, "1-admin-disabled-auditor")
        refused, refused_page = refused_sign_in("aud")
        shot(refused_page, "1-disabled-auditor-refused")
        refused.close()
        # The last enabled admin is told why they cannot disable themselves.
        page.click("button[aria-label='Disable ada']")
        expect(page.locator("p.error")).to_contain_text("last enabled admin")
        shot(page, "1-admin-cannot-disable-self")
        page.goto(base + "/users")
        page.click("button[aria-label='Enable aud']")
        expect(page.locator("tr", has_text="aud").first).to_contain_text("enabled")
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
        findings = page.locator("#findings span[class^=sev-]").count()
        assert findings > 0, "the refinery example has findings"
        # The zone & conduit diagram is inline SVG, styled by the served stylesheet (the CSP allows no inline style).
        diagram = page.locator("figure.diagram svg")
        expect(diagram).to_be_visible()
        assert page.locator("figure.diagram g.zone").count() == 4, "four zones in the refinery diagram"
        expect(page.locator("#zone-sis")).to_contain_text("Safety Instrumented System")
        fill = page.eval_on_selector("#zone-sis rect", "e => getComputedStyle(e).fill")
        assert fill == "rgb(251, 227, 224)", f"the safety zone is drawn with the stylesheet's fill, not {fill}"
        for heading in ["Security levels per zone", "Requirement gaps", "Attack paths"]:
            expect(page.locator("h2", has_text=heading)).to_be_visible()
        diagram.screenshot(path=os.path.join(args.out, "2-diagram.png"))
        # Sorting is a link: the server returns the findings ordered by check id, descending on a second click.
        page.click("#findings th a:text('Check')")
        expect(page.locator("#findings th[aria-sort=ascending]")).to_contain_text("Check")
        checks = page.locator("#findings tbody tr td:nth-child(2)").all_inner_texts()
        assert checks == sorted(checks, key=str.lower) or len(set(checks)) < 2, f"findings sorted by check: {checks}"
        shot(page, "2-engineer-findings")
        version_url = page.url
        # The engineer changes their own password: every session ends, and the new password signs them in.
        page.click("nav >> text=Password")
        page.fill("#current", "password-eve")
        page.fill("#new-password", "a new password for eve")
        page.fill("#repeat", "a new password for eve")
        page.click("text=Change password")
        expect(page.locator("p.ok")).to_contain_text("Your password was changed")
        shot(page, "2-engineer-password-changed")
        page.goto(version_url)
        expect(page.locator("h1")).to_have_text("Sign in")
        context.close()
        # (The old password's refusal is pinned by AccountTests: sign-ins here stay under the throttle of 10 a minute.)
        context, page = sign_in("eve", "a new password for eve")
        context.close()

        # The assessor attaches evidence to the SIS zone, sees it on the model page, and submits the version.
        context, page = sign_in("sam")
        page.goto(version_url)
        # A file over the limit: the browser gets Zonal's 413 page saying what the limit is, not a reset connection.
        page.select_option("#evidence-target", value="zone|sis|")
        page.set_input_files("#evidence-file", too_large_path)
        with page.expect_response(lambda response: response.request.method == "POST" and "/evidence" in response.url) as answer:
            page.click("text=Upload evidence")
        assert answer.value.status == 413, f"an over-limit upload gets 413, not {answer.value.status}"
        expect(page.locator("h1")).to_have_text("Not possible")
        expect(page.locator("p.error")).to_contain_text(f"larger than the evidence limit of {EVIDENCE_LIMIT_MIB} MiB")
        shot(page, "3-assessor-evidence-too-large")
        page.goto(version_url)
        assert page.locator("#evidence tbody tr", has_text="plant-capture.pcap").count() == 0, "nothing was stored"
        page.select_option("#evidence-target", value="zone|sis|")
        page.set_input_files("#evidence-file", evidence_path)
        page.fill("#evidence-comment", "SIS proof test record")
        page.click("text=Upload evidence")
        row = page.locator("#evidence tbody tr", has_text="sis-proof-test.bin")
        expect(row).to_contain_text("zone sis")
        expect(row).to_contain_text(evidence_sha256)
        expect(row).to_contain_text("sam")
        shot(page, "3-assessor-evidence")
        row.scroll_into_view_if_needed()
        page.screenshot(path=os.path.join(args.out, "3-evidence-at-laptop-width.png"))
        page.click("text=Submit for approval")
        # The assessor makes an API token for CI on the tokens page: the secret is shown once, then revoked.
        page.click("nav >> text=API tokens")
        page.fill("#token-name", "ci-nightly")
        page.click("text=Create token")
        secret = page.locator("#token-secret").inner_text()
        assert len(secret) > 20, "the new token's secret is shown"
        page.goto(base + "/tokens")
        assert secret not in page.content(), "the secret is shown only once"
        page.click("button[aria-label='Revoke token ci-nightly']")
        expect(page.locator("table")).to_contain_text("revoked")
        page.goto(version_url)
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
        # The approver downloads the evidence: an attachment whose bytes hash to what the page shows.
        with page.expect_download() as download_info:
            page.click("#evidence a:text('sis-proof-test.bin')")
        download = download_info.value
        assert download.suggested_filename == "sis-proof-test.bin", download.suggested_filename
        downloaded = hashlib.sha256(open(download.path(), "rb").read()).hexdigest()
        assert downloaded == evidence_sha256, f"downloaded evidence hashes to {downloaded}, not {evidence_sha256}"
        context.close()

        # The auditor finds every step in the audit trail and verifies it.
        context, page = sign_in("aud")
        page.goto(base + "/audit")
        body = page.locator("table").inner_text()
        for action in ["project.create", "project.member.add", "model.version.create", "evidence.upload", "evidence.download", "approval.submit",
                       "approval.approve", "auth.login", "token.create", "token.revoke", "user.disable", "user.enable", "user.password.change",
                       "auth.login.failed"]:
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
