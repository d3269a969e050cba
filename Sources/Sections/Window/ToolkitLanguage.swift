import CGtk
import Foundation
import Model

#if canImport(Glibc)
import Glibc
import GtkKit
import Rendering
#endif

/// Makes GTK's own texts (file chooser, About dialog tabs, shortcuts window, text menus) speak
/// the interface language too. GTK translates through gettext (`gtk40.mo`), which follows the
/// locale and `LANGUAGE`; the interface follows `Localizer`, which may have been forced with
/// `--lang` or defaults to Chinese under a "C" locale. Called before GTK initialises; once GTK
/// runs (a test's process) it changes nothing, since the environment is the whole process's.
package enum ToolkitLanguage {
    @MainActor
    package static func match(_ language: Language) {
        guard gtk_is_initialized() == 0 else { return }
        let environment = ProcessInfo.processInfo.environment
        setenv("LANGUAGE", language == .english ? "en" : "zh_CN", 1)
        // gettext ignores LANGUAGE under the "C" locale; C.UTF-8 is always there and is not "C".
        let messages = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        if messages == nil || messages == "C" || messages == "POSIX" {
            setenv("LC_MESSAGES", "C.UTF-8", 1)
        }
    }
}
