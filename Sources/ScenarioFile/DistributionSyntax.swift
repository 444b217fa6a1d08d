import Distributions

/// Reads a distribution as planners write it: `gamma(mean=6, sd=3)`,
/// `empirical(values=[1, 2, 5], weights=[4, 3, 1])`, or a plain number of
/// minutes for a fixed time. `mean: 6` is accepted too, but only inside
/// quotes, because YAML reads `: ` as the start of a mapping.
enum DistributionSyntax {
    /// A problem at a character offset in the text.
    struct Problem: Error {
        let offset: Int
        let found: String
        let allowed: String
        var hint: String? = nil
    }

    /// The parameters each distribution takes, in order.
    static let signatures: [(name: String, parameters: [String])] = [
        ("exponential", ["mean"]), ("erlang", ["k", "mean"]), ("gamma", ["mean", "sd"]), ("gamma", ["mean", "cv"]),
        ("lognormal", ["mean", "sd"]), ("lognormal", ["mean", "cv"]), ("weibull", ["shape", "scale"]), ("normal", ["mean", "sd"]),
        ("uniform", ["min", "max"]), ("triangular", ["min", "mode", "max"]), ("deterministic", ["value"]),
        ("empirical", ["values", "weights"]), ("empirical", ["points"]),
    ]

    static var forms: String {
        "a number of minutes or one of " + signatures.map { "\($0.name)(\($0.parameters.map { "\($0)=…" }.joined(separator: ", ")))" }
            .joined(separator: ", ")
    }

    enum Value {
        case number(Double)
        case list([Double])
    }

    static func parse(_ text: String, signed: Bool) throws(Problem) -> Distribution {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let value = Double(trimmed) ?? yamlSpecialNumber(trimmed) {
            return try make("deterministic", ["value": .number(value)], signed: signed, at: 0)
        }
        var scanner = Scanner(Array(text))
        scanner.skipSpaces()
        let nameStart = scanner.position
        let name = scanner.identifier()
        guard !name.isEmpty else {
            throw Problem(offset: nameStart, found: "'\(text)'", allowed: forms)
        }
        guard signatures.contains(where: { $0.name == name }) else {
            throw Problem(offset: nameStart, found: "the distribution '\(name)'", allowed: forms,
                          hint: DidYouMean.suggestion(for: name, among: Array(Set(signatures.map(\.name)))).map { "did you mean '\($0)'?" })
        }
        scanner.skipSpaces()
        guard scanner.take("(") else {
            throw Problem(offset: scanner.position, found: "'\(scanner.rest)'", allowed: "'(' after '\(name)'")
        }
        var arguments: [String: Value] = [:]
        var offsets: [String: Int] = [:]
        var firstOffset = scanner.position
        scanner.skipSpaces()
        if !scanner.take(")") {
            while true {
                scanner.skipSpaces()
                let keyOffset = scanner.position
                if arguments.isEmpty { firstOffset = keyOffset }
                let key = scanner.identifier()
                // Each name once, in the order the signatures give them (gamma: mean, sd, cv).
                let allowedKeys = signatures.filter { $0.name == name }.flatMap(\.parameters)
                    .reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
                guard !key.isEmpty else {
                    throw Problem(offset: keyOffset, found: "'\(scanner.rest)'", allowed: "a parameter name (\(allowedKeys.joined(separator: ", ")))")
                }
                guard allowedKeys.contains(key) else {
                    throw Problem(offset: keyOffset, found: "the parameter '\(key)' for \(name)",
                                  allowed: allowedKeys.joined(separator: ", "),
                                  hint: DidYouMean.suggestion(for: key, among: allowedKeys).map { "did you mean '\($0)'?" })
                }
                guard arguments[key] == nil else {
                    throw Problem(offset: keyOffset, found: "'\(key)' twice", allowed: "each parameter once")
                }
                scanner.skipSpaces()
                guard scanner.take("=") || scanner.take(":") else {
                    throw Problem(offset: scanner.position, found: "'\(scanner.rest)'", allowed: "'=' after '\(key)'")
                }
                scanner.skipSpaces()
                offsets[key] = scanner.position
                arguments[key] = try scanner.value()
                scanner.skipSpaces()
                if scanner.take(")") { break }
                guard scanner.take(",") else {
                    throw Problem(offset: scanner.position, found: scanner.atEnd ? "the end of the text" : "'\(scanner.rest)'",
                                  allowed: "',' or ')'")
                }
            }
        }
        scanner.skipSpaces()
        guard scanner.atEnd else {
            throw Problem(offset: scanner.position, found: "'\(scanner.rest)' after ')'", allowed: "nothing after the closing ')'")
        }
        return try make(name, arguments, signed: signed, at: firstOffset, offsets: offsets)
    }

    static func yamlSpecialNumber(_ text: String) -> Double? {
        switch text.lowercased() {
        case ".nan": .nan
        case ".inf", "+.inf": .infinity
        case "-.inf": -.infinity
        default: nil
        }
    }

