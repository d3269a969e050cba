#!/usr/bin/env python3
"""Splits Gongkai's App target into targets whose layering the compiler enforces (issue 12).

Run at the root of a clean checkout (nothing uncommitted), on the branch to change:

    python3 /work/wt/split/split.py            # moves, rewrites, prints a summary
    python3 /work/wt/split/split.py --check    # only prints where each file would go

Targets (each may use the ones before it; Model and the C modules under all of them):

    GtkKit      Sources/GtkKit     Interop, the reusable widgets and dialogs (Widgets, ChoiceDialog,
                                   DialogShell, OpenDialogs, FileChooser), Stopwatch, the user's
                                   preferences and folders (AuthorName reads GLib)
    Rendering   Sources/Rendering  chart drawing and the table exports (XLSX, CSV, …): no window
    Commands    Sources/Commands   the command line's subcommands (no window code)
    Sections    Sources/Sections   the window: its sections, actions, document, dialogs
    Bench       Sources/Bench      every benchmark and `gongkai bench`
    gongkai     Sources/gongkai    main.swift and the root command (`GongkaiCommand`, `OpenCommand`):
                                   the executable tying them together

What it does, mechanically:
 1. git mv's every file of Sources/App to its target (folders kept below the target: Sources/Sections/Matrix/…);
    files of Charts/ and Export/ are split by what they use (GTK widgets → Sections, else Rendering);
    *Bench.swift → Bench. A file it does not know is placed by those rules and listed.
 2. writes Package.swift's targets (the executable product keeps its name `gongkai`);
 3. adds `package` to every declaration without an explicit access modifier that another target may
    need: top-level declarations and members of types and extensions (not locals, protocol
    requirements, enum cases, deinit, extensions themselves, or members of private types/extensions);
    `internal` becomes `package`;
 4. points the tests (`@testable import App`), the localisation test, packaging/update-pot.sh,
    resources/po/POTFILES and README's source table at the new folders, and ResourceLocator at the
    window's resource bundle (`Gongkai_Sections.resources`).
Nothing is committed: review `git status`, build, test, then commit.
"""
import os
import re
import subprocess
import sys

CHECK = '--check' in sys.argv

KIT_FILES = {
    'Window/Widgets.swift', 'Window/WrapLayout.swift', 'Dialogs/ChoiceDialog.swift', 'Dialogs/DialogShell.swift', 'Dialogs/OpenDialogs.swift',
    'Dialogs/FileChooser.swift', 'CLI/Stopwatch.swift', 'Team/Preferences.swift', 'Document/UserFolder.swift',
}
EXECUTABLE_FILES = {'main.swift': 'main.swift', 'CLI/GongkaiCommand.swift': 'GongkaiCommand.swift'}
BENCH_FILES = {'CLI/BenchCommand.swift', 'CLI/ProcessMemory.swift'}
# Files of Charts/ and Export/ that are window code (the rest draws or writes with no window).
WINDOW_IN_RENDERING_FOLDERS = {
    'Charts/ChartsSection.swift', 'Charts/ChartGallery.swift', 'Charts/ChartView.swift', 'Charts/ChartOptionsBar.swift',
    'Charts/ChartDropDown.swift', 'Charts/ChartExportDialog.swift',
    'Export/ExportDialog.swift', 'Export/ExportActions.swift', 'Export/CopyTableButton.swift', 'Export/TableClipboard.swift',
}
WINDOW_CODE = re.compile(r'Widgets\.|Signals\.|DocumentController|WindowSection|gtk_widget|gtk_window|MainWindow|'
                         r'FileChooserService|ActionMap|OpenDialogs|ChoiceDialog|DialogShell|Briefing|KeyboardSection|GtkWidget')
TARGET_DIRS = ['GtkKit', 'Rendering', 'Commands', 'Sections', 'Bench', 'gongkai']


def git(*args, capture=False):
    result = subprocess.run(['git', *args], check=True, text=True, capture_output=capture)
    return result.stdout if capture else None


