import Foundation
import Mustache

/// The Mustache templates of the HTML and SVG documents (Sources/ZonalReports/Templates), parsed once.
///
/// swift-mustache rather than Plot: Mustache's `{{value}}` escapes &, <, >, " and ' by default, inside attributes too,
/// while Plot 0.14 writes attribute values unescaped; and the page's markup stays in template files a reviewer can read
/// as HTML and SVG. Only Zonal's own rendered SVG is inserted raw (`{{{...}}}`), and it comes from these same templates.
enum Templates {
    static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        for name in ["report.html", "crs.html", "crs-target", "style.css", "target-requirements", "zone-diagram.svg", "zone-diagram.css", "sl-chart.svg"] {
            guard let url = Bundle.module.url(forResource: name, withExtension: "mustache", subdirectory: "Templates"),
                  let text = try? String(contentsOf: url, encoding: .utf8) else {
                preconditionFailure("template \(name).mustache is missing from the ZonalReports bundle")
            }
            do {
                try library.register(text, named: name)
            } catch {
                preconditionFailure("template \(name).mustache does not parse: \(error)")
            }
        }
        return library
    }()

    /// Renders `object` with the named template; every template is checked by the tests, so a missing one is a build error.
    static func render(_ name: String, _ object: Any) -> String {
        guard let text = library.render(object, withTemplate: name) else { preconditionFailure("no template \(name)") }
        return text
    }
}
