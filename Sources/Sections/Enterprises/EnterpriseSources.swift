import CGtk
import Model
import GtkKit
import Rendering

/// Where the survey looked for an enterprise's information and where it found it (one pair of
/// check boxes per channel), and the links to what was found (open in the browser: http and https
/// only).
@MainActor
package final class EnterpriseSources {
    package let widget: UnsafeMutablePointer<GtkWidget>
    /// Called with the new channels searched, channels found at and links, and an undo label.
    package var onChange: ((_ searched: [Channel], _ found: [Channel], _ urls: [String], _ label: String) -> Void)?

    private var searchedBoxes: [Channel: CheckBox] = [:]
    private var foundBoxes: [Channel: CheckBox] = [:]
    private let linksBox: UnsafeMutablePointer<GtkWidget>
    private var linkEntries: [CommitEntry] = []
    package let newLink = CommitEntry(placeholder: "https://…", check: .link)
    private var searched: [Channel] = []
    private var found: [Channel] = []
    private var urls: [String] = []
    private var shownID: String?

    package init() {
        widget = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 6)
        linksBox = Widgets.box(GTK_ORIENTATION_VERTICAL, spacing: 4)
        let grid: UnsafeMutablePointer<GtkWidget> = gtk_grid_new()
        gtk_grid_set_column_spacing(grid.cast(), 18)
        gtk_grid_set_row_spacing(grid.cast(), 2)
        gtk_grid_attach(grid.cast(), Widgets.label(tr("Channel"), classes: ["gk-field-label"]), 0, 0, 1, 1)
        gtk_grid_attach(grid.cast(), Widgets.label(tr("Searched"), classes: ["gk-field-label"], xalign: 0.5), 1, 0, 1, 1)
        gtk_grid_attach(grid.cast(), Widgets.label(tr("Information found"), classes: ["gk-field-label"], xalign: 0.5), 2, 0, 1, 1)
        for (i, channel) in Channel.allCases.enumerated() {
            let row = Int32(i + 1)
            let name = Widgets.label(channel.label, wrap: true)
            gtk_label_set_max_width_chars(name.opaque, 24)
            gtk_widget_set_hexpand(name, 1)
            gtk_grid_attach(grid.cast(), name, 0, row, 1, 1)
            let s = CheckBox(nil)
            let f = CheckBox(nil)
            gtk_widget_set_halign(s.widget, GTK_ALIGN_CENTER)
            gtk_widget_set_halign(f.widget, GTK_ALIGN_CENTER)
            Events.nameAndTooltip(s.widget, tr("Searched: %1", channel.label))
            Events.nameAndTooltip(f.widget, tr("Information found: %1", channel.label))
            s.onToggle = { [weak self] on in self?.toggle(channel, searched: on) }
            f.onToggle = { [weak self] on in self?.toggle(channel, found: on) }
            searchedBoxes[channel] = s
            foundBoxes[channel] = f
            gtk_grid_attach(grid.cast(), s.widget, 1, row, 1, 1)
            gtk_grid_attach(grid.cast(), f.widget, 2, row, 1, 1)
        }
        let addRow = Widgets.box(GTK_ORIENTATION_HORIZONTAL, spacing: 6)
        Events.setAccessibleLabel(newLink.widget, tr("New link"))
        newLink.onCommit = { [weak self] text in self?.addLink(text) ?? false }
        let add = FormParts.button(tr("Add link")) { [weak self] in self?.newLink.commit() }
        Widgets.append(addRow, newLink.widget, add)
        Widgets.append(widget, grid, Widgets.label(tr("Links"), classes: ["gk-field-label"]), linksBox, addRow)
    }

    package var fields: [any CommittingField] { linkEntries + [newLink] }

    package func show(_ e: Enterprise) {
        let force = e.id != shownID
        shownID = e.id
        searched = e.channelsSearched
        found = e.foundAt
        for c in Channel.allCases {
            searchedBoxes[c]?.isActive = searched.contains(c)
            foundBoxes[c]?.isActive = found.contains(c)
        }
        if e.urls.count != linkEntries.count || force {
            rebuildLinks(count: e.urls.count)
        }
        urls = e.urls
        for (entry, url) in zip(linkEntries, e.urls) { entry.show(url, force: force) }
        if force { newLink.show("", force: true) }
    }

    private func toggle(_ channel: Channel, searched on: Bool) {
        var s = Set(searched)
        if on { s.insert(channel) } else { s.remove(channel) }
        onChange?(Channel.allCases.filter(s.contains), found, urls, tr("Edit %1", tr("Channels searched")))
    }

    private func toggle(_ channel: Channel, found on: Bool) {
        var f = Set(found)
        var s = Set(searched)
        if on {
            f.insert(channel)
            s.insert(channel)  // found there, so it was searched
        } else {
            f.remove(channel)
        }
        onChange?(Channel.allCases.filter(s.contains), Channel.allCases.filter(f.contains), urls, tr("Edit %1", tr("Found at")))
    }

    private func rebuildLinks(count: Int) {
        FormParts.clear(linksBox)
        linkEntries = []
        for index in 0..<count {
            let entry = CommitEntry(check: .link)
            Events.setAccessibleLabel(entry.widget, tr("Link %1", index + 1))
            entry.onCommit = { [weak self] text in self?.editLink(index, text) ?? false }
            linkEntries.append(entry)
            let row = Widgets.box(GTK_ORIENTATION_HORIZONTAL, spacing: 4)
            let open = FormParts.iconButton("web-browser-symbolic", tooltip: tr("Open in the browser")) { [weak self, weak entry] in
                guard let self, let entry else { return }
                if !WebLink.open(entry.text, from: self.widget) { entry.markInvalid(tr("Only http and https links can be opened.")) }
            }
            let remove = FormParts.iconButton("list-remove-symbolic", tooltip: tr("Remove link")) { [weak self] in
                self?.removeLink(index)
            }
            Widgets.append(row, entry.widget, open, remove)
            Widgets.append(linksBox, row)
        }
    }

    private func addLink(_ text: String) -> Bool {
        guard let link = FormParts.optional(text) else { return true }
        guard WebLink.isOpenable(link) else { return false }
        onChange?(searched, found, urls + [link], tr("Add link"))
        newLink.show("", force: true)
        return true
    }

    private func editLink(_ index: Int, _ text: String) -> Bool {
        guard urls.indices.contains(index) else { return true }
        guard let link = FormParts.optional(text) else { removeLink(index); return true }
        guard WebLink.isOpenable(link) else { return false }
        var new = urls
        new[index] = link
        onChange?(searched, found, new, tr("Edit link"))
        return true
    }

    private func removeLink(_ index: Int) {
        guard urls.indices.contains(index) else { return }
        var new = urls
        new.remove(at: index)
        onChange?(searched, found, new, tr("Remove link"))
    }
}