def place(rel, text):
    """(target, path below the target) for a file of Sources/App, and whether a rule guessed it."""
    folder, _, name = rel.rpartition('/')
    if rel in EXECUTABLE_FILES:
        return 'gongkai', EXECUTABLE_FILES[rel], False
    if rel in KIT_FILES:
        sub = {'Window': 'Widgets', 'Dialogs': 'Dialogs', 'CLI': 'Support', 'Team': 'Settings', 'Document': 'Settings'}[folder]
        return 'GtkKit', f'{sub}/{name}', False
    if rel in BENCH_FILES or name.endswith('Bench.swift'):
        return 'Bench', name, False
    if folder == 'Interop':
        return 'GtkKit', rel, False
    if folder == 'CLI':
        return 'Commands', name, False
    if folder in ('Charts', 'Export'):
        known = rel in WINDOW_IN_RENDERING_FOLDERS or rel in RENDERING_KNOWN
        if rel in WINDOW_IN_RENDERING_FOLDERS or (not known and WINDOW_CODE.search(text)):
            return 'Sections', rel, not known
        return 'Rendering', rel, not known
    return 'Sections', rel, False


RENDERING_KNOWN = set()  # filled from the tree as it is at the time of writing (see main)
RENDERING_AT_WRITING = '''BarRows ChangesChart Chart ChartAxis ChartCanvas ChartData ChartEmptiness ChartExport ChartFileWriter
ChartFindings ChartGeometry ChartKind ChartLegend ChartOptions ChartTheme CoverageChart DisclosurePerYearChart
EnterpriseCompletenessChart ItemRatesChart LabellingChart MatrixChart PhoneOutcomesChart RankingChart SVGTextLayer
StackedColumns SubUnitsChart TileMap TileMapChart TileMapYearsChart TimelineChart'''.split()
EXPORT_AT_WRITING = '''ExportError ExportFile TableExport TableRowStream XLSXCharts XLSXCompression XLSXFormats XLSXLayout
XLSXSheet XLSXWriter'''.split()
RENDERING_KNOWN |= {f'Charts/{n}.swift' for n in RENDERING_AT_WRITING} | {f'Export/{n}.swift' for n in EXPORT_AT_WRITING}


# MARK: access modifiers

ACCESS = {'private', 'fileprivate', 'internal', 'public', 'package', 'open'}
MODIFIERS = ACCESS | {'static', 'final', 'override', 'nonisolated', 'mutating', 'nonmutating', 'lazy', 'weak',
                      'unowned', 'convenience', 'required', 'indirect', 'dynamic', 'optional', 'isolated', 'distributed',
                      'consuming', 'borrowing', 'class'}
TYPE_KEYWORDS = {'class', 'struct', 'enum', 'actor', 'protocol', 'extension'}
DECL_KEYWORDS = {'func', 'var', 'let', 'init', 'subscript', 'typealias', 'class', 'struct', 'enum', 'actor',
                 'protocol', 'extension', 'deinit', 'case', 'associatedtype', 'macro', 'operator', 'precedencegroup'}
ATTRIBUTE = re.compile(r'@[A-Za-z_][\w.]*(?:\((?:[^()]|\([^()]*\))*\))?\s+')
WORD = re.compile(r'[A-Za-z_]\w*(?:\([a-z]+\))?')


def parse_decl(line):
    """(indent+attributes, [(modifier, start, end)], keyword) of a declaration line, or None."""
    i = len(line) - len(line.lstrip())
    while True:
        m = ATTRIBUTE.match(line, i)
        if not m:
            break
        i = m.end()
    head = i
    modifiers = []
    while True:
        m = WORD.match(line, i)
        if not m:
            return None
        word = m.group(0)
        base = word.split('(')[0]
        after = line[m.end():m.end() + 1]
        following = WORD.match(line, m.end() + len(line[m.end():]) - len(line[m.end():].lstrip()))
        if base == 'class' and following and following.group(0) in ('func', 'var', 'let', 'subscript'):
            modifiers.append((word, m.start(), m.end()))
        elif base in DECL_KEYWORDS and (base != 'init' or after in ('(', '?', '!', '<')) and (base not in ('init',) or True):
            if base == 'init' and after not in ('(', '?', '!', '<'):
                return None
            return head, modifiers, base
        elif base in MODIFIERS or word in ('private(set)', 'fileprivate(set)', 'internal(set)', 'package(set)', 'public(set)'):
            modifiers.append((word, m.start(), m.end()))
        else:
            return None
        rest = line[m.end():]
        if not rest[:1].isspace():
            return None
        i = m.end() + len(rest) - len(rest.lstrip())


