import CGtk
import Foundation
#if canImport(Glibc)
import Glibc
import GtkKit
#endif

/// A fast PNG encoder for the charts of a DOCX report.
///
/// cairo writes PNG through libpng at zlib's default level with adaptive filtering: about 160 ms
/// for one 2560 × 1440 chart, two seconds for the thirteen charts of a report. Charts are flat
/// colour, so the "Up" filter (each byte minus the one above it) turns most rows into zeros and
/// zlib's fastest level compresses them nearly as well, in a fraction of the time. The pixels
/// are taken from the cairo surface on the calling thread (`Pixels`); compressing them
/// (`encode`) needs nothing else, so several charts compress at once on all cores.
///
/// zlib is the system's, already loaded with cairo and libpng; its functions are looked up by
/// name as `XLSXCompression` does (zlib's header is not part of a module here). Without them
/// the encoder is unavailable and the caller uses cairo's PNG writer.
package enum PNGEncoder {
    /// A chart's pixels as PNG scanlines: a filter byte (2, Up) and RGB bytes per row.
    package struct Pixels: Sendable {
        package var width: Int
        package var height: Int
        package var rows: [UInt8]
        package init(width: Int, height: Int, rows: [UInt8]) {
            self.width = width
            self.height = height
            self.rows = rows
        }
    }

    package typealias Compress2 = @convention(c) (UnsafeMutablePointer<UInt8>?, UnsafeMutablePointer<UInt>?, UnsafePointer<UInt8>?, UInt, Int32) -> Int32
    package typealias CompressBound = @convention(c) (UInt) -> UInt
    package typealias CRC32 = @convention(c) (UInt, UnsafePointer<UInt8>?, UInt32) -> UInt

    private static func symbol<T>(_ name: String, as type: T.Type) -> T? { CFunctions.next(name, as: type) }

    nonisolated(unsafe) private static let compress2 = symbol("compress2", as: Compress2.self)
    nonisolated(unsafe) private static let compressBound = symbol("compressBound", as: CompressBound.self)
    nonisolated(unsafe) private static let crc32 = symbol("crc32", as: CRC32.self)

    /// Whether zlib was found.
    package static var isAvailable: Bool { compress2 != nil && compressBound != nil && crc32 != nil }

    /// The Up-filtered scanlines of an RGB24 or ARGB32 image surface (alpha dropped: charts are opaque).
    package static func pixels(of surface: OpaquePointer) -> Pixels {
        cairo_surface_flush(surface)
        let width = Int(cairo_image_surface_get_width(surface))
        let height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        let line = 1 + 3 * width
        var rows = [UInt8](repeating: 0, count: line * height)
        guard let base = cairo_image_surface_get_data(surface) else { return Pixels(width: width, height: height, rows: rows) }
        let data = UnsafeRawBufferPointer(start: base, count: stride * height)
        rows.withUnsafeMutableBufferPointer { out in
            do {
                for y in 0..<height {
                    // Native-endian 32-bit pixels 0xXXRRGGBB: bytes B, G, R, X on little-endian machines.
                    let row = y * stride, above = max(0, y - 1) * stride
                    let mask: UInt32 = y > 0 ? 0xFFFF_FFFF : 0  // the first row has nothing above it
                    var o = y * line
                    out[o] = 2
                    o += 1
                    for x in 0..<width {
                        let p = data.load(fromByteOffset: row + 4 * x, as: UInt32.self)
                        let q = data.load(fromByteOffset: above + 4 * x, as: UInt32.self) & mask
                        out[o] = UInt8(truncatingIfNeeded: p >> 16) &- UInt8(truncatingIfNeeded: q >> 16)
                        out[o + 1] = UInt8(truncatingIfNeeded: p >> 8) &- UInt8(truncatingIfNeeded: q >> 8)
                        out[o + 2] = UInt8(truncatingIfNeeded: p) &- UInt8(truncatingIfNeeded: q)
                        o += 3
                    }
                }
            }
        }
        return Pixels(width: width, height: height, rows: rows)
    }

    /// The PNG file of `pixels` (8-bit RGB, zlib level 1), or nil without zlib or when it fails.
    package static func encode(_ pixels: Pixels) -> Data? {
        guard let compress2, let compressBound, let crc32 else { return nil }
        var bound = compressBound(UInt(pixels.rows.count))
        var compressed = [UInt8](repeating: 0, count: Int(bound))
        let status = compressed.withUnsafeMutableBufferPointer { out in
            pixels.rows.withUnsafeBufferPointer { input in
                compress2(out.baseAddress, &bound, input.baseAddress, UInt(input.count), 1)
            }
        }
        guard status == 0 else { return nil }
        var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        func chunk(_ type: String, _ body: UnsafeBufferPointer<UInt8>) {
            var length = UInt32(body.count).bigEndian
            png.append(Data(bytes: &length, count: 4))
            let typeBytes = Array(type.utf8)
            png.append(contentsOf: typeBytes)
            png.append(body)
            var crc = typeBytes.withUnsafeBufferPointer { crc32(0, $0.baseAddress, 4) }
            if body.count > 0 { crc = crc32(crc, body.baseAddress, UInt32(body.count)) }  // a null buffer would reset it
            var crcBytes = UInt32(truncatingIfNeeded: crc).bigEndian
            png.append(Data(bytes: &crcBytes, count: 4))
        }
        var header = [UInt8]()
        for v in [UInt32(pixels.width), UInt32(pixels.height)] { header += withUnsafeBytes(of: v.bigEndian, Array.init) }
        header += [8, 2, 0, 0, 0]  // 8 bits, RGB, deflate, adaptive filtering (each row says its filter), no interlace
        header.withUnsafeBufferPointer { chunk("IHDR", $0) }
        compressed.withUnsafeBufferPointer { chunk("IDAT", UnsafeBufferPointer(rebasing: $0[0..<Int(bound)])) }
        chunk("IEND", UnsafeBufferPointer(start: nil, count: 0))
        return png
    }
}
