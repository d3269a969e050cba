import XCTest
@testable import GtkKit
@testable import Rendering
@testable import Commands
@testable import Sections
@testable import Bench
@testable import gongkai

/// `HistoryList.shift`: an edit of the record shown adds rows at the top of its history; the list
/// then keeps the labels of the older rows instead of making every row again.
final class HistoryListShiftTests: XCTestCase {
    func testNewRowsOnTopKeepTheOlderOnes() throws { try onMainActor {
        XCTAssertEqual(HistoryList.shift(from: ["b", "a"], to: ["c", "b", "a"]), 1)
        // At the limit, the oldest row goes out at the bottom.
        XCTAssertEqual(HistoryList.shift(from: ["c", "b", "a"], to: ["e", "d", "c"]), 2)
        // Repeated texts (√ → × and back in the same minute) are matched by position.
        XCTAssertEqual(HistoryList.shift(from: ["x", "y", "x"], to: ["y", "x", "y"]), 1)
    } }

    func testOtherChangesAreNotShifts() throws { try onMainActor {
        XCTAssertNil(HistoryList.shift(from: [], to: ["a"]))
        XCTAssertNil(HistoryList.shift(from: ["a"], to: []))
        // Everything new (another record): every row is replaced.
        XCTAssertEqual(HistoryList.shift(from: ["a", "b"], to: ["c", "d"]), 2)
        // A row changed in the middle is not a shift of the old rows.
        XCTAssertEqual(HistoryList.shift(from: ["a", "b", "c"], to: ["a", "x", "c"]), 3)
    } }
}
