import Foundation
import Measurement
import OutputKit

/// A shard: the per-day rows of a range of days of one run (every ratio
/// term and every duration bucket each day contributes), and what the run
/// was, so that `outletsim merge` rebuilds the results folder of the whole
/// run exactly. Each day's random streams depend only on (seed, day,
/// purpose), so days run anywhere merge into the run that ran them all.
///
/// Binary, little-endian: the magic `OSSHARD1`, a JSON header (its length
/// first), then records: `K` defines a metric key by index, `D` a duration
/// key, `Y` is a day (its terms by key index with their numerator and
/// denominator as IEEE 754 bits, its durations as sketch buckets), and `E`
/// ends the file with its day count and the seal: the SHA-256 of every
/// byte before the seal, so a shard with a flipped bit or cut off is
/// refused before anything of it is used.
public enum DayShard {
    public static let magic = Data("OSSHARD1".utf8)
    public static let formatVersion = 2
    /// The most days a run (and so a shard) holds.
    public static let mostDays = 10_000_000
    /// The most wait targets (a scenario's 100 and those its targets add),
    /// and the longest, minutes.
    public static let mostWaits = 1_000
    public static let longestWait = 1_000_000.0
    /// The closing record's size: `E`, the day count and the 32-byte seal.
    static let trailerSize = 1 + 8 + 32

    /// What the days belong to; shards merge only when all of this agrees.
    public struct Header: Sendable, Equatable {
        public var outletsimVersion: String
        /// The scenario file's name as given to `run`, and the SHA-256 of its bytes.
        public var scenarioFile: String
        public var scenarioSHA256: String
        /// The standalone scenario (extends resolved) and its arrival trace, if any.
        public var scenarioText: String
        public var traceText: String?
        public var seed: UInt64
        public var waitTargets: [Double]
        /// Days `firstDay..<endDay`.
        public var firstDay: Int
        public var endDay: Int

        public init(outletsimVersion: String, scenarioFile: String, scenarioSHA256: String, scenarioText: String, traceText: String?,
                    seed: UInt64, waitTargets: [Double], firstDay: Int, endDay: Int) {
            self.outletsimVersion = outletsimVersion
            self.scenarioFile = scenarioFile
            self.scenarioSHA256 = scenarioSHA256
            self.scenarioText = scenarioText
            self.traceText = traceText
            self.seed = seed
            self.waitTargets = waitTargets
            self.firstDay = firstDay
            self.endDay = endDay
        }

        func json() -> JSONValue {
            .object([
                ("format", .string("outletsim-shard")), ("version", .integer(DayShard.formatVersion)),
                ("outletsim_version", .string(outletsimVersion)), ("scenario_file", .string(scenarioFile)),
                ("scenario_sha256", .string(scenarioSHA256)), ("seed", .string(String(seed))),
                ("wait_targets", .array(waitTargets.map { .string(String($0.bitPattern, radix: 16)) })),
                ("first_day", .integer(firstDay)), ("end_day", .integer(endDay)),
                ("scenario", .string(scenarioText)), ("trace", traceText.map(JSONValue.string) ?? .null),
            ])
        }

        init(json data: Data) throws(ShardFailure) {
            guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  object["format"] as? String == "outletsim-shard" else { throw .notAShard }
            guard object["version"] as? Int == DayShard.formatVersion else { throw .corrupt("shard format version \(object["version"] ?? "none")") }
            guard let version = object["outletsim_version"] as? String, let file = object["scenario_file"] as? String,
                  let sha = object["scenario_sha256"] as? String, let seedText = object["seed"] as? String, let seed = UInt64(seedText),
                  let waits = object["wait_targets"] as? [String], let first = object["first_day"] as? Int, let end = object["end_day"] as? Int,
                  let scenario = object["scenario"] as? String else { throw .corrupt("its header") }
            // Every field in range before it is used (a seal proves who wrote it, not that it is sane).
            guard (1...100).contains(version.count), sha.count == 64, sha.allSatisfy(\.isHexDigit) else { throw .corrupt("its header's version or fingerprint") }
            guard first >= 0, end > first, end <= DayShard.mostDays else {
                throw .corrupt("its days \(first)..\(end), outside 0..\(DayShard.mostDays)")
            }
            guard waits.count <= DayShard.mostWaits else { throw .corrupt("\(waits.count) wait targets, over \(DayShard.mostWaits)") }
            let targets = waits.compactMap { UInt64($0, radix: 16).map(Double.init(bitPattern:)) }
            guard targets.count == waits.count, targets.allSatisfy({ $0.isFinite && (0...DayShard.longestWait).contains($0) }) else {
                throw .corrupt("its wait targets (each from 0 to \(Int(DayShard.longestWait)) minutes)")
            }
            self.init(outletsimVersion: version, scenarioFile: file, scenarioSHA256: sha, scenarioText: scenario,
                      traceText: object["trace"] as? String, seed: seed, waitTargets: targets, firstDay: first, endDay: end)
        }
    }

