import CGtk
import Foundation
import XCTest

@testable import GtkKit
@testable import Rendering
@testable import Commands
@testable import Sections
@testable import Bench
@testable import gongkai

/// Walks a widget tree the way a screen reader meets it and finds the interactive widgets without
/// an accessible name. A widget is named when GTK holds an accessible label for it, when it is
/// labelled by another widget, or when it shows text of its own (a button or check button with a
/// label, which GTK and Orca read). A name that looks like an internal id ("map-years") counts as
/// no name.
@MainActor
enum AccessibleTree {
    struct Finding: Hashable, CustomStringConvertible {
        var type: String
        var hint: String
        var description: String { "\(type) \(hint)" }
    }

    /// Every interactive widget under `root` and the names found, plus the unnamed ones.
    struct Audit {
        var checked = 0
        var names: [String] = []
        var unnamed: [Finding] = []
        var seen: Set<UnsafeMutableRawPointer> = []
    }

    /// Types a screen-reader user operates (a focusable drawing area counts too).
    static let interactiveTypes: [GType] = [
        gtk_button_get_type(), gtk_check_button_get_type(), gtk_menu_button_get_type(), gtk_entry_get_type(),
        gtk_search_entry_get_type(), gtk_password_entry_get_type(), gtk_spin_button_get_type(), gtk_text_get_type(),
        gtk_text_view_get_type(), gtk_drop_down_get_type(), gtk_switch_get_type(), gtk_scale_get_type(),
        gtk_list_view_get_type(), gtk_column_view_get_type(), gtk_list_box_get_type(), gtk_combo_box_get_type(),
        gtk_calendar_get_type(),
    ]

    /// Composite controls whose inner widgets are GTK's own (the text of an entry, the button of a
    /// drop-down): the control itself is checked, not its parts.
    static let closedTypes: [GType] = [
        gtk_button_get_type(), gtk_menu_button_get_type(), gtk_entry_get_type(), gtk_search_entry_get_type(),
        gtk_password_entry_get_type(), gtk_spin_button_get_type(), gtk_text_view_get_type(), gtk_drop_down_get_type(),
        gtk_switch_get_type(), gtk_scale_get_type(), gtk_combo_box_get_type(), gtk_check_button_get_type(),
        gtk_calendar_get_type(), gtk_popover_get_type(),
    ]

    static func isA(_ widget: UnsafeMutablePointer<GtkWidget>, _ type: GType) -> Bool {
        g_type_check_instance_is_a(UnsafeMutableRawPointer(widget).assumingMemoryBound(to: GTypeInstance.self), type) != 0
    }

    static func typeName(_ widget: UnsafeMutablePointer<GtkWidget>) -> String {
        String(cString: g_type_name_from_instance(UnsafeMutableRawPointer(widget).assumingMemoryBound(to: GTypeInstance.self)))
    }

    static func isInteractive(_ widget: UnsafeMutablePointer<GtkWidget>) -> Bool {
        if interactiveTypes.contains(where: { isA(widget, $0) }) { return true }
        return isA(widget, gtk_drawing_area_get_type()) && gtk_widget_get_focusable(widget) != 0
    }

    /// The widget's own visible text: a button's or check button's label, a menu button's label.
    static func ownText(_ widget: UnsafeMutablePointer<GtkWidget>) -> String? {
        func nonEmpty(_ p: UnsafePointer<CChar>?) -> String? {
            guard let p, p.pointee != 0 else { return nil }
            return String(cString: p)
        }
        if isA(widget, gtk_check_button_get_type()) { return nonEmpty(gtk_check_button_get_label(widget.cast())) }
        if isA(widget, gtk_menu_button_get_type()) { return nonEmpty(gtk_menu_button_get_label(widget.opaque)) }
        if isA(widget, gtk_button_get_type()) {
            if let label = nonEmpty(gtk_button_get_label(widget.cast())), gtk_button_get_icon_name(widget.cast()) == nil { return label }
            // A button whose child is a label (or a box holding one) reads that label.
            return firstLabelText(under: widget)
        }
        return nil
    }

