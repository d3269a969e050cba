import CGtk

/// The layout of `Widgets.wrappingBar`: children side by side at their natural widths, in order,
/// starting a new line when the next one does not fit (as words wrap in a paragraph), each line
/// packed to the left with the same spacing. (A `GtkFlowBox` lines its children up in columns as
/// wide as the widest child in each, which leaves uneven gaps in a toolbar.) A `GtkCustomLayout`
/// on a `GtkBox`; the spacing between children is kept on the box.
@MainActor
package enum WrapLayout {
    package typealias Widget = UnsafeMutablePointer<GtkWidget>

    package static let rowSpacing: Int32 = 6

    /// Gives `box` the wrapping layout with `spacing` pixels between neighbours on a line.
    package static func install(on box: Widget, spacing: Int32) {
        box.setInteger(Int(max(0, spacing)), forKey: spacingKey)
        gtk_widget_set_layout_manager(box, gtk_custom_layout_new(requestMode, measure, allocate))
    }

    /// Whether `box` was made with `install`.
    package static func isWrapping(_ box: Widget) -> Bool {
        box.integer(forKey: spacingKey) != nil
    }

    private struct Item {
        var widget: Widget
        var width: Int32
    }

    private static func spacing(_ box: Widget) -> Int32 {
        box.integer(forKey: spacingKey).map { Int32($0) } ?? 6
    }

    private static func children(_ box: Widget) -> [Widget] {
        var result: [Widget] = []
        var child = gtk_widget_get_first_child(box)
        while let c = child {
            if gtk_widget_should_layout(c) != 0 { result.append(c) }
            child = gtk_widget_get_next_sibling(c)
        }
        return result
    }

    private static func size(_ widget: Widget, _ orientation: GtkOrientation, for forSize: Int32 = -1) -> (minimum: Int32, natural: Int32) {
        var minimum: Int32 = 0, natural: Int32 = 0
        gtk_widget_measure(widget, orientation, forSize, &minimum, &natural, nil, nil)
        return (minimum, natural)
    }

    /// The children in lines for a width: each at its natural width (no less than its minimum,
    /// no more than the width when it can be narrower).
    private static func lines(_ box: Widget, width: Int32) -> [[Item]] {
        let gap = spacing(box)
        var lines: [[Item]] = []
        var line: [Item] = []
        var x: Int32 = 0
        for child in children(box) {
            let (minimum, natural) = size(child, GTK_ORIENTATION_HORIZONTAL)
            let w = max(minimum, min(natural, width))
            if !line.isEmpty, x + gap + w > width {
                lines.append(line)
                line = []
                x = 0
            }
            x += (line.isEmpty ? 0 : gap) + w
            line.append(Item(widget: child, width: w))
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    private static func lineHeight(_ line: [Item]) -> Int32 {
        line.map { size($0.widget, GTK_ORIENTATION_VERTICAL, for: $0.width).natural }.max() ?? 0
    }

    private static let requestMode: GtkCustomRequestModeFunc = { _ in GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH }

    private static let measure: GtkCustomMeasureFunc = { widget, orientation, forSize, minimum, natural, _, _ in
        guard let widget else { return }
        let address = UInt(bitPattern: widget)
        let (min, nat) = MainActor.assumeIsolated { measureBar(Widget(bitPattern: address)!, orientation, forSize) }
        minimum?.pointee = min
        natural?.pointee = nat
    }

    private static func measureBar(_ box: Widget, _ orientation: GtkOrientation, _ forSize: Int32) -> (Int32, Int32) {
        let items = children(box)
        if orientation == GTK_ORIENTATION_HORIZONTAL {
            let sizes = items.map { size($0, GTK_ORIENTATION_HORIZONTAL) }
            let gaps = spacing(box) * Int32(max(0, items.count - 1))
            return (sizes.map(\.minimum).max() ?? 0, sizes.map(\.natural).reduce(0, +) + gaps)
        }
        let width = forSize >= 0 ? forSize : Int32.max / 4
        let lines = lines(box, width: width)
        let height = lines.map(lineHeight).reduce(0, +) + rowSpacing * Int32(max(0, lines.count - 1))
        return (height, height)
    }

    private static let allocate: GtkCustomAllocateFunc = { widget, width, _, _ in
        guard let widget else { return }
        let address = UInt(bitPattern: widget)
        MainActor.assumeIsolated { allocateBar(Widget(bitPattern: address)!, width) }
    }

    private static func allocateBar(_ box: Widget, _ width: Int32) {
        let gap = spacing(box)
        var y: Int32 = 0
        for line in lines(box, width: width) {
            let height = lineHeight(line)
            var x: Int32 = 0
            for item in line {
                var rect = GtkAllocation(x: x, y: y, width: item.width, height: height)
                gtk_widget_size_allocate(item.widget, &rect, -1)
                x += item.width + gap
            }
            y += height + rowSpacing
        }
    }
}

/// The key under which a wrapping bar keeps its spacing (plus one, so 0 is not "no data").
private let spacingKey = "gk-wrap-spacing"
