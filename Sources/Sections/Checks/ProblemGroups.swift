import Model
import GtkKit
import Rendering

/// The checks list's rows: problems grouped by kind (their code), in the order the validator lists
/// them (errors first). A kind found once is one row with its message and explanation; a kind found
/// several times is a heading with the count, whose problems are listed under it when expanded.
package struct ProblemGroups: Equatable {
    package struct Group: Equatable {
        package var code: ProblemCode
        package var severity: Severity
        /// Indexes into the problem list, in order.
        package var problems: [Int]
        package init(code: ProblemCode, severity: Severity, problems: [Int]) {
            self.code = code
            self.severity = severity
            self.problems = problems
        }
    }

    package enum Row: Equatable {
        /// A kind found several times; `expanded` when its problems follow.
        case heading(group: Int, expanded: Bool)
        /// One problem; `grouped` when it is listed under a heading.
        case problem(Int, grouped: Bool)
    }

    package private(set) var groups: [Group] = []
    package private(set) var rows: [Row] = []

    package init(_ problems: [Problem], expanded: Set<ProblemCode>) {
        var position: [ProblemCode: Int] = [:]
        for (i, problem) in problems.enumerated() {
            if let g = position[problem.code] {
                groups[g].problems.append(i)
                if problem.isError { groups[g].severity = .error }
            } else {
                position[problem.code] = groups.count
                groups.append(Group(code: problem.code, severity: problem.severity, problems: [i]))
            }
        }
        for (g, group) in groups.enumerated() {
            if group.problems.count == 1 {
                rows.append(.problem(group.problems[0], grouped: false))
            } else {
                let open = expanded.contains(group.code)
                rows.append(.heading(group: g, expanded: open))
                if open { rows += group.problems.map { .problem($0, grouped: true) } }
            }
        }
    }

    /// A row's item in the list model: stable while other kinds open and close, so the list
    /// changes only where rows come and go ("g2" a heading, "p7" a problem, "q7" a grouped one).
    package static func itemName(_ row: Row) -> String {
        switch row {
        case .heading(let g, _): return "g\(g)"
        case .problem(let i, let grouped): return (grouped ? "q" : "p") + String(i)
        }
    }

    /// The row showing a problem (nil when its group is collapsed).
    package func row(ofProblem index: Int) -> Int? {
        rows.firstIndex { if case .problem(index, _) = $0 { return true } else { return false } }
    }
}
