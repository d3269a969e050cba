import CGtk

/// Small constructors for the widgets the window is built from, so sections read as layout rather
/// than as C calls. Every text passed in is shown as is: translate it with `tr` first.
@MainActor
enum Widgets {
    typealias Widget = UnsafeMutablePointer<GtkWidget>

    /// A label; `xalign` 0 aligns left. Wrapping labels break by word (and between CJK characters).
    static func label(_ text: String, classes: [String] = [], xalign: Float = 0, wrap: Bool = false,
                      selectable: Bool = false) -> Widget {
        let label: Widget = gtk_label_new(text)
        gtk_label_set_xalign(label.opaque, xalign)
        if wrap {
            gtk_label_set_wrap(label.opaque, 1)
            gtk_label_set_wrap_mode(label.opaque, PANGO_WRAP_WORD_CHAR)
        }
        gtk_label_set_selectable(label.opaque, selectable ? 1 : 0)
        addClasses(label, classes)
        return label
    }

    /// A vertical or horizontal box.
    static func box(_ orientation: GtkOrientation, spacing: Int32 = 0, classes: [String] = []) -> Widget {
        let box: Widget = gtk_box_new(orientation, spacing)
        addClasses(box, classes)
        return box
    }

    /// Appends children to a box, in order.
    static func append(_ box: Widget, _ children: Widget...) {
        for child in children { gtk_box_append(box.cast(), child) }
    }

    /// A scrolled window around `child` that scrolls vertically only.
    static func verticalScroller(_ child: Widget) -> Widget {
        let scroller: Widget = gtk_scrolled_window_new()
        gtk_scrolled_window_set_policy(scroller.opaque, GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC)
        gtk_scrolled_window_set_child(scroller.opaque, child)
        gtk_widget_set_vexpand(scroller, 1)
        gtk_widget_set_hexpand(scroller, 1)
        return scroller
    }

    /// Sets the same margin on all four sides.
    static func setMargin(_ widget: Widget, _ margin: Int32) {
        gtk_widget_set_margin_top(widget, margin)
        gtk_widget_set_margin_bottom(widget, margin)
        gtk_widget_set_margin_start(widget, margin)
        gtk_widget_set_margin_end(widget, margin)
    }

    /// Adds CSS classes (see `Stylesheet` for Gongkai's own).
    static func addClasses(_ widget: Widget, _ classes: [String]) {
        for name in classes { gtk_widget_add_css_class(widget, name) }
    }

    /// The text of a label.
    static func text(ofLabel label: Widget) -> String {
        String(borrowingGChars: gtk_label_get_text(label.opaque)) ?? ""
    }
}
