import Model
import GtkKit
import Rendering

/// A direction the matrix cursor moves in.
package enum MatrixDirection: Sendable, Equatable {
    case up, down, left, right
}

/// Where a movement key takes the cursor.
package enum MatrixMove: Sendable, Equatable {
    /// One cell in a direction (stops at the edges).
    case step(MatrixDirection)
    /// One cell right, wrapping to the start of the next row (Tab), or left, wrapping to the end
    /// of the previous row (Shift+Tab).
    case next, previous
    /// The first or last cell of the cursor's row.
    case rowStart, rowEnd
    /// The first or last cell of the matrix.
    case first, last
    /// A screenful of rows up or down.
    case pageUp, pageDown
}

/// What a key does in the matrix.
package enum MatrixAction: Sendable, Equatable {
    /// Moves the cursor; with `extend`, the selection grows from its anchor to the new cursor.
    case move(MatrixMove, extend: Bool)
    /// Sets every selected cell to a status (`notSurveyed` clears the cells).
    case setStatus(DisclosureStatus)
    /// Moves the keyboard focus to the details of the cursor cell.
    case openDetails
    case selectAll
    /// Collapses the selection to the cursor cell.
    case collapseSelection
    case copy
    case paste
    case contextMenu
    /// Moves the keyboard focus to the jurisdiction search.
    case find
}

/// Modifier keys a binding requires.
package struct MatrixModifiers: OptionSet, Sendable, Hashable {
    package let rawValue: Int
    package static let shift = MatrixModifiers(rawValue: 1)
    package static let control = MatrixModifiers(rawValue: 2)
    package init(rawValue: Int) {
        self.rawValue = rawValue
    }
}

/// One row of the matrix's key table.
package struct MatrixKeyBinding: Sendable {
    /// GDK key names (`gdk_keyval_name` of the lower-case keyval): "Down", "y", "KP_1", …
    package var keys: [String]
    package var modifiers: MatrixModifiers
    /// Letters also work with Shift (or Caps Lock) held: Y and y both set "disclosed".
    package var shiftOptional: Bool
    package var action: MatrixAction
    /// The accelerators in GTK's syntax, for the shortcuts window ("y 1 KP_1", "<Shift>Down").
    package var accelerator: String
    /// What the key does, translated.
    package var description: String
    package init(keys: [String], modifiers: MatrixModifiers, shiftOptional: Bool, action: MatrixAction, accelerator: String, description: String) {
        self.keys = keys
        self.modifiers = modifiers
        self.shiftOptional = shiftOptional
        self.action = action
        self.accelerator = accelerator
        self.description = description
    }
}

