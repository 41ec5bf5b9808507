/// One element of a list that many values share, held as the list and a position; equal and hashed as the element.
///
/// Millions of requirement statuses and flow routes each name one of a few hundred requirements or of the model's
/// flows: holding the element itself would count references to each of its strings on every copy and release,
/// holding the shared list counts one.
public struct SharedElement<Element: Hashable & Sendable>: Hashable, Sendable {
    @usableFromInline let list: [Element]
    @usableFromInline let index: Int

    init(_ list: [Element], _ index: Int) {
        self.list = list
        self.index = index
    }

    @inlinable public var value: Element { list[index] }

    // By the element rather than the list, which differs between catalogs or models holding the same element.
    public static func == (a: SharedElement, b: SharedElement) -> Bool { a.value == b.value }

    public func hash(into hasher: inout Hasher) { hasher.combine(value) }
}
