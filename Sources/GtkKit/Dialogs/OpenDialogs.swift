/// The dialogs on screen. GTK holds a dialog's window while it is shown, but nothing holds the
/// Swift object behind it: each dialog keeps itself here from `present()` until it closes, and
/// tests and the screenshot tour find the open ones by type (`ChoiceDialog.open`).
@MainActor
package enum OpenDialogs {
    private static var dialogs: [AnyObject] = []

    /// Keeps `dialog` alive until `release(_:)` (keeping it again changes nothing).
    package static func keep(_ dialog: AnyObject) {
        if !dialogs.contains(where: { $0 === dialog }) { dialogs.append(dialog) }
    }

    /// Lets `dialog` go (it closed). False when it was not kept (closed already).
    @discardableResult
    package static func release(_ dialog: AnyObject) -> Bool {
        guard dialogs.contains(where: { $0 === dialog }) else { return false }
        dialogs.removeAll { $0 === dialog }
        return true
    }

    /// The open dialogs of one type, oldest first.
    package static func all<Dialog>(_ type: Dialog.Type) -> [Dialog] {
        dialogs.compactMap { $0 as? Dialog }
    }
}
