import CZlib
import Foundation
import Model
import XCTest
import ZIPFoundation
@testable import GtkKit
@testable import Rendering

/// `ParallelDeflate` makes one raw deflate stream of its blocks, with the data's CRC-32 and
/// length; a workbook whose parts it compressed reads back as the one minizip compressed.
final class ParallelDeflateTests: XCTestCase {
    /// Inflates a raw deflate stream (nil when it is not one, or does not end).
    private func inflated(_ compressed: [UInt8]) -> [UInt8]? {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var status = Z_OK
        compressed.withUnsafeBufferPointer { input in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.avail_in = UInt32(input.count)
            repeat {
                status = chunk.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = UInt32(out.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                output += chunk.prefix(chunk.count - Int(stream.avail_out))
            } while status == Z_OK
        }
        return status == Z_STREAM_END && stream.avail_in == 0 ? output : nil
    }

    private func compressed(_ data: [UInt8], pieces: Int) -> (bytes: [UInt8], part: ParallelDeflate) {
        var out: [UInt8] = []
        let part = ParallelDeflate(level: 1) { bytes in
            out += bytes
            return 0
        }
        var offset = 0
        while offset < data.count {
            let n = min(pieces, data.count - offset)
            data.withUnsafeBytes { XCTAssertEqual(part.write(UnsafeRawBufferPointer(rebasing: $0[offset..<offset + n])), 0) }
            offset += n
        }
        XCTAssertEqual(part.finish(), 0)
        return (out, part)
    }

    func testBlocksMakeOneStreamWithTheDataCRCAndLength() {
        var generator = SystemRandomNumberGenerator()
        let words = ["<c r=\"A", "\" s=\"3\" t=\"inlineStr\"><is><t>", "企业", "有限公司", "√", "—", "</t></is></c>", "<row r=\"", "\n"]
        var text: [UInt8] = []
        while text.count < 3 * ParallelDeflate.blockSize + 12_345 { text += Array(words.randomElement(using: &generator)!.utf8) }
        let noise = (0..<(ParallelDeflate.blockSize + 7)).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let cases: [(String, [UInt8], Int)] = [
            ("empty", [], 16_384),
            ("one byte", [42], 16_384),
            ("a block exactly", Array(text.prefix(ParallelDeflate.blockSize)), 16_384),
            ("a block and a byte", Array(text.prefix(ParallelDeflate.blockSize + 1)), 16_384),
            ("several blocks, uneven pieces", text, 9_999),
            ("several blocks, one piece", text, text.count),
            ("incompressible", noise, 16_384),
        ]
        for (name, data, pieces) in cases {
            let (bytes, part) = compressed(data, pieces: pieces)
            XCTAssertEqual(inflated(bytes), data, name)
            XCTAssertEqual(part.length, UInt64(data.count), name)
            XCTAssertEqual(part.crc, data.withUnsafeBufferPointer { crc32(0, $0.baseAddress, UInt32($0.count)) }, name)
        }
        // Matches reach back over the cut between blocks: about what one stream makes.
        let (bytes, _) = compressed(text, pieces: 16_384)
        let whole = ParallelDeflate.deflateBlock(text, dictionary: [], level: 1, last: true).0
        XCTAssertLessThan(Double(bytes.count), Double(whole.count) * 1.01)
    }

    /// Every part of a workbook with a multi-block sheet reads back (CRC-checked) the same with
    /// the parts compressed in parallel as with minizip compressing them.
    func testWorkbookReadsTheSameCompressedInParallel() throws {
        Localizer.shared.language = .chinese
        defer { Localizer.shared.followEnvironment() }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-deflate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let survey = SyntheticSurvey.make(enterprises: XLSXSheet.maxRowsWithBlankBorders + 300, years: 2001...2003, seed: 5)
        let tables = TableExport(survey: survey, tableIDs: TableBuilder.tableIDs, format: .xlsx).tables()
        func write(parallel: Bool) throws -> XLSXReader {
            XLSXCompression.parallel = parallel
            defer { XLSXCompression.parallel = true }
            let url = dir.appendingPathComponent("parallel-\(parallel).xlsx")
            try XLSXWriter(info: ExportInfo(survey.meta, language: nil)).write(tables, to: url)
            let archive = try Archive(url: url, accessMode: .read)
            for entry in archive {
                let crc = try archive.extract(entry) { _ in }
                XCTAssertEqual(crc, entry.checksum, "\(entry.path): the CRC-32 in the zip is the data's")
            }
            return try XLSXReader(url)
        }
        XCTAssertTrue(XLSXCompression.install(), "libxlsxwriter's minizip calls are interposed")
        let parallel = try write(parallel: true), serial = try write(parallel: false)
        XCTAssertEqual(Set(parallel.parts.keys), Set(serial.parts.keys))
        let largest = try XCTUnwrap(serial.parts.values.map(\.count).max())
        XCTAssertGreaterThan(largest, 2 * ParallelDeflate.blockSize, "a part of several blocks")
        for (path, data) in serial.parts where path != "docProps/core.xml" {
            XCTAssertEqual(parallel.parts[path], data, path)
        }
    }
}
