import Foundation
import Glibc
import XCTest
@testable import Model

/// Small surveys for the storage tests.
enum StorageFixtures {
    /// Two jurisdictions, four cells, two enterprises (one with awkward text), one of every other record.
    static func survey() -> Survey {
        let anhui = Jurisdiction(id: "anhui", name: "安徽省", shortName: "安徽", englishName: "Anhui", kind: .province,
                                 region: .central, tile: TilePosition(column: 8, row: 5), mandatoryDepartments: ["生态环境厅"],
                                 subUnits: [SubUnit(id: "hefei", name: "合肥市", kind: .prefecture)])
        let beijing = Jurisdiction(id: "beijing", name: "北京市", shortName: "北京", englishName: "Beijing", kind: .municipality,
                                   region: .east, tile: TilePosition(column: 8, row: 2))
        let observations = [
            Observation(jurisdiction: "beijing", year: 2020, kind: .auditList, status: .prefecture, note: "自愿性地市级负责"),
            Observation(jurisdiction: "anhui", year: 2019, kind: .evaluation, status: .notDisclosed),
            Observation(jurisdiction: "anhui", year: 2019, kind: .auditList, status: .disclosed, coverage: [.mandatory],
                        reasonLabelling: .marked(ReasonSet([.pollution, .toxic])), department: "生态环境厅",
                        evidence: [Evidence(url: "https://example.gov.cn/a/b.html", dateChecked: PartialDate(year: 2019, month: 5),
                                            method: .onlineSearch)]),
            Observation(jurisdiction: "beijing", year: 2019, kind: .evaluation, status: .notDisclosed),
        ]
        let enterprises = [
            Enterprise(id: "e1", name: "甲化工有限公司", jurisdiction: "anhui", city: "合肥市", year: 2017,
                       reasons: ReasonSet([.pollution, .toxic]), industry: "化工", channelsSearched: [.companyWebsite, .searchEngine],
                       foundAt: [.companyWebsite], urls: ["https://example.com/e1"], disclosedItems: [.companyName, .address],
                       phoneAttempts: [PhoneAttempt(date: PartialDate(year: 2020, month: 3, day: 5), outcome: .informationProvided)]),
            Enterprise(id: "e2", name: "乙化工有限公司", jurisdiction: "beijing", year: 2019,
                       notes: "Quote \" backslash \\ tab \t newline \n ctrl \u{01} 😀 / 中文"),
        ]
        return Survey(
            meta: SurveyMeta(title: "2019–2020 调研", organisation: "上海青悦", authors: ["A", "B"], notes: "n", dataSource: "数据来源"),
            years: [2020, 2019], jurisdictions: [anhui, beijing], observations: observations,
            subUnitObservations: [SubUnitObservation(jurisdiction: "anhui", subUnit: "hefei", year: 2019, kind: .auditList, status: .disclosed)],
            subUnitTallies: [SubUnitTally(jurisdiction: "beijing", kind: .auditList, year: 2020, units: 16, disclosed: 12, source: "16个区中12个公开")],
            outreach: [Outreach(jurisdiction: "anhui", phoneContacts: [PhoneContact(date: PartialDate(year: 2021), summary: "已接通")],
                                letter: SuggestionLetter(sent: true, replied: false))],
            enterprises: enterprises,
            regulations: [Regulation(id: Regulation.auditMeasuresID, title: "清洁生产审核办法", level: .departmentalRule,
                                     effective: PartialDate(year: 2016, month: 7, day: 1),
                                     articles: [Article(number: "第十一条", text: "……")])])
    }

    /// A simple enterprise numbered `i`, with id `E000123`.
    static func enterprise(_ i: Int) -> Enterprise {
        Enterprise(id: String(format: "E%06d", i), name: "企业\(i)", jurisdiction: i % 2 == 0 ? "anhui" : "beijing", year: 2019,
                   reasons: ReasonSet([.pollution]), channelsSearched: [.companyWebsite], notes: i % 7 == 0 ? "note \(i)" : nil)
    }

