import Foundation
import Model
import GtkKit

/// A tile-grid map of China: each jurisdiction a tile at its `Jurisdiction.tile` position, in its
/// status colour, with its name and the status symbol. Shared by the single map and the small
/// multiples.
package struct TileMap: Sendable {
    package struct Tile: Sendable {
        package var id: String
        package var name: String
        /// A shorter name for small tiles.
        package var abbreviation: String
        package var column: Int
        package var row: Int
        package var status: DisclosureStatus
        package init(id: String, name: String, abbreviation: String, column: Int, row: Int, status: DisclosureStatus) {
            self.id = id
            self.name = name
            self.abbreviation = abbreviation
            self.column = column
            self.row = row
            self.status = status
        }
    }

    package var tiles: [Tile]
    package var columns: Int
    package var rows: Int
    /// Status → (long symbol, short symbol).
    package var symbols: [DisclosureStatus: TileSymbols]

    package init(_ data: ChartData, year: Int, kind: DisclosureKind) {
        let names = data.survey.jurisdictions.map { ChartData.compactName($0.displayName) }
        let abbreviations = TileMap.abbreviations(names, ids: data.survey.jurisdictions.map(\.id))
        tiles = data.survey.jurisdictions.enumerated().map { i, j in
            Tile(id: j.id, name: names[i], abbreviation: abbreviations[i], column: j.tile.column, row: j.tile.row,
                 status: data.status(j.id, year, kind))
        }
        columns = (tiles.map(\.column).max() ?? 0) + 1
        rows = (tiles.map(\.row).max() ?? 0) + 1
        var symbols: [DisclosureStatus: TileSymbols] = [:]
        for status in DisclosureStatus.allCases {
            symbols[status] = TileSymbols(long: ChartWords.symbol(status), short: ChartWords.symbol(status, short: true))
        }
        self.symbols = symbols
    }

    /// Counts of tiles per status.
    package var counts: [DisclosureStatus: Int] {
        var c: [DisclosureStatus: Int] = [:]
        for t in tiles { c[t.status, default: 0] += 1 }
        return c
    }

    /// Draws the map centred in `rect`. Tiles may be up to 1.5 times wider than tall, so that
    /// names fit in small maps.
    package func draw(on canvas: ChartCanvas, in rect: ChartRect) {
        guard !tiles.isEmpty else { return }
        let height = min(rect.height / Double(rows), rect.width / Double(columns), 96)
        let width = min(rect.width / Double(columns), height * 1.5)
        let grid = ChartRect(x: rect.midX - width * Double(columns) / 2, y: rect.midY - height * Double(rows) / 2,
                             width: width * Double(columns), height: height * Double(rows))
        let gap = max(1.5, min(width, height) * 0.06)
        let inner = ChartSize(width: width - gap, height: height - gap)
        let names = nameLabels(canvas, inner)
        let symbolFont = ChartType.value.sized(max(ChartType.minimumSize, min(20, inner.height * (names == nil ? 0.5 : 0.32))))
        for (i, tile) in tiles.enumerated() {
            let box = ChartRect(x: grid.x + Double(tile.column) * width + gap / 2, y: grid.y + Double(tile.row) * height + gap / 2,
                                width: inner.width, height: inner.height)
            let fill = ChartFills.status(tile.status)
            canvas.anchor(.jurisdiction(tile.id), x: box.maxX - 3, y: box.minY + 3)
            canvas.fillRounded(box, radius: min(box.width, box.height) * 0.12, fill.color)
            let symbol = symbols[tile.status] ?? TileSymbols(long: "", short: "")
            let text = canvas.measure(symbol.long, symbolFont).width + 4 <= box.width ? symbol.long : symbol.short
            if let names {
                canvas.text(names.labels[i], x: box.midX, y: box.y + box.height * 0.3, names.font, color: fill.ink,
                            h: .center, v: .middle)
                canvas.text(text, x: box.midX, y: box.y + box.height * 0.72, symbolFont, color: fill.ink, h: .center, v: .middle)
            } else {
                canvas.text(text, x: box.midX, y: box.midY, symbolFont, color: fill.ink, h: .center, v: .middle)
            }
        }
    }

    /// One font for every tile's name: the full names, or all the abbreviations (codes) where
    /// some name does not fit; nil when some name does not fit even abbreviated at the smallest size.
    private func nameLabels(_ canvas: ChartCanvas, _ inner: ChartSize) -> (font: ChartFont, labels: [String])? {
        let base = ChartType.label.sized(max(ChartType.minimumSize, min(16, inner.height * 0.34)))
        let room = inner.width - 3
        func fit(_ labels: [String], minimum: Double) -> ChartFont? {
            var size = base.size
            for label in labels {
                guard let f = canvas.fitting(label, base, width: room, minimum: minimum) else { return nil }
                size = min(size, f.size)
            }
            return base.sized(size)
        }
        let names = tiles.map(\.name), abbreviations = tiles.map(\.abbreviation)
        if let font = fit(names, minimum: 10) { return (font, names) }
        return fit(abbreviations, minimum: 8).map { ($0, abbreviations) }
    }

    /// The two-letter codes of GB/T 2260 and ISO 3166-2:CN, by jurisdiction id. The Xinjiang
    /// Production and Construction Corps (兵团) is not a division of either standard, so it has no
    /// code there; it takes "XPCC", the abbreviation its own English name uses.
    package static let standardCodes: [String: String] = [
        "beijing": "BJ", "tianjin": "TJ", "hebei": "HE", "shanxi": "SX", "neimenggu": "NM",
        "liaoning": "LN", "jilin": "JL", "heilongjiang": "HL", "shanghai": "SH", "jiangsu": "JS",
        "zhejiang": "ZJ", "anhui": "AH", "fujian": "FJ", "jiangxi": "JX", "shandong": "SD",
        "henan": "HA", "hubei": "HB", "hunan": "HN", "guangdong": "GD", "guangxi": "GX",
        "hainan": "HI", "chongqing": "CQ", "sichuan": "SC", "guizhou": "GZ", "yunnan": "YN",
        "xizang": "XZ", "shaanxi": "SN", "gansu": "GS", "qinghai": "QH", "ningxia": "NX",
        "xinjiang": "XJ", "xpcc": "XPCC",
    ]

    /// Short names for small tiles. An English (Latin-letter) name: the jurisdiction's standard
    /// code (`standardCodes`); for an id without one, the initials of a name of several
    /// capitalised words ("Inner Mongolia" → "IM"), else the shortest beginning of at least three
    /// letters that no other name shares. A Chinese name stays whole.
    package static func abbreviations(_ names: [String], ids: [String] = []) -> [String] {
        names.enumerated().map { i, name in
            guard name.unicodeScalars.allSatisfy({ $0.isASCII }) else { return name }
            if ids.indices.contains(i), let code = standardCodes[ids[i]] { return code }
            let words = name.split(separator: " ")
            if words.count > 1 {
                return String(words.compactMap { $0.first }.filter { $0.isUppercase })
            }
            let others = names.filter { $0 != name }
            for length in 3..<max(3, name.count) {
                let prefix = String(name.prefix(length))
                if !others.contains(where: { $0.hasPrefix(prefix) }) { return prefix }
            }
            return name
        }
    }
}

/// The long and short symbol of a status.
package struct TileSymbols: Sendable {
    package var long: String
    package var short: String
    package init(long: String, short: String) {
        self.long = long
        self.short = short
    }
}
