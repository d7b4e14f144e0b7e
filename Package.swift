// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "sms-report",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "sms-report", targets: ["sms-report"]),
        .executable(name: "sms-api-sim", targets: ["sms-api-sim"]),
        .library(name: "SMSReport", targets: ["SMSReport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        /// libxlsxwriter, the C library behind the XLSX renderer (Debian: libxlsxwriter-dev).
        .systemLibrary(
            name: "CXlsxWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        /// All of the tool's logic: snapshot reading, normalisation, aggregation and rendering.
        .target(
            name: "SMSReport",
            dependencies: [
                "CXlsxWriter",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOTLS", package: "swift-nio"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        /// Seeded synthetic worlds of API rows, for the bundled samples and the benchmarks.
        .target(
            name: "SMSWorld",
            dependencies: [
                "SMSReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        /// A faithful simulator of the gateway's API, serving a seeded world (tests, demo, benchmarks).
        .target(
            name: "SMSSimulator",
            dependencies: [
                "SMSWorld",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        /// Runs the API simulator on loopback.
        .executableTarget(
            name: "sms-api-sim",
            dependencies: [
                "SMSSimulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        /// The command-line tool: argument parsing and exit codes only.
        .executableTarget(
            name: "sms-report",
            dependencies: [
                "SMSReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        /// Writes a synthetic snapshot folder (samples, benchmarks).
        .executableTarget(
            name: "sms-sample",
            dependencies: [
                "SMSWorld",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "SMSReportTests",
            dependencies: [
                "SMSReport", "SMSWorld",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
        ),
        .testTarget(
            name: "SMSSimulatorTests",
            dependencies: [
                "SMSSimulator",
                "SMSWorld",
                "SMSReport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "SMSWorldTests",
            dependencies: ["SMSWorld", "SMSReport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
