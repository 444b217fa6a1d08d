import Foundation
import OutputKit
import Results

/// `--wait-targets 5,10,15`: waits in minutes whose service levels are measured.
enum WaitTargetsOption {
    /// The largest wait accepted, minutes (the same bound as `wait_targets` in a scenario).
    static let mostMinutes = DayShard.longestWait
    /// The most waits in one list.
    static let mostWaits = 100

    /// The waits, sorted and without repeats; nil when any item is empty,
    /// not a number, or outside 0...``mostMinutes``.
    static func parse(_ text: String) -> [Double]? {
        let items = text.split(separator: ",", omittingEmptySubsequences: false)
        guard !items.isEmpty, items.count <= mostWaits else { return nil }
        var waits: [Double] = []
        for item in items {
            guard let value = Double(item.trimmingCharacters(in: .whitespaces)), value >= 0, value <= mostMinutes else { return nil }
            waits.append(value)
        }
        return Array(Set(waits)).sorted()
    }

    static func problem(_ text: String) -> String {
        "--wait-targets must be 1 to \(mostWaits) waits in minutes from 0 to 1000000 separated by commas, e.g. 5,10,15; found '\(text)'"
    }
}
