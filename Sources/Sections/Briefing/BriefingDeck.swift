import Foundation
import Model
import GtkKit
import Rendering

/// Which charts a briefing shows, in which order. Every chart has a place in `order` (the
/// gallery's order too); `included` says which of them are slides.
///
/// Saved in the survey as its `BriefingPlan` (`init(plan:)`, `plan(keeping:)`).
package struct BriefingDeck: Equatable, Sendable {
    package private(set) var order: [ChartKind]
    package private(set) var included: Set<ChartKind>

    package init(order: [ChartKind] = ChartKind.allCases, included: Set<ChartKind>? = nil) {
        // Every chart exactly once: the given order, then any chart it left out.
        var seen = Set<ChartKind>()
        var all = order.filter { seen.insert($0).inserted }
        all += ChartKind.allCases.filter { !seen.contains($0) }
        self.order = all
        self.included = included ?? Set(ChartKind.allCases)
    }

    /// The slides, in order.
    package var slides: [ChartKind] { order.filter(included.contains) }

    package func isIncluded(_ kind: ChartKind) -> Bool { included.contains(kind) }

    package mutating func setIncluded(_ kind: ChartKind, _ on: Bool) {
        if on { included.insert(kind) } else { included.remove(kind) }
    }

    /// Moves a chart `offset` places (negative: earlier); returns its new position.
    @discardableResult
    package mutating func move(_ kind: ChartKind, by offset: Int) -> Int {
        guard let from = order.firstIndex(of: kind) else { return 0 }
        let to = min(order.count - 1, max(0, from + offset))
        order.remove(at: from)
        order.insert(kind, at: to)
        return to
    }

    package func position(of kind: ChartKind) -> Int { order.firstIndex(of: kind) ?? 0 }

    /// The deck a survey's plan describes (nil: every chart but the `empty` ones, in the
    /// application's order).
    package init(plan: BriefingPlan?, empty: Set<ChartKind> = []) {
        guard let plan else {
            self.init(included: Set(ChartKind.allCases).subtracting(empty))
            return
        }
        let omitted = Set(plan.omitted.compactMap(ChartKind.init(name:)))
        self.init(order: plan.order.compactMap(ChartKind.init(name:)), included: Set(ChartKind.allCases).subtracting(omitted))
    }

    /// The plan to save; the names of charts this version does not know stay as `previous` had them.
    package func plan(keeping previous: BriefingPlan?) -> BriefingPlan {
        let unknown = { (names: [String]) in names.filter { ChartKind(name: $0) == nil } }
        return BriefingPlan(order: order.map(\.name) + unknown(previous?.order ?? []),
                            omitted: order.filter { !included.contains($0) }.map(\.name) + unknown(previous?.omitted ?? []))
    }
}
