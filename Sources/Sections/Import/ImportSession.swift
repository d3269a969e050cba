import Foundation
import Model
import GtkKit
import Rendering

/// What the import dialog shows and changes, without GTK: the file's bytes, the chosen
/// jurisdiction, year and column mapping, and the plan `EnterpriseImport` makes of them (re-made
/// whenever a choice changes). Nothing is imported until the dialog performs `plan.edit`.
package struct ImportSession {
    package let data: Data
    package let fileName: String
    package var jurisdictionID: String
    package var year: Int
    /// The user's column mapping; nil while the recognised header is used.
    package private(set) var mapping: ImportMapping?
    /// The decoded file for the preview; nil when it cannot be read.
    package private(set) var encoding: ImportEncoding?
    package private(set) var header: [String] = []
    package private(set) var records: [DelimitedRecord] = []
    /// The plan for the current choices, or why there is none.
    package private(set) var plan: EnterpriseImport?
    package private(set) var error: String?

    /// Reads a file for `survey`; the jurisdiction and year are guessed from the file name
    /// ("河南2021年清洁生产审核名单.csv"), else `defaultJurisdiction` and the last survey year.
    package init(data: Data, fileName: String, survey: Survey, defaultJurisdiction: String? = nil, defaultYear: Int? = nil) {
        self.data = data
        self.fileName = fileName
        let guess = Self.guess(fileName: fileName, survey: survey)
        jurisdictionID = guess.jurisdiction ?? defaultJurisdiction ?? survey.jurisdictions.first?.id ?? ""
        year = guess.year ?? defaultYear ?? survey.years.last ?? 0
        do {
            let decoded = try TextDecoding.decode(data)
            encoding = decoded.encoding
            let all = try DelimitedReader.read(decoded.text)
            header = all.first?.fields ?? []
            records = Array(all.dropFirst())
        } catch let failure as TextDecoding.Failure {
            error = failure.message
        } catch let failure as DelimitedReader.Failure {
            error = failure.message
        } catch {
            self.error = "\(error)"
        }
        run(against: survey)
    }

    /// The mapping in use: the user's, else the one recognised from the header.
    package var effectiveMapping: ImportMapping { mapping ?? ImportMapping.recognising(header: header) }

    /// Maps a field to a column (nil: not imported) and re-makes the plan.
    package mutating func setColumn(_ column: Int?, for field: ImportField, survey: Survey) {
        var m = effectiveMapping
        m.columns[field] = column
        mapping = m
        run(against: survey)
    }

    package mutating func setJurisdiction(_ id: String, survey: Survey) {
        jurisdictionID = id
        run(against: survey)
    }

    package mutating func setYear(_ year: Int, survey: Survey) {
        self.year = year
        run(against: survey)
    }

    /// Re-makes the plan for the current choices against `survey`.
    package mutating func run(against survey: Survey) {
        guard encoding != nil else {
            plan = nil
            return
        }
        do {
            plan = try EnterpriseImport(data: data, into: survey, jurisdiction: jurisdictionID, year: year, mapping: mapping)
            error = nil
        } catch let failure as EnterpriseImport.Failure {
            plan = nil
            error = failure.message
        } catch {
            plan = nil
            self.error = "\(error)"
        }
    }

    /// The jurisdiction and year named in a file name, if any.
    package static func guess(fileName: String, survey: Survey) -> (jurisdiction: String?, year: Int?) {
        let name = (fileName as NSString).deletingPathExtension
        let lower = name.lowercased()
        // The longest name found wins (新疆生产建设兵团 over 新疆).
        var best: (id: String, length: Int)?
        for j in survey.jurisdictions {
            for candidate in [j.name, j.shortName, j.englishName.lowercased()] where !candidate.isEmpty {
                if lower.contains(candidate.lowercased()), candidate.count > (best?.length ?? 0) { best = (j.id, candidate.count) }
            }
        }
        let jurisdiction = best?.id
        let year = survey.years.reversed().first { name.contains(String($0)) }
        return (jurisdiction, year)
    }
}