/// The matrix's keyboard: a pure table from keys to actions, with translated descriptions, used by
/// the grid's key controller and listed by the window's shortcuts window.
package enum MatrixKeys {
    /// The key table, in the order the shortcuts window lists it.
    package static var bindings: [MatrixKeyBinding] {
        func bind(_ keys: [String], _ modifiers: MatrixModifiers, shiftOptional: Bool = false,
                  _ action: MatrixAction, _ description: String) -> MatrixKeyBinding {
            let prefix = (modifiers.contains(.control) ? "<Control>" : "") + (modifiers.contains(.shift) ? "<Shift>" : "")
            // The shortcuts window lists the keys a user presses: ISO_Left_Tab (what X sends for
            // Shift+Tab) and the keypad's twins would show as raw names or twice.
            let shown = keys.filter { $0 != "ISO_Left_Tab" && !$0.hasPrefix("KP_") }
            let accelerator = (shown.isEmpty ? keys : shown).map { prefix + $0 }.joined(separator: " ")
            return MatrixKeyBinding(keys: keys, modifiers: modifiers, shiftOptional: shiftOptional, action: action,
                                    accelerator: accelerator, description: description)
        }
        let steps: [(String, MatrixDirection)] = [("Up", .up), ("Down", .down), ("Left", .left), ("Right", .right)]
        var table: [MatrixKeyBinding] = []
        table.append(bind(["y", "1", "KP_1"], [], shiftOptional: true, .setStatus(.disclosed), tr("Set to disclosed (√)")))
        table.append(bind(["n", "x", "0", "KP_0"], [], shiftOptional: true, .setStatus(.notDisclosed), tr("Set to not disclosed (×)")))
        table.append(bind(["p"], [], shiftOptional: true, .setStatus(.prefecture), tr("Set to prefecture level")))
        table.append(bind(["d"], [], shiftOptional: true, .setStatus(.division), tr("Set to division level")))
        table.append(bind(["Delete", "BackSpace", "KP_Delete"], [], .setStatus(.notSurveyed), tr(context: "matrix", "Clear (not surveyed)")))
        table.append(bind(["Return", "KP_Enter", "F2"], [], .openDetails, tr("Edit the cell’s details")))
        for (key, direction) in steps {
            table.append(bind([key, "KP_" + key], [], .move(.step(direction), extend: false), stepDescription(direction)))
        }
        for (key, direction) in steps {
            table.append(bind([key, "KP_" + key], .shift, .move(.step(direction), extend: true), extendDescription(direction)))
        }
        table.append(bind(["Tab"], [], .move(.next, extend: false), tr("Next cell (wraps to the next row)")))
        table.append(bind(["ISO_Left_Tab", "Tab"], .shift, .move(.previous, extend: false), tr("Previous cell (wraps to the previous row)")))
        table.append(bind(["Home", "KP_Home"], [], .move(.rowStart, extend: false), tr(context: "matrix", "First cell of the row")))
        table.append(bind(["End", "KP_End"], [], .move(.rowEnd, extend: false), tr(context: "matrix", "Last cell of the row")))
        table.append(bind(["Home", "KP_Home"], .shift, .move(.rowStart, extend: true), tr("Extend the selection to the row’s start")))
        table.append(bind(["End", "KP_End"], .shift, .move(.rowEnd, extend: true), tr("Extend the selection to the row’s end")))
        table.append(bind(["Home", "KP_Home"], .control, .move(.first, extend: false), tr(context: "matrix", "First cell of the matrix")))
        table.append(bind(["End", "KP_End"], .control, .move(.last, extend: false), tr(context: "matrix", "Last cell of the matrix")))
        table.append(bind(["Home", "KP_Home"], [.control, .shift], .move(.first, extend: true), tr("Extend the selection to the first cell")))
        table.append(bind(["End", "KP_End"], [.control, .shift], .move(.last, extend: true), tr("Extend the selection to the last cell")))
        table.append(bind(["Page_Up", "KP_Page_Up"], [], .move(.pageUp, extend: false), tr(context: "matrix", "A page up")))
        table.append(bind(["Page_Down", "KP_Page_Down"], [], .move(.pageDown, extend: false), tr(context: "matrix", "A page down")))
        table.append(bind(["a"], .control, .selectAll, tr(context: "matrix", "Select every shown cell")))
        table.append(bind(["Escape"], [], .collapseSelection, tr(context: "matrix", "Select only the cursor cell")))
        table.append(bind(["c"], .control, .copy, tr("Copy the selection (a table for Word/WPS, cells for Excel)")))
        table.append(bind(["v"], .control, .paste, tr("Paste a block from a spreadsheet")))
        table.append(bind(["f"], .control, .find, tr(context: "matrix", "Find a jurisdiction")))
        table.append(bind(["Menu"], [], .contextMenu, tr(context: "matrix", "Show the status menu")))
        table.append(bind(["F10"], .shift, .contextMenu, tr(context: "matrix", "Show the status menu")))
        return table
    }

    /// The action for a key (its GDK name, lower case for letters) with modifiers held, if any.
    package static func action(forKey name: String, modifiers: MatrixModifiers) -> MatrixAction? {
        lookup[Probe(name: name, modifiers: modifiers)]
            ?? (modifiers.contains(.shift) ? shiftOptionalLookup[Probe(name: name, modifiers: modifiers.subtracting(.shift))] : nil)
    }

    /// Keys the grid leaves to the window without a word when it does not use them: modifiers
    /// pressed alone, lock keys and function keys (F1, F10 open menus and help).
    package static func passesThrough(_ name: String) -> Bool {
        let prefixes = ["Shift", "Control", "Alt", "Meta", "Super", "Hyper", "ISO_", "Caps_Lock", "Num_Lock", "Scroll_Lock", "Mode_switch"]
        if prefixes.contains(where: name.hasPrefix) { return true }
        if name.hasPrefix("F"), let n = Int(name.dropFirst()), n > 0 { return true }
        return name.hasPrefix("XF86")
    }

    private struct Probe: Hashable {
        var name: String
        var modifiers: MatrixModifiers
    }

    /// Built once: actions do not depend on the language.
    private static let lookup: [Probe: MatrixAction] = {
        var out: [Probe: MatrixAction] = [:]
        for binding in bindings {
            for key in binding.keys where out[Probe(name: key, modifiers: binding.modifiers)] == nil {
                out[Probe(name: key, modifiers: binding.modifiers)] = binding.action
            }
        }
        return out
    }()

    private static let shiftOptionalLookup: [Probe: MatrixAction] = {
        var out: [Probe: MatrixAction] = [:]
        for binding in bindings where binding.shiftOptional {
            for key in binding.keys { out[Probe(name: key, modifiers: binding.modifiers)] = binding.action }
        }
        return out
    }()

    private static func stepDescription(_ direction: MatrixDirection) -> String {
        switch direction {
        case .up: return tr(context: "matrix", "Move up")
        case .down: return tr(context: "matrix", "Move down")
        case .left: return tr(context: "matrix", "Move left")
        case .right: return tr(context: "matrix", "Move right")
        }
    }

    private static func extendDescription(_ direction: MatrixDirection) -> String {
        switch direction {
        case .up: return tr("Extend the selection up")
        case .down: return tr("Extend the selection down")
        case .left: return tr("Extend the selection left")
        case .right: return tr("Extend the selection right")
        }
    }
}
