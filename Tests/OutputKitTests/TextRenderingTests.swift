import Foundation
import Testing
@testable import OutputKit

/// The fast paths of the files' and charts' text give what Foundation's
/// formatting and replacing gave, byte for byte: results files and reports
/// must not change with how they are written.
@Suite("Text rendering")
struct TextRenderingTests {
    /// Halfway cases, signs, zeros, the tiny, the huge and the non-finite.
    static let awkward: [Double] = [
        0, -0.0, 0.05, 0.15, 0.25, 0.35, 0.45, -0.05, -0.04, 1.25, 2.5, 9.95, 9.995, 99.95, 0.5, 1.5, -1.5,
        1e-300, 5e-324, -5e-324, 123_456.789, 1e15, 1e16 + 1, 1e300, -1e300, .greatestFiniteMagnitude,
        -.greatestFiniteMagnitude, .infinity, -.infinity, .nan, 0.1 + 0.2, 1.0 / 3.0, 760, 68.04999999999999,
    ]

    @Test("printf conversions match String(format:)", arguments: ["%.1f", "%.0f", "%.2g", "%.2f"])
    func printfConversions(conversion: String) {
        var generator = SystemRandomNumberGenerator()
        let random = (0..<20_000).map { index -> Double in
            let magnitude = pow(10, Double.random(in: -6...9, using: &generator))
            // Values on a hundredth or a thousandth, as coordinates often are.
            let value = index % 3 == 0 ? (magnitude * 100).rounded() / 100 : magnitude
            return index % 2 == 0 ? value : -value
        }
        for value in Self.awkward + random {
            let ours: String
            switch conversion {
            case "%.1f": ours = SVG.formatted(value, "%.1f")
            case "%.0f": ours = SVG.formatted(value, "%.0f")
            case "%.2g": ours = SVG.formatted(value, "%.2g")
            default: ours = SVG.formatted(value, "%.2f")
            }
            let theirs = String(format: conversion, value)
            guard ours == theirs else {
                Issue.record("\(conversion) of \(value): \(ours), Foundation \(theirs)")
                return
            }
        }
        #expect(SVG.number(0.15) == String(format: "%.1f", 0.15))
    }

    static let awkwardText = [
        "plain", "", "a,b", "say \"hi\"", "line\nbreak", "cr\rlf", "crlf\r\n", ",\u{301}", "é,", "\u{301}\"", "tab\there",
        "back\\slash", "\u{1}", "<b>&amp;</b>", "网点 A&B", "👩‍👩‍👧,", "\"", "\r\n", "\u{7F}", "∑ > 0",
    ]

    @Test("escaping and quoting test bytes only where the characters decide the same")
    func escapes() {
        for text in Self.awkwardText {
            let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            #expect(SVG.escape(text) == escaped, "escape \(text.debugDescription)")
            let needsQuotes = text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            let quoted = needsQuotes ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
            #expect(CSVTable.quoted(text) == quoted, "CSV field \(text.debugDescription)")
            #expect(JSONValue.string(text).rendered() == JSONValue.quote(text) + "\n", "JSON string \(text.debugDescription)")
        }
    }

    @Test("a nested document renders with two spaces a level, and a table row by row")
    func layout() {
        let document = JSONValue.object([
            ("name", .string("网点 \"A\"")), ("empty", .object([])), ("none", .array([])),
            ("values", .array([.number(1), .number(2.5), .number(.nan), .integer(-3), .bool(true), .null])),
            ("inner", .object([("deep", .array([.object([("x", .number(1e-7))])]))])),
        ])
        let expected = """
        {
          "name": "网点 \\"A\\"",
          "empty": {},
          "none": [],
          "values": [
            1,
            2.5,
            null,
            -3,
            true,
            null
          ],
          "inner": {
            "deep": [
              {
                "x": 1e-07
              }
            ]
          }
        }

        """
        #expect(document.rendered() == expected)
        var table = CSVTable(header: ["a", "b,c"])
        table.append(["1", "x\"y"])
        table.append(["", "plain"])
        #expect(table.rendered() == "a,\"b,c\"\n1,\"x\"\"y\"\n,plain\n")
    }
}
