import Hummingbird
import ZonalStore

/// The page frame shared by every screen, and the error page.
enum Page {
    static func response(_ title: String, identity: Identity?, status: HTTPResponse.Status = .ok, _ body: HTML) -> Response {
        response(status: status, buffer(title, identity: identity, body))
    }

    static func response(status: HTTPResponse.Status = .ok, _ page: ByteBuffer) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: page))
    }

    /// The whole page, framed, as the bytes a response sends.
    static func buffer(_ title: String, identity: Identity?, _ body: HTML) -> ByteBuffer {
        let nav: HTML
        if let identity {
            var links: [HTML] = []
            if identity.user.role != .admin { links.append("<a href=\"/\">Projects</a>") }
            if identity.user.role == .auditor { links.append("<a href=\"/audit\">Audit trail</a>") }
            if identity.user.role == .admin { links.append("<a href=\"/users\">Users</a>") }
            links.append("<a href=\"/tokens\">API tokens</a>")
            links.append("<a href=\"\(PasswordChange.path)\">Password</a>")
            nav = """
            <nav>\(links)<span class="who">\(identity.user.name) · \(identity.user.role.rawValue)</span>
            <form method="post" action="/logout" class="inline"><input type="hidden" name="csrf" value="\(identity.csrfToken ?? "")"><button>Sign out</button></form></nav>
            """
        } else {
            nav = ""
        }
        let head: HTML = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) · Zonal</title><link rel="stylesheet" href="/static/zonal.css"></head>
        <body><header><a class="brand" href="/">Zonal</a>\(nav)</header><main><h1>\(title)</h1>

        """
        let tail = "\n</main></body></html>"
        // Written straight into the response buffer: a large page's body is copied once, not once more into a page string.
        var buffer = ByteBuffer()
        buffer.reserveCapacity(head.description.utf8.count + body.description.utf8.count + tail.utf8.count)
        buffer.writeString(head.description)
        buffer.writeString(body.description)
        buffer.writeString(tail)
        return buffer
    }

    static func error(_ error: APIError, identity: Identity?) -> Response {
        response("Not possible", identity: identity, status: error.status, "<p class=\"error\">\(error.message)</p><p><a href=\"/\">Back to projects</a></p>")
    }

    /// A hidden CSRF field for forms.
    static func csrf(_ identity: Identity) -> HTML {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(identity.csrfToken ?? "")\">"
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    /// The stylesheet (served from /static/zonal.css: the CSP allows no inline styles).
    static let stylesheet = """
    :root { --ink: #1d2430; --muted: #5b6575; --line: #d9dee7; --accent: #0b5cad; --bad: #b42318; --ok: #067647; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); }
    body { margin: 0; background: #f6f7f9; }
    header { display: flex; align-items: center; gap: 1.5rem; padding: .6rem 1.5rem; background: #fff; border-bottom: 1px solid var(--line); }
    header .brand { font-weight: 700; color: var(--ink); text-decoration: none; letter-spacing: .02em; }
    nav { display: flex; align-items: center; gap: 1rem; flex: 1; }
    nav .who { margin-left: auto; color: var(--muted); }
    main { max-width: 72rem; margin: 1.5rem auto; padding: 0 1.5rem; }
    h1 { font-size: 1.4rem; margin: 0 0 1rem; } h2 { font-size: 1.1rem; margin: 1.6rem 0 .6rem; }
    a { color: var(--accent); }
    table { width: 100%; border-collapse: collapse; background: #fff; border: 1px solid var(--line); }
    th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
    th { background: #eef1f5; font-weight: 600; font-size: .9rem; }
    td.num { font-variant-numeric: tabular-nums; }
    .sev-critical, .sev-high { color: var(--bad); font-weight: 600; } .sev-medium { color: #b54708; } .sev-low, .sev-info { color: var(--muted); }
    .state-approved { color: var(--ok); font-weight: 600; } .state-rejected { color: var(--bad); font-weight: 600; }
    form.card, .card { background: #fff; border: 1px solid var(--line); padding: 1rem; margin: 1rem 0; max-width: 40rem; }
    form.inline { display: inline; }
    label { display: block; margin: .5rem 0 .2rem; font-weight: 600; font-size: .9rem; }
    input, select, textarea { font: inherit; padding: .35rem .5rem; border: 1px solid var(--line); width: 100%; box-sizing: border-box; }
    textarea { font-family: ui-monospace, monospace; min-height: 16rem; }
    button { font: inherit; margin-top: .8rem; padding: .4rem 1rem; background: var(--accent); color: #fff; border: 0; cursor: pointer; }
    nav button { margin: 0; background: none; color: var(--accent); padding: 0; }
    .error { color: var(--bad); } .muted { color: var(--muted); } .ok { color: var(--ok); }
    code { font-family: ui-monospace, monospace; font-size: .85em; word-break: break-all; }
    .table-wrap { overflow-x: auto; margin-bottom: .5rem; }
    th a.sort { color: inherit; text-decoration: none; display: block; }
    th a.sort:hover, th a.sort:focus-visible { text-decoration: underline; outline: 2px solid var(--accent); outline-offset: 1px; }
    th[aria-sort] { background: #e2e8f0; }
    th.num, td.num { text-align: right; }
    code.hash { font-size: .75em; }
    figure.diagram { margin: 0; background: #fff; border: 1px solid var(--line); padding: .5rem; overflow-x: auto; }
    figure.diagram svg { max-width: 100%; height: auto; display: block; margin: 0 auto; }
    details > summary { cursor: pointer; } details > summary h2 { display: inline-block; }
    button.link { background: none; color: var(--accent); padding: 0; margin: 0; text-decoration: underline; }
    """
}
