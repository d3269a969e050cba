import Foundation
import Model
import GtkKit
import Rendering
import Commands
import Sections

/// The team operations of `gongkai bench`: compare and merge of two researchers' versions of the
/// synthetic survey (each changed 1,000 enterprises, 1 cell in 20, added 100 enterprises and logged
/// 10,000 edits), and saving and loading the survey with a 10,000-edit change log.
package enum TeamBench {
    package static func measure(_ report: inout BenchReport, survey: Survey, runs: Int, directory: URL) throws {
        guard ["compare", "merge", "change log", "window"].contains(where: report.includes) else { return }
        let ours = variant(of: survey, offset: 0, author: "甲")
        let theirs = variant(of: survey, offset: 1, author: "乙")
        try report.measure("compare", runs: runs) { blackHole(SurveyComparison(ours, theirs).differences.count) }
        try report.measure("merge", runs: runs) {
            blackHole(SurveyMerge.merge(base: survey, ours: ours, theirs: theirs, author: "bench").survey.conflicts.count)
        }
        // What the window's Merge With… does past reading the files: the merge, the one edit that
        // turns the open survey into the result, applied and logged as one undo step, and the logs joined.
        try report.measure("merge in the window", runs: runs) {
            let document = SurveyDocument(survey: ours)
            document.author = "bench"
            let result = SurveyMerge.merge(base: survey, ours: document.survey, theirs: theirs)
            try document.perform(try SurveyMerge.edit(from: document.survey, to: result.survey), label: "merge", action: .merge)
            document.mergeLog(result.survey.changeLog)
            blackHole(document.survey.enterprises.count)
        }
        // The window's Compare With…: the comparison and its rows' paths.
        try report.measure("compare in the window", runs: runs) {
            let comparison = SurveyComparison(ours, theirs)
            blackHole(DifferenceScope(comparison.differences, a: ours, b: theirs).positions(section: nil, jurisdiction: nil).count)
        }
        let file = directory.appendingPathComponent("logged.gongkai")
        try report.measure("save with a 10,000-edit change log", runs: runs) { try SurveyFile.save(ours, to: file) }
        if !FileManager.default.fileExists(atPath: file.path) { try SurveyFile.save(ours, to: file) }
        try report.measure("load with a 10,000-edit change log", runs: runs) {
            blackHole(try SurveyFile.load(from: file).changeLog.entries.count)
        }
    }

    /// A researcher's copy: every 100th enterprise (from `offset`) with a note, every 20th cell
    /// (from `offset`) with another status, 100 new enterprises, and a log of 10,000 edits.
    package static func variant(of survey: Survey, offset: Int, author: String) -> Survey {
        var copy = survey
        for i in stride(from: offset, to: copy.enterprises.count, by: 100) { copy.enterprises[i].notes = "checked by \(author)" }
        for i in stride(from: offset, to: copy.observations.count, by: 20) {
            copy.observations[i].status = copy.observations[i].status == .disclosed ? .notDisclosed : .disclosed
        }
        copy.enterprises += (0..<100).map {
            Enterprise(id: "\(author)-new-\($0)", name: "\(author)新增企业\($0)", jurisdiction: survey.jurisdictions[0].id, year: survey.years.last)
        }
        copy.changeLog.entries = (0..<10_000).map { i in
            ChangeEntry(time: ISOTime.string(Date(timeIntervalSince1970: 1_800_000_000 + Double(i))), author: author, action: .edit,
                        path: "enterprises/e\(i)/notes", old: "", new: "checked by \(author)")
        }
        return copy
    }
}
