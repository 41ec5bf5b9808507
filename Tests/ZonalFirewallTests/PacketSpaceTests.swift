import XCTest
import ZonalFirewall
import ZonalModel

/// The interval and box algebra under the evaluator: complements, subtraction and coalescing, checked point by point on small domains.
final class PacketSpaceTests: XCTestCase {
    func testComplementCoversExactlyTheRest() {
        let domain = Interval(0, 20)
        let parts = [Interval(3, 5), Interval(5, 8), Interval(12, 12), Interval(19, 25)]
        let rest = Interval.complement(parts, in: domain)
        XCTAssertEqual(rest, [Interval(0, 2), Interval(9, 11), Interval(13, 18)])
        XCTAssertEqual(Interval.complement([], in: domain), [domain])
        XCTAssertEqual(Interval.complement([Interval(0, 20)], in: domain), [])
    }

    func testComplementAtTheTopOfTheAddressSpace() {
        let full = Interval(.zero, .max)
        let rest = Interval.complement([Interval(SpaceValue(high: .max, low: 7), .max)], in: full)
        XCTAssertEqual(rest, [Interval(.zero, SpaceValue(high: .max, low: 6))])
    }

    /// Subtracting random boxes leaves disjoint boxes covering exactly the points outside, on a 8x8 port grid.
    func testSubtractionIsExactOnAGrid() {
        var rng = SystemRandomNumberGenerator()
        func randomBox() -> PacketBox {
            var box = PacketBox(family: .v4, interfaces: 1)
            for d in [Dimension.sourcePort, .destinationPort] {
                let a = Int.random(in: 0...7, using: &rng), b = Int.random(in: 0...7, using: &rng)
                box[d] = Interval(min(a, b), max(a, b))
            }
            return box
        }
        for _ in 0..<200 {
            var base = PacketBox(family: .v4, interfaces: 1)
            base[.sourcePort] = Interval(0, 7)
            base[.destinationPort] = Interval(0, 7)
            var set = PacketSet([base])
            let removed = (0..<4).map { _ in randomBox() }
            for box in removed { set.remove(box) }
            for s in 0...7 {
                for d in 0...7 {
                    let point = SpaceValue(s), other = SpaceValue(d)
                    let inRemoved = removed.contains { $0[.sourcePort].contains(point) && $0[.destinationPort].contains(other) }
                    let count = set.boxes.filter { $0[.sourcePort].contains(point) && $0[.destinationPort].contains(other) }.count
                    XCTAssertEqual(count, inRemoved ? 0 : 1, "point (\(s), \(d))")
                }
            }
        }
    }

    func testCoalescingJoinsAdjacentRanges() {
        var a = PacketBox(family: .v4, interfaces: 1)
        a[.destinationPort] = Interval(0, 21)
        var b = a
        b[.destinationPort] = Interval(22, 22)
        var c = a
        c[.destinationPort] = Interval(23, 65535)
        XCTAssertEqual(Coalescing.boxes([a, c, b]), [PacketBox(family: .v4, interfaces: 1)])
        var d = a
        d[.destinationPort] = Interval(30, 40)
        XCTAssertEqual(Coalescing.boxes([a, d]).count, 2, "ranges with a gap stay apart")
    }

    func testAddressRangesParseLikeTheTools() {
        XCTAssertEqual(AddressRange.parse("10.1.0.0/24")?.description, "10.1.0.0/24")
        XCTAssertEqual(AddressRange.parse("10.1.0.7/255.255.255.0")?.description, "10.1.0.0/24", "host bits are dropped as iptables does")
        XCTAssertEqual(AddressRange.parse("10.1.0.1-10.1.0.9")?.description, "10.1.0.1-10.1.0.9")
        XCTAssertEqual(AddressRange.parse("fd00::/64")?.description, "fd00::/64")
        XCTAssertNil(AddressRange.parse("10.1.0.9-10.1.0.1"))
        XCTAssertNil(AddressRange.parse("10.1.0.0/33"))
        XCTAssertNil(AddressRange.parse("host.example"))
    }
}