class Lexer:
    """Finds the braces of a Swift line outside comments and string literals (state across lines)."""

    def __init__(self):
        self.block_comment = 0
        self.multiline = None  # the closing delimiter of an open multi-line string

    def braces(self, line):
        out = []
        i, n = 0, len(line)
        while i < n:
            if self.multiline:
                j = line.find(self.multiline, i)
                if j < 0:
                    return out
                i = j + len(self.multiline)
                self.multiline = None
                continue
            if self.block_comment:
                j_open, j_close = line.find('/*', i), line.find('*/', i)
                if j_close < 0 and j_open < 0:
                    return out
                if j_open >= 0 and (j_close < 0 or j_open < j_close):
                    self.block_comment += 1
                    i = j_open + 2
                else:
                    self.block_comment -= 1
                    i = j_close + 2
                continue
            c = line[i]
            if line.startswith('//', i):
                return out
            if line.startswith('/*', i):
                self.block_comment = 1
                i += 2
                continue
            if c == '#' or c == '"':
                m = re.match(r'(#*)("""|")', line[i:])
                if m:
                    hashes, quote = m.group(1), m.group(2)
                    i += len(m.group(0))
                    if quote == '"""':
                        close = '"""' + hashes
                        j = line.find(close, i)
                        if j < 0:
                            self.multiline = close
                            return out
                        i = j + len(close)
                        continue
                    i = self.skip_string(line, i, hashes)
                    continue
                i += 1
                continue
            if c in '{}':
                out.append((c, i))
            i += 1
        return out

    @staticmethod
    def skip_string(line, i, hashes):
        """Index after the string that starts at i (after its opening quote)."""
        n = len(line)
        while i < n:
            c = line[i]
            if c == '\\' and line.startswith(hashes, i + 1):
                k = i + 1 + len(hashes)
                if k < n and line[k] == '(':
                    depth, k = 1, k + 1
                    while k < n and depth:
                        if line[k] == '(':
                            depth += 1
                        elif line[k] == ')':
                            depth -= 1
                        elif line[k] == '"':
                            k = Lexer.skip_string(line, k + 1, '') - 1
                        k += 1
                    i = k
                    continue
                i = k + 1
                continue
            if c == '"' and line.startswith(hashes, i + 1):
                return i + 1 + len(hashes)
            i += 1
        return n


def add_package(text):
    """The file's text with `package` on the declarations another target may use; and the count."""
    lexer = Lexer()
    stack = []  # 'type' (members get package), 'closed' (members of a private type/extension or protocol), 'code'
    pending = None  # the kind the next '{' opens, after a type or extension declaration
    out, changed = [], 0
    for line in text.split('\n'):
        in_code = lexer.multiline is not None or lexer.block_comment
        level = stack[-1] if stack else 'type'
        stripped = line.strip()
        if not in_code and not stripped.startswith(('//', '#', '/*', '*')) and level in ('type', 'closed'):
            decl = parse_decl(line)
            if decl:
                head, modifiers, keyword = decl
                access = [w for w, _, _ in modifiers if w in ACCESS]
                if keyword in TYPE_KEYWORDS:
                    is_private = any(a in ('private', 'fileprivate') for a in access)
                    pending = 'closed' if (keyword == 'protocol' or is_private or level == 'closed') else 'type'
                if level == 'type' and keyword not in ('extension', 'deinit', 'case', 'associatedtype', 'operator',
                                                        'precedencegroup'):
                    if 'internal' in access:
                        start = next(s for w, s, _ in modifiers if w == 'internal')
                        line = line[:start] + 'package' + line[start + len('internal'):]
                        changed += 1
                    elif not access:
                        line = line[:head] + 'package ' + line[head:]
                        changed += 1
        for brace, _ in lexer.braces(line):
            if brace == '{':
                stack.append(pending or 'code')
                pending = None
            elif stack:
                stack.pop()
        out.append(line)
    return '\n'.join(out), changed