    public enum ShardFailure: Error, Equatable, CustomStringConvertible {
        case notAShard
        case corrupt(String)

        public var description: String {
            switch self {
            case .notAShard: "not an OutletSim shard (written by `outletsim run --days FROM..TO`)"
            case .corrupt(let part): "a damaged or cut-off shard (\(part))"
            }
        }
    }
}

/// Encodes a shard: its header, then each day's records as the day
/// finishes (in day order), then the closing record. Nothing is kept but
/// the key tables, so memory does not grow with the days.
public struct ShardEncoder {
    /// The magic and the header: the shard's first bytes.
    public let headerBytes: Data
    private var data = Data()
    private var keys: [MetricKey: UInt32] = [:]
    private var durationKeys: [DurationKey: UInt32] = [:]
    private var days = 0
    /// The digest of every byte handed out so far.
    private var seal = SHA256.Hasher()

    public init(header: DayShard.Header) {
        var bytes = DayShard.magic
        let json = Data(header.json().rendered().utf8)
        withUnsafeBytes(of: UInt32(json.count).littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(json)
        headerBytes = bytes
        seal.update(bytes)
    }

    private mutating func append<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
    }

    /// The records of one day (with the definitions of keys it is the first to use).
    ///
    /// - Complexity: O(terms log terms + buckets).
    public mutating func encode(day: Int, _ metrics: DayMetrics) -> Data {
        data = Data()
        let terms = metrics.terms.sorted { $0.key < $1.key }
        for (key, _) in terms where keys[key] == nil {
            let index = UInt32(keys.count)
            keys[key] = index
            data.append(UInt8(ascii: "K"))
            append(index)
            append(UInt8(key.scope.rawValue))
            append(Int32(truncatingIfNeeded: key.entity))
            append(Int32(truncatingIfNeeded: key.interval))
            let name = Data(key.metric.name.utf8)
            append(UInt16(name.count))
            data.append(name)
        }
        let durations = metrics.durations.sorted { $0.key < $1.key }
        for (key, _) in durations where durationKeys[key] == nil {
            let index = UInt32(durationKeys.count)
            durationKeys[key] = index
            data.append(UInt8(ascii: "D"))
            append(index)
            append(UInt8(key.scope.rawValue))
            append(Int32(truncatingIfNeeded: key.entity))
            append(Int32(truncatingIfNeeded: key.interval))
            append(UInt8(key.duration.rawValue))
        }
        data.append(UInt8(ascii: "Y"))
        append(Int64(day))
        append(UInt32(terms.count))
        for (key, term) in terms {
            append(keys[key] ?? 0)
            append(term.numerator.bitPattern)
            append(term.denominator.bitPattern)
        }
        append(UInt32(durations.count))
        for (key, buckets) in durations {
            append(durationKeys[key] ?? 0)
            append(UInt32(buckets.count))
            for bucket in buckets { append(bucket) }
        }
        days += 1
        seal.update(data)
        return data
    }

    /// The closing record: the day count, so that a cut-off shard is
    /// refused, and the seal over every byte before it.
    public func trailer() -> Data {
        var end = Data([UInt8(ascii: "E")])
        withUnsafeBytes(of: UInt64(days).littleEndian) { end.append(contentsOf: $0) }
        var digest = seal
        digest.update(end)
        end.append(contentsOf: digest.finalize())
        return end
    }
}

/// Reads a shard's header, then its days one at a time.
public struct ShardDecoder {
    public let header: DayShard.Header
    private let data: Data
    private var offset: Int
    private var keys: [MetricKey] = []
    private var durationKeys: [DurationKey] = []
    /// The slots of the days' terms, kept from day to day as an observer keeps them.
    private var layout = MetricLayout()
    private var daysRead = 0

