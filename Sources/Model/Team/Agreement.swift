import Foundation

/// How well two codings of the same units agree: the number of units, the share of units coded
/// alike, Cohen's kappa and Krippendorff's alpha (nominal). A coefficient is nil where it is not
/// defined (no units, or every unit in one category so that chance agreement is total).
public struct Reliability: Equatable, Sendable {
    public var units: Int
    public var agreement: Double?
    public var kappa: Double?
    public var alpha: Double?

    public init(units: Int, agreement: Double?, kappa: Double?, alpha: Double?) {
        self.units = units
        self.agreement = agreement
        self.kappa = kappa
        self.alpha = alpha
    }
}

/// Inter-coder agreement coefficients for nominal data.
public enum Agreement {
    /// The coefficients of a square contingency table: `table[i][j]` units that coder A put in
    /// category i and coder B in category j (two coders, no missing values).
    public static func reliability(_ table: [[Int]]) -> Reliability {
        let n = table.reduce(0) { $0 + $1.reduce(0, +) }
        let agreeing = table.indices.reduce(0) { $0 + (table[$1].indices.contains($1) ? table[$1][$1] : 0) }
        return Reliability(units: n, agreement: n == 0 ? nil : Double(agreeing) / Double(n),
                           kappa: cohensKappa(table), alpha: krippendorffAlpha(coincidences: coincidences(table)))
    }

    /// Cohen's kappa (Cohen 1960): (pₒ − pₑ) / (1 − pₑ), pₑ from the two coders' marginals.
    public static func cohensKappa(_ table: [[Int]]) -> Double? {
        let k = table.count
        let n = Double(table.reduce(0) { $0 + $1.reduce(0, +) })
        guard n > 0, table.allSatisfy({ $0.count == k }) else { return nil }
        var observed = 0.0
        var expected = 0.0
        for i in 0..<k {
            observed += Double(table[i][i])
            let row = Double(table[i].reduce(0, +))
            let column = Double(table.reduce(0) { $0 + $1[i] })
            expected += (row / n) * (column / n)
        }
        observed /= n
        guard expected < 1 else { return nil }
        return (observed - expected) / (1 - expected)
    }

    /// The coincidence matrix of two coders' table: each unit adds one to (a, b) and one to (b, a).
    static func coincidences(_ table: [[Int]]) -> [[Double]] {
        let k = table.count
        var o = Array(repeating: Array(repeating: 0.0, count: k), count: k)
        for i in 0..<k {
            for j in 0..<min(k, table[i].count) {
                o[i][j] += Double(table[i][j])
                o[j][i] += Double(table[i][j])
            }
        }
        return o
    }

    /// Krippendorff's alpha, nominal, of any number of coders with missing values: `units[u]` holds
    /// the category (0..<k) each coder gave unit u, nil where a coder gave none. Units with fewer
    /// than two values are not pairable and left out (Krippendorff 2011).
    public static func krippendorffAlphaNominal(units: [[Int?]], categories k: Int) -> Double? {
        var o = Array(repeating: Array(repeating: 0.0, count: k), count: k)
        for unit in units {
            let values = unit.compactMap { $0 }.filter { (0..<k).contains($0) }
            let m = values.count
            guard m >= 2 else { continue }
            let weight = 1.0 / Double(m - 1)
            for i in 0..<m {
                for j in 0..<m where i != j { o[values[i]][values[j]] += weight }
            }
        }
        return krippendorffAlpha(coincidences: o)
    }

    /// Alpha from a coincidence matrix: 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k.
    public static func krippendorffAlpha(coincidences o: [[Double]]) -> Double? {
        let totals = o.map { $0.reduce(0, +) }
        let n = totals.reduce(0, +)
        var disagreeing = 0.0
        var expected = 0.0
        for c in o.indices {
            for k in o.indices where k != c {
                disagreeing += o[c][k]
                expected += totals[c] * totals[k]
            }
        }
        guard n > 1, expected > 0 else { return nil }
        return 1 - (n - 1) * disagreeing / expected
    }
}
