import Foundation
import MultipartKit
import NIOCore
import ZonalStore

/// A `multipart/form-data` body (RFC 7578), as browsers send file uploads: text fields and files. MultipartKit finds
/// the parts; the `Content-Disposition` parameters are read here because MultipartKit keeps its reader internal.
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
        let parser = MultipartParser(boundary: boundary)
        var parts: [(headers: [String: String], body: [UInt8])] = []
        var headers: [String: String] = [:]
        var bytes: [UInt8] = []
        parser.onHeader = { name, value in headers[name.lowercased()] = value }
        parser.onBody = { buffer in bytes.append(contentsOf: buffer.readableBytesView) }
        parser.onPartComplete = {
            parts.append((headers, bytes))
            headers = [:]
            bytes = []
        }
        do {
            try parser.execute(body)
        } catch {
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
