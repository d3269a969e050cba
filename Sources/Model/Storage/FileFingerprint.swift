import Foundation

/// Which version of a survey file was read: its size, its modification time and a hash of its
/// bytes. `SurveyFile.loadWithFingerprint` returns it with the survey, and
/// `SurveyFile.save(_:to:expecting:)` refuses to replace the file when the file on disk is no
/// longer that version (another program, or another Gongkai, saved it meanwhile).
///
/// The hash is XXH64 (seed 0) of the file's bytes: not cryptographic, but any change a program
/// makes to a file changes it with overwhelming likelihood, and it runs at memory speed.
public struct FileFingerprint: Equatable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The file's size in bytes.
    public var size: Int64
    /// The file's last modification time.
    public var modified: FileTimestamp
    /// XXH64 of the file's bytes.
    public var contentHash: UInt64

    public init(size: Int64, modified: FileTimestamp, contentHash: UInt64) {
        self.size = size
        self.modified = modified
        self.contentHash = contentHash
    }

    /// The fingerprint of `bytes` read from a file whose `stat` is `status`.
    init(bytes: UnsafeRawBufferPointer, status: FileStatus) {
        self.init(size: status.size, modified: status.modified, contentHash: XXHash64.hash(bytes))
    }

    public var description: String {
        "\(size) bytes, modified \(modified), xxh64 \(String(contentHash, radix: 16))"
    }

    /// The fingerprint of the file at `path` now (following symbolic links), or nil when nothing
    /// is there. Throws `SurveyFileError` when the file cannot be read.
    public static func current(ofPath path: String, fileSystem fs: any FileSystemOps = RealFileSystem()) throws -> FileFingerprint? {
        let status: FileStatus?
        do {
            status = try fs.status(ofPath: path, followingSymlinks: true)
        } catch let error as SystemCallError {
            throw SurveyFileError(kind: .unreadable, file: path, systemError: error.code, detail: error.description)
        }
        guard let status else { return nil }
        let data = try FileReading.readAll(path, limit: Int64.max / 4, fileSystem: fs)
        return data.withUnsafeBytes { FileFingerprint(bytes: $0, status: status) }
    }

    /// Whether the file at `path` is still this version: same size and modification time, and
    /// (only when those match, to spare reading it) the same hash of its bytes.
    func matches(fileAt path: String, status: FileStatus, fileSystem fs: any FileSystemOps) throws -> Bool {
        guard status.kind == .regular, status.size == size, status.modified == modified else { return false }
        let data: Data
        do {
            data = try FileReading.readAll(path, limit: size, fileSystem: fs)
        } catch let error as SurveyFileError where error.kind == .tooLarge {
            return false  // It grew while being read.
        }
        return data.count == size && data.withUnsafeBytes(XXHash64.hash) == contentHash
    }
}

/// XXH64 (Yann Collet's xxHash, 64-bit, seed 0), fed in parts of any length.
struct XXHash64 {
    private static let p1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let p3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let p4: UInt64 = 0x85EB_CA77_C2B2_AE63
    private static let p5: UInt64 = 0x27D4_EB2F_1656_67C5

    private var v1 = XXHash64.p1 &+ XXHash64.p2, v2 = XXHash64.p2, v3: UInt64 = 0, v4 = 0 &- XXHash64.p1
    /// Bytes not yet folded into the four lanes (fewer than 32).
    private var pending: [UInt8] = []
    private var total: UInt64 = 0

    init() { pending.reserveCapacity(32) }

    /// The hash of one buffer.
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h = XXHash64()
        h.update(bytes)
        return h.finish()
    }

    private static func round(_ acc: UInt64, _ lane: UInt64) -> UInt64 {
        var a = acc &+ lane &* p2
        a = (a << 31) | (a >> 33)
        return a &* p1
    }

    private static func merge(_ acc: UInt64, _ v: UInt64) -> UInt64 {
        (acc ^ round(0, v)) &* p1 &+ p4
    }

    private mutating func stripes(_ bytes: UnsafeRawBufferPointer) {
        var i = 0
        while i + 32 <= bytes.count {
            v1 = Self.round(v1, UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
            v2 = Self.round(v2, UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)))
            v3 = Self.round(v3, UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self)))
            v4 = Self.round(v4, UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)))
            i += 32
        }
    }

    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        total &+= UInt64(bytes.count)
        var rest = bytes
        if !pending.isEmpty {
            let take = min(32 - pending.count, rest.count)
            pending.append(contentsOf: rest[rest.startIndex..<(rest.startIndex + take)])
            rest = UnsafeRawBufferPointer(rebasing: rest[(rest.startIndex + take)...])
            guard pending.count == 32 else { return }
            pending.withUnsafeBytes { stripes($0) }
            pending.removeAll(keepingCapacity: true)
        }
        let whole = rest.count / 32 * 32
        stripes(UnsafeRawBufferPointer(rebasing: rest[rest.startIndex..<(rest.startIndex + whole)]))
        pending.append(contentsOf: rest[(rest.startIndex + whole)...])
    }

    func finish() -> UInt64 {
        var h: UInt64
        if total >= 32 {
            h = ((v1 << 1) | (v1 >> 63)) &+ ((v2 << 7) | (v2 >> 57)) &+ ((v3 << 12) | (v3 >> 52)) &+ ((v4 << 18) | (v4 >> 46))
            h = Self.merge(h, v1)
            h = Self.merge(h, v2)
            h = Self.merge(h, v3)
            h = Self.merge(h, v4)
        } else {
            h = Self.p5
        }
        h &+= total
        pending.withUnsafeBytes { tail in
            var i = 0
            while i + 8 <= tail.count {
                let k = Self.round(0, UInt64(littleEndian: tail.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
                h ^= k
                h = ((h << 27) | (h >> 37)) &* Self.p1 &+ Self.p4
                i += 8
            }
            if i + 4 <= tail.count {
                h ^= UInt64(UInt32(littleEndian: tail.loadUnaligned(fromByteOffset: i, as: UInt32.self))) &* Self.p1
                h = ((h << 23) | (h >> 41)) &* Self.p2 &+ Self.p3
                i += 4
            }
            while i < tail.count {
                h ^= UInt64(tail[i]) &* Self.p5
                h = ((h << 11) | (h >> 53)) &* Self.p1
                i += 1
            }
        }
        h ^= h >> 33
        h &*= Self.p2
        h ^= h >> 29
        h &*= Self.p3
        h ^= h >> 32
        return h
    }
}