    private static func firstLabelText(under widget: UnsafeMutablePointer<GtkWidget>) -> String? {
        var child = gtk_widget_get_first_child(widget)
        while let current = child {
            if isA(current, gtk_label_get_type()), let text = gtk_label_get_text(current.opaque), text.pointee != 0 {
                return String(cString: text)
            }
            if let text = firstLabelText(under: current) { return text }
            child = gtk_widget_get_next_sibling(current)
        }
        return nil
    }

    /// The name a screen reader finds for the widget, or nil.
    static func name(of widget: UnsafeMutablePointer<GtkWidget>) -> String? {
        if let label = Events.accessibleLabel(widget), !label.trimmingCharacters(in: .whitespaces).isEmpty { return label }
        // GTK labels a button by its child: an icon's GtkImage is what Orca read as "GtkImage push
        // button", so for buttons only their own text counts.
        let button = isA(widget, gtk_button_get_type()) || isA(widget, gtk_check_button_get_type()) || isA(widget, gtk_menu_button_get_type())
        if !button, gtk_test_accessible_has_relation(widget.opaque, GTK_ACCESSIBLE_RELATION_LABELLED_BY) != 0 { return "(labelled by)" }
        return ownText(widget)
    }

    /// "map-years", "disclosure-per-year", "win.save": an internal id, not words.
    nonisolated static func looksLikeAnID(_ name: String) -> Bool {
        name.range(of: #"^[a-z0-9]+([-_.][a-z0-9]+)+$"#, options: .regularExpression) != nil
    }

    /// Walks `root`, adding what it finds to `audit` (widgets already seen are skipped).
    static func audit(_ root: UnsafeMutablePointer<GtkWidget>, into audit: inout Audit, context: String) {
        let raw = UnsafeMutableRawPointer(root)
        if audit.seen.contains(raw) { return }
        audit.seen.insert(raw)
        if typeName(root) == "GtkTooltipWindow" { return }
        if isInteractive(root) {
            audit.checked += 1
            if let name = name(of: root), !looksLikeAnID(name) {
                audit.names.append(name)
            } else {
                audit.unnamed.append(Finding(type: typeName(root), hint: "in \(context)" + hint(root)))
            }
        }
        if closedTypes.contains(where: { isA(root, $0) }) { return }
        var child = gtk_widget_get_first_child(root)
        while let current = child {
            self.audit(current, into: &audit, context: context)
            child = gtk_widget_get_next_sibling(current)
        }
    }

    /// The focusable drawing areas under `root` (the large chart of the charts section).
    static func focusableDrawingAreas(under root: UnsafeMutablePointer<GtkWidget>) -> [UnsafeMutablePointer<GtkWidget>] {
        var found: [UnsafeMutablePointer<GtkWidget>] = []
        if isA(root, gtk_drawing_area_get_type()) && gtk_widget_get_focusable(root) != 0 { found.append(root) }
        var child = gtk_widget_get_first_child(root)
        while let current = child {
            found += focusableDrawingAreas(under: current)
            child = gtk_widget_get_next_sibling(current)
        }
        return found
    }

    /// Words that help find an unnamed widget: its tooltip, icon, label or CSS classes.
    private static func hint(_ widget: UnsafeMutablePointer<GtkWidget>) -> String {
        var parts: [String] = []
        if let tooltip = gtk_widget_get_tooltip_text(widget) { parts.append("tooltip “\(String(cString: tooltip))”") }
        if isA(widget, gtk_button_get_type()), let icon = gtk_button_get_icon_name(widget.cast()) { parts.append("icon \(String(cString: icon))") }
        if let own = ownText(widget) { parts.append("text “\(own)”") }
        if let classes = gtk_widget_get_css_classes(widget) {
            var names: [String] = []
            var i = 0
            while let c = classes[i] { names.append(String(cString: c)); i += 1 }
            g_strfreev(classes)
            if !names.isEmpty { parts.append("classes \(names.joined(separator: ","))") }
        }
        if let parent = gtk_widget_get_parent(widget) { parts.append("in \(typeName(parent))") }
        return parts.isEmpty ? "" : " (" + parts.joined(separator: "; ") + ")"
    }
}
