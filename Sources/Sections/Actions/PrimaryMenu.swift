import CGtk
import Model
import Foundation
import GtkKit
import Rendering

/// The header bar's primary menu: New, New from this one, Open, Recent ▸, Save, Save As, Export, Keyboard Shortcuts, About,
/// Quit. The Recent submenu follows the recent-files list.
@MainActor
package final class PrimaryMenu {
    package let model = MenuModel()
    private let recentMenu = MenuModel()
    private let recent: RecentFiles

    package init(recent: RecentFiles) {
        self.recent = recent
        let files = MenuModel()
        files.append(tr("_New Survey…"), action: "win.new")
        files.append(tr("New Survey from _This One…"), action: "win.new-from-this")
        files.append(tr("_Open…"), action: "win.open")
        files.appendSubmenu(tr("Open _Recent"), recentMenu)
        let saving = MenuModel()
        saving.append(tr("_Save"), action: "win.save")
        saving.append(tr("Save _As…"), action: "win.save-as")
        saving.append(tr("_Export Tables…"), action: "win.export")
        saving.append(tr("Survey _Details…"), action: "win.survey-details")
        let help = MenuModel()
        help.append(tr("_Keyboard Shortcuts"), action: "app.shortcuts")
        help.append(tr("_About Gongkai"), action: "app.about")
        let quit = MenuModel()
        quit.append(tr("_Quit"), action: "app.quit")
        for section in [files, saving, TeamActions.menuSection(), help, quit] { model.appendSection(section) }
        recent.onChange { [weak self] in self?.updateRecent() }
        updateRecent()
    }

    /// The files the Recent submenu lists, in order.
    package private(set) var recentFiles: [URL] = []

    private func updateRecent() {
        recentFiles = recent.surveys()
        recentMenu.removeAll()
        guard !recentFiles.isEmpty else {
            recentMenu.append(tr("No recent surveys"), action: nil)
            return
        }
        let home = FileManager.default.homeDirectoryForCurrentUser.path
        for url in recentFiles {
            var folder = url.deletingLastPathComponent().path
            if folder.hasPrefix(home) { folder = "~" + folder.dropFirst(home.count) }
            // Underscores in file names are not mnemonics.
            let label = "\(url.lastPathComponent)  —  \(folder)".replacingOccurrences(of: "_", with: "__")
            recentMenu.append(label, action: "win.open-recent", target: url.path)
        }
    }
}
