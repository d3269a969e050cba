import Foundation
import Model
import GtkKit

/// Why an export failed, in words for the user (already translated).
package enum ExportError: Error, LocalizedError, Equatable {
    /// libxlsxwriter refused something or could not write the workbook.
    case xlsx(String)
    /// A file or folder could not be written, created or replaced.
    case file(String)
    /// The files to write exist and replacing them was not allowed.
    case exists(String)

    package var errorDescription: String? {
        switch self {
        case .xlsx(let message), .file(let message), .exists(let message): return message
        }
    }
}