    /// The file envelope, as `SurveyFile` writes it.
    struct Envelope: Encodable {
        var survey: Survey
        enum CodingKeys: String, CodingKey { case format, survey, version }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(SurveyFile.formatName, forKey: .format)
            try c.encode(survey, forKey: .survey)
            try c.encode(SurveyFile.currentVersion, forKey: .version)
        }
    }
}

/// The real file system, with a failure or a simulated crash injected at chosen calls.
/// After a crash every further call fails, as if the process had died: nothing gets cleaned up.
final class FaultyFileSystem: FileSystemOps {
    enum Op: String, CaseIterable {
        case openForReading, read, createExclusive, write, setPermissions, fsync, close, link, rename, unlink, fsyncDirectory
    }

    enum Fault {
        /// The call fails with this `errno`.
        case fail(Int32)
        /// `write` writes this many bytes in all, then fails with this `errno` (a disk filling up).
        case failAfter(bytes: Int, Int32)
        /// The process "dies" at this call.
        case crash
    }

    struct SimulatedCrash: Error {}

    private let real = RealFileSystem()
    var faults: [Op: Fault] = [:]
    private(set) var calls: [Op: Int] = [:]
    private(set) var crashed = false
    private var written = 0

    private func enter(_ op: Op) throws {
        calls[op, default: 0] += 1
        if crashed { throw SimulatedCrash() }
        switch faults[op] {
        case .fail(let code)?: throw SystemCallError(code, call: op.rawValue)
        case .crash?:
            crashed = true
            throw SimulatedCrash()
        default: break
        }
    }

    private func alive() throws { if crashed { throw SimulatedCrash() } }

    func status(ofPath path: String, followingSymlinks: Bool) throws -> FileStatus? {
        try alive()
        return try real.status(ofPath: path, followingSymlinks: followingSymlinks)
    }

    func readLink(_ path: String) throws -> String { try alive(); return try real.readLink(path) }
    func openForReading(_ path: String) throws -> Int32 { try enter(.openForReading); return try real.openForReading(path) }
    func status(ofDescriptor fd: Int32) throws -> FileStatus { try alive(); return try real.status(ofDescriptor: fd) }

    func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        try enter(.read)
        return try real.read(fd, into: buffer)
    }

    func createExclusive(_ path: String, permissions: UInt32) throws -> Int32 {
        try enter(.createExclusive)
        return try real.createExclusive(path, permissions: permissions)
    }

    func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) throws -> Int {
        if case .failAfter(let limit, let code)? = faults[.write] {
            calls[.write, default: 0] += 1
            try alive()
            guard written < limit else { throw SystemCallError(code, call: "write") }
            let n = try real.write(fd, UnsafeRawBufferPointer(rebasing: bytes[..<min(bytes.count, limit - written)]))
            written += n
            return n
        }
        try enter(.write)
        return try real.write(fd, bytes)
    }

    func fsync(_ fd: Int32) throws { try enter(.fsync); try real.fsync(fd) }
    func setPermissions(_ fd: Int32, _ permissions: UInt32) throws { try enter(.setPermissions); try real.setPermissions(fd, permissions) }
    func setOwner(_ fd: Int32, owner: UInt32, group: UInt32) throws { try alive(); try real.setOwner(fd, owner: owner, group: group) }

    func close(_ fd: Int32) throws {
        do {
            try enter(.close)
        } catch {
            // A failed close still releases the descriptor, and the kernel closes a dead process's files.
            _ = Glibc.close(fd)
            throw error
        }
        try real.close(fd)
    }

    func link(_ existing: String, _ newPath: String) throws { try enter(.link); try real.link(existing, newPath) }
    func rename(_ from: String, _ to: String) throws { try enter(.rename); try real.rename(from, to) }
    func unlink(_ path: String) throws { try enter(.unlink); try real.unlink(path) }
    func fsyncDirectory(_ path: String) throws { try enter(.fsyncDirectory); try real.fsyncDirectory(path) }
}
