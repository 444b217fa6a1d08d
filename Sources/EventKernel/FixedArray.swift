/// A fixed number of values (counts per line, gauges per window group) in
/// one buffer that the array owns, sized once when an engine is built.
///
/// Why not an array: every write to an array element held in a struct
/// checks that the buffer is uniquely referenced, and an engine updates its
/// per-line and per-group counts several times per event (perf: about a
/// million checks for 60,000 customers). This array is non-copyable, so it
/// needs no such check. Its indices are an engine's own (lines, groups,
/// intervals, never user input), so bounds are checked only under
/// `OUTLETSIM_INVARIANTS`, as ``SlotStore``'s slots are.
public struct FixedArray<Element>: ~Copyable {
    @usableFromInline let storage: UnsafeMutablePointer<Element>
    /// The number of values, fixed at creation.
    public let count: Int

    /// `count` copies of `value`.
    ///
    /// - Complexity: O(count).
    @inlinable
    public init(repeating value: Element, count: Int) {
        self.count = max(count, 0)
        storage = UnsafeMutablePointer<Element>.allocate(capacity: max(self.count, 1))
        storage.initialize(repeating: value, count: self.count)
    }

    /// The values of `values`, in order.
    ///
    /// - Complexity: O(count).
    @inlinable
    public init(_ values: [Element]) {
        count = values.count
        storage = UnsafeMutablePointer<Element>.allocate(capacity: max(count, 1))
        _ = UnsafeMutableBufferPointer(start: storage, count: count).initialize(from: values)
    }

    @inlinable
    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    /// `0..<count`.
    @inlinable public var indices: Range<Int> { 0..<count }

    /// The value at `index`, read and written in place.
    ///
    /// - Complexity: O(1).
    @inlinable
    public subscript(index: Int) -> Element {
        unsafeAddress { UnsafePointer(elementAddress(storage, index, below: count)) }
        unsafeMutableAddress { elementAddress(storage, index, below: count) }
    }

    /// Sets every value to `value`.
    ///
    /// - Complexity: O(count).
    @inlinable
    public mutating func setAll(to value: Element) {
        for index in 0..<count { storage[index] = value }
    }

    /// The values, in order, as an array (for a day's totals).
    ///
    /// - Complexity: O(count).
    @inlinable public var values: [Element] { Array(UnsafeBufferPointer(start: storage, count: count)) }

    /// Each value transformed, in order.
    ///
    /// - Complexity: O(count).
    @inlinable
    public func map<T>(_ transform: (Element) throws -> T) rethrows -> [T] {
        try UnsafeBufferPointer(start: storage, count: count).map(transform)
    }
}
