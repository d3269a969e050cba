import Foundation
import Model
import XCTest

/// Kappa and alpha against published worked examples.
final class AgreementTests: XCTestCase {
    /// Cohen's kappa, the worked example of Wikipedia's "Cohen's kappa" article (two readers, 50
    /// grant proposals: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no): pₒ = 0.7, pₑ = 0.5, κ = 0.4.
    func testCohensKappaWikipediaExample() throws {
        let table = [[20, 5], [10, 15]]
        XCTAssertEqual(try XCTUnwrap(Agreement.cohensKappa(table)), 0.4, accuracy: 1e-12)
        let r = Agreement.reliability(table)
        XCTAssertEqual(r.units, 50)
        XCTAssertEqual(try XCTUnwrap(r.agreement), 0.7, accuracy: 1e-12)
    }

    /// Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability, section A: binary data,
    /// two observers, no missing data (10 units): α = 0.095.
    func testAlphaKrippendorff2011BinaryExample() throws {
        let a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
        let b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]
        var table = [[0, 0], [0, 0]]
        for (x, y) in zip(a, b) { table[x][y] += 1 }
        XCTAssertEqual(try XCTUnwrap(Agreement.reliability(table).alpha), 0.095, accuracy: 0.0005)
        // The same through the general computation with units.
        let units = zip(a, b).map { [Optional($0), Optional($1)] }
        XCTAssertEqual(try XCTUnwrap(Agreement.krippendorffAlphaNominal(units: units, categories: 2)), 0.095, accuracy: 0.0005)
    }

    /// Krippendorff (2011), section C: nominal data, four observers, 12 units, missing values
    /// (unit 12 has one value and is not pairable): α_nominal = 0.743.
    func testAlphaKrippendorff2011NominalExampleWithMissingData() throws {
        let n: Int? = nil
        let observers: [[Int?]] = [
            [1, 2, 3, 3, 2, 1, 4, 1, 2, n, n, n],
            [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, n, 3],
            [n, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, n],
            [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, n],
        ]
        let units = (0..<12).map { u in observers.map { $0[u].map { $0 - 1 } } }
        XCTAssertEqual(try XCTUnwrap(Agreement.krippendorffAlphaNominal(units: units, categories: 5)), 0.743, accuracy: 0.0005)
    }

    func testUndefinedCoefficients() {
        XCTAssertNil(Agreement.cohensKappa([[0, 0], [0, 0]]))
        // Everyone in one category: chance agreement is total.
        XCTAssertNil(Agreement.cohensKappa([[10, 0], [0, 0]]))
        XCTAssertNil(Agreement.reliability([[10, 0], [0, 0]]).alpha)
        XCTAssertEqual(Agreement.reliability([[3, 0], [0, 4]]).kappa, 1)
    }
}
