// swift-tools-version:6.0
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
