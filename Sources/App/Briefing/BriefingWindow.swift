import CGtk
import Foundation
import Model

/// Briefing mode: the chosen charts full-screen, one at a time, 16:9 on black with large type.
/// Right, Down, Page Down and Space go forward; Left, Up, Page Up and Backspace go back; Home and
/// End go to the first and last; Escape leaves.
@MainActor
final class BriefingWindow {
    let window: UnsafeMutablePointer<GtkWidget>
    private let view = ChartView()
    private var slides: [any Chart]
    private(set) var index: Int
    /// Called once when the briefing ends (Escape or the window closed).
    var onClose: (@MainActor () -> Void)?
    private var closed = false

    /// The keys and what they do.
    static let keys: [(action: String, keys: [String])] = [
        ("next", ["Right", "Down", "Page_Down", "space", "KP_Right", "KP_Page_Down"]),
        ("previous", ["Left", "Up", "Page_Up", "BackSpace", "KP_Left", "KP_Page_Up"]),
        ("first", ["Home"]),
        ("last", ["End"]),
        ("leave", ["Escape"]),
    ]

    /// Opens the briefing on `slides` (at least one), starting with `start`.
    init(slides: [any Chart], start: Int = 0, parent: UnsafeMutablePointer<GtkWidget>?) {
        self.slides = slides
        index = min(max(0, start), max(0, slides.count - 1))
        window = gtk_window_new()
        gtk_window_set_title(window.window, tr(context: "chart", "Briefing"))
        gtk_window_set_default_size(window.window, 1280, 720)
        if let parent { gtk_window_set_transient_for(window.window, parent.window) }
        view.letterbox = true
        view.background = RGB(0x000000)
        view.overlay = { [weak self] cr, width, height in self?.drawCounter(cr, width, height) }
        gtk_widget_set_hexpand(view.widget, 1)
        gtk_widget_set_vexpand(view.widget, 1)
        gtk_window_set_child(window.window, view.widget)

        let actions = ActionMap.newGroup()
        actions.add("next") { [weak self] in self?.go(to: (self?.index ?? 0) + 1) }
        actions.add("previous") { [weak self] in self?.go(to: (self?.index ?? 0) - 1) }
        actions.add("first") { [weak self] in self?.go(to: 0) }
        actions.add("last") { [weak self] in self?.go(to: (self?.slides.count ?? 1) - 1) }
        actions.add("leave") { [weak self] in self?.leave() }
        gtk_widget_insert_action_group(window, "briefing", actions.pointer)
        unref(actions.pointer)
        let shortcuts = gtk_shortcut_controller_new()!
        gtk_shortcut_controller_set_scope(shortcuts.opaque, GTK_SHORTCUT_SCOPE_GLOBAL)
        for (action, keys) in Self.keys {
            for key in keys {
                gtk_shortcut_controller_add_shortcut(shortcuts.opaque, gtk_shortcut_new(gtk_shortcut_trigger_parse_string(key),
                                                                                          gtk_named_action_new("briefing.\(action)")))
            }
        }
        gtk_widget_add_controller(window, shortcuts)
        Signals.connect(window, "destroy") { [weak self] in self?.finish() }
        show()
    }

    /// Shows the window full-screen.
    func present() {
        gtk_window_fullscreen(window.window)
        gtk_window_present(window.window)
    }

    /// The chart on screen.
    var current: (any Chart)? { slides.indices.contains(index) ? slides[index] : nil }
    var count: Int { slides.count }

    /// Goes to slide `i` (clamped to the slides).
    func go(to i: Int) {
        index = min(max(0, i), max(0, slides.count - 1))
        show()
    }

    /// Replaces the slides (the survey or the chosen charts changed), staying on the same place.
    func update(_ slides: [any Chart]) {
        guard !slides.isEmpty else {
            leave()
            return
        }
        self.slides = slides
        go(to: index)
    }

    /// Ends the briefing and closes its window.
    func leave() {
        guard !closed else { return }
        gtk_window_destroy(window.window)
    }

    private func finish() {
        guard !closed else { return }
        closed = true
        onClose?()
    }

    private func show() {
        view.chart = current
        gtk_window_set_title(window.window, current.map { "\($0.header.title) — \(tr(context: "chart", "Briefing"))" } ?? tr(context: "chart", "Briefing"))
    }

    /// "3 / 12" at the bottom right, in the letterbox when there is room, else on the paper.
    private func drawCounter(_ cr: OpaquePointer, _ width: Double, _ height: Double) {
        guard !slides.isEmpty else { return }
        let rect = view.chartRect(width: width, height: height)
        let text = "\(index + 1) / \(slides.count)"
        let onPaper = height - rect.maxY < 24
        ChartCanvas.draw(cr, width: width, height: height) { canvas in
            let s = canvas.scale
            let font = ChartFont(13)
            let x = (rect.maxX - 12) / s
            let y = onPaper ? (rect.maxY - 10) / s : (rect.maxY + (height - rect.maxY) / 2) / s
            canvas.text(text, x: x, y: y, font, color: onPaper ? Palette.muted : RGB(0xAAAAAA), h: .right,
                        v: onPaper ? .bottom : .middle)
        }
    }
}