    static func make(_ name: String, _ arguments: [String: Value], signed: Bool, at offset: Int,
                     offsets: [String: Int] = [:]) throws(Problem) -> Distribution {
        let candidates = signatures.filter { $0.name == name }
        guard let signature = candidates.first(where: { Set($0.parameters) == Set(arguments.keys) }) else {
            let wanted = candidates.map { $0.parameters.joined(separator: " and ") }.joined(separator: ", or ")
            let given = arguments.keys.sorted().joined(separator: ", ")
            throw Problem(offset: offset, found: "\(name) with \(given.isEmpty ? "no parameters" : given)",
                          allowed: "\(name) with \(wanted)")
        }
        func number(_ key: String) throws(Problem) -> Double {
            guard case .number(let value)? = arguments[key] else {
                throw Problem(offset: offset, found: "a list for '\(key)'", allowed: "a number for '\(key)'")
            }
            return value
        }
        func list(_ key: String) throws(Problem) -> [Double] {
            guard case .list(let values)? = arguments[key] else {
                throw Problem(offset: offset, found: "a single number for '\(key)'", allowed: "a list [a, b, ...] for '\(key)'")
            }
            return values
        }
        // A coefficient of variation is the sd in units of the mean: gamma(mean=1, cv=0.08) is gamma(mean=1, sd=0.08).
        func sd() throws(Problem) -> Double { signature.parameters.contains("cv") ? try number("cv") * number("mean") : try number("sd") }
        do {
            switch (signature.name, signature.parameters.count) {
            case ("exponential", _): return try .exponential(mean: number("mean"))
            case ("erlang", _):
                let k = try number("k")
                guard k == k.rounded(), k >= 1, k < 1e6 else {
                    throw Problem(offset: offsets["k"] ?? offset, found: "k = \(DistributionErrorFormat.value(k))", allowed: "a whole number of phases from 1 to 999999")
                }
                return try .erlang(phases: Int(k), mean: number("mean"))
            case ("gamma", _): return try .gamma(mean: number("mean"), sd: sd())
            case ("lognormal", _): return try .lognormal(mean: number("mean"), sd: sd())
            case ("weibull", _): return try .weibull(shape: number("shape"), scale: number("scale"))
            case ("normal", _):
                return signed ? try .signedNormal(mean: number("mean"), sd: number("sd"))
                              : try .normal(mean: number("mean"), sd: number("sd"))
            case ("uniform", _):
                return signed ? try .signedUniform(min: number("min"), max: number("max"))
                              : try .uniform(min: number("min"), max: number("max"))
            case ("triangular", _):
                return signed ? try .signedTriangular(min: number("min"), mode: number("mode"), max: number("max"))
                              : try .triangular(min: number("min"), mode: number("mode"), max: number("max"))
            case ("deterministic", _):
                return signed ? try .signedDeterministic(number("value")) : try .deterministic(number("value"))
            case ("empirical", 2): return try .empirical(values: list("values"), weights: list("weights"))
            default: return try .empirical(samplePoints: list("points"))
            }
        } catch let error as DistributionError {
            switch error {
            case let .invalidParameter(distribution, parameter, found, allowed):
                let key = String(parameter.prefix { $0 != "[" })
                throw Problem(offset: offsets[key] ?? offset, found: "\(parameter) = \(DistributionErrorFormat.value(found)) in \(distribution)",
                              allowed: "\(parameter) \(allowed)")
            case let .invalidTable(distribution, problem):
                throw Problem(offset: offset, found: "an unusable table in \(distribution)", allowed: problem)
            }
        } catch let problem as Problem {
            throw problem
        } catch {
            throw Problem(offset: offset, found: "\(error)", allowed: forms)
        }
    }

    /// A cursor over the characters of the text.
    struct Scanner {
        let characters: [Character]
        var position = 0

        init(_ characters: [Character]) { self.characters = characters }

        var atEnd: Bool { position >= characters.count }
        var rest: String { String(characters[min(position, characters.count)...]) }

        mutating func skipSpaces() {
            while !atEnd, characters[position] == " " || characters[position] == "\t" { position += 1 }
        }

        mutating func take(_ character: Character) -> Bool {
            guard !atEnd, characters[position] == character else { return false }
            position += 1
            return true
        }

        mutating func identifier() -> String {
            let start = position
            while !atEnd, characters[position].isLetter || characters[position] == "_" { position += 1 }
            return String(characters[start..<position])
        }

        mutating func number() throws(Problem) -> Double {
            skipSpaces()
            let start = position
            while !atEnd, "+-.0123456789eEnaINAfF".contains(characters[position]) { position += 1 }
            let text = String(characters[start..<position])
            guard let value = Double(text) ?? DistributionSyntax.yamlSpecialNumber(text) else {
                throw Problem(offset: start, found: text.isEmpty ? "'\(rest)'" : "'\(text)'", allowed: "a number")
            }
            return value
        }

        mutating func value() throws(Problem) -> Value {
            skipSpaces()
            guard take("[") else { return .number(try number()) }
            var values: [Double] = []
            skipSpaces()
            if take("]") { return .list(values) }
            while true {
                values.append(try number())
                skipSpaces()
                if take("]") { return .list(values) }
                guard take(",") else {
                    throw Problem(offset: position, found: atEnd ? "the end of the text" : "'\(rest)'", allowed: "',' or ']' in a list")
                }
            }
        }
    }
}

/// Formats numbers in problems the way planners wrote them.
enum DistributionErrorFormat {
    static func value(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-infinity" : "infinity" }
        return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
