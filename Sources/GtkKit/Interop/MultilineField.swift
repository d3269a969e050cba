import CGtk
import Model

/// A multi-line text field (notes, an article's text) that shows its text as a wrapped label and
/// becomes a `GtkTextView` when clicked; it commits and turns back into the label when the focus
/// leaves it.
///
/// A text view lays its text out in idle time after it is first shown and resizes as it goes,
/// which makes the whole window lay out again one frame later. Showing a label until the user
/// edits keeps every section's first frame complete (screenshots, tests) and long texts readable.
@MainActor
package final class CommitTextView: CommittingField {
    /// The field (put this in the layout).
    package let widget: UnsafeMutablePointer<GtkWidget>
    package let textView: UnsafeMutablePointer<GtkWidget>
    package var onCommit: ((String) -> Void)?
    package private(set) var shown = ""
    private let preview: UnsafeMutablePointer<GtkWidget>
    private let previewLabel: UnsafeMutablePointer<GtkWidget>
    private let editor: UnsafeMutablePointer<GtkWidget>
    private let placeholder: String

    package init(minHeight: Int32 = 60, placeholder: String? = nil) {
        self.placeholder = placeholder ?? tr("Click to write")
        widget = Widgets.box(GTK_ORIENTATION_VERTICAL)
        gtk_widget_set_hexpand(widget, 1)

        previewLabel = Widgets.label("", wrap: true)
        gtk_label_set_max_width_chars(previewLabel.opaque, 40)
        gtk_widget_set_hexpand(previewLabel, 1)
        preview = gtk_button_new()
        gtk_button_set_child(preview.cast(), previewLabel)
        Widgets.addClasses(preview, ["gk-multiline"])
        gtk_widget_set_tooltip_text(preview, tr("Click to edit"))

        textView = gtk_text_view_new()
        gtk_text_view_set_wrap_mode(textView.cast(), GTK_WRAP_WORD_CHAR)
        gtk_text_view_set_left_margin(textView.cast(), 6)
        gtk_text_view_set_right_margin(textView.cast(), 6)
        gtk_text_view_set_top_margin(textView.cast(), 4)
        gtk_text_view_set_bottom_margin(textView.cast(), 4)
        gtk_text_view_set_accepts_tab(textView.cast(), 0)
        gtk_widget_set_size_request(textView, -1, minHeight)
        editor = gtk_frame_new(nil)
        gtk_frame_set_child(editor.cast(), textView)
        gtk_widget_set_visible(editor, 0)
        Widgets.append(widget, preview, editor)

        Signals.connect(preview, "clicked") { [weak self] in self?.beginEditing() }
        FocusWatch.onLeave(textView) { [weak self] in
            self?.commit()
            self?.endEditing()
        }
        updatePreview()
        TypedText.register(self)
    }

    private var buffer: UnsafeMutablePointer<GtkTextBuffer> { gtk_text_view_get_buffer(textView.cast())! }

    package var text: String {
        get {
            var start = GtkTextIter()
            var end = GtkTextIter()
            gtk_text_buffer_get_bounds(buffer, &start, &end)
            return String(takingGChars: gtk_text_buffer_get_text(buffer, &start, &end, 0)) ?? ""
        }
        set {
            gtk_text_buffer_set_text(buffer, newValue, -1)
            updatePreview()
        }
    }

    package var isDirty: Bool { text != shown }
    package var isEditing: Bool { gtk_widget_get_visible(editor) != 0 }

    /// Turns the label into the text view and puts the cursor in it.
    package func beginEditing() {
        gtk_widget_set_visible(preview, 0)
        gtk_widget_set_visible(editor, 1)
        gtk_widget_grab_focus(textView)
    }

    private func endEditing() {
        updatePreview()
        gtk_widget_set_visible(editor, 0)
        gtk_widget_set_visible(preview, 1)
    }

    /// The name of the field: the text view and the button showing its text say it.
    package func named(_ name: String) {
        Events.setAccessibleLabel(textView, name)
        Events.setAccessibleLabel(preview, tr("Edit %1", name))
        accessibleName = name
        updatePreview()
    }

    private var accessibleName: String?

    private func updatePreview() {
        let value = text
        if accessibleName != nil { Events.setAccessibleDescription(preview, value.isEmpty ? placeholder : value) }
        gtk_label_set_text(previewLabel.opaque, value.isEmpty ? placeholder : value)
        if value.isEmpty {
            gtk_widget_add_css_class(previewLabel, "dim-label")
        } else {
            gtk_widget_remove_css_class(previewLabel, "dim-label")
        }
    }

    package func show(_ value: String, force: Bool = false) {
        if !force && isDirty { return }
        shown = value
        if text != value { text = value }
    }

    package func enter(_ value: String) {
        text = value
        commit()
    }

    package func commit() {
        guard isDirty else { return }
        shown = text
        onCommit?(shown)
    }
}
