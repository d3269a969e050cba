import Foundation
#if canImport(Glibc)
import Glibc
import GtkKit
#endif

/// Faster compression for the XLSX container.
///
/// libxlsxwriter 1.1.5 zips every part of a workbook through minizip's
/// `zipOpenNewFileInZip4_64` at zlib's default level (6) and offers no option to change it. On a
/// 100,000-enterprise workbook (about 80 MB of sheet XML) level 6 costs about 1.3 s of CPU; level 1
/// costs about 0.2 s, for a file about a third larger. This function, exported from the executable
/// under minizip's name, is found first by the dynamic linker when libxlsxwriter (linked against
/// the system minizip) opens a part, and forwards to minizip's own with `level` 1. Everything else
/// — the zip format, the deflate method, what Excel, WPS and LibreOffice read — is unchanged.
///
/// If libxlsxwriter carries its own copy of minizip (a build without USE_SYSTEM_MINIZIP), this
/// function is simply never called; if minizip's function cannot be found, the part is refused
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
    return next(file, filename, zipfi, extrafieldLocal, sizeExtrafieldLocal, extrafieldGlobal, sizeExtrafieldGlobal,
                comment, method, method == XLSXCompression.deflated ? XLSXCompression.level : level, raw, windowBits, memLevel, strategy,
                password, crcForCrypting, versionMadeBy, flagBase, zip64)
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

    /// Keeps the interposer in the executable: release builds drop functions nothing refers to.
    /// Returns whether the container will be written at the fast level.
    @discardableResult
    package static func install() -> Bool {
        let interposer: Open = gongkaiZipOpenNewFileInZip4_64
        guard let minizipOpen else { return false }
        return CFunctions.address(of: interposer) != CFunctions.address(of: minizipOpen)
    }

    /// minizip's own function: the next definition after this executable's.
    package static let minizipOpen: Open? = CFunctions.next("zipOpenNewFileInZip4_64", as: Open.self)
}
