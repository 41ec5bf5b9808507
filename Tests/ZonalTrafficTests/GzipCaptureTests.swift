import Foundation
import XCTest
import ZonalCaptureGenerator
import ZonalTraffic

/// Gzip-compressed captures, told by their magic number: the same observation as the plain file, several gzip members,
/// windows crossed by records, and a truncated or foreign .gz reported with where it stopped.
final class GzipCaptureTests: XCTestCase {
    func testCompressedScenarioReadsLikeThePlainFile() throws {
        for (name, options) in TsharkCrossCheckTests.variants {
            let plain = try TrafficFixture.scenario(options, name: name)
            // A misleading name on purpose: only the content says gzip.
            let compressed = try TrafficFixture.gzip(plain, name: name + ".capture")
            let expected = TrafficFixture.fingerprint(try TrafficReader.read([plain], threads: 1))
            let observation = try TrafficReader.read([compressed])
            XCTAssertEqual(TrafficFixture.fingerprint(observation), expected, name)
            XCTAssertTrue(observation.damage.isEmpty, "\(name): \(observation.damage)")
            XCTAssertFalse(observation.functionHistogram.isEmpty, name)
        }
    }

    func testLargeCompressedCaptureCrossesWindows() throws {
        let plain = try TrafficFixture.directory().appendingPathComponent("mix-gz.pcapng").path
        let writer = CaptureWriter(options: CaptureOptions(container: .pcapng))
        OTTrafficMix.write(to: writer, packets: 60_000)
        try writer.finish(to: plain)
        XCTAssertGreaterThan(writer.buffer.count, 2 * 4 << 20, "the capture spans several 4 MiB windows")
        let compressed = try TrafficFixture.gzip(plain, name: "mix-gz.pcapng.gz")
        XCTAssertEqual(TrafficFixture.fingerprint(try TrafficReader.read([compressed])), TrafficFixture.fingerprint(try TrafficReader.read([plain], threads: 1)))
    }

    func testSeveralGzipMembersAreOneStream() throws {
        let writer = CaptureWriter(options: CaptureOptions(container: .pcap))
        PlantScenario.write(to: writer)
        let bytes = writer.buffer
        let first = try TrafficFixture.gzip(try TrafficFixture.write(Array(bytes[..<5000]), name: "head.part"), name: "head.part.gz")
        let second = try TrafficFixture.gzip(try TrafficFixture.write(Array(bytes[5000...]), name: "tail.part"), name: "tail.part.gz")
        let joined = try Data(contentsOf: URL(fileURLWithPath: first)) + Data(contentsOf: URL(fileURLWithPath: second))
        let path = try TrafficFixture.write(Array(joined), name: "members.gz")
        let plain = try TrafficFixture.write(bytes, name: "members.pcap")
        XCTAssertEqual(TrafficFixture.fingerprint(try TrafficReader.read([path])), TrafficFixture.fingerprint(try TrafficReader.read([plain])))
    }

    func testTruncatedGzipKeepsResultsAndSaysWhere() throws {
        let plain = try TrafficFixture.scenario(CaptureOptions(container: .pcapng), name: "cut-gz.pcapng")
        let whole = try TrafficReader.read([plain])
        let compressed = try Data(contentsOf: URL(fileURLWithPath: try TrafficFixture.gzip(plain, name: "cut-gz.pcapng.gz")))
        for fraction in [0.3, 0.6, 0.95] {
            let cut = try TrafficFixture.write(Array(compressed.prefix(Int(Double(compressed.count) * fraction))), name: "cut-\(fraction).gz")
            let observation = try TrafficReader.read([cut])
            XCTAssertEqual(observation.damage.count, 1, "\(fraction)")
            let damage = try XCTUnwrap(observation.damage.first)
            XCTAssertTrue(damage.reason.contains("gzip data ends early"), damage.reason)
            XCTAssertGreaterThan(observation.counters.packets, 0, "\(fraction)")
            XCTAssertLessThan(observation.counters.packets, whole.counters.packets, "\(fraction)")
            XCTAssertEqual(damage.packet, observation.counters.packets + 1, "\(fraction)")
            XCTAssertGreaterThan(damage.offset, 0)
        }
        // The gzip trailer cut off alone: every packet is there, yet the file is still reported as damaged.
        let trailer = try TrafficFixture.write(Array(compressed.dropLast(4)), name: "no-trailer.gz")
        let observation = try TrafficReader.read([trailer])
        XCTAssertEqual(observation.counters.packets, whole.counters.packets)
        XCTAssertEqual(observation.damage.count, 1)
    }

    func testCompressedForeignFileIsRefused() throws {
        let text = try TrafficFixture.gzip(try TrafficFixture.write(Array("hello, not a capture".utf8), name: "hello.txt"), name: "hello.txt.gz")
        XCTAssertThrowsError(try TrafficReader.read([text])) { error in
            guard case CaptureError.unknownFormat(_, let magic) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(magic.hasPrefix("gzip-compressed, then 68 65 6c 6c"), magic)
        }
    }
}