# MARK: initializers

STORED = re.compile(r'^\s*(?:@[A-Za-z_][\w.]*(?:\([^)]*\))?\s+)*((?:(?:package|public|private|fileprivate|internal|'
                    r'nonisolated|weak|unowned)(?:\(set\))?\s+)*)(var|let)\s+([A-Za-z_]\w*)\s*(?::\s*(.*?))?\s*(?:=\s*(.*))?$')


def stored_member(line):
    """(let/var, name, type or None, default or None) of a stored property's line, 'computed' for a
    computed one, None when not understood."""
    m = re.match(r'\s*(?:@[A-Za-z_][\w.]*(?:\([^)]*\))?\s+)*(?:(?:package|public|private|fileprivate|internal|'
                 r'nonisolated|weak|unowned)(?:\(set\))?\s+)*(var|let)\s+([A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)*)\s*', line)
    if not m:
        return None
    rest = re.sub(r'\s*//.*$', '', line[m.end():])
    assign = re.search(r'(?<![=!<>])=(?![=>])', rest)
    brace = rest.find('{')
    if brace >= 0 and (assign is None or brace < assign.start()):
        return 'computed'
    head = rest[:assign.start()] if assign else rest
    default = rest[assign.end():].strip() if assign else None
    type_text = head.strip()[1:].strip() if head.strip().startswith(':') else None
    if head.strip() and type_text is None:
        return None
    return m.group(1), m.group(2), type_text, default


def literal_type(default):
    """The type of a literal default value (the only ones whose type is plain to see)."""
    d = (default or '').strip()
    if d in ('true', 'false'):
        return 'Bool'
    if re.fullmatch(r'-?\d[\d_]*', d):
        return 'Int'
    if re.fullmatch(r'-?\d[\d_]*\.\d+', d):
        return 'Double'
    if re.fullmatch(r'"[^"\\]*"', d):
        return 'String'
    return None


def optional(type_text):
    t = type_text.strip()
    return t.endswith('?') and ('->' not in t or t.endswith(')?'))


def escaping(type_text):
    t = type_text.strip()
    return '->' in t and not optional(t) and not t.startswith('[') and not t.startswith('Optional<')


