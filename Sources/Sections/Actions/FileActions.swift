import CGtk
import Foundation
import GtkKit
import Rendering

/// File actions of a window: `win.new`, `win.new-from-this`, `win.open`, `win.open-recent` (a path), `win.save`,
/// `win.save-as` and `win.close`, each running a `DocumentFlows` flow.
@MainActor
package enum FileActions {
    package static func register(in map: ActionMap, flows: DocumentFlows) {
        map.add("new") { [weak flows] in flows?.newSurvey() }
        map.add("new-from-this") { [weak flows] in flows?.newSurveyFromThis() }
        map.add("open") { [weak flows] in flows?.chooseAndOpen() }
        map.add("open-recent", stringParameter: { [weak flows] path in
            flows?.open(URL(fileURLWithPath: path))
        })
        map.add("save") { [weak flows] in flows?.save() }
        map.add("save-as") { [weak flows] in flows?.saveAs() }
        map.add("close") { [weak flows] in flows?.close() }
    }
}
