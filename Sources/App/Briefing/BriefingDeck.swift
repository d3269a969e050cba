import Foundation

/// Which charts a briefing shows, in which order. Every chart has a place in `order` (the
/// gallery's order too); `included` says which of them are slides.
///
/// Kept by the charts section for the window's lifetime: the survey file has no field for it yet.
struct BriefingDeck: Equatable, Sendable {
    private(set) var order: [ChartKind]
    private(set) var included: Set<ChartKind>

    init(order: [ChartKind] = ChartKind.allCases, included: Set<ChartKind>? = nil) {
        // Every chart exactly once: the given order, then any chart it left out.
        var seen = Set<ChartKind>()
        var all = order.filter { seen.insert($0).inserted }
        all += ChartKind.allCases.filter { !seen.contains($0) }
        self.order = all
        self.included = included ?? Set(ChartKind.allCases)
    }

    /// The slides, in order.
    var slides: [ChartKind] { order.filter(included.contains) }

    func isIncluded(_ kind: ChartKind) -> Bool { included.contains(kind) }

    mutating func setIncluded(_ kind: ChartKind, _ on: Bool) {
        if on { included.insert(kind) } else { included.remove(kind) }
    }

    /// Moves a chart `offset` places (negative: earlier); returns its new position.
    @discardableResult
    mutating func move(_ kind: ChartKind, by offset: Int) -> Int {
        guard let from = order.firstIndex(of: kind) else { return 0 }
        let to = min(order.count - 1, max(0, from + offset))
        order.remove(at: from)
        order.insert(kind, at: to)
        return to
    }

    func position(of kind: ChartKind) -> Int { order.firstIndex(of: kind) ?? 0 }
}
