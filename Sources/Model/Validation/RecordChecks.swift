import Foundation

extension ValidationContext {
    /// Outreach records: one per known jurisdiction.
    mutating func checkOutreach() {
        var seen = Set<String>()
        for o in survey.outreach {
            let location = ProblemLocation.outreach(jurisdiction: o.jurisdiction)
            if jurisdiction(o.jurisdiction) == nil {
                add(.unknownJurisdiction, tr("An outreach record names jurisdiction “%1”, which is not in the survey.", o.jurisdiction),
                    at: location)
            }
            if !seen.insert(o.jurisdiction).inserted {
                add(.duplicateOutreach,
                    tr("There is more than one outreach record for %1; keep one per jurisdiction.", name(o.jurisdiction)),
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
                tr("Enterprise id “%1” of %2 is already used by %3; ids must be unique.",
                   e.id, label(e), other.isEmpty ? tr("another enterprise") : other),
                at: .enterprise(id: e.id), position: later)
        }
        let sameRecord = { (a: Int, b: Int) -> Bool in
            all[a].year == all[b].year && all[a].jurisdiction == all[b].jurisdiction && all[a].name == all[b].name
                && !Self.isBlank(all[a].name)
        }
        for (later, _) in DuplicateFinder.duplicates(hashes: recordHashes, equal: sameRecord) {
            let e = all[later]
            let message = e.year.map {
                tr("Enterprise %1 appears more than once for %2 in %3.", label(e), name(e.jurisdiction), $0)
            } ?? tr("Enterprise %1 appears more than once for %2 without a year.", label(e), name(e.jurisdiction))
            add(.duplicateEnterprise, message, at: .enterprise(id: e.id), position: later)
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
            add(.emptyEnterpriseName, tr("Enterprise “%1” (%2) has no name.", id, name(place)), at: location, position: i)
        }
        if !place.isEmpty, jurisdictions.position(of: place) == nil {
            add(.unknownJurisdiction, tr("Enterprise %1 names jurisdiction “%2”, which is not in the survey.", label, place),
                at: location, position: i)
        }
        if let year = e.pointee.year, !years.contains(year) {
            add(.enterpriseYearOutsideSurvey,
                tr("Enterprise %1 (%2) is dated %3, which is not a survey year.", label, name(place), year),
                at: location, position: i)
        }
        if let reasons = e.pointee.reasons, !reasons.isEmpty, !e.pointee.disclosedItems.isEmpty {
            let extra = ItemMask(e.pointee.disclosedItems).subtracting(ItemMask(requiredFor: reasons))
            if !extra.isEmpty {
                let items = extra.items.map(\.label).joined(separator: tr("; "))
                add(.itemNotRequired,
                    tr("Enterprise %1 (%2) is recorded as disclosing items its audit reasons (%3) do not require: %4.",
                       label, name(place), reasons, items),
                    at: location, position: i)
            }
        }
        for url in e.pointee.urls where !Validator.isWebURL(url) {
            add(.invalidURL, tr("Enterprise %1 has a link that is not an http(s) address: “%2”.", label, url), at: location, position: i)
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
                    tr("Regulation id “%1” of %2 is already used by %3; ids must be unique.", r.id, r.title, survey.regulations[first].title),
                    at: .regulation(id: r.id), position: i)
            } else {
                positions[r.id] = i
            }
        }
        for (i, r) in survey.regulations.enumerated() {
            let location = ProblemLocation.regulation(id: r.id)
            if let next = r.supersededBy {
                if next == r.id {
                    add(.supersededByItself, tr("Regulation %1 is marked as superseded by itself.", r.title), at: location, position: i)
                } else if positions[next] == nil {
                    add(.supersededByUnknown, tr("Regulation %1 is superseded by “%2”, which is not in the survey.", r.title, next),
                        at: location, position: i)
                }
            }
            if let j = r.jurisdiction, jurisdiction(j) == nil {
                add(.unknownJurisdiction, tr("Regulation %1 names jurisdiction “%2”, which is not in the survey.", r.title, j),
                    at: location, position: i)
            }
            if let url = r.url, !Validator.isWebURL(url) {
                add(.invalidURL, tr("Regulation %1 has a link that is not an http(s) address: “%2”.", r.title, url), at: location, position: i)
            }
            checkDates(r, at: location, position: i)
        }
    }

    /// Dates that cannot be: each pair is compared only when one is certainly after the other.
    private mutating func checkDates(_ r: Regulation, at location: ProblemLocation, position: Int) {
        func impossible(_ earlier: PartialDate?, _ earlierWord: String, _ later: PartialDate?, _ laterWord: String) {
            guard let earlier, let later, earlier.isCertainlyAfter(later) else { return }
            add(.regulationDateOrder,
                tr("Regulation %1 is recorded as %2 (%3) before it was %4 (%5).", r.title, laterWord, later, earlierWord, earlier),
                at: location, position: position)
        }
        let adopted = tr("adopted"), promulgated = tr("promulgated")
        impossible(r.adopted, adopted, r.promulgated, promulgated)
        impossible(r.adopted, adopted, r.effective, tr("taking effect"))
        if let start = r.startDate {
            let word = r.effective != nil ? tr("in effect") : r.promulgated != nil ? promulgated : adopted
            impossible(start, word, r.repealed, tr("repealed"))
        }
        if let origin = r.adopted ?? r.promulgated {
            for amendment in r.amended {
                impossible(origin, r.adopted != nil ? adopted : promulgated, amendment, tr("amended"))
            }
        }
    }
}