def add_initializers(text):
    """Adds the initializers another target needs, since Swift synthesizes them `internal` at most:
    `package init() {}` in commands and argument groups (ArgumentParser's requirement), and a package
    memberwise initializer in structs that declare no initializer. Returns the text and the structs done."""
    lexer = Lexer()
    lines = text.split('\n')
    stack = []  # entries: dict(kind, name, members, has_init, parsable, start, wrapper, private)
    pending = None
    inserts = []  # (line index to insert before, text)
    done = []
    for index, line in enumerate(lines):
        in_code = lexer.multiline is not None or lexer.block_comment
        top = stack[-1] if stack else None
        if not in_code and (top is None or top['kind'] != 'code'):
            decl = parse_decl(line)
            if decl:
                head, modifiers, keyword = decl
                if keyword in TYPE_KEYWORDS:
                    m = re.search(r'\b(?:struct|class|enum|actor|protocol|extension)\s+([A-Za-z_][\w.]*)(.*)', line[head:])
                    access = [w for w, _, _ in modifiers if w in ACCESS]
                    pending = dict(kind=keyword, name=m.group(1) if m else '?', members=[], has_init=False,
                                   parsable=bool(m and re.search(r'\bParsable(Command|Arguments)\b|AsyncParsableCommand', m.group(2))),
                                   wrapper=False, private=any(a in ('private', 'fileprivate') for a in access),
                                   static_only=True, start=index)
                elif top is not None and top['kind'] == 'struct':
                    if keyword == 'init':
                        top['has_init'] = True
                    elif keyword in ('var', 'let') and not any(w.split('(')[0] in ('static', 'class', 'lazy') for w, _, _ in modifiers):
                        if re.match(r'\s*@', line) or any(w in ('private', 'fileprivate') for w, _, _ in modifiers):
                            top['wrapper'] = True  # property wrappers, private members: leave the struct as it is
                        member = stored_member(line)
                        if member == 'computed':
                            pass
                        elif member is None:
                            top['wrapper'] = True  # not understood: leave the struct as it is
                        else:
                            kind_, name_, type_, default_ = member
                            names_ = [n.strip() for n in name_.split(',')]
                            if default_ is not None and (default_.count('{') != default_.count('}')
                                                         or default_.count('(') != default_.count(')') or len(names_) > 1):
                                top['wrapper'] = True  # a default spanning lines, or one for several names
                            else:
                                for n_ in names_:
                                    top['members'].append((kind_, n_, type_, default_, line))
                        # else: a computed property (a body), no stored member
        for brace, _ in lexer.braces(line):
            if brace == '{':
                stack.append(pending or dict(kind='code'))
                pending = None
            elif stack:
                closed = stack.pop()
                if (closed['kind'] == 'struct' and not closed['private'] and closed['start'] != index
                        and not (stack and stack[-1]['kind'] == 'code')):
                    indent = ' ' * (len(lines[index]) - len(lines[index].lstrip()) + 4)
                    if closed['parsable']:
                        if not closed['has_init']:
                            inserts.append((index, f'\n{indent}package init() {{}}'))
                            done.append(closed['name'])
                    elif not closed['has_init'] and not closed['wrapper']:
                        params, body = [], []
                        ok = True
                        for kind, name, type_text, default, _ in closed['members']:
                            if kind == 'let' and default is not None:
                                continue
                            t = (type_text or literal_type(default) or '').strip()
                            if not t:
                                ok = False
                                break
                            p = f'{name}: ' + ('@escaping ' if escaping(t) else '') + t
                            if default is not None:
                                p += f' = {default.strip()}'
                            elif kind == 'var' and optional(t):
                                p += ' = nil'
                            params.append(p)
                            body.append(f'self.{name} = {name}')
                        if ok and not params:
                            inserts.append((index, f'\n{indent}package init() {{}}'))
                            done.append(closed['name'])
                        elif ok:
                            inserts.append((index, f'\n{indent}package init({", ".join(params)}) {{\n'
                                                   + ''.join(f'{indent}    {b}\n' for b in body) + f'{indent}}}'))
                            done.append(closed['name'])
    for index, insert in sorted(inserts, reverse=True):
        lines[index:index] = insert.lstrip('\n').split('\n')
    return '\n'.join(lines), done


# MARK: Package.swift

