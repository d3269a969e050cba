import Foundation
#if canImport(Glibc)
import Glibc
import GtkKit
#endif

/// Faster compression for the XLSX container.
///
/// libxlsxwriter 1.1 zips every part of a workbook through minizip — `zipOpenNewFileInZip4_64`,
/// `zipWriteInFileInZip` in pieces of 16 KiB, `zipCloseFileInZip` — at zlib's default level (6),
/// on the calling thread, and offers no option to change either. On a 100,000-enterprise workbook
/// (about 108 MB of sheet XML) level 6 costs about 1.3 s of CPU; level 1 about a third of a
/// second, for a file about a third larger, and on two cores half of that.
///
/// These three functions, exported from the executable under minizip's names, are found first
/// by the dynamic linker when libxlsxwriter (linked against the system minizip) calls them. A
/// deflated part is opened in minizip's raw mode at level 1 (its header says "deflate, fastest"),
/// its data compressed by `ParallelDeflate` on every core and handed to minizip's own
/// `zipWriteInFileInZip` in order, and the part closed with its CRC-32 and length
/// (`zipCloseFileInZipRaw64`). Everything else — the zip format, the deflate method, what Excel,
/// WPS and LibreOffice read — is minizip's. With `parallel` off (or minizip's raw functions not
/// found) a part is deflated by minizip itself, at level 1.
///
/// If libxlsxwriter carries its own copy of minizip (a build without USE_SYSTEM_MINIZIP), these
/// functions are simply never called; if minizip's function cannot be found, the part is refused
/// with minizip's parameter error and the export reports it.
@_cdecl("zipOpenNewFileInZip4_64")
public func gongkaiZipOpenNewFileInZip4_64(
    _ file: OpaquePointer?, _ filename: UnsafePointer<CChar>?, _ zipfi: UnsafeRawPointer?,
    _ extrafieldLocal: UnsafeRawPointer?, _ sizeExtrafieldLocal: UInt32,
    _ extrafieldGlobal: UnsafeRawPointer?, _ sizeExtrafieldGlobal: UInt32,
    _ comment: UnsafePointer<CChar>?, _ method: Int32, _ level: Int32, _ raw: Int32,
    _ windowBits: Int32, _ memLevel: Int32, _ strategy: Int32,
    _ password: UnsafePointer<CChar>?, _ crcForCrypting: UInt, _ versionMadeBy: UInt, _ flagBase: UInt, _ zip64: Int32
) -> Int32 {
    guard let next = XLSXCompression.minizipOpen else { return XLSXCompression.parameterError }
    let deflated = method == XLSXCompression.deflated && raw == 0
    let parallel = deflated && password == nil && XLSXCompression.compressesInParallel
    let status = next(file, filename, zipfi, extrafieldLocal, sizeExtrafieldLocal, extrafieldGlobal, sizeExtrafieldGlobal,
                      comment, method, deflated ? XLSXCompression.level : level, parallel ? 1 : raw, windowBits, memLevel, strategy,
                      password, crcForCrypting, versionMadeBy, flagBase, zip64)
    if status == 0 && parallel, let file { XLSXCompression.parts.begin(file) }
    return status
}

@_cdecl("zipWriteInFileInZip")
public func gongkaiZipWriteInFileInZip(_ file: OpaquePointer?, _ buffer: UnsafeRawPointer?, _ length: UInt32) -> Int32 {
    if let file, let part = XLSXCompression.parts[file] {
        return part.write(UnsafeRawBufferPointer(start: buffer, count: Int(length)))
    }
    guard let next = XLSXCompression.minizipWrite else { return XLSXCompression.parameterError }
    return next(file, buffer, length)
}

@_cdecl("zipCloseFileInZip")
public func gongkaiZipCloseFileInZip(_ file: OpaquePointer?) -> Int32 {
    if let file, let part = XLSXCompression.parts.end(file) {
        let status = part.finish()
        guard let close = XLSXCompression.minizipCloseRaw else { return XLSXCompression.parameterError }
        let closed = close(file, part.length, part.crc)
        return status != 0 ? status : closed
    }
    guard let next = XLSXCompression.minizipClose else { return XLSXCompression.parameterError }
    return next(file)
}

package enum XLSXCompression {
    /// zlib's fastest level (Z_BEST_SPEED).
    package static let level: Int32 = 1
    /// zlib's Z_DEFLATED and minizip's ZIP_PARAMERROR (their headers are not part of the module).
    package static let deflated: Int32 = 8
    package static let parameterError: Int32 = -102

    package typealias Open = @convention(c) (
        OpaquePointer?, UnsafePointer<CChar>?, UnsafeRawPointer?, UnsafeRawPointer?, UInt32, UnsafeRawPointer?, UInt32,
        UnsafePointer<CChar>?, Int32, Int32, Int32, Int32, Int32, Int32, UnsafePointer<CChar>?, UInt, UInt, UInt, Int32
    ) -> Int32

    /// Keeps the interposers in the executable: release builds drop functions nothing refers to.
    /// Returns whether the container will be written at the fast level.
    @discardableResult
    package static func install() -> Bool {
        let interposer: Open = gongkaiZipOpenNewFileInZip4_64
        let write: Write = gongkaiZipWriteInFileInZip
        let close: Close = gongkaiZipCloseFileInZip
        guard let minizipOpen, let minizipWrite, let minizipClose else { return false }
        return CFunctions.address(of: interposer) != CFunctions.address(of: minizipOpen)
            && CFunctions.address(of: write) != CFunctions.address(of: minizipWrite)
            && CFunctions.address(of: close) != CFunctions.address(of: minizipClose)
    }

    /// minizip's own function: the next definition after this executable's.
    package static let minizipOpen: Open? = CFunctions.next("zipOpenNewFileInZip4_64", as: Open.self)

    package typealias Write = @convention(c) (OpaquePointer?, UnsafeRawPointer?, UInt32) -> Int32
    package typealias Close = @convention(c) (OpaquePointer?) -> Int32
    package typealias CloseRaw = @convention(c) (OpaquePointer?, UInt64, UInt) -> Int32
    package static let minizipWrite: Write? = CFunctions.next("zipWriteInFileInZip", as: Write.self)
    package static let minizipClose: Close? = CFunctions.next("zipCloseFileInZip", as: Close.self)
    package static let minizipCloseRaw: CloseRaw? = CFunctions.next("zipCloseFileInZipRaw64", as: CloseRaw.self)

    /// Whether deflated parts are compressed on every core (`ParallelDeflate`); false: by
    /// minizip on the calling thread (the tests compare the two).
    nonisolated(unsafe) package static var parallel = true

    static var compressesInParallel: Bool { parallel && minizipWrite != nil && minizipCloseRaw != nil }

    /// The parts being compressed in parallel, by the zip file they go into (one open part per
    /// zip file, as minizip has it; several workbooks may be written at once).
    static let parts = OpenParts()

    final class OpenParts: @unchecked Sendable {
        private let lock = NSLock()
        private var open: [OpaquePointer: ParallelDeflate] = [:]

        func begin(_ file: OpaquePointer) {
            let part = ParallelDeflate(level: XLSXCompression.level) { bytes in
                XLSXCompression.minizipWrite?(file, bytes.baseAddress, UInt32(bytes.count)) ?? XLSXCompression.parameterError
            }
            lock.withLock { open[file] = part }
        }

        subscript(file: OpaquePointer) -> ParallelDeflate? { lock.withLock { open[file] } }

        func end(_ file: OpaquePointer) -> ParallelDeflate? { lock.withLock { open.removeValue(forKey: file) } }
    }
}
