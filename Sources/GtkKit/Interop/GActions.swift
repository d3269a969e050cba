import CGtk

/// One `GSimpleAction` added to an action map, with a Swift handler for its `activate` signal.
/// The map holds the action; this handle only enables or disables it.
@MainActor
package struct SimpleAction {
    package let pointer: OpaquePointer

    /// Whether the action can be activated (its menu items and buttons follow).
    package var isEnabled: Bool {
        get { g_action_get_enabled(pointer) != 0 }
        nonmutating set { g_simple_action_set_enabled(pointer, newValue ? 1 : 0) }
    }

    /// The state of an action made with `addToggle` (setting it calls the action's handler).
    package var isOn: Bool {
        get {
            guard let state = g_action_get_state(pointer) else { return false }
            defer { g_variant_unref(state) }
            return g_variant_get_boolean(state) != 0
        }
        nonmutating set {
            guard newValue != isOn else { return }
            g_simple_action_set_state(pointer, g_variant_new_boolean(newValue ? 1 : 0))
        }
    }
    package init(pointer: OpaquePointer) {
        self.pointer = pointer
    }
}

/// The actions of a `GActionMap` (a `GtkApplication`, a `GtkApplicationWindow` or a
/// `GSimpleActionGroup`), added with Swift handlers.
@MainActor
package struct ActionMap {
    /// The map, also a `GActionGroup` (every GActionMap GTK makes is one).
    package let pointer: OpaquePointer

    package init(_ map: some GPointer) {
        pointer = map.opaque
    }

    /// A new, empty `GSimpleActionGroup` (for a window that is not an application window).
    package static func newGroup() -> ActionMap {
        ActionMap(g_simple_action_group_new()!)
    }

    /// Adds an action without a parameter.
    @discardableResult
    package func add(_ name: String, _ handler: @escaping @MainActor () -> Void) -> SimpleAction {
        let action = g_simple_action_new(name, nil)!
        Signals.connect(action, "activate", withArgument: { _ in handler() })
        return insert(action)
    }

    /// Adds an action with a true/false state that activating toggles (a toggle button with the
    /// action's name shows it pressed while true); `handler` gets every new state.
    @discardableResult
    package func addToggle(_ name: String, initial: Bool, _ handler: @escaping @MainActor (Bool) -> Void) -> SimpleAction {
        let action = g_simple_action_new_stateful(name, nil, g_variant_new_boolean(initial ? 1 : 0))!
        let handle = SimpleAction(pointer: action)
        Signals.connect(action, "notify::state", withArgument: { _ in handler(handle.isOn) })
        return insert(action)
    }

    /// Adds an action taking a string parameter (e.g. a file path from a menu item's target).
    @discardableResult
    package func add(_ name: String, stringParameter handler: @escaping @MainActor (String) -> Void) -> SimpleAction {
        let type = g_variant_type_new("s")
        defer { g_variant_type_free(type) }
        let action = g_simple_action_new(name, type)!
        Signals.connect(action, "activate", withArgument: { variant in
            guard let variant else { return }
            handler(String(borrowingGChars: g_variant_get_string(OpaquePointer(variant), nil)) ?? "")
        })
        return insert(action)
    }

    private func insert(_ action: OpaquePointer) -> SimpleAction {
        g_action_map_add_action(pointer, action)
        unref(action)  // the map keeps its own reference
        return SimpleAction(pointer: action)
    }

    /// Activates an action by name (without the `app.`/`win.` prefix), as a menu item would.
    package func activate(_ name: String, string parameter: String? = nil) {
        let variant = parameter.map { g_variant_new_string($0) }
        g_action_group_activate_action(pointer, name, variant ?? nil)
    }

    /// Whether the named action exists and is enabled.
    package func isEnabled(_ name: String) -> Bool {
        g_action_group_has_action(pointer, name) != 0 && g_action_group_get_action_enabled(pointer, name) != 0
    }
}

/// A `GMenu` model built from Swift (for `GtkMenuButton` and `GtkPopoverMenu`).
@MainActor
package struct MenuModel {
    package let pointer: OpaquePointer

    package init() {
        pointer = g_menu_new()
    }

    /// The same object as a `GMenuModel` (for `gtk_menu_button_set_menu_model`).
    package var model: UnsafeMutablePointer<GMenuModel> { pointer.cast() }

    /// Appends an item activating `action` ("win.save"), optionally with a string target; without
    /// an action the item is shown insensitive (e.g. "No recent files").
    package func append(_ label: String, action: String?, target: String? = nil) {
        let item = g_menu_item_new(label, nil)!
        defer { unref(item) }
        if let action {
            g_menu_item_set_action_and_target_value(item, action, target.map { g_variant_new_string($0) } ?? nil)
        }
        g_menu_append_item(pointer, item)
    }

    /// Appends a section (drawn between separators).
    package func appendSection(_ section: MenuModel, label: String? = nil) {
        g_menu_append_section(pointer, label, section.model)
    }

    /// Appends a submenu.
    package func appendSubmenu(_ label: String, _ submenu: MenuModel) {
        g_menu_append_submenu(pointer, label, submenu.model)
    }

    package func removeAll() {
        g_menu_remove_all(pointer)
    }

    package var itemCount: Int { Int(g_menu_model_get_n_items(model)) }
}
