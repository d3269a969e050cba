import CGtk
import Foundation
import Model

/// What a file chooser is asked: to open a file, to name a file to save, or to pick a folder.
package struct FileChooserRequest: Equatable {
    package enum Action: Equatable { case open, save, folder }

    /// A file filter: its name and glob patterns ("*.csv").
    package struct Filter: Equatable {
        package var name: String
        package var patterns: [String]
        package init(name: String, patterns: [String]) {
            self.name = name
            self.patterns = patterns
        }
    }

    /// A choice the chooser shows beside the files (GTK's `gtk_file_chooser_add_choice`): one of
    /// `options` (id and label), `selected` first.
    package struct Choice: Equatable {
        package var id: String
        package var label: String
        package var options: [(id: String, label: String)]
        package var selected: String

        package static func == (a: Choice, b: Choice) -> Bool {
            a.id == b.id && a.label == b.label && a.selected == b.selected
                && a.options.map(\.id) == b.options.map(\.id) && a.options.map(\.label) == b.options.map(\.label)
        }
        package init(id: String, label: String, options: [(id: String, label: String)], selected: String) {
            self.id = id
            self.label = label
            self.options = options
            self.selected = selected
        }
    }

    package var action: Action
    package var title: String
    /// The accept button's label (with a mnemonic).
    package var accept: String
    /// The file name the save chooser starts with.
    package var suggestedName: String? = nil
    /// The folder the chooser starts in.
    package var folder: URL? = nil
    /// Filters, the first one selected.
    package var filters: [Filter] = []
    package var choices: [Choice] = []
    package init(action: Action, title: String, accept: String, suggestedName: String? = nil, folder: URL? = nil, filters: [Filter] = [], choices: [Choice] = []) {
        self.action = action
        self.title = title
        self.accept = accept
        self.suggestedName = suggestedName
        self.folder = folder
        self.filters = filters
        self.choices = choices
    }
}

/// The user's answer: the file or folder, the filter selected (an index of the request's
/// filters) and the option chosen of each choice.
package struct FileChooserAnswer: Equatable {
    package var url: URL
    package var filter: Int?
    package var choices: [String: String]

    package init(_ url: URL, filter: Int? = nil, choices: [String: String] = [:]) {
        self.url = url
        self.filter = filter
        self.choices = choices
    }
}

/// Every file chooser of the app (open, save, export, import): the desktop's chooser
/// (`GtkFileChooserNative`: the portal's dialog in a sandbox, GTK's own otherwise; GTK 4.8 has no
/// `GtkFileDialog`). Tests set `scripted`, which then answers every request without a dialog.
@MainActor
package enum FileChooserService {
    package typealias Done = @MainActor (FileChooserAnswer?) -> Void

    /// Answers requests instead of the desktop's chooser (nil answer: the user cancels). For tests.
    package static var scripted: (@MainActor (FileChooserRequest) -> FileChooserAnswer?)?

    /// Asks the user (or `scripted`) and calls `done` with the answer, nil when cancelled.
    package static func choose(_ request: FileChooserRequest, parent: UnsafeMutablePointer<GtkWidget>?, _ done: @escaping Done) {
        if let scripted { return done(scripted(request)) }
        let action: GtkFileChooserAction = switch request.action {
        case .open: GTK_FILE_CHOOSER_ACTION_OPEN
        case .save: GTK_FILE_CHOOSER_ACTION_SAVE
        case .folder: GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
        }
        let parentWindow = parent.flatMap { gtk_widget_get_root($0) }?.window
        let chooser = gtk_file_chooser_native_new(request.title, parentWindow, action, request.accept, tr("_Cancel"))!.opaque
        var filters: [OpaquePointer] = []
        for filter in request.filters {
            let f = gtk_file_filter_new()!
            gtk_file_filter_set_name(f, filter.name)
            for pattern in filter.patterns { gtk_file_filter_add_pattern(f, pattern) }
            gtk_file_chooser_add_filter(chooser, f)
            filters.append(f)
            unref(f)  // the chooser holds it
        }
        if let first = filters.first { gtk_file_chooser_set_filter(chooser, first) }
        for choice in request.choices {
            withCStringList(choice.options.map(\.id)) { ids in
                withCStringList(choice.options.map(\.label)) { labels in
                    gtk_file_chooser_add_choice(chooser, choice.id, choice.label, UnsafeMutablePointer(mutating: ids),
                                                UnsafeMutablePointer(mutating: labels))
                }
            }
            gtk_file_chooser_set_choice(chooser, choice.id, choice.selected)
        }
        if let name = request.suggestedName, request.action == .save { gtk_file_chooser_set_current_name(chooser, name) }
        if let folder = request.folder {
            let file = GFiles.file(for: folder)
            gtk_file_chooser_set_current_folder(chooser, file, nil)
            unref(file)
        }
        gtk_native_dialog_set_modal(chooser.cast(), 1)
        pending.append(chooser)
        MoreSignals.connect(chooser, "response", withInteger: { response in
            var answer: FileChooserAnswer?
            if response == Int(GTK_RESPONSE_ACCEPT.rawValue), let url = GFiles.takePath(gtk_file_chooser_get_file(chooser)) {
                let chosen = gtk_file_chooser_get_filter(chooser).map { UInt(bitPattern: Int(bitPattern: $0)) }
                let filter = filters.indices.first { chosen == UInt(bitPattern: Int(bitPattern: filters[$0])) }
                var choices: [String: String] = [:]
                for choice in request.choices {
                    choices[choice.id] = String(borrowingGChars: gtk_file_chooser_get_choice(chooser, choice.id)) ?? choice.selected
                }
                answer = FileChooserAnswer(url, filter: filter, choices: choices)
            }
            gtk_native_dialog_destroy(chooser.cast())
            pending.removeAll { $0 == chooser }
            unref(chooser)
            done(answer)
        })
        gtk_native_dialog_show(chooser.cast())
    }

    /// Choosers on screen, kept until they answer.
    private static var pending: [OpaquePointer] = []
}

/// Asking for a survey file to open or a place to save one (`.gongkai` files first).
@MainActor
package struct SurveyFileChooser {
    package static var filters: [FileChooserRequest.Filter] {
        [FileChooserRequest.Filter(name: tr("Gongkai surveys (*.gongkai)"), patterns: ["*.\(SurveyFile.fileExtension)"]),
         FileChooserRequest.Filter(name: tr("All files"), patterns: ["*"])]
    }

    /// Calls `done` with the chosen `.gongkai` file, or nil when the user cancels.
    package func chooseFileToOpen(parent: UnsafeMutablePointer<GtkWidget>, _ done: @escaping @MainActor (URL?) -> Void) {
        let request = FileChooserRequest(action: .open, title: tr("Open Survey"), accept: tr("_Open"), filters: Self.filters)
        FileChooserService.choose(request, parent: parent) { done($0?.url) }
    }

    /// Calls `done` with the path to save to (as typed; Save adds `.gongkai` when it has no extension),
    /// or nil when the user cancels.
    package func chooseSaveLocation(parent: UnsafeMutablePointer<GtkWidget>, suggestedName: String, folder: URL?,
                            _ done: @escaping @MainActor (URL?) -> Void) {
        let request = FileChooserRequest(action: .save, title: tr("Save Survey"), accept: tr("_Save"), suggestedName: suggestedName,
                                         folder: folder, filters: Self.filters)
        FileChooserService.choose(request, parent: parent) { done($0?.url) }
    }
    package init() {}
}
