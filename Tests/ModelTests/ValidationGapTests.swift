import Foundation
import XCTest
@testable import Model

/// What `check` used to miss: sub-unit observations of sub-units that do not exist or recorded
/// twice, cells not yet entered, and evidence that says nothing.
final class ValidationGapTests: EnglishTestCase {
    func testASubUnitObservationOfAnUnknownSubUnitIsAnError() {
        var survey = StorageFixtures.survey()
        survey.subUnitObservations.append(SubUnitObservation(jurisdiction: "anhui", subUnit: "不存在市", year: 2019, kind: .auditList,
                                                             status: .disclosed))
        let problems = Validator.validate(survey).filter { $0.code == .unknownSubUnit }
        XCTAssertEqual(problems.map(\.location), [.subUnit(jurisdiction: "anhui", subUnit: "不存在市")])
        XCTAssertEqual(problems.first?.severity, .error)
        XCTAssertTrue(Validator.hasErrors(survey))
    }

    func testADuplicatedSubUnitObservationIsAnError() {
        var survey = StorageFixtures.survey()
        let first = survey.subUnitObservations[0]
        survey.subUnitObservations.append(first)
        survey.subUnitObservations.append(first)
        var other = first
        other.kind = .evaluation  // another kind: not a duplicate
        survey.subUnitObservations.append(other)
        let problems = Validator.validate(survey).filter { $0.code == .duplicateSubUnitObservation }
        XCTAssertEqual(problems.count, 1)
        XCTAssertEqual(problems.first?.severity, .error)
        XCTAssertEqual(problems.first?.location, .subUnit(jurisdiction: "anhui", subUnit: "hefei"))
        XCTAssertTrue(problems.first?.message.contains("3 times") ?? false, problems.first?.message ?? "")
    }

    func testCellsNotYetEnteredAreCountedAsInformation() {
        // 2 jurisdictions × 2 years × 2 kinds = 8 cells, 4 of them recorded.
        let survey = StorageFixtures.survey()
        let info = Validator.validate(survey).filter { $0.code == .cellsNotEntered }
        XCTAssertEqual(info.count, 1)
        XCTAssertEqual(info.first?.severity, .info)
        XCTAssertEqual(info.first?.location, .survey)
        XCTAssertTrue(info.first?.message.contains("4 of the 8 cells") ?? false, info.first?.message ?? "")

        // A new survey: every cell empty, and still no error.
        let blank = Survey(meta: SurveyMeta(title: "new"), years: [2023, 2024], jurisdictions: survey.jurisdictions)
        let problems = Validator.validate(blank)
        XCTAssertEqual(problems.map(\.code), [.cellsNotEntered])
        XCTAssertTrue(problems[0].message.contains("8 of the 8 cells"), problems[0].message)
        XCTAssertFalse(Validator.hasErrors(blank))

        // Every cell entered: nothing to say. Cells outside the survey's years do not count.
        var full = blank
        for j in ["anhui", "beijing"] {
            for year in [2023, 2024] {
                for kind in DisclosureKind.allCases {
                    full.observations.append(Observation(jurisdiction: j, year: year, kind: kind, status: .notDisclosed))
                }
            }
        }
        full.observations.append(Observation(jurisdiction: "anhui", year: 2030, kind: .auditList, status: .notDisclosed))
        XCTAssertFalse(Validator.validate(full).contains { $0.code == .cellsNotEntered })
        XCTAssertLessThan(Severity.warning, Severity.info)
        XCTAssertLessThan(Severity.error, Severity.info)
    }

    func testEvidenceWithNeitherALinkNorADescriptionIsNoEvidence() throws {
        var survey = StorageFixtures.survey()
        let i = try XCTUnwrap(survey.observations.firstIndex { $0.status == .disclosed })
        survey.observations[i].evidence = [Evidence(method: .onlineSearch), Evidence(url: "  ", method: .onlineSearch, note: "")]
        XCTAssertTrue(Validator.validate(survey).contains { $0.code == .disclosedWithoutEvidence })
        survey.observations[i].evidence = [Evidence(method: .phone, note: "省厅电话确认已公开")]
        XCTAssertFalse(Validator.validate(survey).contains { $0.code == .disclosedWithoutEvidence })
        survey.observations[i].evidence = [Evidence(url: "https://example.gov.cn/list.html", method: .onlineSearch)]
        XCTAssertFalse(Validator.validate(survey).contains { $0.code == .disclosedWithoutEvidence })
    }
}
