import CGtk
import Foundation
import Model
import GtkKit
import Rendering

/// The main window: a header bar naming the survey, a sidebar listing the sections and a stack
/// showing the selected one.
///
/// The window owns the `DocumentController` of its survey (`controller`); every section is made
/// with it and edits through it. On every change the window calls `show(_:)` of the section on
/// screen (and of those that follow changes while hidden), marks the others stale until they come
/// to the front, and updates the title (file name, unsaved-changes mark). Frame callbacks (`onNextFrame`) let the
/// screenshot mode and tests wait until the window has really drawn.
@MainActor
package final class MainWindow {
    package typealias Widget = UnsafeMutablePointer<GtkWidget>

    /// The `GtkWindow` (a `GtkApplicationWindow` when created for an application).
    package let window: Widget
    /// The open survey, its undo history and its file.
    package let controller: DocumentController
    /// The header bar (actions add their buttons to it).
    package let header: Widget
    /// Bars across the top of the window's content (e.g. "the file changed on disk").
    package let banners: Widget
    private let stack: Widget
    /// The sidebar listing the sections (tests move through it with the keyboard).
    package let sidebar: Widget
    /// Hides the sidebar (F9, and by itself on a narrow window).
    package let sidebarCollapse: SidebarCollapse
    private let titleLabel: Widget
    private let subtitleLabel: Widget

    /// The sections in sidebar order, each built or still waiting to be (see `section(id:)`).
    private var slots: [SectionSlot] = []
    /// The sidebar titles of the sections not built yet whose titles count something, computed
    /// from the model (`SectionKind.sidebarTitle`) at once, then after the frame of each change.
    private var modelTitles: [String: String] = [:]
    private var modelTitleRefresh: DeferredRefresh!
    /// References of the window's own: its header bar and its body stay alive as long as this
    /// object, so no pointer into them kept here or in an action dangles once the window is
    /// closed. (Not the `GtkWindow` itself: `gtk_window_destroy` disposes it, emitting "destroy",
    /// only when GTK holds its last reference.)
    private var owned: [OwnedObject<UnsafeMutablePointer<GtkWidget>>] = []
    /// True once the window is destroyed: changes of the survey are no longer shown.
    package private(set) var isClosed = false
    /// Ids of the sections not showing the current survey: hidden when it changed, or not built yet.
    package private(set) var staleSections: Set<String> = []
    /// The window's actions, header bar controls, file flows and draft (made after the sections).
    package private(set) var actions: WindowActions!

    /// Frames drawn so far.
    package private(set) var framesDrawn = 0
    private var frameWaiters: [@MainActor () -> Void] = []
    private var frameClockConnected = false

    /// Creates the window (not yet shown) for `survey`. With an `application`, the window belongs
    /// to it and keeps it running while open.
    /// `services` supplies the drafts folder, the recent files and the file chooser (tests pass
    /// their own).
    /// `fingerprint` is the version of `fileURL` the survey was read from (see `DocumentController`).
    package init(survey: Survey, fileURL: URL?, fingerprint: FileFingerprint? = nil, application: UnsafeMutablePointer<GtkApplication>? = nil,
         services: WindowServices = .standard()) {
        controller = DocumentController(survey: survey, fileURL: fileURL, fingerprint: fingerprint)
        Stylesheet.install()

        window = application.map { gtk_application_window_new($0) } ?? gtk_window_new()
        gtk_window_set_default_size(window.window, 1200, 760)

        titleLabel = Widgets.label("", classes: ["title"], xalign: 0.5)
        subtitleLabel = Widgets.label("", classes: ["subtitle"], xalign: 0.5)
        gtk_label_set_ellipsize(titleLabel.opaque, PANGO_ELLIPSIZE_END)
        gtk_label_set_ellipsize(subtitleLabel.opaque, PANGO_ELLIPSIZE_MIDDLE)
        let titleBox = Widgets.box(GTK_ORIENTATION_VERTICAL)
        gtk_widget_set_valign(titleBox, GTK_ALIGN_CENTER)
        Widgets.append(titleBox, titleLabel, subtitleLabel)
        header = gtk_header_bar_new()
        gtk_header_bar_set_title_widget(header.opaque, titleBox)
        gtk_window_set_titlebar(window.window, header)

        stack = gtk_stack_new()
        // Only the page on screen is measured and laid out (a homogeneous stack measures every
        // hidden page on every layout: a third of the start-up's processor time).
        gtk_stack_set_hhomogeneous(stack.opaque, 0)
        gtk_stack_set_vhomogeneous(stack.opaque, 0)
        gtk_widget_set_hexpand(stack, 1)
        gtk_widget_set_vexpand(stack, 1)
        sidebar = gtk_stack_sidebar_new()
        gtk_stack_sidebar_set_stack(sidebar.opaque, stack.opaque)
        Widgets.addClasses(sidebar, ["gk-sidebar"])
        let body = Widgets.box(GTK_ORIENTATION_HORIZONTAL)
        let sidebarSeparator: Widget = gtk_separator_new(GTK_ORIENTATION_VERTICAL)
        let collapse = SidebarCollapse(sidebar: sidebar, separator: sidebarSeparator)
        sidebarCollapse = collapse
        Widgets.append(body, sidebar, sidebarSeparator, stack)
        banners = Widgets.box(GTK_ORIENTATION_VERTICAL)
        let content = Widgets.box(GTK_ORIENTATION_VERTICAL)
        gtk_widget_set_vexpand(body, 1)
        Widgets.append(content, banners, body)
        // The window's width decides whether the sidebar shows (a narrow window hides it).
        let watch = SizeWatch(content) { [weak collapse] width, _ in collapse?.windowWidthChanged(width) }
        gtk_window_set_child(window.window, watch.widget)
        owned = [header, content].map { OwnedObject(sinking: $0) }

        Signals.connect(window, "realize") { [weak self] in self?.connectFrameClock() }
        Signals.connect(window, "destroy") { [weak self] in self?.isClosed = true }
        Signals.connect(stack, "notify::visible-child", withArgument: { [weak self] _ in self?.visibleSectionChanged() })
        controller.observe { [weak self] change in self?.controllerChanged(change) }

        // The sections, in sidebar order (one case of `SectionKind` per section): a page each in
        // the stack, built when first shown or needed (the first one, on screen, at once).
        modelTitleRefresh = DeferredRefresh(of: stack, afterFrame: true) { [weak self] in self?.refreshModelTitles() }
        for kind in SectionKind.allCases { addPage(for: kind) }
        modelTitleRefresh.request()

        actions = WindowActions(window: self, services: services, isApplicationWindow: application != nil)
        ExportActions.install(on: self, controller: controller)
        SurveyDetailsActions.install(on: self, controller: controller)
        updateTitle()
    }

    /// The flows behind File › New, Open, Save… and closing.
    package var flows: DocumentFlows { actions.flows }

    /// Shows the keyboard-shortcuts window (Ctrl+?) listing every accelerator and section key.
    package func showShortcuts() {
        let pages = ShortcutTable.shortcutPages()
        gtk_window_present(ShortcutsWindow.make(pages: pages, parent: window).window)
    }

    // MARK: Sections

    /// Adds a section, already built, at the end of the sidebar. If it is on screen or
    /// follows changes while hidden it shows the current survey now; otherwise it is marked stale
    /// and shows it when it first comes to the front.
    package func addSection(_ section: any WindowSection) {
        let slot = SectionSlot(id: section.id, kind: nil, page: section.widget)
        slots.append(slot)
        gtk_stack_add_titled(stack.opaque, section.widget, section.id, section.title)
        install(section, in: slot)
    }

    /// Adds the page of a section of `kind`, built when first needed.
    private func addPage(for kind: SectionKind) {
        let page = Widgets.box(GTK_ORIENTATION_VERTICAL)
        let slot = SectionSlot(id: kind.rawValue, kind: kind, page: page)
        slots.append(slot)
        // Adding the first page makes it the visible child, which builds it (`visibleSectionChanged`).
        gtk_stack_add_titled(stack.opaque, page, slot.id, kind.title)
        if slot.section == nil { staleSections.insert(slot.id) }
    }

    private func install(_ section: any WindowSection, in slot: SectionSlot) {
        slot.section = section
        if section.id == visibleSectionID || section.followsWhileHidden {
            staleSections.remove(section.id)
            section.show(survey)
        } else {
            staleSections.insert(section.id)
        }
    }

    /// Builds the section of `slot` if it is not built yet (its widgets go into its page).
    @discardableResult
    private func build(_ slot: SectionSlot) -> any WindowSection {
        if let section = slot.section { return section }
        let kind = slot.kind!  // only pages of a `SectionKind` are added unbuilt
        let section = kind.make(in: self, controller: controller)
        gtk_widget_set_hexpand(section.widget, 1)
        gtk_widget_set_vexpand(section.widget, 1)
        Widgets.append(slot.page, section.widget)
        modelTitles[slot.id] = nil
        install(section, in: slot)
        if kind.countsInSidebar { updateSectionTitles() }
        return section
    }

    /// The ids of the sections, in sidebar order (built or not).
    package var sectionIDs: [String] { slots.map(\.id) }

    /// The ids of the sections built so far, in sidebar order.
    package var builtSectionIDs: [String] { slots.filter { $0.section != nil }.map(\.id) }

    /// The section with `id`, built now if it was not yet (nil: no such section).
    package func section(id: String) -> (any WindowSection)? {
        slots.first { $0.id == id }.map(build)
    }

    /// The first section of type `type`, built now if it was not yet.
    package func section<Section: WindowSection>(_ type: Section.Type) -> Section? {
        if let built = slots.lazy.compactMap({ $0.section as? Section }).first { return built }
        let wanted = ObjectIdentifier(Section.self)
        let slot = slots.first { $0.section == nil && $0.kind.map { ObjectIdentifier($0.sectionType) } == wanted }
        return slot.map(build) as? Section
    }

    /// Every section, in sidebar order, building those not built yet (the screenshot tour and
    /// tests that walk all sections; the window itself asks for one section at a time).
    package var sections: [any WindowSection] { slots.map(build) }

    /// The id of the section on screen.
    package var visibleSectionID: String? {
        String(borrowingGChars: gtk_stack_get_visible_child_name(stack.opaque))
    }

    /// Brings a section to the front (building it if it is not built yet).
    package func showSection(id: String) {
        gtk_stack_set_visible_child_name(stack.opaque, id)
    }

    /// Copies each section's `title` to the sidebar (titles may carry a count, e.g. "检查 (3)");
    /// a section whose title changes later (after an idle refresh) calls it again. A section not
    /// built yet has its title from the model.
    package func updateSectionTitles() {
        guard !isClosed else { return }
        for slot in slots {
            guard let page = gtk_stack_get_page(stack.opaque, slot.page) else { continue }
            let title = slot.section?.title ?? modelTitles[slot.id] ?? slot.kind?.title ?? slot.id
            if GProperty.string(page, "title") != title { GProperty.set(page, "title", title) }
        }
    }

    /// Computes the counting titles of the sections not built yet from the model.
    private func refreshModelTitles() {
        guard !isClosed else { return }
        for slot in slots where slot.section == nil {
            guard let kind = slot.kind, kind.countsInSidebar else { continue }
            modelTitles[slot.id] = kind.sidebarTitle(controller: controller)
        }
        updateSectionTitles()
    }

    /// The sidebar title of a section, as shown.
    package func sidebarTitle(of id: String) -> String? {
        guard let child = gtk_stack_get_child_by_name(stack.opaque, id),
              let page = gtk_stack_get_page(stack.opaque, child) else { return nil }
        return GProperty.string(page, "title")
    }

    /// Goes to the record a problem is about: the first section that reveals `location` is brought
    /// to the front (sections are built in turn until one accepts). Returns false when no section
    /// shows such a location.
    @discardableResult
    package func reveal(_ location: ProblemLocation) -> Bool {
        for slot in slots where slot.kind?.mayReveal(location) ?? (slot.section is any RevealingSection) {
            guard let section = build(slot) as? any RevealingSection else { continue }
            bringUpToDate(section)
            guard section.reveal(location) else { continue }
            showSection(id: section.id)
            return true
        }
        return false
    }

    /// Shows the current survey in a section that was hidden when it changed.
    package func bringUpToDate(_ section: any WindowSection) {
        guard staleSections.remove(section.id) != nil else { return }
        section.show(survey)
    }

    private func visibleSectionChanged() {
        guard let id = visibleSectionID, let slot = slots.first(where: { $0.id == id }) else { return }
        bringUpToDate(build(slot))
    }

    // MARK: Survey

    /// The survey on screen (the controller's).
    package var survey: Survey { controller.survey }
    /// The file the survey was read from or saved to; nil for a survey not yet saved.
    package var fileURL: URL? { controller.fileURL }

    /// Replaces the survey (and its file) with a clean one, updating the title and every section.
    package func display(_ survey: Survey, fileURL: URL?) {
        controller.replace(with: survey, fileURL: fileURL)
    }

    private func controllerChanged(_ change: DocumentController.Change) {
        guard !isClosed else { return }
        switch change {
        case .edited, .replaced:
            let survey = controller.survey
            let visible = visibleSectionID
            for slot in slots {
                guard let section = slot.section else {
                    if slot.kind?.countsInSidebar == true { modelTitleRefresh.request() }
                    continue
                }
                if section.id == visible || section.followsWhileHidden {
                    staleSections.remove(section.id)
                    section.show(survey)
                } else {
                    staleSections.insert(section.id)
                }
            }
            updateSectionTitles()
        case .saved:
            break
        }
        updateTitle()
    }

    /// The header bar's title line, as shown.
    package var headerTitle: String { Widgets.text(ofLabel: titleLabel) }
    /// The header bar's second line, as shown.
    package var headerSubtitle: String { Widgets.text(ofLabel: subtitleLabel) }

    private var shownTitle: WindowTitle?

    private func updateTitle() {
        let title = WindowTitle(survey: survey, fileURL: fileURL, unsaved: controller.isDirty)
        // Most edits leave the title as it is: nothing is set again then.
        guard title != shownTitle else { return }
        shownTitle = title
        Widgets.setText(titleLabel, title.title)
        Widgets.setText(subtitleLabel, title.subtitle)
        gtk_widget_set_tooltip_text(titleLabel, title.title)
        gtk_window_set_title(window.window, title.windowTitle)
    }

    // MARK: Showing and frames

    package func present() {
        gtk_window_present(window.window)
    }

    /// Calls `body` once, after the next frame has been painted (from an idle callback, so it may
    /// snapshot or change the widget tree). Before the window is shown, that is its first frame.
    package func onNextFrame(_ body: @escaping @MainActor () -> Void) {
        frameWaiters.append(body)
        gtk_widget_queue_draw(window)
    }

    /// Counts frames from the window's frame clock, which exists once the window is realized.
    private func connectFrameClock() {
        guard !frameClockConnected, let clock = gtk_widget_get_frame_clock(window) else { return }
        frameClockConnected = true
        Signals.connect(clock, "after-paint") { [weak self] in self?.frameDidPaint() }
    }

    private func frameDidPaint() {
        framesDrawn += 1
        let waiters = frameWaiters
        frameWaiters = []
        for waiter in waiters { MainLoop.once(waiter) }
    }
}

/// One page of the window's stack: its section once built, and the box it goes into (for a
/// section added built, its own widget).
@MainActor
private final class SectionSlot {
    let id: String
    let kind: SectionKind?
    let page: UnsafeMutablePointer<GtkWidget>
    var section: (any WindowSection)?

    init(id: String, kind: SectionKind?, page: UnsafeMutablePointer<GtkWidget>) {
        self.id = id
        self.kind = kind
        self.page = page
    }
}
