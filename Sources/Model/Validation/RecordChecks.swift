import Foundation

extension ValidationContext {
    /// Outreach records: one per known jurisdiction.
    mutating func checkOutreach() {
        var seen = Set<String>()
        for o in survey.outreach {
            let location = ProblemLocation.outreach(jurisdiction: o.jurisdiction)
            if jurisdiction(o.jurisdiction) == nil {
                add(.unknownJurisdiction, "An outreach record names jurisdiction “\(o.jurisdiction)”, which is not in the survey.", at: location)
            }
            if !seen.insert(o.jurisdiction).inserted {
                add(.duplicateOutreach, "There is more than one outreach record for \(name(o.jurisdiction)); keep one per jurisdiction.",
                    at: location)
            }
        }
    }

    /// The enterprise sample: one pass that reads each enterprise in place (copying 100,000
    /// enterprises out of the array would cost more than the checks) and hashes its id and its
    /// name + jurisdiction + year, then a duplicate search over the hashes.
    mutating func checkEnterprises() {
        let count = survey.enterprises.count
        var idHashes = [UInt64](repeating: 0, count: count)
        var recordHashes = [UInt64](repeating: 0, count: count)
        survey.enterprises.withUnsafeBufferPointer { enterprises in
            guard let base = enterprises.baseAddress else { return }
            for i in enterprises.indices {
                checkEnterprise(base + i, at: i)
                idHashes[i] = StringHash.fnv1a(base[i].id)
                recordHashes[i] = Self.isBlank(base[i].name)
                    ? UInt64(i) &* 0x9E37_79B9_7F4A_7C15  // blank names are reported, never paired
                    : StringHash.fnv1a(base[i].jurisdiction, seed: StringHash.fnv1a(base[i].name))
                        &+ UInt64(bitPattern: Int64(base[i].year ?? Int.min))
            }
        }
        let all = survey.enterprises
        for (later, first) in DuplicateFinder.duplicates(hashes: idHashes, equal: { all[$0].id == all[$1].id }) {
            let e = all[later], other = all[first].name
            add(.duplicateEnterpriseID,
                "Enterprise id “\(e.id)” of \(label(e)) is already used by \(other.isEmpty ? "another enterprise" : other); ids must be unique.",
                at: .enterprise(id: e.id), position: later)
        }
        let sameRecord = { (a: Int, b: Int) -> Bool in
            all[a].year == all[b].year && all[a].jurisdiction == all[b].jurisdiction && all[a].name == all[b].name
                && !Self.isBlank(all[a].name)
        }
        for (later, _) in DuplicateFinder.duplicates(hashes: recordHashes, equal: sameRecord) {
            let e = all[later]
            let when = e.year.map { "in \($0)" } ?? "without a year"
            add(.duplicateEnterprise, "Enterprise \(label(e)) appears more than once for \(name(e.jurisdiction)) \(when).",
                at: .enterprise(id: e.id), position: later)
        }
    }

    /// How messages name an enterprise: its name, or its quoted id when the name is blank.
    private func label(_ e: Enterprise) -> String { Self.isBlank(e.name) ? "“\(e.id)”" : e.name }

