import CGtk
import Model
import GtkKit
import Rendering

/// The grid's context menu (right click, the Menu key, Shift+F10): the statuses for the whole
/// selection, clearing, copy, paste and the details, each with its key.
@MainActor
package final class MatrixContextMenu {
    package typealias Widget = UnsafeMutablePointer<GtkWidget>

    package let popover: Widget
    /// The menu's items by action, for tests.
    package private(set) var items: [(MatrixAction, Widget)] = []
    package var onAction: ((MatrixAction) -> Void)?

    /// A menu for `parent` (the grid's drawing area), unparented when the parent goes away.
    package init(parent: Widget) {
        popover = gtk_popover_new()
        gtk_popover_set_has_arrow(popover.cast(), 1)
        gtk_widget_set_halign(popover, GTK_ALIGN_START)
        let box = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 0)
        let statuses: [DisclosureStatus] = [.disclosed, .notDisclosed, .prefecture, .division]
        for status in statuses {
            add(to: box, .setStatus(status), status.label, key: Self.key(status), swatch: status)
        }
        add(to: box, .setStatus(.notSurveyed), tr(context: "matrix", "Clear (not surveyed)"), key: tr(context: "matrix", "Delete"), swatch: .notSurveyed)
        gtk_box_append(box.cast(), gtk_separator_new(GTK_ORIENTATION_HORIZONTAL))
        add(to: box, .copy, tr(context: "matrix", "Copy"), key: "Ctrl+C")
        add(to: box, .paste, tr(context: "matrix", "Paste"), key: "Ctrl+V")
        add(to: box, .openDetails, tr(context: "matrix", "Edit details"), key: tr(context: "matrix", "Enter"))
        gtk_popover_set_child(popover.cast(), box)
        gtk_widget_set_parent(popover, parent)
        Signals.connect(parent, "destroy") { [popover] in gtk_widget_unparent(popover) }
    }

    /// Shows the menu pointing at a rectangle of the parent.
    package func popup(at rect: MatrixRect) {
        var target = GdkRectangle(x: Int32(rect.x), y: Int32(rect.y), width: Int32(max(1, rect.width)), height: Int32(max(1, rect.height)))
        gtk_popover_set_pointing_to(popover.cast(), &target)
        gtk_popover_popup(popover.cast())
    }

    package func popdown() { gtk_popover_popdown(popover.cast()) }

    package var isVisible: Bool { gtk_widget_get_visible(popover) != 0 }

    /// Activates an item as a click would (for tests and keyboard users alike).
    package func activate(_ action: MatrixAction) {
        if let button = items.first(where: { $0.0 == action })?.1 { Events.emit(button, "clicked") }
    }

    private static func key(_ status: DisclosureStatus) -> String {
        switch status {
        case .disclosed: return "Y / 1"
        case .notDisclosed: return "N / 0"
        case .prefecture: return "P"
        case .division: return "D"
        case .notSurveyed: return tr(context: "matrix", "Delete")
        }
    }

    private func add(to box: Widget, _ action: MatrixAction, _ label: String, key: String, swatch: DisclosureStatus? = nil) {
        let row = Widgets.box(GTK_ORIENTATION_HORIZONTAL, spacing: 10)
        if let swatch {
            let symbol = swatch == .notSurveyed ? " " : (swatch.isDelegated ? MatrixPainter.cellWord(swatch) : swatch.symbol)
            gtk_box_append(row.cast(), Widgets.label(symbol, classes: ["gk-legend-swatch", "gk-status-\(swatch.rawValue)"], xalign: 0.5))
        }
        let text = Widgets.label(label)
        gtk_widget_set_hexpand(text, 1)
        Widgets.append(row, text, Widgets.label(key, classes: ["dim-label", "caption"]))
        let button: Widget = gtk_button_new()
        gtk_button_set_child(button.cast(), row)
        Events.setAccessibleLabel(button, label)
        gtk_button_set_has_frame(button.cast(), 0)
        Signals.connect(button, "clicked") { [weak self] in
            self?.popdown()
            self?.onAction?(action)
        }
        gtk_box_append(box.cast(), button)
        items.append((action, button))
    }
}
