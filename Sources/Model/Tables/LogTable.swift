import Foundation

extension TableBuilder {
    /// The change log: one row per changed field (time, author, action, path, old and new value),
    /// oldest first; `entries` narrows it (e.g. to a log view's filter).
    public func changeLog(_ entries: [ChangeEntry]? = nil) -> Table {
        let entries = entries ?? survey.changeLog.entries
        return Table(id: "log", title: tr("Change log"),
                     header: [ChangeEntry.columnTitles.map { HeaderCell($0) }],
                     rowCount: entries.count) { i in
            entries[i].columnValues.map { .text($0) }
        }
    }
}
