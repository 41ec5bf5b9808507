import Foundation
import ZonalStore

/// A `multipart/form-data` body (RFC 7578), as browsers and `curl -F` send file uploads: text fields and files.
struct MultipartForm: Sendable {
    /// An uploaded file part.
    struct File: Sendable {
        let field: String
        /// The name the client gave, reduced to its last path component.
        let filename: String
        /// The part's declared media type, lower case without parameters (application/octet-stream when absent).
        let mediaType: String
        let bytes: [UInt8]
    }

    var fields: [String: String] = [:]
    var files: [File] = []

    /// Room for the parts' headers and the text fields beside a file, on top of the file size limit.
    static let overhead = 64 * 1024

    /// The boundary of a `multipart/form-data` content type, or nil for any other type.
    static func boundary(contentType: String) -> String? {
        let parameters = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parameters.first?.lowercased() == "multipart/form-data" else { return nil }
        for parameter in parameters.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map(String.init)
            if pair.count == 2, pair[0].lowercased() == "boundary" { return unquote(pair[1]) }
        }
        return nil
    }

    static func parse(_ body: [UInt8], boundary: String) throws(APIError) -> MultipartForm {
        guard !boundary.isEmpty, boundary.utf8.count <= 200 else { throw APIError.badRequest("the multipart boundary must have 1-70 characters") }
        guard let parts = split(body, boundary: Array("--\(boundary)".utf8)) else {
            throw APIError.badRequest("the multipart/form-data body does not parse: send it as a browser's file upload form or `curl -F` does")
        }
        var form = MultipartForm()
        for part in parts {
            let disposition = dispositionParameters(part.headers["content-disposition"] ?? "")
            guard let name = disposition["name"] else { continue }
            if let filename = disposition["filename"] {
                // Clients without a chosen file send an empty part with an empty name; that is no file.
                if filename.isEmpty && part.body.isEmpty { continue }
                form.files.append(File(field: name, filename: baseName(filename), mediaType: mediaType(part.headers["content-type"]), bytes: part.body))
            } else {
                form.fields[name] = String(decoding: part.body, as: UTF8.self)
            }
        }
        return form
    }

    /// The parts between the delimiters (RFC 2046 section 5.1.1): `--boundary` opens the first part, CRLF `--boundary`
    /// each next one, and `--boundary--` closes the body. Each part is header lines, an empty line, then its bytes.
    /// Written here rather than taken from MultipartKit 4.7.1, whose parser scans a body byte by byte through generic
    /// closures: a 30 MiB upload took 40 s in a debug build on this machine, while memchr finds the delimiters at once.
    static func split(_ body: [UInt8], boundary delimiter: [UInt8]) -> [(headers: [String: String], body: [UInt8])]? {
        // Positions of every delimiter that starts a line, i.e. at offset 0 or right after CRLF.
        let lineDelimiter = [13, 10] + delimiter
        var starts: [Int] = []
        body.withUnsafeBufferPointer { bytes in
            if bytes.starts(with: delimiter) { starts.append(0) }
            var offset = 0
            while offset + lineDelimiter.count <= bytes.count, let base = bytes.baseAddress,
                  let found = memchr(base + offset, 13, bytes.count - offset - lineDelimiter.count + 1) {
                let at = UnsafeRawPointer(base).distance(to: found)
                if memcmp(base + at, lineDelimiter, lineDelimiter.count) == 0 {
                    starts.append(at + 2)
                    offset = at + lineDelimiter.count
                } else {
                    offset = at + 1
                }
            }
        }
        guard let last = starts.last, body[(last + delimiter.count)...].starts(with: [45, 45]) else { return nil }
        var parts: [(headers: [String: String], body: [UInt8])] = []
        for (start, next) in zip(starts, starts.dropFirst()) {
            var cursor = start + delimiter.count
            // Transport padding (spaces or tabs) may follow the delimiter before its CRLF.
            while cursor < next, body[cursor] == 32 || body[cursor] == 9 { cursor += 1 }
            guard body[cursor...].starts(with: [13, 10]) else { return nil }
            cursor += 2
            let end = next - 2
            var headers: [String: String] = [:]
            while true {
                // Headers are short; a part without its empty line within 16 KiB is malformed, not searched to the end.
                guard let lineEnd = (cursor ..< min(end, cursor + 16 * 1024)).first(where: { body[$0] == 13 && body[$0 + 1] == 10 }) else { return nil }
                if lineEnd == cursor { cursor += 2; break }
                let line = String(decoding: body[cursor ..< lineEnd], as: UTF8.self)
                guard let colon = line.firstIndex(of: ":") else { return nil }
                headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                cursor = lineEnd + 2
            }
            guard cursor <= end else { return nil }
            parts.append((headers, Array(body[cursor ..< end])))
        }
        return parts
    }

    /// `form-data; name="file"; filename="a;b.pdf"` → ["name": "file", "filename": "a;b.pdf"], honouring quotes. No
    /// backslash escapes: browsers send `C:\dir\a.pdf` as is and write a quote as %22 (HTML's form encoding); RFC
    /// 8187's filename* is preferred when present.
    static func dispositionParameters(_ header: String) -> [String: String] {
        var parameters: [String: String] = [:]
        var key = "", value = "", readingValue = false, quoted = false
        func finish() {
            let name = key.trimmingCharacters(in: .whitespaces).lowercased()
            if !name.isEmpty { parameters[name] = readingValue ? value : "" }
            key = ""; value = ""; readingValue = false
        }
        for character in header {
            if quoted {
                if character == "\"" { quoted = false } else { value.append(character) }
            } else if character == ";" {
                finish()
            } else if character == "=" && !readingValue {
                readingValue = true
            } else if readingValue {
                if character == "\"" && value.isEmpty { quoted = true } else if character != " " || !value.isEmpty { value.append(character) }
            } else {
                key.append(character)
            }
        }
        finish()
        if let extended = parameters["filename*"], let decoded = decodeExtended(extended) { parameters["filename"] = decoded }
        return parameters
    }

    /// RFC 8187 `UTF-8''na%C3%AFve.pdf`.
    static func decodeExtended(_ value: String) -> String? {
        let pieces = value.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
        guard pieces.count == 3, pieces[0].lowercased() == "utf-8" else { return nil }
        return String(pieces[2]).removingPercentEncoding
    }

    /// The last path component: old browsers sent `C:\Users\me\report.pdf`.
    static func baseName(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        return String(last.unicodeScalars.filter { $0.properties.generalCategory != .control }.map(Character.init)).trimmingCharacters(in: .whitespaces)
    }

    /// The declared type without parameters, lower case; application/octet-stream when absent or malformed.
    static func mediaType(_ header: String?) -> String {
        let type = (header ?? "").split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        return Evidence.isMediaType(type) ? type : "application/octet-stream"
    }

    private static func unquote(_ text: String) -> String {
        text.count >= 2 && text.hasPrefix("\"") && text.hasSuffix("\"") ? String(text.dropFirst().dropLast()) : text
    }
}