    /// The checks of one enterprise on its own.
    private mutating func checkEnterprise(_ e: UnsafePointer<Enterprise>, at i: Int) {
        let id = e.pointee.id
        let location = ProblemLocation.enterprise(id: id)
        let blank = Self.isBlank(e.pointee.name)
        let label = blank ? "“\(id)”" : e.pointee.name
        let place = e.pointee.jurisdiction
        if blank {
            add(.emptyEnterpriseName, "Enterprise “\(id)” (\(name(place))) has no name.", at: location, position: i)
        }
        if jurisdictions.position(of: place) == nil {
            add(.unknownJurisdiction, "Enterprise \(label) names jurisdiction “\(place)”, which is not in the survey.",
                at: location, position: i)
        }
        if let year = e.pointee.year, !years.contains(year) {
            add(.enterpriseYearOutsideSurvey, "Enterprise \(label) (\(name(place))) is dated \(year), which is not a survey year.",
                at: location, position: i)
        }
        if let reasons = e.pointee.reasons, !reasons.isEmpty, !e.pointee.disclosedItems.isEmpty {
            let extra = ItemMask(e.pointee.disclosedItems).subtracting(ItemMask(requiredFor: reasons))
            if !extra.isEmpty {
                let items = extra.items.map(\.englishLabel).joined(separator: "; ")
                add(.itemNotRequired,
                    "Enterprise \(label) (\(name(place))) is recorded as disclosing items its audit reasons (\(reasons)) do not require: \(items).",
                    at: location, position: i)
            }
        }
        for url in e.pointee.urls where !Validator.isWebURL(url) {
            add(.invalidURL, "Enterprise \(label) has a link that is not an http(s) address: “\(url)”.", at: location, position: i)
        }
    }

    /// True for an empty name or one of white space only; names starting with a character above
    /// U+3000 (the last white-space character) are settled by their first scalar.
    private static func isBlank(_ name: String) -> Bool {
        for scalar in name.unicodeScalars {
            if scalar.value > 0x3000 { return false }
            if scalar.value < 0x80 {
                if scalar.value > 0x20 && scalar.value != 0x7F { return false }
                if !scalar.properties.isWhitespace { return false }
            } else if !scalar.properties.isWhitespace {
                return false
            }
        }
        return true
    }

    /// Regulations: unique ids, links between them, dates in a possible order.
    mutating func checkRegulations() {
        var positions: [String: Int] = [:]
        for (i, r) in survey.regulations.enumerated() {
            if let first = positions[r.id] {
                add(.duplicateRegulationID,
                    "Regulation id “\(r.id)” of \(r.title) is already used by \(survey.regulations[first].title); ids must be unique.",
                    at: .regulation(id: r.id), position: i)
            } else {
                positions[r.id] = i
            }
        }
        for (i, r) in survey.regulations.enumerated() {
            let location = ProblemLocation.regulation(id: r.id)
            if let next = r.supersededBy {
                if next == r.id {
                    add(.supersededByItself, "Regulation \(r.title) is marked as superseded by itself.", at: location, position: i)
                } else if positions[next] == nil {
                    add(.supersededByUnknown, "Regulation \(r.title) is superseded by “\(next)”, which is not in the survey.", at: location, position: i)
                }
            }
            if let j = r.jurisdiction, jurisdiction(j) == nil {
                add(.unknownJurisdiction, "Regulation \(r.title) names jurisdiction “\(j)”, which is not in the survey.", at: location, position: i)
            }
            if let url = r.url, !Validator.isWebURL(url) {
                add(.invalidURL, "Regulation \(r.title) has a link that is not an http(s) address: “\(url)”.", at: location, position: i)
            }
            checkDates(r, at: location, position: i)
        }
    }

    /// Dates that cannot be: each pair is compared only when one is certainly after the other.
    private mutating func checkDates(_ r: Regulation, at location: ProblemLocation, position: Int) {
        func impossible(_ earlier: PartialDate?, _ earlierWord: String, _ later: PartialDate?, _ laterWord: String) {
            guard let earlier, let later, earlier.isCertainlyAfter(later) else { return }
            add(.regulationDateOrder,
                "Regulation \(r.title) is recorded as \(laterWord) (\(later)) before it was \(earlierWord) (\(earlier)).",
                at: location, position: position)
        }
        impossible(r.adopted, "adopted", r.promulgated, "promulgated")
        impossible(r.adopted, "adopted", r.effective, "taking effect")
        if let start = r.startDate {
            let word = r.effective != nil ? "in effect" : r.promulgated != nil ? "promulgated" : "adopted"
            impossible(start, word, r.repealed, "repealed")
        }
        if let origin = r.adopted ?? r.promulgated {
            for amendment in r.amended {
                impossible(origin, r.adopted != nil ? "adopted" : "promulgated", amendment, "amended")
            }
        }
    }
}
