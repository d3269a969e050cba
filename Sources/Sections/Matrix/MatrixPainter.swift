import CGtk
import Model
import GtkKit
import Rendering

/// What one frame of the grid shows besides the cells: names and headings in the interface
/// language, the selection and whether the grid has the keyboard focus.
package struct MatrixScene {
    package var layout: MatrixLayout
    package var rows: MatrixRows
    package var cells: MatrixCells
    package var jurisdictions: [Jurisdiction]
    package var selection: MatrixSelection?
    package var focused: Bool
    /// Whether cells disclosed without evidence show their quiet mark.
    package var quietMarks = true
    /// "Only empty cells": entered cells are faded so the empty ones stand out.
    package var fadeEntered = false
    package init(layout: MatrixLayout, rows: MatrixRows, cells: MatrixCells, jurisdictions: [Jurisdiction], selection: MatrixSelection? = nil, focused: Bool, quietMarks: Bool = true, fadeEntered: Bool = false) {
        self.layout = layout
        self.rows = rows
        self.cells = cells
        self.jurisdictions = jurisdictions
        self.selection = selection
        self.focused = focused
        self.quietMarks = quietMarks
        self.fadeEntered = fadeEntered
    }
}

/// Draws the grid with cairo and Pango: the visible body cells, then the frozen headings, names
/// and totals over them. Every status is a colour (Palette.tint) *and* a symbol; a note is a
/// dark corner triangle, evidence a small dot, an error a red "!" badge, another warning an amber one, and a cell disclosed
/// without evidence a quiet grey ring (unless switched off).
@MainActor
package struct MatrixPainter {
    package let text: MatrixText

    /// The grid's colours: light, or dark in a dark theme (`MatrixInk`).
    package var ink = MatrixInk.current

    /// The frame for a viewport, as tiles in layers (`MatrixTiles`): each body row, each row's
    /// name and totals, the selection, the headings, the totals row and the corners is a tile of
    /// its own, whose key lists everything its drawing reads; a tile whose key did not change is
    /// not drawn again (`MatrixTileCache`), so a key that changes one cell repaints a few rows.
    package func layers(_ scene: MatrixScene, viewport vp: MatrixRect) -> [MatrixTileLayer] {
        let l = scene.layout, m = l.metrics
        let body = l.bodyRect(vp)
        let rowsShown = l.visibleDisplayRows(vp)
        let columnsShown = l.visibleColumns(vp)
        let ink = self.ink
        var layers: [MatrixTileLayer] = []

        layers.append(MatrixTileLayer(clip: nil, tiles: [
            MatrixTile(.background, fill: vp, ink.background),
        ]))

        // Body: each row's cells (or region band) in the columns shown, with the strong lines
        // between years, then the selection and cursor over them.
        var bodyTiles: [MatrixTile] = []
        let cellsLeft = l.columnX(columnsShown.lowerBound), cellsRight = l.columnX(columnsShown.upperBound)
        for d in rowsShown {
            let span = l.displayRowSpan(d)
            let band = MatrixRect(x: cellsLeft, y: span.y, width: cellsRight - cellsLeft, height: span.height)
            switch scene.rows.display[d] {
            case .heading:
                bodyTiles.append(MatrixTile(.bodyRow(d), key: [band, m, columnsShown], bounds: band) { cr in
                    fill(cr, band, ink.heading)
                    line(cr, band.x, band.maxY - 0.5, band.maxX, band.maxY - 0.5, ink.strongLine)
                    yearLines(cr, l, columnsShown, band)
                })
            case .jurisdiction(let j):
                let looks = columnsShown.map { MatrixCellLook(scene, j: j, c: $0) }
                bodyTiles.append(MatrixTile(.bodyRow(d), key: [band, looks, m, columnsShown], bounds: band) { cr in
                    for (i, c) in columnsShown.enumerated() {
                        drawCell(cr, looks[i], x: l.columnX(c), y: span.y, height: span.height, metrics: m)
                    }
                    yearLines(cr, l, columnsShown, band)
                })
            }
        }
        if let selection = scene.selection, !scene.rows.isEmpty { bodyTiles.append(selectionTile(scene, selection)) }
        layers.append(MatrixTileLayer(clip: body, tiles: bodyTiles))

        // Region heading labels stay readable at the left edge while scrolling sideways.
        var labelTiles: [MatrixTile] = []
        for d in rowsShown {
            guard case .heading(let region) = scene.rows.display[d] else { continue }
            let span = l.displayRowSpan(d)
            let band = MatrixRect(x: vp.x, y: span.y, width: m.rowHeaderWidth, height: span.height)
            let label = region.label
            labelTiles.append(MatrixTile(.regionLabel(d), key: [band, label], bounds: band) { cr in
                fill(cr, band, ink.heading)
                line(cr, band.x, band.maxY - 0.5, band.maxX, band.maxY - 0.5, ink.strongLine)
                setColor(cr, ink.text)
                text.draw(cr, label, .heading, in: band, alignment: .left, inset: 12)
            })
        }
        layers.append(MatrixTileLayer(clip: MatrixRect(x: vp.x, y: body.y, width: body.maxX - vp.x, height: body.height), tiles: labelTiles))

        layers.append(rowHeaders(scene, vp, rowsShown))
        layers.append(totalsColumns(scene, vp, rowsShown))
        layers.append(columnHeaders(scene, vp, columnsShown))
        layers.append(totalsRow(scene, vp, columnsShown))
        layers.append(MatrixTileLayer(clip: nil, tiles: edges(scene, vp) + corners(scene, vp)))
        return layers
    }

    /// A frame's render nodes by layer: the tiles of `layers`, kept by `cache` where unchanged.
    package func frame(_ scene: MatrixScene, viewport vp: MatrixRect, cache: MatrixTileCache) -> [(clip: MatrixRect?, nodes: [RenderNode])] {
        cache.frame(layers(scene, viewport: vp), ink: ink, textSerial: text.fontSerial)
    }

    /// Paints a frame on any cairo context (an image for the bench or a test), through `cache`
    /// (a new one draws every tile).
    package func draw(_ cr: OpaquePointer, _ scene: MatrixScene, viewport vp: MatrixRect, cache: MatrixTileCache) {
        for layer in frame(scene, viewport: vp, cache: cache) {
            cairo_save(cr)
            if let clip = layer.clip {
                cairo_rectangle(cr, clip.x, clip.y, clip.width, clip.height)
                cairo_clip(cr)
            }
            for node in layer.nodes { node.draw(on: cr) }
            cairo_restore(cr)
        }
    }

    /// The strong lines between years, over a row band.
    private func yearLines(_ cr: OpaquePointer, _ l: MatrixLayout, _ columns: Range<Int>, _ band: MatrixRect) {
        for c in columns where c % 2 == 0 && c > 0 {
            line(cr, l.columnX(c) - 0.5, band.y, l.columnX(c) - 0.5, band.maxY, ink.strongLine)
        }
    }

    // MARK: Cells

    private func drawCell(_ cr: OpaquePointer, _ look: MatrixCellLook, x: Double, y: Double, height: Double, metrics m: MatrixMetrics) {
        let status = look.status
        let tile = MatrixRect(x: x + 2, y: y + 2, width: m.cellWidth - 4, height: height - 4)
        roundedRect(cr, tile, radius: 3)
        setColor(cr, ink.tint(status))
        cairo_fill(cr)
        setColor(cr, ink.text)
        switch status {
        case .disclosed, .notDisclosed: text.draw(cr, status.symbol, .symbol, in: tile)
        case .prefecture, .division: text.draw(cr, Self.cellWord(status), .cellWord, in: tile)
        case .notSurveyed: break
        }
        if look.note {
            // A dark corner triangle: the cell has a note.
            cairo_move_to(cr, tile.maxX - 9, tile.y)
            cairo_line_to(cr, tile.maxX - 3, tile.y)
            cairo_arc(cr, tile.maxX - 3, tile.y + 3, 3, -.pi / 2, 0)
            cairo_line_to(cr, tile.maxX, tile.y + 9)
            cairo_close_path(cr)
            setColor(cr, ink.mark)
            cairo_fill(cr)
        }
        if let mark = look.quality {
            // Quality marks (½ partly published, + fairly comprehensive) in the lower left corner.
            setColor(cr, ink.mark)
            text.draw(cr, mark, .badge, in: MatrixRect(x: tile.x + 1, y: tile.maxY - 13, width: 18, height: 12))
        }
        if look.evidence {
            // A small dot: the cell has evidence.
            cairo_arc(cr, tile.maxX - 5, tile.maxY - 5, 2, 0, 2 * .pi)
            setColor(cr, ink.mark, alpha: 0.7)
            cairo_fill(cr)
        }
        if look.faded, status != .notSurveyed {
            roundedRect(cr, tile, radius: 3)
            setColor(cr, ink.background, alpha: 0.65)
            cairo_fill(cr)
            return
        }
        switch look.problem {
        case .error?, .warning?:
            badge(cr, look.problem ?? .error, cx: tile.x + 7, cy: tile.y + 7)
        case .quiet? where look.quietMark:
            // A small hollow ring where the evidence dot goes: disclosed, evidence still to add.
            cairo_new_path(cr)
            cairo_arc(cr, tile.maxX - 6, tile.maxY - 6, 3, 0, 2 * .pi)
            setColor(cr, ink.quiet)
            cairo_set_line_width(cr, 1.2)
            cairo_stroke(cr)
        default:
            break
        }
    }

    /// A "!" badge: red for an error, amber for a warning.
    private func badge(_ cr: OpaquePointer, _ mark: MatrixProblemMark, cx: Double, cy: Double) {
        let r = 6.0
        cairo_arc(cr, cx, cy, r, 0, 2 * .pi)
        setColor(cr, mark == .error ? ink.badge : ink.warningBadge)
        cairo_fill(cr)
        setColor(cr, RGB(0xFFFFFF))
        text.draw(cr, "!", .badge, in: MatrixRect(x: cx - r, y: cy - r, width: 2 * r, height: 2 * r))
    }

    /// A kind's column heading, broken into lines where the language breaks it best and so that
    /// its widest line, which sets the columns' width, is short (审核企业 / 名单公开: the Chinese
    /// grid then fits beside its totals at 960 px).
    package static func kindHeading(_ kind: DisclosureKind) -> String {
        switch kind {
        case .auditList: return tr(context: "matrix header", "Audit list\ndisclosed")
        case .evaluation: return tr(context: "matrix header", "Evaluation\nresults\ndisclosed")
        }
    }

    /// The short word a delegated cell shows: 地市 / 师市.
    package static func cellWord(_ status: DisclosureStatus) -> String {
        switch status {
        case .prefecture: return tr(context: "matrix cell", "Pref.")
        case .division: return tr(context: "matrix cell", "Div.")
        default: return status.symbol
        }
    }

    /// The selection and the cursor, over the body.
    private func selectionTile(_ scene: MatrixScene, _ s: MatrixSelection) -> MatrixTile {
        let l = scene.layout
        let first = l.cellRect(MatrixPoint(row: s.rows.lowerBound, column: s.columns.lowerBound))
        let last = l.cellRect(MatrixPoint(row: s.rows.upperBound, column: s.columns.upperBound))
        let range = MatrixRect(x: first.x, y: first.y, width: last.maxX - first.x, height: last.maxY - first.y)
        let cursor = l.cellRect(s.cursor)
        let color = scene.focused ? ink.accent : ink.unfocused
        let single = s.isSingleCell
        // The ring's stroke reaches half a pixel outside the cursor cell.
        let bounds = (single ? cursor : range).inset(by: -2)
        return MatrixTile(.selection, key: [range, cursor, single, color], bounds: bounds) { cr in
            if !single {
                setColor(cr, color, alpha: 0.16)
                cairo_rectangle(cr, range.x, range.y, range.width, range.height)
                cairo_fill(cr)
                setColor(cr, color, alpha: 0.9)
                cairo_set_line_width(cr, 1)
                cairo_rectangle(cr, range.x + 0.5, range.y + 0.5, range.width - 1, range.height - 1)
                cairo_stroke(cr)
            }
            // The cursor: a white halo inside a strong ring, visible on every tint.
            let ring = cursor.inset(by: 1)
            cairo_set_line_width(cr, 3)
            roundedRect(cr, ring, radius: 4)
            setColor(cr, color)
            cairo_stroke(cr)
            cairo_set_line_width(cr, 1)
            roundedRect(cr, ring.inset(by: 2), radius: 2)
            setColor(cr, RGB(0xFFFFFF), alpha: 0.9)
            cairo_stroke(cr)
        }
    }

    // MARK: Frozen parts

    /// The jurisdictions' names at the left edge, a tile a row.
    private func rowHeaders(_ scene: MatrixScene, _ vp: MatrixRect, _ rowsShown: Range<Int>) -> MatrixTileLayer {
        let l = scene.layout, m = l.metrics
        let body = l.bodyRect(vp)
        let activeRows = scene.selection.map { $0.rows } ?? 1...0
        var tiles: [MatrixTile] = []
        for d in rowsShown {
            guard case .jurisdiction(let j) = scene.rows.display[d], let row = l.dataRow(ofDisplayRow: d) else { continue }
            let span = l.displayRowSpan(d)
            let band = MatrixRect(x: vp.x, y: span.y, width: m.rowHeaderWidth, height: span.height)
            let name = scene.jurisdictions[j].displayName
            let active = activeRows.contains(row)
            let mark = scene.cells.rowBadges[j]
            tiles.append(MatrixTile(.rowHeader(d), key: [band, name, active, mark], bounds: band) { cr in
                fill(cr, band, active ? ink.headerActive : ink.header)
                line(cr, band.x, band.maxY - 0.5, band.maxX, band.maxY - 0.5, ink.line)
                setColor(cr, ink.text)
                let nameBand = MatrixRect(x: band.x, y: band.y, width: band.width - 16, height: band.height)
                text.draw(cr, name, .name, in: nameBand, alignment: .left, ellipsize: true, inset: 12)
                if let mark { badge(cr, mark, cx: band.maxX - 14, cy: band.y + band.height / 2) }
            })
        }
        return MatrixTileLayer(clip: MatrixRect(x: vp.x, y: body.y, width: m.rowHeaderWidth, height: body.height), tiles: tiles)
    }

    /// Each row's disclosed count and rate at the right edge.
    private func totalsColumns(_ scene: MatrixScene, _ vp: MatrixRect, _ rowsShown: Range<Int>) -> MatrixTileLayer {
        let l = scene.layout, m = l.metrics
        let body = l.bodyRect(vp)
        let x = l.totalsColumnX(vp)
        let column = MatrixRect(x: x, y: body.y, width: m.totalsWidth, height: body.height)
        var tiles = [MatrixTile(.totalsBackground, fill: column, ink.header)]
        for d in rowsShown {
            let span = l.displayRowSpan(d)
            let band = MatrixRect(x: x, y: span.y, width: m.totalsWidth, height: span.height)
            var figures: (count: String, rate: String)?
            if case .jurisdiction(let j) = scene.rows.display[d] {
                let counts = scene.cells.rowCounts[j]
                figures = (String(counts.disclosed), Self.percent(counts.rate(scene.cells.rateDefinition)))
            }
            tiles.append(MatrixTile(.totalsRow(d), key: [band, m, figures?.count, figures?.rate], bounds: band) { cr in
                line(cr, band.x, band.maxY - 0.5, band.maxX, band.maxY - 0.5, ink.line)
                guard let figures else { return }
                setColor(cr, ink.text)
                text.draw(cr, figures.count, .total, in: MatrixRect(x: x, y: band.y, width: m.totalsColumnWidth, height: band.height))
                setColor(cr, ink.muted)
                text.draw(cr, figures.rate, .small,
                          in: MatrixRect(x: x + m.totalsColumnWidth, y: band.y, width: m.totalsColumnWidth, height: band.height))
            })
        }
        return MatrixTileLayer(clip: column, tiles: tiles)
    }

    /// The year and kind headings at the top.
    private func columnHeaders(_ scene: MatrixScene, _ vp: MatrixRect, _ columnsShown: Range<Int>) -> MatrixTileLayer {
        let l = scene.layout, m = l.metrics
        let body = l.bodyRect(vp)
        let activeColumns = scene.selection.map { $0.columns } ?? 1...0
        let strip = MatrixRect(x: body.x, y: vp.y, width: body.width, height: m.headerHeight)
        let columns = columnsShown.map { scene.cells.columns[$0] }
        let active = columnsShown.map { activeColumns.contains($0) }
        let tile = MatrixTile(.columnHeaders, key: [strip, m, columnsShown, columns.map(\.year), columns.map(\.kind), active], bounds: strip) { cr in
            fill(cr, strip, ink.header)
            var drawnYears = Set<Int>()
            for (i, c) in columnsShown.enumerated() {
                let column = columns[i]
                if drawnYears.insert(column.year).inserted {
                    let first = c - c % 2
                    let yearBand = MatrixRect(x: l.columnX(first), y: vp.y, width: 2 * m.cellWidth, height: m.yearHeaderHeight)
                    if activeColumns.overlaps(first...first + 1) { fill(cr, yearBand, ink.headerActive) }
                    setColor(cr, ink.text)
                    text.draw(cr, yearHeading(column.year), .year, in: yearBand)
                    line(cr, yearBand.x + 6, yearBand.maxY - 0.5, yearBand.maxX - 6, yearBand.maxY - 0.5, ink.strongLine)
                    if first > 0 { line(cr, yearBand.x - 0.5, vp.y, yearBand.x - 0.5, vp.y + m.headerHeight, ink.strongLine) }
                }
                let kindBand = MatrixRect(x: l.columnX(c), y: vp.y + m.yearHeaderHeight, width: m.cellWidth, height: m.kindHeaderHeight)
                if active[i] { fill(cr, kindBand, ink.headerActive) }
                setColor(cr, ink.muted)
                text.draw(cr, Self.kindHeading(column.kind), .kind, in: kindBand, wrap: true, inset: 4)
            }
        }
        return MatrixTileLayer(clip: strip, tiles: [tile])
    }

    /// Each column's disclosed count at the bottom.
    private func totalsRow(_ scene: MatrixScene, _ vp: MatrixRect, _ columnsShown: Range<Int>) -> MatrixTileLayer {
        let l = scene.layout, m = l.metrics
        let body = l.bodyRect(vp)
        let strip = MatrixRect(x: body.x, y: l.totalsRowY(vp), width: body.width, height: m.totalsRowHeight)
        let counts = columnsShown.map { String(scene.cells.columnDisclosed[$0]) }
        let tile = MatrixTile(.totalsRowStrip, key: [strip, m, columnsShown, counts], bounds: strip) { cr in
            fill(cr, strip, ink.header)
            for (i, c) in columnsShown.enumerated() {
                let band = MatrixRect(x: l.columnX(c), y: strip.y, width: m.cellWidth, height: m.totalsRowHeight)
                setColor(cr, ink.text)
                text.draw(cr, counts[i], .total, in: band)
                if c % 2 == 0 && c > 0 { line(cr, band.x - 0.5, strip.y, band.x - 0.5, strip.maxY, ink.strongLine) }
            }
        }
        return MatrixTileLayer(clip: strip, tiles: [tile])
    }

    /// The strong lines that frame the body: right of the names, left of the totals, under the
    /// headings and over the totals row (one pixel wide, each a tile of its own).
    private func edges(_ scene: MatrixScene, _ vp: MatrixRect) -> [MatrixTile] {
        let l = scene.layout, m = l.metrics
        let body = l.bodyRect(vp)
        let right = l.totalsColumnX(vp), bottom = l.totalsRowY(vp)
        let width = min(vp.maxX, l.contentWidth) - vp.x
        return [MatrixRect(x: vp.x + m.rowHeaderWidth - 1, y: body.y, width: 1, height: body.height),
                MatrixRect(x: right, y: vp.y, width: 1, height: min(vp.maxY, l.contentHeight) - vp.y),
                MatrixRect(x: vp.x, y: vp.y + m.headerHeight - 1, width: width, height: 1),
                MatrixRect(x: vp.x, y: bottom, width: width, height: 1)]
            .enumerated().map { MatrixTile(.edge($0.offset), fill: $0.element, ink.strongLine) }
    }

    /// The four corners: "Jurisdiction / year", the totals' headings, the totals row's label and
    /// the grand total (a tile of its own: it changes with every status).
    private func corners(_ scene: MatrixScene, _ vp: MatrixRect) -> [MatrixTile] {
        let l = scene.layout, m = l.metrics
        let right = l.totalsColumnX(vp), bottom = l.totalsRowY(vp)
        let topLeft = MatrixRect(x: vp.x, y: vp.y, width: m.rowHeaderWidth, height: m.headerHeight)
        let topRight = MatrixRect(x: right, y: vp.y, width: m.totalsWidth, height: m.headerHeight)
        let bottomLeft = MatrixRect(x: vp.x, y: bottom, width: m.rowHeaderWidth, height: m.totalsRowHeight)
        let bottomRight = MatrixRect(x: right, y: bottom, width: m.totalsWidth, height: m.totalsRowHeight)
        let total = String(scene.cells.totalDisclosed)
        let labels = [tr("Jurisdiction / year"), tr("All years"), tr(context: "matrix totals", "Disclosed"), tr("Rate")]
        return [MatrixTile(.corner(0), key: [topLeft, labels[0]], bounds: topLeft) { cr in
            fill(cr, topLeft, ink.header)
            setColor(cr, ink.muted)
            text.draw(cr, labels[0], .small, in: topLeft, alignment: .left, wrap: true, inset: 12)
        }, MatrixTile(.corner(1), key: [topRight, m, labels], bounds: topRight) { cr in
            fill(cr, topRight, ink.header)
            setColor(cr, ink.text)
            text.draw(cr, tr("All years"), .year, in: MatrixRect(x: right, y: vp.y, width: m.totalsWidth, height: m.yearHeaderHeight))
            line(cr, right + 6, vp.y + m.yearHeaderHeight - 0.5, right + m.totalsWidth - 6, vp.y + m.yearHeaderHeight - 0.5, ink.strongLine)
            setColor(cr, ink.muted)
            let kindY = vp.y + m.yearHeaderHeight
            text.draw(cr, tr(context: "matrix totals", "Disclosed"), .kind,
                      in: MatrixRect(x: right, y: kindY, width: m.totalsColumnWidth, height: m.kindHeaderHeight), wrap: true, inset: 4)
            text.draw(cr, tr("Rate"), .kind,
                      in: MatrixRect(x: right + m.totalsColumnWidth, y: kindY, width: m.totalsColumnWidth, height: m.kindHeaderHeight), wrap: true, inset: 4)
            line(cr, right + 0.5, vp.y, right + 0.5, vp.y + m.headerHeight, ink.strongLine)
            line(cr, right, vp.y + m.headerHeight - 0.5, right + m.totalsWidth, vp.y + m.headerHeight - 0.5, ink.strongLine)
        }, MatrixTile(.corner(2), key: [bottomLeft, labels[2]], bounds: bottomLeft) { cr in
            fill(cr, bottomLeft, ink.header)
            setColor(cr, ink.text)
            text.draw(cr, tr(context: "matrix totals", "Disclosed"), .year, in: bottomLeft, alignment: .left, inset: 12)
            line(cr, vp.x, bottom + 0.5, vp.x + m.rowHeaderWidth, bottom + 0.5, ink.strongLine)
            line(cr, vp.x + m.rowHeaderWidth - 0.5, bottom, vp.x + m.rowHeaderWidth - 0.5, bottom + m.totalsRowHeight, ink.strongLine)
        }, MatrixTile(.grandTotal, key: [bottomRight, m, total], bounds: bottomRight) { cr in
            fill(cr, bottomRight, ink.header)
            setColor(cr, ink.text)
            text.draw(cr, total, .total, in: MatrixRect(x: right, y: bottom, width: m.totalsColumnWidth, height: m.totalsRowHeight))
            line(cr, right + 0.5, bottom, right + 0.5, bottom + m.totalsRowHeight, ink.strongLine)
            line(cr, right, bottom + 0.5, right + m.totalsWidth, bottom + 0.5, ink.strongLine)
        }]
    }

    /// "75%", or "–" without a rate.
    package static func percent(_ rate: Double?) -> String {
        guard let rate else { return "–" }
        return "\(Int((rate * 100).rounded()))%"
    }

    // MARK: Cairo helpers

    private func setColor(_ cr: OpaquePointer, _ color: RGB, alpha: Double = 1) {
        let (r, g, b) = color.unit
        cairo_set_source_rgba(cr, r, g, b, alpha)
    }

    private func fill(_ cr: OpaquePointer, _ rect: MatrixRect, _ color: RGB) {
        setColor(cr, color)
        cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
        cairo_fill(cr)
    }

    private func line(_ cr: OpaquePointer, _ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, _ color: RGB) {
        setColor(cr, color)
        cairo_set_line_width(cr, 1)
        cairo_move_to(cr, x0, y0)
        cairo_line_to(cr, x1, y1)
        cairo_stroke(cr)
    }

    private func roundedRect(_ cr: OpaquePointer, _ r: MatrixRect, radius: Double) {
        cairo_new_sub_path(cr)
        cairo_arc(cr, r.maxX - radius, r.y + radius, radius, -.pi / 2, 0)
        cairo_arc(cr, r.maxX - radius, r.maxY - radius, radius, 0, .pi / 2)
        cairo_arc(cr, r.x + radius, r.maxY - radius, radius, .pi / 2, .pi)
        cairo_arc(cr, r.x + radius, r.y + radius, radius, .pi, 3 * .pi / 2)
        cairo_close_path(cr)
    }

    private func clip(_ cr: OpaquePointer, _ rect: MatrixRect, _ body: () -> Void) {
        cairo_save(cr)
        cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
        cairo_clip(cr)
        body()
        cairo_restore(cr)
    }
}
