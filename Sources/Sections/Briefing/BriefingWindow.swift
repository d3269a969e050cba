import CGtk
import Foundation
import Model
import GtkKit
import Rendering

/// Briefing mode: the chosen charts full-screen, one at a time, 16:9 on black with large type.
/// Right, Down, Page Down, Space and a click go forward; Left, Up, Page Up and Backspace go back;
/// Home and End go to the first and last; B and . blank the screen (again: the chart comes back),
/// as a presentation clicker sends them; Escape leaves.
///
/// The keys are read by a key controller in the capture phase on the window, before any widget
/// or the window's own bindings (Space activates, arrows move the focus) can take them.
@MainActor
package final class BriefingWindow {
    package let window: UnsafeMutablePointer<GtkWidget>
    private let view = ChartView()
    private var slides: [any Chart]
    package private(set) var index: Int
    /// Called once when the briefing ends (Escape or the window closed).
    package var onClose: (@MainActor () -> Void)?
    private var closed = false

    /// The keys and what they do.
    package static let keys: [(action: String, keys: [String])] = [
        ("next", ["Right", "Down", "Page_Down", "space", "KP_Right", "KP_Page_Down"]),
        ("previous", ["Left", "Up", "Page_Up", "BackSpace", "KP_Left", "KP_Page_Up"]),
        ("first", ["Home", "KP_Home"]),
        ("last", ["End", "KP_End"]),
        ("blank", ["b", "period"]),
        ("leave", ["Escape"]),
    ]

    /// The action of a key (GDK's name of its lower-case keyval), if it has one.
    package static func action(forKey name: String) -> String? {
        keys.first { $0.keys.contains(name) }?.action
    }

    /// True while the screen is blanked (B or .): black, no chart, no counter.
    package private(set) var isBlank = false

    /// Opens the briefing on `slides` (at least one), starting with `start`.
    package init(slides: [any Chart], start: Int = 0, parent: UnsafeMutablePointer<GtkWidget>?) {
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
        actions.add("blank") { [weak self] in self?.toggleBlank() }
        actions.add("leave") { [weak self] in self?.leave() }
        gtk_widget_insert_action_group(window, "briefing", actions.pointer)
        unref(actions.pointer)
        Events.onKeyPressed(window, phase: GTK_PHASE_CAPTURE) { [weak self] keyval, state in
            let modifiers = GDK_CONTROL_MASK.rawValue | GDK_ALT_MASK.rawValue | GDK_SUPER_MASK.rawValue | GDK_META_MASK.rawValue
            guard let self, state.rawValue & modifiers == 0,
                  let name = String(borrowingGChars: gdk_keyval_name(gdk_keyval_to_lower(keyval))),
                  let action = Self.action(forKey: name) else { return false }
            gtk_widget_activate_action_variant(self.window, "briefing.\(action)", nil)
            return true
        }
        Events.onPress(view.widget, button: 1) { [weak self] _, _, _, _ in
            guard let self else { return }
            go(to: index + 1)
        }
        Signals.connect(window, "destroy") { [weak self] in self?.finish() }
        show()
    }

    /// Shows the window full-screen.
    package func present() {
        gtk_window_fullscreen(window.window)
        gtk_window_present(window.window)
    }

    /// The chart on screen.
    package var current: (any Chart)? { slides.indices.contains(index) ? slides[index] : nil }
    package var count: Int { slides.count }

    /// Goes to slide `i` (clamped to the slides).
    package func go(to i: Int) {
        isBlank = false
        index = min(max(0, i), max(0, slides.count - 1))
        show()
    }

    /// Replaces the slides (the survey or the chosen charts changed), staying on the same place.
    package func update(_ slides: [any Chart]) {
        guard !slides.isEmpty else {
            leave()
            return
        }
        self.slides = slides
        go(to: index)
    }

    /// Ends the briefing and closes its window.
    package func leave() {
        guard !closed else { return }
        gtk_window_destroy(window.window)
    }

    private func finish() {
        guard !closed else { return }
        closed = true
        onClose?()
    }

    /// Blanks the screen, or brings the chart back.
    package func toggleBlank() {
        isBlank.toggle()
        view.chart = isBlank ? nil : current
        view.paper = isBlank ? nil : RGB(0xFFFFFF)
    }

    private func show() {
        view.paper = RGB(0xFFFFFF)
        view.chart = current
        gtk_window_set_title(window.window, current.map { "\($0.header.title) — \(tr(context: "chart", "Briefing"))" } ?? tr(context: "chart", "Briefing"))
    }

    /// "3 / 12" at the bottom right, in the letterbox when there is room, else on the paper.
    private func drawCounter(_ cr: OpaquePointer, _ width: Double, _ height: Double) {
        guard !slides.isEmpty, !isBlank else { return }
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
