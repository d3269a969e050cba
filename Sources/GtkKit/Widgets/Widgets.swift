import CGtk

/// Small constructors for the widgets the window is built from, so sections read as layout rather
/// than as C calls. Every text passed in is shown as is: translate it with `tr` first.
@MainActor
package enum Widgets {
    package typealias Widget = UnsafeMutablePointer<GtkWidget>

    /// A label; `xalign` 0 aligns left. Wrapping labels break by word (and between CJK characters).
    package static func label(_ text: String, classes: [String] = [], xalign: Float = 0, wrap: Bool = false,
                      selectable: Bool = false) -> Widget {
        let label: Widget = gtk_label_new(text)
        gtk_label_set_xalign(label.opaque, xalign)
        if wrap {
            gtk_label_set_wrap(label.opaque, 1)
            gtk_label_set_wrap_mode(label.opaque, PANGO_WRAP_WORD_CHAR)
        }
        gtk_label_set_selectable(label.opaque, selectable ? 1 : 0)
        if selectable {
            // A selectable label takes the keyboard focus; while it is empty (a form not filled
            // yet) it has nothing to select or to read, so it is left out of the focus chain.
            let follow = { gtk_widget_set_focusable(label, gtk_label_get_text(label.opaque).map { $0.pointee != 0 } == true ? 1 : 0) }
            follow()
            Signals.connect(label, "notify::label", withArgument: { _ in follow() })  // notify passes the GParamSpec
        }
        addClasses(label, classes)
        return label
    }

    /// The narrowest a wrapping label that is made anew on a key (a history row, a problem)
    /// asks to be, in characters. GTK finds a wrapping label's minimum width by laying its text out
    /// at the width given by `width-chars`, 0 when unset; wrapping at any character
    /// (`PANGO_WRAP_WORD_CHAR`), 0 puts each character on a line of its own, shaped one by one:
    /// for the history row a status key adds, that was 8 of the 9 million instructions the key's
    /// frame spent measuring (callgrind; 1.5 million with this minimum). The width it is shown at
    /// (the details pane's, 274 pixels and more) is far over this, so nothing on screen changes.
    package static let wrappingMinimumChars: Int32 = 16

    /// Gives a wrapping label the minimum width `wrappingMinimumChars` (see there).
    package static func setMinimumChars(_ label: Widget) {
        gtk_label_set_width_chars(label.opaque, wrappingMinimumChars)
    }

    /// A vertical or horizontal box.
    package static func box(_ orientation: GtkOrientation, spacing: Int32 = 0, classes: [String] = []) -> Widget {
        let box: Widget = gtk_box_new(orientation, spacing)
        addClasses(box, classes)
        return box
    }

    /// Appends children to a box, or to a bar made with `wrappingBar`, in order.
    package static func append(_ box: Widget, _ children: Widget...) {
        let isFlowBox = box.isA(gtk_flow_box_get_type())
        for child in children {
            guard isFlowBox else {
                if WrapLayout.isWrapping(box) { gtk_widget_set_valign(child, GTK_ALIGN_CENTER) }
                gtk_box_append(box.cast(), child)
                continue
            }
            gtk_widget_set_halign(child, GTK_ALIGN_START)
            gtk_widget_set_valign(child, GTK_ALIGN_CENTER)
            gtk_flow_box_insert(box.opaque, child, -1)
            // The bar's cells pass the keyboard on to the controls in them.
            if let cell = gtk_widget_get_parent(child) { gtk_widget_set_focusable(cell, 0) }
        }
    }

    /// A toolbar whose controls wrap onto more lines when the window is too narrow for one, each
    /// line packed to the left (a box with `WrapLayout`; fill it with `append`).
    package static func wrappingBar(spacing: UInt32 = 6, classes: [String] = []) -> Widget {
        let bar = box(GTK_ORIENTATION_HORIZONTAL, classes: classes)
        WrapLayout.install(on: bar, spacing: Int32(spacing))
        gtk_widget_set_valign(bar, GTK_ALIGN_START)
        return bar
    }

    /// A scrolled window as tall as `child` wants, scrolling only when the window is too low for it
    /// (a legend under a grid on a small screen).
    package static func shrinkingScroller(_ child: Widget) -> Widget {
        let scroller: Widget = gtk_scrolled_window_new()
        gtk_scrolled_window_set_policy(scroller.opaque, GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC)
        gtk_scrolled_window_set_propagate_natural_height(scroller.opaque, 1)
        gtk_scrolled_window_set_child(scroller.opaque, child)
        return scroller
    }

    /// A scrolled window around a pane's `child` that scrolls sideways only, so the pane can be
    /// made narrower than its content (down to `minimumWidth`) on a small screen; with room it is
    /// as wide as its content wants.
    package static func horizontalScroller(_ child: Widget, minimumWidth: Int32) -> Widget {
        let scroller: Widget = gtk_scrolled_window_new()
        gtk_scrolled_window_set_policy(scroller.opaque, GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER)
        gtk_scrolled_window_set_min_content_width(scroller.opaque, minimumWidth)
        gtk_scrolled_window_set_propagate_natural_width(scroller.opaque, 1)
        gtk_scrolled_window_set_child(scroller.opaque, child)
        gtk_widget_set_vexpand(scroller, 1)
        gtk_widget_set_hexpand(scroller, 1)
        return scroller
    }

    /// A side or details pane's scrolled window: it scrolls down but never sideways, so the pane is
    /// at least as wide as its content's narrowest layout and never cuts it off on the right (give
    /// such content wrapping labels and `wrappingBar` rows, so that narrowest layout is narrow).
    package static func paneScroller(_ child: Widget) -> Widget {
        let scroller = verticalScroller(child)
        gtk_scrolled_window_set_policy(scroller.opaque, GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC)
        return scroller
    }

    /// A scrolled window around `child` that scrolls vertically, and sideways only when the window
    /// is narrower than the child can be (a small screen), instead of making the window wider.
    package static func verticalScroller(_ child: Widget) -> Widget {
        let scroller: Widget = gtk_scrolled_window_new()
        gtk_scrolled_window_set_policy(scroller.opaque, GTK_POLICY_AUTOMATIC, GTK_POLICY_AUTOMATIC)
        gtk_scrolled_window_set_child(scroller.opaque, child)
        gtk_widget_set_vexpand(scroller, 1)
        gtk_widget_set_hexpand(scroller, 1)
        return scroller
    }

    /// Sets the same margin on all four sides.
    package static func setMargin(_ widget: Widget, _ margin: Int32) {
        gtk_widget_set_margin_top(widget, margin)
        gtk_widget_set_margin_bottom(widget, margin)
        gtk_widget_set_margin_start(widget, margin)
        gtk_widget_set_margin_end(widget, margin)
    }

    /// Adds CSS classes (see `Stylesheet` for Gongkai's own).
    package static func addClasses(_ widget: Widget, _ classes: [String]) {
        for name in classes { gtk_widget_add_css_class(widget, name) }
    }

    /// Sets a label's plain text, only when it differs from the text shown: GTK lays the text
    /// out again (and a wrapping label asks the whole window for a new layout) on every
    /// `gtk_label_set_text`, even when the text is the same.
    package static func setText(_ label: Widget, _ text: String) {
        let plain = gtk_label_get_use_markup(label.opaque) == 0 && gtk_label_get_use_underline(label.opaque) == 0
        if plain, String(borrowingGChars: gtk_label_get_label(label.opaque)) == text { return }
        gtk_label_set_text(label.opaque, text)
    }

    /// The text of a label.
    package static func text(ofLabel label: Widget) -> String {
        String(borrowingGChars: gtk_label_get_text(label.opaque)) ?? ""
    }

    /// Sets a widget's tooltip text, only when it differs from the one it has: GTK asks the
    /// tooltip again (and lays out its label) on every `gtk_widget_set_tooltip_text`, even when
    /// the text is the same.
    package static func setTooltip(_ widget: Widget, _ text: String) {
        if String(borrowingGChars: gtk_widget_get_tooltip_text(widget)) == text { return }
        gtk_widget_set_tooltip_text(widget, text)
    }
}
