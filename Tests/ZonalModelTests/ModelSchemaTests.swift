import Foundation
import XCTest
import ZonalModel

/// Keeps the published JSON Schema in step with the loader: every object's properties are exactly the keys the loader accepts.
final class ModelSchemaTests: XCTestCase {
    func testSchemaPropertiesMatchTheLoaderKeys() throws {
        let schema = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(ModelSchema.text.utf8)) as? [String: Any])
        let defs = try XCTUnwrap(schema["$defs"] as? [String: Any])
        func properties(_ object: [String: Any]) -> Set<String> { Set((object["properties"] as? [String: Any])?.keys.map { $0 } ?? []) }
        for object in ModelKeys.all {
            let definition: [String: Any]
            if object.name == "document" {
                definition = schema
            } else {
                definition = try XCTUnwrap(defs[object.name] as? [String: Any], "schema has no $defs/\(object.name)")
            }
            XCTAssertEqual(properties(definition), Set(object.names), object.name)
            XCTAssertEqual(definition["additionalProperties"] as? Bool, false, "\(object.name) must reject unknown keys like the loader")
        }
    }

    func testZoneKindsAndEnforcementsMatch() throws {
        let schema = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(ModelSchema.text.utf8)) as? [String: Any])
        let defs = try XCTUnwrap(schema["$defs"] as? [String: Any])
        let zone = try XCTUnwrap((defs["zone"] as? [String: Any])?["properties"] as? [String: Any])
        XCTAssertEqual((zone["kind"] as? [String: Any])?["enum"] as? [String], ZoneKind.allCases.map(\.rawValue))
        let conduit = try XCTUnwrap((defs["conduit"] as? [String: Any])?["properties"] as? [String: Any])
        XCTAssertEqual((conduit["enforcement"] as? [String: Any])?["enum"] as? [String], Enforcement.allCases.map(\.rawValue))
    }
}
