import Foundation
import GtkKit
import Rendering
import Commands
import Sections

/// glibc's `malloc_trim` (declared in <malloc.h>, which the Glibc module does not export): returns
/// freed heap memory to the system.
@_silgen_name("malloc_trim") private func mallocTrim(_ pad: Int) -> Int32

/// The process's memory as Linux reports it, for the benchmark and the tests of what a closed
/// window frees.
package enum ProcessMemory {
    /// Returns freed heap memory to the system (so that what is resident is what is in use).
    package static func trim() { _ = mallocTrim(0) }

    /// The resident set size (the second field of /proc/self/statm, in pages) after returning freed
    /// heap memory to the system, in bytes; nil where /proc is not readable.
    package static func residentBytesAfterTrim() -> Int? {
        trim()
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = statm.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        let (bytes, overflow) = pages.multipliedReportingOverflow(by: Int(sysconf(Int32(_SC_PAGESIZE))))
        return overflow ? nil : bytes
    }
}
