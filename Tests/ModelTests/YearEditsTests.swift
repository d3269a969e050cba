import Model
import XCTest

/// Adding and removing survey years, each one undo step (issue 13).
final class YearEditsTests: XCTestCase {
    func testRemovingAYearTakesItsCellsAndUndoBringsBothBack() throws {
        var survey = TestFixtures.survey()
        survey.canonicalize()
        let before = survey
        let edit = try XCTUnwrap(Edit.removingYear(2019, from: survey))
        let inverse = try edit.apply(to: &survey)
        XCTAssertEqual(survey.years, [2018, 2020])
        XCTAssertFalse(survey.observations.contains { $0.year == 2019 })
        _ = try inverse.apply(to: &survey)
        XCTAssertEqual(survey, before)
        XCTAssertNil(Edit.removingYear(2030, from: survey))
    }

    func testAddingYearsIsOneStepAndSkipsYearsAlreadyThere() throws {
        var survey = TestFixtures.survey()
        let before = survey
        XCTAssertNil(Edit.addingYears([2018, 2019], to: survey))
        let inverse = try XCTUnwrap(Edit.addingYears([2020, 2021, 2022], to: survey)).apply(to: &survey)
        XCTAssertEqual(survey.years, [2018, 2019, 2020, 2021, 2022])
        _ = try inverse.apply(to: &survey)
        XCTAssertEqual(survey, before)
    }
}