    /// Checks the seal first: nothing of a shard whose bytes changed is read.
    public init(_ data: Data) throws(DayShard.ShardFailure) {
        guard data.count >= DayShard.magic.count + 4, data.prefix(DayShard.magic.count) == DayShard.magic else { throw .notAShard }
        guard data.count >= DayShard.magic.count + 4 + DayShard.trailerSize else { throw .corrupt("cut off before its seal") }
        var digest = SHA256.Hasher()
        digest.update(data[data.startIndex..<data.endIndex - 32])
        guard digest.finalize().elementsEqual(data[(data.endIndex - 32)...]) else {
            throw .corrupt("its seal: the bytes were changed or cut off after it was written")
        }
        self.data = data
        offset = data.startIndex + DayShard.magic.count
        var cursor = offset
        guard let length = Self.read(UInt32.self, data, &cursor), cursor + Int(length) <= data.endIndex else { throw .corrupt("its header") }
        header = try DayShard.Header(json: data.subdata(in: cursor..<cursor + Int(length)))
        offset = cursor + Int(length)
    }

    static func read<T: FixedWidthInteger>(_ type: T.Type, _ data: Data, _ cursor: inout Int) -> T? {
        let size = MemoryLayout<T>.size
        guard cursor + size <= data.endIndex else { return nil }
        var value: T = 0
        withUnsafeMutableBytes(of: &value) { $0.copyBytes(from: data[cursor..<cursor + size]) }
        cursor += size
        return T(littleEndian: value)
    }

    /// The next day and its rows; nil after the closing record.
    ///
    /// - Complexity: O(bytes of the day).
    public mutating func next() throws(DayShard.ShardFailure) -> (day: Int, metrics: DayMetrics)? {
        var cursor = offset
        func need<T: FixedWidthInteger>(_ type: T.Type) throws(DayShard.ShardFailure) -> T {
            guard let value = Self.read(type, data, &cursor) else { throw .corrupt("cut off after day \(header.firstDay + daysRead)") }
            return value
        }
        while true {
            let record = try need(UInt8.self)
            switch record {
            case UInt8(ascii: "K"):
                let index = try need(UInt32.self)
                let scopeRaw = try need(UInt8.self)
                let entity = Int(try need(Int32.self)), interval = Int(try need(Int32.self))
                let length = Int(try need(UInt16.self))
                guard cursor + length <= data.endIndex, Int(index) == keys.count, let scope = Scope(rawValue: Int(scopeRaw)),
                      let name = String(data: data[cursor..<cursor + length], encoding: .utf8), let metric = Metric.parse(name)
                else { throw .corrupt("a metric key") }
                cursor += length
                keys.append(MetricKey(scope, entity: entity, interval: interval, metric))
            case UInt8(ascii: "D"):
                let index = try need(UInt32.self)
                let scopeRaw = try need(UInt8.self)
                let entity = Int(try need(Int32.self)), interval = Int(try need(Int32.self))
                let durationRaw = try need(UInt8.self)
                guard Int(index) == durationKeys.count, let scope = Scope(rawValue: Int(scopeRaw)),
                      let duration = Metric.Duration(rawValue: Int(durationRaw)) else { throw .corrupt("a duration key") }
                durationKeys.append(DurationKey(scope, entity: entity, interval: interval, duration))
            case UInt8(ascii: "Y"):
                guard let day = Int(exactly: try need(Int64.self)) else { throw .corrupt("a day number") }
                var metrics = DayMetrics(layout: layout)
                defer { layout = metrics.layout }
                let termCount = Int(try need(UInt32.self))
                for _ in 0..<termCount {
                    let index = Int(try need(UInt32.self))
                    let numerator = Double(bitPattern: try need(UInt64.self)), denominator = Double(bitPattern: try need(UInt64.self))
                    guard index < keys.count else { throw .corrupt("a term of day \(day)") }
                    metrics.set(keys[index], RatioTerm(numerator, denominator))
                }
                let durationCount = Int(try need(UInt32.self))
                for _ in 0..<durationCount {
                    let index = Int(try need(UInt32.self))
                    let count = Int(try need(UInt32.self))
                    guard index < durationKeys.count, cursor + 2 * count <= data.endIndex else { throw .corrupt("durations of day \(day)") }
                    var buckets: [UInt16] = []
                    buckets.reserveCapacity(count)
                    for _ in 0..<count { buckets.append(try need(UInt16.self)) }
                    metrics.durations[durationKeys[index]] = buckets
                }
                guard day == header.firstDay + daysRead else { throw .corrupt("day \(day) out of order") }
                daysRead += 1
                offset = cursor
                return (day, metrics)
            case UInt8(ascii: "E"):
                let count = Int(exactly: try need(UInt64.self))
                guard count == daysRead, daysRead == header.endDay - header.firstDay, cursor + 32 == data.endIndex else {
                    throw .corrupt("it ends after \(daysRead) of \(header.endDay - header.firstDay) days")
                }
                offset = data.endIndex
                return nil
            default:
                throw .corrupt("an unknown record")
            }
        }
    }
}
