import CGtk
import GtkKit
import Rendering

/// D-Bus activation: the desktop (`DBusActivatable=true`) asks the session bus for
/// `io.github.gongkai.Gongkai`, the bus starts `gongkai --gapplication-service` (the `.service`
/// file), and the application then waits, unique on the bus, for `Activate` (and, where the
/// application handles files, `Open`) instead of opening a window at once.
@MainActor
package enum ServiceMode {
    /// Makes `application` a unique GApplication service.
    package static func apply(to application: UnsafeMutablePointer<GtkApplication>) {
        let flags = g_application_get_flags(application.gApplication).rawValue
        let service = (flags & ~G_APPLICATION_NON_UNIQUE.rawValue) | G_APPLICATION_IS_SERVICE.rawValue
        g_application_set_flags(application.gApplication, GApplicationFlags(rawValue: service))
    }
}
