/// Why the studio will not do what a request asks, in the planner's words:
/// what was found and what is allowed. The server answers it with the
/// status its ``kind`` names; nothing here knows HTTP.
public struct StudioRefusal: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable {
        /// The request itself is malformed or out of range (400).
        case badRequest
        /// A path outside the opened folder, or a file OutletSim did not write (403).
        case forbidden
        /// No such scenario or plan (404).
        case notFound
        /// The work was superseded by a newer edit or cancelled (409).
        case superseded
        /// Too much at once: a body, a field or the queue of work (413 or 503).
        case tooLarge
        case busy
    }

    public let kind: Kind
    /// What the request named, e.g. `path` or `draft.windows.general`.
    public let subject: String
    public let found: String
    public let allowed: String

    public init(_ kind: Kind, _ subject: String, found: String, allowed: String) {
        self.kind = kind
        self.subject = subject
        self.found = found
        self.allowed = allowed
    }

    public var description: String { "\(subject): found \(found); allowed: \(allowed)" }
}
