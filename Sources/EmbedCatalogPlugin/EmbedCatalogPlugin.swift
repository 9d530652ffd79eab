import Foundation
import PackagePlugin

/// Builds the catalog into the binary: at every build, the `EmbedCatalog`
/// tool writes `EmbeddedCatalog.swift` from the package's `catalog/` (its
/// areas, step template, calendar and the vendors' spec sheets), so the
/// repository holds the catalog once and the built-in copy cannot drift
/// from it.
@main struct EmbedCatalogPlugin: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let catalog = context.package.directoryURL.appending(path: "catalog")
    let vendors = catalog.appending(path: "vendors")
    let sheets = try FileManager.default.contentsOfDirectory(atPath: vendors.path)
      .filter { $0.hasSuffix(".xml") && !$0.hasPrefix(".") }
      .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
      .map { "vendors/" + $0 }
    let files = ["areas.xml", "steps.xml", "calendar.xml"] + sheets
    let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedCatalog.swift")
    return [
      .buildCommand(
        displayName: "Embedding the catalog",
        executable: try context.tool(named: "EmbedCatalog").url,
        arguments: [catalog.path, output.path],
        // The folder too: the tool lists it itself, so a sheet added or
        // removed is seen even when this list is not made again.
        inputFiles: files.map { catalog.appending(path: $0) } + [vendors],
        outputFiles: [output])
    ]
  }
}
