/// The binary min-heap behind ``EventCalendar``. Both sifts move a hole
/// instead of swapping, so each level costs one move.
extension EventCalendar {
    /// Restores the heap order after an append at `index`.
    ///
    /// - Complexity: O(log *n*).
    @inlinable @inline(__always)
    mutating func siftUp(from index: Int) {
        heap.withUnsafeMutableBufferPointer { buffer in
            let moving = buffer[index]
            var hole = index
            while hole > 0 {
                let parent = (hole - 1) >> 1
                guard moving.precedes(buffer[parent]) else { break }
                buffer[hole] = buffer[parent]
                hole = parent
            }
            buffer[hole] = moving
        }
    }

    /// Places `moving` at the root's hole and sinks it to its level.
    ///
    /// - Complexity: O(log *n*).
    @inlinable @inline(__always)
    mutating func siftDown(_ moving: Event<Kind>) {
        heap.withUnsafeMutableBufferPointer { buffer in
            let count = buffer.count
            var hole = 0
            while true {
                let left = 2 * hole + 1
                guard left < count else { break }
                let right = left + 1
                let child = right < count && buffer[right].precedes(buffer[left]) ? right : left
                guard buffer[child].precedes(moving) else { break }
                buffer[hole] = buffer[child]
                hole = child
            }
            buffer[hole] = moving
        }
    }
}
