import Foundation

extension TableBuilder {
    /// The change log: one row per changed field (time, author, action, path, old and new value),
    /// oldest first; `entries` narrows it (e.g. to a log view's filter).
    public func changeLog(_ entries: [ChangeEntry]? = nil) -> Table {
        let entries = entries ?? survey.changeLog.entries
        return Table(id: "log", title: tr("Change log"),
                     header: [[tr("Time"), tr("Author"), tr("Action"), tr("Field"), tr("Old value"), tr("New value")].map { HeaderCell($0) }],
                     rowCount: entries.count) { i in
            let e = entries[i]
            return [.text(e.time), .text(e.author), .text(e.action.rawValue), .text(e.path), .text(e.old), .text(e.new)]
        }
    }
}
