import CGtk
import Foundation

/// cairo's PNG writer into memory (`cairo_surface_write_to_png_stream`): the one place its
/// callback's closure pointer becomes a Swift object again.
package enum CairoPNG {
    private final class Sink {
        var data = Data()
    }

    /// The PNG bytes of `surface`, or cairo's error.
    package static func data(of surface: OpaquePointer) -> Result<Data, CairoError> {
        let sink = Sink()
        let status = withExtendedLifetime(sink) {
            cairo_surface_write_to_png_stream(surface, { closure, bytes, length in
                guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
                Unmanaged<Sink>.fromOpaque(closure).takeUnretainedValue().data.append(bytes, count: Int(length))
                return CAIRO_STATUS_SUCCESS
            }, Unmanaged.passUnretained(sink).toOpaque())
        }
        guard status == CAIRO_STATUS_SUCCESS else { return .failure(CairoError(message: String(cString: cairo_status_to_string(status)))) }
        return .success(sink.data)
    }

    package struct CairoError: Error {
        package var message: String
        package init(message: String) {
            self.message = message
        }
    }
}