PACKAGE_SWIFT = '''// swift-tools-version:6.0
import PackageDescription

// The App is split so that the compiler enforces its layers (issue 12): each target may use the
// ones above it. `package` declarations are visible across the targets of this package.
let package = Package(
    name: "Gongkai",
    products: [
        .executable(name: "gongkai", targets: ["gongkai"]),
        .library(name: "Model", targets: ["Model"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
    ],
    targets: [
        .systemLibrary(
            name: "CGtk",
            path: "Sources/CGtk",
            pkgConfig: "gtk4",
            providers: [.apt(["libgtk-4-dev"])]
        ),
        .systemLibrary(
            name: "CEpoxy",
            path: "Sources/CEpoxy",
            pkgConfig: "epoxy",
            providers: [.apt(["libepoxy-dev"])]
        ),
        .systemLibrary(
            name: "CXlsxWriter",
            path: "Sources/CXlsxWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        .target(
            name: "Model",
            path: "Sources/Model",
            resources: [
                .copy("../../resources/dataset"),
                .copy("../../resources/po"),
            ]
        ),
        // GTK from Swift (Interop: the only casts and references), reusable widgets and dialogs.
        .target(name: "GtkKit", dependencies: ["Model", "CGtk"], path: "Sources/GtkKit"),
        // Charts drawn with cairo and tables written as XLSX, CSV, …: no window.
        .target(
            name: "Rendering",
            dependencies: ["Model", "GtkKit", "CGtk", "CXlsxWriter", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            path: "Sources/Rendering"
        ),
        // The command line's subcommands: no window code.
        .target(
            name: "Commands",
            dependencies: ["Model", "GtkKit", "Rendering", "CGtk",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Sources/Commands"
        ),
        // The window: its sections, actions, document and dialogs.
        .target(
            name: "Sections",
            dependencies: ["Model", "GtkKit", "Rendering", "CGtk", "CEpoxy"],
            path: "Sources/Sections",
            resources: [
                .copy("../../resources/icons"),
                .copy("../../resources/style"),
            ]
        ),
        // Every benchmark and `gongkai bench`.
        .target(
            name: "Bench",
            dependencies: ["Model", "GtkKit", "Rendering", "Commands", "Sections", "CGtk",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Sources/Bench"
        ),
        // `gongkai`: the root command (the window by default, the subcommands, bench).
        .executableTarget(
            name: "gongkai",
            dependencies: ["Model", "GtkKit", "Rendering", "Commands", "Sections", "Bench", "CGtk",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Sources/gongkai"
        ),
        .testTarget(name: "ModelTests", dependencies: ["Model"], path: "Tests/ModelTests"),
        .testTarget(name: "AppTests", dependencies: ["gongkai", "Bench", "Sections", "Commands", "Rendering", "GtkKit", "Model",
                                                     .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                    path: "Tests/AppTests", exclude: ["atspi_probe.py"]),
    ]
)
'''

MODULE_IMPORTS = {
    'GtkKit': ['GtkKit'],
    'Rendering': ['GtkKit'],
    'Commands': ['GtkKit', 'Rendering'],
    'Sections': ['GtkKit', 'Rendering'],
    'Bench': ['GtkKit', 'Rendering', 'Commands', 'Sections'],
    'gongkai': ['GtkKit', 'Rendering', 'Commands', 'Sections', 'Bench'],
}


def add_imports(text, target):
    """Imports the targets below `target` after the file's last top-of-file import."""
    wanted = [m for m in MODULE_IMPORTS[target] if m != target]
    if not wanted:
        return text
    lines = text.split('\n')
    last = -1
    for i, line in enumerate(lines[:40]):
        if re.match(r'(@testable\s+|@preconcurrency\s+)?import\s+\w+', line):
            last = i
    new = [f'import {m}' for m in wanted if f'import {m}' not in lines]
    lines[last + 1:last + 1] = new
    return '\n'.join(lines)


