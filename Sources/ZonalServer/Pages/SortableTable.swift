import Hummingbird

/// A table sorted on the server, so sorting needs no script (the CSP allows none): every column header is a link to
/// `?sort=TABLE.COLUMN&dir=asc#TABLE`, reachable and followed from the keyboard, and `aria-sort` tells assistive
/// technology which column orders the rows.
struct SortableTable {
    /// One column: its key in the query, its header, and whether it holds numbers (right-aligned, tabular figures).
    struct Column {
        let key: String
        let title: String
        var numeric = false
    }

    /// What a row is sorted by in one column.
    enum Key: Comparable {
        case text(String)
        case number(Int64)

        static func < (lhs: Key, rhs: Key) -> Bool {
            switch (lhs, rhs) {
            case let (.number(a), .number(b)): return a < b
            case let (.text(a), .text(b)): return a.localizedStandardCompare(b) == .orderedAscending
            case (.number, .text): return true
            case (.text, .number): return false
            }
        }
    }

    /// One row's cells and its sort key per column.
    struct Row {
        let cells: [HTML]
        let keys: [Key]
    }

    /// The order the request asks for (`?sort=findings.severity&dir=desc`), if it names this page's table.
    struct Order {
        let table: String
        let column: String
        let ascending: Bool

        init?(_ request: Request) {
            guard let sort = request.uri.queryParameters.get("sort") else { return nil }
            let parts = sort.split(separator: ".", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { return nil }
            table = parts[0]
            column = parts[1]
            ascending = request.uri.queryParameters.get("dir") != "desc"
        }
    }

    let id: String
    let caption: String?
    let columns: [Column]

    init(id: String, caption: String? = nil, _ columns: [Column]) {
        self.id = id
        self.caption = caption
        self.columns = columns
    }

    /// The table, rows in the requested order (or as given when the request sorts another table or no column).
    func render(_ rows: [Row], order: Order?) -> HTML {
        let active = order.flatMap { order in order.table == id ? columns.firstIndex { $0.key == order.column }.map { ($0, order.ascending) } : nil }
        var sorted = Array(rows.enumerated())
        if let (column, ascending) = active {
            sorted.sort { a, b in
                let (x, y) = (a.element.keys[column], b.element.keys[column])
                if x == y { return a.offset < b.offset }
                return ascending ? x < y : y < x
            }
        }
        let headers: [HTML] = columns.enumerated().map { index, column in
            let current = active?.0 == index ? active!.1 : nil
            let next = current == true ? "desc" : "asc"
            let ariaSort: HTML = current.map { $0 ? " aria-sort=\"ascending\"" : " aria-sort=\"descending\"" } ?? ""
            let arrow: HTML = current.map { $0 ? " ▲" : " ▼" } ?? ""
            let numeric: HTML = column.numeric ? " class=\"num\"" : ""
            return "<th scope=\"col\"\(ariaSort)\(numeric)><a class=\"sort\" href=\"?sort=\(id).\(column.key)&amp;dir=\(next)#\(id)\">\(column.title)\(arrow)</a></th>"
        }
        let body: [HTML] = sorted.map { row in
            let cells: [HTML] = zip(columns, row.element.cells).map { column, cell in column.numeric ? "<td class=\"num\">\(cell)</td>" : "<td>\(cell)</td>" }
            return "<tr>\(cells)</tr>"
        }
        let captionHTML: HTML = caption.map { "<caption>\($0)</caption>" } ?? ""
        return "<div class=\"table-wrap\"><table id=\"\(id)\" class=\"sortable\">\(captionHTML)<thead><tr>\(headers)</tr></thead><tbody>\(body)</tbody></table></div>"
    }
}
