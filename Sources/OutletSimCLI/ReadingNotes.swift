import Foundation
import Scenario

/// The located notes reading scenarios left (a key read under its old
/// name, roles priced in shifts), on standard error, as every command that
/// reads a scenario shows them: each note once, in the order first met,
/// so that two plans extending one base do not repeat its notes.
enum ReadingNotes {
    static func show(_ scenarios: [Scenario]) {
        var shown = Set<String>()
        for note in scenarios.flatMap(\.readingNotes) where shown.insert(note).inserted {
            FileHandle.standardError.write(Data((note + "\n").utf8))
        }
    }
}