def main():
    if not os.path.isdir('Sources/App'):
        sys.exit('split.py: no Sources/App here (run it at the root of a checkout that has not been split)')
    if not CHECK and git('status', '--porcelain', capture=True).strip():
        sys.exit('split.py: the checkout has uncommitted changes; commit or stash them first')
    files = sorted(os.path.relpath(os.path.join(d, f), 'Sources/App')
                   for d, _, fs in os.walk('Sources/App') for f in fs)
    moves, guessed = [], []
    for rel in files:
        text = open(os.path.join('Sources/App', rel), encoding='utf-8').read() if rel.endswith('.swift') else ''
        target, sub, guess = place(rel, text)
        moves.append((rel, target, sub))
        if guess:
            guessed.append(f'{rel} -> {target}')
    if CHECK:
        for rel, target, sub in moves:
            print(f'{rel:50} {target}/{sub}')
        for g in guessed:
            print('guessed:', g)
        return

    counts, inits = {}, []
    for rel, target, sub in moves:
        dest = os.path.join('Sources', target, sub)
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        git('mv', os.path.join('Sources/App', rel), dest)
        if dest.endswith('.swift'):
            text = open(dest, encoding='utf-8').read()
            if not dest.endswith('/main.swift'):
                text, n = add_package(text)
                text, structs = add_initializers(text)
                counts[target] = counts.get(target, 0) + n
                inits.extend(structs)
            text = add_imports(text, target)
            open(dest, 'w', encoding='utf-8').write(text)
    open('Package.swift', 'w').write(PACKAGE_SWIFT)

    # Tests: the App module is now six.
    testable = '\n'.join(f'@testable import {m}' for m in ['GtkKit', 'Rendering', 'Commands', 'Sections', 'Bench', 'gongkai'])
    for d, _, fs in os.walk('Tests/AppTests'):
        for f in fs:
            p = os.path.join(d, f)
            text = open(p, encoding='utf-8').read()
            if '@testable import App\n' in text:
                open(p, 'w', encoding='utf-8').write(text.replace('@testable import App\n', testable + '\n'))
    folders = ', '.join(f'"Sources/{t}"' for t in TARGET_DIRS)
    replace_in('Tests/ModelTests/LocalizationTests.swift', '["Sources/App", "Sources/Model"]', f'[{folders}, "Sources/Model"]')
    replace_in('packaging/update-pot.sh', 'Sources/App Sources/Model', ' '.join(f'Sources/{t}' for t in TARGET_DIRS) + ' Sources/Model')
    # POTFILES and README: each old path becomes its new one.
    mapping = {f'Sources/App/{rel}': f'Sources/{target}/{sub}' for rel, target, sub in moves}
    for path in ('resources/po/POTFILES',):
        if os.path.exists(path):
            lines = [mapping.get(line, line) for line in open(path).read().split('\n')]
            body = sorted(l for l in lines if l)
            open(path, 'w').write('\n'.join(body) + '\n')
    readme_folders = {}
    for rel, target, sub in moves:
        folder = rel.split('/')[0] if '/' in rel else ''
        if target == 'Bench' or sub.startswith('Support/'):
            continue  # listed in a row of their own
        readme_folders.setdefault(folder, set()).add(f'Sources/{target}/' + (sub.split('/')[0] + '/' if '/' in sub else ''))
    if os.path.exists('README.md'):
        text = open('README.md', encoding='utf-8').read()
        for folder, dests in readme_folders.items():
            if folder:
                text = text.replace(f'`Sources/App/{folder}/`', ' '.join(f'`{d}`' for d in sorted(dests)))
        text = text.replace('Sources/App/CLI/', 'Sources/Commands/')
        if '`Sources/Bench/`' not in text:
            lines = text.split('\n')
            for i, line in enumerate(lines):
                if line.startswith('| `Sources/Commands/`'):
                    lines.insert(i + 1, '| `Sources/Bench/` | Every benchmark (`gongkai bench`, `gongkai chart --bench`): window, matrix, '
                                        'enterprises, charts, team |')
                    break
            text = '\n'.join(lines)
        open('README.md', 'w', encoding='utf-8').write(text)
    # The window's resources (icons, style) are now the Sections target's bundle.
    for path in ('Sources/Model/Resources/ResourceLocator.swift', 'Tests/ModelTests/ResourceLocatorTests.swift'):
        replace_in(path, 'Gongkai_App.resources', 'Gongkai_Sections.resources')
    for path in ('Sources/gongkai/GongkaiCommand.swift',):
        replace_in(path, 'Sources/App/CLI/', 'Sources/Commands/')
    for folder, _, _ in sorted(os.walk('Sources/App'), reverse=True):  # the emptied folders, deepest first
        if not os.listdir(folder):
            os.rmdir(folder)

    print('moved', len(moves), 'files:', ', '.join(f'{t} {sum(1 for _, x, _ in moves if x == t)}' for t in TARGET_DIRS))
    print('package added:', ', '.join(f'{t} {n}' for t, n in sorted(counts.items())))
    print('package initializers written in', len(inits), 'structs')
    for g in guessed:
        print('placed by rule (check):', g)
    print('next: swift build --build-tests, the tests, `make pot` (the .po references), then commit')


def replace_in(path, old, new):
    if not os.path.exists(path):
        return
    text = open(path, encoding='utf-8').read()
    if old in text:
        open(path, 'w', encoding='utf-8').write(text.replace(old, new))


if __name__ == '__main__':
    main()
