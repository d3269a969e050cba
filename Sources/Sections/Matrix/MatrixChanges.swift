import Model
import GtkKit
import Rendering

/// Where the grid's cells are in the survey: data rows and columns resolved to cell keys.
package struct MatrixAddressing: Sendable {
    package var rows: MatrixRows
    package var columns: [MatrixColumn]
    package var jurisdictions: [Jurisdiction]

    package var rowCount: Int { rows.count }
    package var columnCount: Int { columns.count }

    package func key(_ p: MatrixPoint) -> CellKey {
        let column = columns[p.column]
        return CellKey(jurisdiction: jurisdictions[rows.data[p.row]].id, year: column.year, kind: column.kind)
    }

    /// "安徽 · 2019年度 · 评估与验收结果公开"
    package func name(_ p: MatrixPoint) -> String {
        let column = columns[p.column]
        return [jurisdictions[rows.data[p.row]].displayName, yearHeading(column.year), column.kind.label].joined(separator: " · ")
    }
    package init(rows: MatrixRows, columns: [MatrixColumn], jurisdictions: [Jurisdiction]) {
        self.rows = rows
        self.columns = columns
        self.jurisdictions = jurisdictions
    }
}

/// The cell changes behind the grid's edits. Pure: they read the survey and return the changes of
/// one undo step (`Edit.setCells`), leaving out cells that would not change.
package enum MatrixChanges {
    /// Sets cells to a status with the fields it implies (`CellEdits.setting`).
    package static func setting(_ status: DisclosureStatus, on keys: [CellKey], in survey: Survey, index: CellIndex) -> [CellChange] {
        CellEdits.setting(status, on: keys, in: survey, index: index)
    }

    /// The changes a pasted text makes, from the selection's top-left cell; a single value fills
    /// the whole selection. Refuses (changing nothing) when a value is not a status or the block
    /// runs past the shown rows or the columns.
    package static func pasting(_ text: String, into selection: MatrixSelection, at addressing: MatrixAddressing,
                        survey: Survey, index: CellIndex) -> Result<[CellChange], PasteError> {
        let origin = MatrixPoint(row: selection.rows.lowerBound, column: selection.columns.lowerBound)
        let block: PastedBlock
        switch MatrixPaste.parse(text) {
        case .success(let parsed):
            block = parsed
        case .failure(.unreadable(let row, let column, let value, _)):
            let target = MatrixPoint(row: origin.row + row - 1, column: origin.column + column - 1)
            let inside = target.row < addressing.rowCount && target.column < addressing.columnCount
            return .failure(.unreadable(row: row, column: column, value: value, cell: inside ? addressing.name(target) : nil))
        case .failure(let error):
            return .failure(error)
        }
        guard addressing.rowCount > 0, addressing.columnCount > 0 else {
            return .failure(.tooManyRows(blockRows: block.rows.count, room: 0))
        }
        var placed: [(MatrixPoint, PastedCell)] = []
        if block.rows.count == 1, block.width == 1, !selection.isSingleCell {
            placed = selection.points.map { ($0, block.rows[0][0]) }
        } else {
            let rowRoom = addressing.rowCount - origin.row
            let columnRoom = addressing.columnCount - origin.column
            if block.rows.count > rowRoom { return .failure(.tooManyRows(blockRows: block.rows.count, room: rowRoom)) }
            if block.width > columnRoom { return .failure(.tooManyColumns(blockColumns: block.width, room: columnRoom)) }
            for (r, row) in block.rows.enumerated() {
                for (c, cell) in row.enumerated() {
                    placed.append((MatrixPoint(row: origin.row + r, column: origin.column + c), cell))
                }
            }
        }
        var changes: [CellChange] = []
        for (point, cell) in placed {
            let key = addressing.key(point)
            let old = index[key].map { survey.observations[$0] }
            if cell.status == .notSurveyed {
                if old != nil { changes.append(.clear(key)) }
                continue
            }
            var new = old ?? Observation(jurisdiction: key.jurisdiction, year: key.year, kind: key.kind, status: .notSurveyed)
            new.setStatus(cell.status)
            if let note = cell.note { new.note = note }
            if new != old { changes.append(CellChange(new)) }
        }
        return .success(changes)
    }

    /// The selected cells as a table without headings: each cell its symbol (and note), with its
    /// status, so that the HTML copy is coloured like the window. Its tab-separated text
    /// (`TableClipboard.tabSeparated`) is what `MatrixPaste` reads back.
    package static func copyTable(_ selection: MatrixSelection, at addressing: MatrixAddressing, survey: Survey, index: CellIndex) -> Table {
        let rows = selection.rows.map { r in
            selection.columns.map { c -> TableCell in
                guard let position = index[addressing.key(MatrixPoint(row: r, column: c))] else { return TableCell(.empty) }
                let o = survey.observations[position]
                var text = MatrixCellStyle.symbols.text(for: o.status)
                if let note = o.note, !note.isEmpty, o.status != .notSurveyed { text += parenthesised(note) }
                return TableCell(text.isEmpty ? .empty : .text(text), status: o.status == .notSurveyed ? nil : o.status)
            }
        }
        return Table(id: "matrix", title: "", header: [], rows: rows)
    }
}
