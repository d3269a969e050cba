import CGtk
import Model

/// The rows of the checks list: a `GtkSignalListItemFactory` whose rows show a problem's severity
/// (icon and word, never colour alone), its message and the explanation of its code. Items are
/// `GtkStringObject`s holding the problem's index; `problem(at:)` looks it up.
@MainActor
final class ProblemRows {
    /// The widgets of one row, made once per row and refilled on every bind.
    private struct Row {
        var icon: UnsafeMutablePointer<GtkWidget>
        var severity: UnsafeMutablePointer<GtkWidget>
        var message: UnsafeMutablePointer<GtkWidget>
        var explanation: UnsafeMutablePointer<GtkWidget>
    }

    let factory: OpaquePointer
    private var rows: [UnsafeMutableRawPointer: Row] = [:]
    private let problem: @MainActor (Int) -> Problem?

    init(problem: @escaping @MainActor (Int) -> Problem?) {
        self.problem = problem
        factory = gtk_signal_list_item_factory_new()!.opaque
        Signals.connect(factory, "setup", withArgument: { [weak self] item in
            if let item { self?.setup(item) }
        })
        Signals.connect(factory, "bind", withArgument: { [weak self] item in
            if let item { self?.bind(item) }
        })
        Signals.connect(factory, "teardown", withArgument: { [weak self] item in
            if let item { self?.rows[item] = nil }
        })
    }

    private func setup(_ item: UnsafeMutableRawPointer) {
        let icon: UnsafeMutablePointer<GtkWidget> = gtk_image_new()
        gtk_widget_set_valign(icon, GTK_ALIGN_START)
        gtk_widget_set_margin_top(icon, 1)
        let severity = Widgets.label("", classes: ["gk-problem-severity"])
        gtk_widget_set_valign(severity, GTK_ALIGN_START)
        let message = Widgets.label("", classes: ["gk-problem-message"], wrap: true)
        let explanation = Widgets.label("", classes: ["dim-label", "gk-problem-explanation"], wrap: true)
        gtk_widget_set_hexpand(message, 1)
        let heading = Widgets.box(GTK_ORIENTATION_HORIZONTAL, spacing: 8)
        Widgets.append(heading, icon, severity)
        let text = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 3)
        Widgets.append(text, message, explanation)
        let box = Widgets.box(GTK_ORIENTATION_HORIZONTAL, spacing: 12, classes: ["gk-problem-row"])
        gtk_widget_set_size_request(heading, 96, -1)
        Widgets.append(box, heading, text)
        gtk_list_item_set_child(item.opaque, box)
        rows[item] = Row(icon: icon, severity: severity, message: message, explanation: explanation)
    }

    private func bind(_ item: UnsafeMutableRawPointer) {
        guard let row = rows[item], let object = gtk_list_item_get_item(item.opaque),
              let text = String(borrowingGChars: gtk_string_object_get_string(object.opaque)),
              let index = Int(text), let problem = problem(index) else { return }
        gtk_image_set_from_icon_name(row.icon.opaque, problem.severity.iconName)
        gtk_label_set_text(row.severity.opaque, problem.severity.label)
        for (widget, severity) in [(row.severity, Severity.error), (row.icon, .error)] {
            if problem.severity == severity {
                gtk_widget_add_css_class(widget, "gk-error")
                gtk_widget_remove_css_class(widget, "gk-warning")
            } else {
                gtk_widget_add_css_class(widget, "gk-warning")
                gtk_widget_remove_css_class(widget, "gk-error")
            }
        }
        gtk_label_set_text(row.message.opaque, problem.message)
        gtk_label_set_text(row.explanation.opaque, problem.code.explanation)
    }
}
