import CGtk
import Foundation
import Model
import GtkKit
import Rendering

/// The Charts section: a gallery of the survey's charts beside the selected one drawn large, its
/// options, export (one chart as PNG, SVG or PDF; all charts to a folder or one handout PDF), copy
/// as an image, and briefing mode (F5: the chosen charts full-screen, one at a time).
///
/// Charts are made from the controller's statistics (computed once per change) whenever the
/// window calls `show(_:)`. Each chart keeps its own options; the briefing's set and order of
/// charts (`deck`) are saved in the survey (`SurveyMeta.briefing`): ticking or moving a chart is
/// an edit, undone like any other.
@MainActor
package final class ChartsSection: WindowSection, KeyboardSection {
    package static let sectionID = "charts"
    package let id = ChartsSection.sectionID
    package var title: String { tr(context: "chart", "Charts") }
    package let widget: UnsafeMutablePointer<GtkWidget>
    /// The section keeps its widget tree alive as long as itself: nothing it does after the window
    /// is gone (an idle update, a field committing its text) touches freed widgets.
    private let tree: OwnedObject<UnsafeMutablePointer<GtkWidget>>

    private let controller: DocumentController
    private let gallery: ChartGallery
    private let optionsBar = ChartOptionsBar()
    private let view = ChartView(width: 400, height: 120)
    private let status: UnsafeMutablePointer<GtkWidget>
    private let exportDialog = ChartExportDialog()
    /// The selected chart's own title, finding and notes.
    package let words = ChartWordsEditor()
    private var presentAction: SimpleAction?

    /// The briefing's charts and their order.
    package private(set) var deck = BriefingDeck()
    /// The chart drawn large.
    package private(set) var selected = ChartKind.disclosurePerYear
    /// Each chart's options.
    package private(set) var options: [ChartKind: ChartOptions] = [:]
    /// The language of the charts' labels; nil: the interface's.
    package private(set) var labelsLanguage: Language?
    private var data: ChartData?
    private var charts: [ChartKind: any Chart] = [:]
    /// The briefing on screen, if any.
    package private(set) var briefing: BriefingWindow?
    /// A briefing on screen shows the charts while the section is hidden.
    package var followsWhileHidden: Bool { briefing != nil }

    package init(controller: DocumentController) {
        self.controller = controller
        for kind in ChartKind.allCases { options[kind] = kind.defaultOptions }
        gallery = ChartGallery(deck: deck)
        status = Widgets.label("", classes: ["dim-label"])
        gtk_label_set_ellipsize(status.opaque, PANGO_ELLIPSIZE_MIDDLE)
        gtk_widget_set_hexpand(status, 1)

        let frame = gtk_frame_new(nil)!
        gtk_frame_set_child(frame.cast(), view.widget)
        gtk_widget_set_hexpand(frame, 1)
        gtk_widget_set_vexpand(frame, 1)

        let buttons = Widgets.wrappingBar(spacing: 8)
        let right = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 12, classes: ["gk-page"])
        Widgets.append(right, optionsBar.widget, frame, buttons)
        widget = Widgets.box(GTK_ORIENTATION_HORIZONTAL)
        tree = OwnedObject(sinking: widget)
        // On a low screen the page scrolls rather than making the window taller than the screen.
        Widgets.append(widget, gallery.widget, gtk_separator_new(GTK_ORIENTATION_VERTICAL), Widgets.verticalScroller(right))

        let actions = ActionMap.newGroup()
        actions.add("export") { [weak self] in self?.askToExportChart() }
        actions.add("export-all") { [weak self] in self?.askToExportAll() }
        actions.add("copy") { [weak self] in self?.copyImage() }
        actions.add("earlier") { [weak self] in self?.move(by: -1) }
        actions.add("later") { [weak self] in self?.move(by: 1) }
        actions.add("table") { [weak self] in self?.showDataTable() }
        presentAction = actions.add("present") { [weak self] in self?.present() }
        gtk_widget_insert_action_group(widget, "charts", actions.pointer)
        unref(actions.pointer)
        Widgets.append(buttons,
                       button(tr("Export Chart…"), "charts.export", tr("Save this chart as PNG, SVG or PDF")),
                       button(tr("Export All…"), "charts.export-all", tr("Save every chart to a folder, or all in one PDF")),
                       button(tr("Copy Image"), "charts.copy", tr("Copy this chart to the clipboard as an image")),
                       button(tr("Data Table"), "charts.table", tr("Show the figures of this chart as a table (Ctrl+T)")),
                       words.titleButton, words.notesButton,
                       button(tr(context: "chart", "Earlier"), "charts.earlier", tr("Move this chart earlier in the briefing")),
                       button(tr(context: "chart", "Later"), "charts.later", tr("Move this chart later in the briefing")),
                       status,
                       button(tr(context: "chart", "Present"), "charts.present", tr("Show the ticked charts full-screen (F5)"), suggested: true))

        // F5 presents while the section is on screen.
        let shortcuts = gtk_shortcut_controller_new()!
        gtk_shortcut_controller_set_scope(shortcuts.opaque, GTK_SHORTCUT_SCOPE_GLOBAL)
        gtk_shortcut_controller_add_shortcut(shortcuts.opaque, gtk_shortcut_new(gtk_shortcut_trigger_parse_string("F5"),
                                                                                  gtk_named_action_new("charts.present")))
        gtk_widget_add_controller(widget, shortcuts)
        // The chart takes the keyboard (a screen reader then reads its name and description);
        // Ctrl+T or Enter on it shows its data table.
        gtk_widget_set_focusable(view.widget, 1)
        let tableKeys = gtk_shortcut_controller_new()!
        for trigger in ["<Control>t", "Return", "KP_Enter"] {
            gtk_shortcut_controller_add_shortcut(tableKeys.opaque, gtk_shortcut_new(gtk_shortcut_trigger_parse_string(trigger),
                                                                                     gtk_named_action_new("charts.table")))
        }
        gtk_widget_add_controller(view.widget, tableKeys)
        let sectionTableKey = gtk_shortcut_controller_new()!
        gtk_shortcut_controller_add_shortcut(sectionTableKey.opaque, gtk_shortcut_new(gtk_shortcut_trigger_parse_string("<Control>t"),
                                                                                     gtk_named_action_new("charts.table")))
        gtk_widget_add_controller(widget, sectionTableKey)
        presentAction?.isEnabled = false
        Signals.connect(widget, "map") { [weak self] in self?.updatePresentAction(mapped: true) }
        Signals.connect(widget, "unmap") { [weak self] in self?.updatePresentAction(mapped: false) }

        gallery.onSelect = { [weak self] kind in self?.select(kind) }
        gallery.onInclude = { [weak self] kind, on in self?.setIncluded(kind, on) }
        optionsBar.onChange = { [weak self] options, language in self?.optionsChanged(options, language) }
        words.onTitle = { [weak self] text in
            guard let self else { return }
            self.setTitle(text, for: self.selected)
        }
        words.onFinding = { [weak self] text in
            guard let self else { return }
            self.setFinding(text, for: self.selected)
        }
        words.onAddNote = { [weak self] point, text in
            guard let self else { return false }
            return self.addNote(text, at: point, to: self.selected)
        }
        words.onRemoveNote = { [weak self] index in
            guard let self else { return }
            self.removeNote(at: index, of: self.selected)
        }
        gallery.select(selected)
    }

    package static var keyboardShortcuts: ShortcutGroup {
        ShortcutGroup(title: tr(context: "chart", "Charts"), entries: [
            ShortcutEntry(accelerator: "F5", title: tr("Present the ticked charts full-screen")),
            ShortcutEntry(accelerator: "<Control>t", title: tr("Show the chart's data table")),
            ShortcutEntry(accelerator: "Right Down Page_Down space", title: tr("Briefing: next chart (or a click)")),
            ShortcutEntry(accelerator: "Left Up Page_Up BackSpace", title: tr("Briefing: previous chart")),
            ShortcutEntry(accelerator: "Home", title: tr("Briefing: first chart")),
            ShortcutEntry(accelerator: "End", title: tr("Briefing: last chart")),
            ShortcutEntry(accelerator: "b period", title: tr("Briefing: blank the screen (again: back)")),
            ShortcutEntry(accelerator: "Escape", title: tr("Briefing: leave")),
        ])
    }

    // MARK: Survey

    package func show(_ survey: Survey) {
        let data = ChartData(survey, statistics: controller.statistics)
        self.data = data
        let saved = BriefingDeck(plan: survey.meta.briefing, empty: data.emptyCharts)
        if saved != deck {
            deck = saved
            gallery.arrange(deck)
            gallery.select(selected)
            updatePresentAction(mapped: gtk_widget_get_mapped(widget) != 0)
        }
        remake()
    }

    /// Makes every chart again (the survey, an option or the language changed) and redraws.
    private func remake() {
        guard let data else { return }
        charts = [:]
        for kind in ChartKind.allCases { charts[kind] = kind.make(data, chartOptions(kind)) }
        showGallery(data)
        view.chart = charts[selected]
        describeChart()
        optionsBar.show(selected, options[selected] ?? selected.defaultOptions, years: data.years)
        showWords()
        if let briefing {
            briefing.update(briefingSlides())
        }
    }

    private func chartOptions(_ kind: ChartKind, largeType: Bool = false) -> ChartOptions {
        var o = options[kind] ?? kind.defaultOptions
        o.language = labelsLanguage
        o.largeType = largeType
        return o
    }

    /// The chart drawn large.
    package var selectedChart: (any Chart)? { charts[selected] }

    /// The text of the status line under the chart (what the last export or copy did).
    package var statusText: String { Widgets.text(ofLabel: status) }

    // MARK: Choosing

    /// Draws another chart large (what selecting it in the gallery does).
    package func select(_ kind: ChartKind) {
        selected = kind
        gallery.select(kind)
        view.chart = charts[kind]
        describeChart()
        optionsBar.show(kind, options[kind] ?? kind.defaultOptions, years: data?.years ?? [])
        showWords()
    }

    /// The charts' small pictures, with why a chart is empty, and each chart's finding (said as
    /// the gallery's row gets the keyboard).
    private func showGallery(_ data: ChartData) {
        var reasons: [ChartKind: String] = [:], findings: [ChartKind: String] = [:]
        for kind in ChartKind.allCases {
            reasons[kind] = data.emptyReason(kind)
            findings[kind] = reasons[kind] ?? data.finding(kind, chartOptions(kind))
        }
        gallery.show(charts, emptyReasons: reasons, findings: findings)
    }

    /// Names the large chart with its title and describes its finding and figures.
    private func describeChart() {
        let title = charts[selected]?.header.title ?? selected.title
        let description = data?.spokenDescription(selected, chartOptions(selected)) ?? ""
        Events.name(view.widget, title, description: description)
    }

    /// The chart's accessible name and description, as set.
    package var chartAccessibleText: (label: String?, description: String?) {
        (Events.accessibleLabel(view.widget), Events.accessibleDescription(view.widget))
    }

    /// The data table dialog last opened.
    package private(set) var dataTableDialog: ChartDataTableDialog?

    /// Shows the figures of the selected chart as a table (Ctrl+T, Enter on the chart).
    package func showDataTable() {
        guard let data, let table = TableBuilder(data.survey).table(named: selected.dataTableID) else { return }
        dataTableDialog?.close()
        let dialog = ChartDataTableDialog(chart: selected, table: table, parent: gtk_widget_get_root(widget).map { $0.widget })
        dataTableDialog = dialog
        dialog.present()
    }

    /// Changes the options of the selected chart.
    package func setOptions(_ new: ChartOptions, for kind: ChartKind) {
        options[kind] = new
        guard let data else { return }
        charts[kind] = kind.make(data, chartOptions(kind))
        showGallery(data)
        if kind == selected {
            view.chart = charts[kind]
            describeChart()
            showWords()
        }
        briefing?.update(briefingSlides())
    }

    // MARK: The user's words (issue 15)

    /// The longest note a chart takes, in characters.
    package static let noteLimit = 200

    /// Shows the selected chart's title, finding and notes in their fields.
    private func showWords() {
        guard let data else { return }
        let computed = selected.computedHeader(data, chartOptions(selected))
        let points = data.notePoints(selected)
        words.show(computedTitle: computed.title, computedFinding: computed.finding,
                   override: data.survey.meta.charts?.override(selected.name), notes: charts[selected]?.header.notes ?? [],
                   points: points, pointLabels: points.map(data.pointLabel))
    }

    /// Gives a chart a title of its own (empty: the computed one), as one edit.
    package func setTitle(_ text: String, for kind: ChartKind) {
        editWords(tr("Change a chart's title")) { p in
            p.setOverride(kind.name, title: text, finding: p.override(kind.name)?.finding)
        }
    }

    /// Gives a chart a finding of its own (empty: the computed one), as one edit.
    package func setFinding(_ text: String, for kind: ChartKind) {
        editWords(tr("Change a chart's finding")) { p in
            p.setOverride(kind.name, title: p.override(kind.name)?.title, finding: text)
        }
    }

    /// Adds a note on a point of a chart, as one edit; false (with the reason in the status line)
    /// when the text is empty or too long.
    @discardableResult
    package func addNote(_ text: String, at point: ChartPoint, to kind: ChartKind) -> Bool {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return false }
        guard text.count <= Self.noteLimit else {
            setStatus(tr("A note can have at most %1 characters; this one has %2.", Self.noteLimit, text.count))
            return false
        }
        return editWords(tr("Add a note to a chart")) { $0.add(ChartAnnotation(chart: kind.name, point: point, text: text)) }
    }

    /// Removes a chart's `index`th note, as one edit.
    package func removeNote(at index: Int, of kind: ChartKind) {
        editWords(tr("Remove a note from a chart")) { $0.removeAnnotation(kind.name, at: index) }
    }

    /// Changes the survey's chart words as one edit (nothing when they stay the same).
    @discardableResult
    private func editWords(_ label: String, _ change: (inout ChartPresentation) -> Void) -> Bool {
        var meta = controller.survey.meta
        var presentation = meta.charts ?? ChartPresentation()
        change(&presentation)
        let new: ChartPresentation? = presentation.isEmpty ? nil : presentation
        guard new != meta.charts else { return true }
        meta.charts = new
        return controller.perform(.setMeta(meta), label: label)
    }

    /// Changes the language of every chart's labels (nil: the interface's).
    package func setLabelsLanguage(_ language: Language?) {
        labelsLanguage = language
        remake()
    }

    private func optionsChanged(_ new: ChartOptions, _ language: Language?) {
        if language != labelsLanguage {
            labelsLanguage = language
            options[selected] = new
            remake()
        } else {
            setOptions(new, for: selected)
        }
    }

    // MARK: Briefing

    /// Includes a chart in the briefing or leaves it out.
    package func setIncluded(_ kind: ChartKind, _ on: Bool) {
        var new = deck
        new.setIncluded(kind, on)
        save(new, label: on ? tr("Add a chart to the briefing") : tr("Leave a chart out of the briefing"))
    }

    /// Moves the selected chart earlier (negative) or later in the briefing and the gallery.
    package func move(by offset: Int) {
        var new = deck
        new.move(selected, by: offset)
        save(new, label: tr("Move a chart in the briefing"))
    }

    /// Saves a changed deck in the survey, as one edit; the window then shows the survey again.
    private func save(_ new: BriefingDeck, label: String) {
        guard new != deck else { return }
        var meta = controller.survey.meta
        meta.briefing = new.plan(keeping: meta.briefing)
        if !controller.perform(.setMeta(meta), label: label) {
            gallery.arrange(deck)  // puts a check box the edit did not take back
        }
    }

    /// The briefing's charts, with large type.
    private func briefingSlides() -> [any Chart] {
        guard let data else { return [] }
        return deck.slides.map { $0.make(data, chartOptions($0, largeType: true)) }
    }

    /// Starts the briefing on the selected chart if it is a slide, else on the first slide.
    package func present() {
        let slides = briefingSlides()
        guard !slides.isEmpty else {
            setStatus(tr("Tick at least one chart to present."))
            return
        }
        if let briefing {
            briefing.present()
            return
        }
        let start = deck.slides.firstIndex(of: selected) ?? 0
        let window = BriefingWindow(slides: slides, start: start, parent: gtk_widget_get_root(widget).map { $0.widget })
        window.onClose = { [weak self] in self?.briefing = nil }
        briefing = window
        window.present()
    }

    /// The reason the gallery shows under a chart's name (empty: the chart has something to show).
    package func galleryReason(_ kind: ChartKind) -> String { gallery.shownReason(kind) }

    /// Whether F5 and the Present button start a briefing now.
    package var canPresent: Bool { presentAction?.isEnabled ?? false }

    private func updatePresentAction(mapped: Bool) {
        presentAction?.isEnabled = mapped && !deck.slides.isEmpty
    }

    // MARK: Export and copy

    private func askToExportChart() {
        guard let parent = gtk_widget_get_root(widget)?.widget else { return }
        exportDialog.askForChart(named: selected.name, parent: parent) { [weak self] target in
            if let target { self?.export(target) }
        }
    }

    private func askToExportAll() {
        guard let parent = gtk_widget_get_root(widget)?.widget else { return }
        exportDialog.askForAll(suggestedHandoutName: "\(tr(context: "chart", "charts")).pdf", parent: parent) { [weak self] target in
            if let target { self?.export(target) }
        }
    }

    /// Writes what an export dialog asked for; says in the status line what happened. Returns
    /// whether everything was written.
    @discardableResult
    package func export(_ target: ChartExportTarget) -> Bool {
        guard let data else { return false }
        do {
            switch target {
            case .file(let url, let format):
                guard let chart = charts[selected] else { return false }
                try ChartExport.write(chart, format: format, to: url.path)
                setStatus(tr("Saved %1.", url.path))
            case .folder(let folder, let format):
                for kind in ChartKind.allCases {
                    guard let chart = charts[kind] else { continue }
                    try ChartExport.write(chart, format: format, to: folder.appendingPathComponent("\(kind.name).\(format.rawValue)").path)
                }
                setStatus(trn("Saved %1 chart in %2.", "Saved %1 charts in %2.", ChartKind.allCases.count, ChartKind.allCases.count, folder.path))
            case .handout(let url):
                let slides = deck.slides.isEmpty ? deck.order : deck.slides
                let pages = slides.map { $0.make(data, chartOptions($0)) }
                try ChartExport.pdf(pages, to: url.path, title: data.survey.meta.title)
                setStatus(trn("Saved %1 (%2 page).", "Saved %1 (%2 pages).", pages.count, url.path, pages.count))
            }
            return true
        } catch {
            setStatus((error as? LocalizedError)?.errorDescription ?? "\(error)")
            return false
        }
    }

    /// Copies the selected chart to the clipboard as an image.
    package func copyImage() {
        guard let chart = charts[selected] else { return }
        do {
            try ChartClipboard.copy(chart, from: widget)
            setStatus(tr("Copied the chart as an image."))
        } catch {
            setStatus((error as? LocalizedError)?.errorDescription ?? "\(error)")
        }
    }

    private func setStatus(_ text: String) {
        Widgets.setText(status, text)
        gtk_widget_set_tooltip_text(status, text)
    }

    private func button(_ label: String, _ action: String, _ tooltip: String, suggested: Bool = false) -> UnsafeMutablePointer<GtkWidget> {
        let b = gtk_button_new_with_label(label)!
        gtk_actionable_set_action_name(b.opaque, action)
        gtk_widget_set_tooltip_text(b, tooltip)
        if suggested { Widgets.addClasses(b, ["suggested-action"]) }
        return b
    }
}
