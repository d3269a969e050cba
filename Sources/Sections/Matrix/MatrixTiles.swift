import CGtk
import Model
import GtkKit

/// One piece of the grid's frame: a body row, a row's name or totals, the selection, the headings,
/// the totals row, a corner. Its key lists everything its drawing reads (positions, texts, marks,
/// the selection it shows); a tile whose key is the same as in the last frame keeps its render
/// node, which GTK then does not paint again.
package struct MatrixTile {
    package enum ID: Hashable {
        case background, selection, totalsBackground, columnHeaders, totalsRowStrip, grandTotal
        case bodyRow(Int), regionLabel(Int), rowHeader(Int), totalsRow(Int), edge(Int), corner(Int)
    }

    package let id: ID
    package let key: [AnyHashable]
    package let bounds: MatrixRect
    /// A drawing, or a plain fill of `bounds` (a colour node: cheaper to paint than a drawing,
    /// and only where the frame changed).
    package let content: Content

    package enum Content {
        case drawing((OpaquePointer) -> Void)
        case fill(RGB)
    }

    package init(_ id: ID, key: [AnyHashable], bounds: MatrixRect, draw: @escaping (OpaquePointer) -> Void) {
        self.id = id
        self.key = key
        self.bounds = bounds
        content = .drawing(draw)
    }

    /// A rectangle of one colour.
    package init(_ id: ID, fill bounds: MatrixRect, _ color: RGB) {
        self.id = id
        key = [bounds, color]
        self.bounds = bounds
        content = .fill(color)
    }
}

/// Tiles drawn under one clip (the body between the frozen parts, the names' column, …).
package struct MatrixTileLayer {
    package let clip: MatrixRect?
    package let tiles: [MatrixTile]
}

/// What a cell shows: its status, marks and problem, and whether it is faded or shows the quiet
/// mark (the two switches of the toolbar).
package struct MatrixCellLook: Hashable {
    package let status: DisclosureStatus
    package let note: Bool
    package let evidence: Bool
    package let quality: String?
    package let problem: MatrixProblemMark?
    package let faded: Bool
    package let quietMark: Bool

    package init(_ scene: MatrixScene, j: Int, c: Int) {
        status = scene.cells.status(j, c)
        note = scene.cells.hasNote(j, c)
        evidence = scene.cells.hasEvidence(j, c)
        quality = scene.cells.qualityMark(j, c)
        problem = scene.cells.problemMark(j, c)
        faded = scene.fadeEntered
        quietMark = scene.quietMarks
    }
}

/// The render nodes of the last frame's tiles, by tile. A frame's tiles whose keys are unchanged
/// get their node again; the others are drawn. Tiles not in a frame are let go, and everything is
/// drawn again when the colours (a dark theme), the fonts or the interface language change.
@MainActor
package final class MatrixTileCache {
    private var nodes: [MatrixTile.ID: (key: [AnyHashable], node: RenderNode)] = [:]
    private var ink: MatrixInk?
    private var textSerial: guint = 0
    private var language: Language?
    /// Tiles drawn afresh for the last frame, and how many tiles it had (for tests and the bench).
    package private(set) var drawnTiles: [MatrixTile.ID] = []
    package private(set) var tilesLastFrame = 0
    package var drawnLastFrame: Int { drawnTiles.count }

    package init() {}

    /// The nodes of a frame's layers: kept where a tile's key is unchanged, drawn where not.
    package func frame(_ layers: [MatrixTileLayer], ink: MatrixInk, textSerial: guint) -> [(clip: MatrixRect?, nodes: [RenderNode])] {
        let language = Localizer.shared.language
        if ink != self.ink || textSerial != self.textSerial || language != self.language {
            nodes = [:]
            self.ink = ink
            self.textSerial = textSerial
            self.language = language
        }
        var next: [MatrixTile.ID: (key: [AnyHashable], node: RenderNode)] = [:]
        var count = 0
        var drawnTiles: [MatrixTile.ID] = []
        let result = layers.map { layer in
            (clip: layer.clip, nodes: layer.tiles.map { tile -> RenderNode in
                count += 1
                if let kept = nodes[tile.id], kept.key == tile.key {
                    next[tile.id] = kept
                    return kept.node
                }
                drawnTiles.append(tile.id)
                let b = tile.bounds, rect = (b.x, b.y, b.width, b.height)
                let node: RenderNode
                switch tile.content {
                case .drawing(let draw):
                    node = RenderNode(clipping: RenderNode(cairoBounds: rect, draw: draw), to: rect)
                case .fill(let color):
                    let (r, g, bl) = color.unit
                    node = RenderNode(color: (r, g, bl, 1), bounds: rect)
                }
                next[tile.id] = (tile.key, node)
                return node
            })
        }
        nodes = next
        self.drawnTiles = drawnTiles
        tilesLastFrame = count
        return result
    }
}

extension MatrixRect {
    /// The rectangle shrunk by `d` on every side (grown for a negative `d`).
    package func inset(by d: Double) -> MatrixRect {
        MatrixRect(x: x + d, y: y + d, width: width - 2 * d, height: height - 2 * d)
    }
}
