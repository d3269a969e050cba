import CGtk
import Model

/// What screen readers say of a widget: its accessible name (label), description and role. The
/// one place that calls `gtk_accessible_update_property` (variadic in C, so through its `_value`
/// form); sections name their controls with these, never with raw C calls. GTK 4.8 has no
/// announcements (4.14): a widget that changes under the focus (the matrix grid) updates its
/// label and description, which AT-SPI reports as a name or description change of the focused
/// object, and Orca speaks.
@MainActor
extension Events {
    /// Sets the accessible label (the name a screen reader announces). Text shown to the user:
    /// pass it through `tr` first. Unchanged text is not set again (no repeated announcement).
    package static func setAccessibleLabel(_ widget: some GPointer, _ text: String) {
        setStringProperty(widget, GTK_ACCESSIBLE_PROPERTY_LABEL, text)
        if widget.isA(gtk_drop_down_get_type()) { nameDropDownButton(widget.widget) }
    }

    /// GTK 4.8's drop-down gives the keyboard focus to a toggle button inside it, which has no name:
    /// AT-SPI calls it "GtkToggleButton", and that is what Orca says on Tab (AtspiProbeTests found
    /// it). The button is named after the drop-down and its item ("Row order: Report order"), kept
    /// up to date as the choice changes.
    private static func nameDropDownButton(_ dropDown: UnsafeMutablePointer<GtkWidget>) {
        guard let button = gtk_widget_get_first_child(dropDown), button.isA(gtk_toggle_button_get_type()) else { return }
        let update: @MainActor () -> Void = {
            let label = accessibleLabel(dropDown) ?? ""
            var value = ""
            if let item = gtk_drop_down_get_selected_item(dropDown.opaque), item.isA(gtk_string_object_get_type()) {
                value = String(borrowingGChars: gtk_string_object_get_string(OpaquePointer(item))) ?? ""
            }
            setStringProperty(button, GTK_ACCESSIBLE_PROPERTY_LABEL,
                              value.isEmpty ? label : label.isEmpty ? value : tr("%1: %2", label, value))
        }
        let key = "gongkai-names-its-button"
        if g_object_get_data(dropDown.rawPointer.cast(to: GObject.self), key) == nil {
            g_object_set_data(dropDown.rawPointer.cast(to: GObject.self), key, dropDown.rawPointer)
            Signals.connect(dropDown, "notify::selected-item", withArgument: { _ in update() })
        }
        update()
    }

    /// Sets the accessible description (read after the name: what the widget shows or does).
    package static func setAccessibleDescription(_ widget: some GPointer, _ text: String) {
        setStringProperty(widget, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text)
    }

    /// Names a widget and, optionally, describes it; returns the widget (for use in layout code).
    @discardableResult
    package static func name<P: GPointer>(_ widget: P, _ label: String, description: String? = nil) -> P {
        setAccessibleLabel(widget, label)
        if let description { setAccessibleDescription(widget, description) }
        return widget
    }

    /// Names an icon-only button (or any control without text of its own) with its tooltip's text,
    /// so what a sighted user reads on hover is what a screen reader says.
    @discardableResult
    package static func nameAndTooltip<P: GPointer>(_ widget: P, _ label: String) -> P {
        gtk_widget_set_tooltip_text(widget.widget, label)
        setAccessibleLabel(widget, label)
        return widget
    }

    /// Says that the widget lets the user select more than one item (a grid with a range
    /// selection).
    package static func setMultiSelectable(_ widget: some GPointer, _ on: Bool) {
        var value = GValue()
        g_value_init(&value, GProperty.Fundamental.boolean)
        g_value_set_boolean(&value, on ? 1 : 0)
        var property = GTK_ACCESSIBLE_PROPERTY_MULTI_SELECTABLE
        gtk_accessible_update_property_value(widget.opaque, 1, &property, &value)
        g_value_unset(&value)
    }

    /// Says that `widget` is labelled by the (visible) `label` widget.
    package static func setLabelledBy(_ widget: some GPointer, _ label: some GPointer) {
        var value = GValue()
        g_value_init(&value, GType(17 << 2))  // G_TYPE_POINTER (a macro)
        // A relation's value is a GList of accessibles; GTK copies it.
        let list = g_list_append(nil, label.rawPointer)
        g_value_set_pointer(&value, list)
        var relation = GTK_ACCESSIBLE_RELATION_LABELLED_BY
        gtk_accessible_update_relation_value(widget.opaque, 1, &relation, &value)
        g_value_unset(&value)
        g_list_free(list)
    }

    /// A new drawing area with an accessible role (the role is a construct-only property, so it is
    /// set through `g_object_new`).
    package static func drawingArea(role: GtkAccessibleRole) -> UnsafeMutablePointer<GtkWidget> {
        widget(of: gtk_drawing_area_get_type(), role: role)
    }

    /// A new widget of `type` with an accessible role, as `drawingArea(role:)`.
    package static func widget(of type: GType, role: GtkAccessibleRole) -> UnsafeMutablePointer<GtkWidget> {
        var value = GValue()
        g_value_init(&value, gtk_accessible_role_get_type())
        g_value_set_enum(&value, gint(role.rawValue))
        defer { g_value_unset(&value) }
        var names: [UnsafePointer<CChar>?] = []
        let name = strdup("accessible-role")
        defer { free(name) }
        names.append(UnsafePointer(name))
        let object = names.withUnsafeMutableBufferPointer { buffer in
            g_object_new_with_properties(type, 1, buffer.baseAddress, &value)!
        }
        // A new widget is floating, as from gtk_drawing_area_new.
        return UnsafeMutableRawPointer(object).assumingMemoryBound(to: GtkWidget.self)
    }

    /// Names the close buttons GTK puts in a widget (a `GtkInfoBar`'s ×), which show only an icon.
    package static func nameCloseButtons(under widget: some GPointer) {
        var child = gtk_widget_get_first_child(widget.widget)
        while let current = child {
            if gtk_widget_has_css_class(current, "close") != 0,
               g_type_check_instance_is_a(current.rawPointer.assumingMemoryBound(to: GTypeInstance.self), gtk_button_get_type()) != 0 {
                setAccessibleLabel(current, tr("Close"))
            }
            nameCloseButtons(under: current)
            child = gtk_widget_get_next_sibling(current)
        }
    }

    /// The accessible label as GTK holds it (nil when none is set).
    package static func accessibleLabel(_ widget: some GPointer) -> String? {
        String(takingGChars: gongkai_accessible_string_property(widget.opaque, GTK_ACCESSIBLE_PROPERTY_LABEL))
    }

    /// The accessible description as GTK holds it (nil when none is set).
    package static func accessibleDescription(_ widget: some GPointer) -> String? {
        String(takingGChars: gongkai_accessible_string_property(widget.opaque, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION))
    }

    private static func setStringProperty(_ widget: some GPointer, _ property: GtkAccessibleProperty, _ text: String) {
        // Setting the same text again would only repeat an announcement.
        if String(takingGChars: gongkai_accessible_string_property(widget.opaque, property)) == text { return }
        var value = GValue()
        g_value_init(&value, GProperty.Fundamental.string)
        g_value_set_string(&value, text)
        var p = property
        gtk_accessible_update_property_value(widget.opaque, 1, &p, &value)
        g_value_unset(&value)
    }
}
