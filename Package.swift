// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Gongkai",
    products: [
        .executable(name: "gongkai", targets: ["App"]),
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
        .executableTarget(
            name: "App",
            dependencies: [
                "Model",
                "CGtk",
                "CEpoxy",
                "CXlsxWriter",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            path: "Sources/App",
            resources: [
                .copy("../../resources/icons"),
                .copy("../../resources/style"),
            ]
        ),
        .testTarget(name: "ModelTests", dependencies: ["Model"], path: "Tests/ModelTests"),
        .testTarget(name: "AppTests", dependencies: ["App", "Model", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                    path: "Tests/AppTests", exclude: ["atspi_probe.py"]),
    ]
)
