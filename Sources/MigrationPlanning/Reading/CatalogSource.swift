/// Where the catalog's files come from: a directory on disk, or the files
/// themselves held in memory (the copy built into the binary), read in
/// place and never written out.
public enum CatalogSource: Sendable, Equatable {
  /// A catalog directory: `areas.xml`, `steps.xml`, `calendar.xml`,
  /// `vendors/*.xml`.
  case directory(String)
  /// The same files held in memory, by their path inside a catalog
  /// (`areas.xml`, `vendors/nec.xml`); `name` stands for the directory in
  /// diagnostics.
  case files(name: String, [CatalogFile])

  /// How diagnostics name `file`, a path inside the catalog.
  public func path(of file: String) -> String {
    switch self {
    case .directory(let directory): directory + "/" + file
    case .files(let name, _): name + "/" + file
    }
  }

  /// The name diagnostics give the catalog itself.
  public var name: String {
    switch self {
    case .directory(let directory): directory
    case .files(let name, _): name
    }
  }

  /// The spec sheets (`vendors/*.xml`) in file-name order; none for a
  /// directory without `vendors/`.
  public var sheets: [Sheet] {
    switch self {
    case .directory(let directory):
      FileCheck.files(in: directory + "/" + InputStage.vendorsFolder, extension: "xml").map {
        Sheet(name: $0, bytes: nil)
      }
    case .files(let name, let files):
      files.filter { Self.isSheet($0.path) }
        .sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        .map { Sheet(name: name + "/" + $0.path, bytes: $0.bytes) }
    }
  }

  /// One spec sheet of the catalog: a file to read, or bytes in memory.
  public struct Sheet: Sendable {
    /// The file's path, or the name diagnostics give the bytes.
    public var name: String
    /// The sheet's bytes when held in memory; nil: read the file `name`.
    public var bytes: [UInt8]?

    /// A sheet on disk at `path`.
    public init(path: String) {
      self.init(name: path, bytes: nil)
    }

    init(name: String, bytes: [UInt8]?) {
      self.name = name
      self.bytes = bytes
    }
  }

  /// The bytes of `file` (a path inside the catalog) when held in memory;
  /// nil for a directory, whose files are read from disk.
  func bytes(of file: String) -> [UInt8]? {
    guard case .files(_, let files) = self else { return nil }
    return files.first(where: { $0.path == file })?.bytes
  }

  /// Whether a path inside the catalog names a spec sheet.
  /// (`vendors/NAME.xml`, as `FileCheck.files(in:extension:)` lists a
  /// directory: no dot file, nothing deeper).
  static func isSheet(_ path: String) -> Bool {
    let name = path.dropFirst(InputStage.vendorsFolder.count + 1)
    return path.hasPrefix(InputStage.vendorsFolder + "/") && path.hasSuffix(".xml")
      && !name.contains("/") && !name.hasPrefix(".")
  }
}

/// One file of a catalog held in memory.
public struct CatalogFile: Sendable, Equatable {
  /// Its path inside the catalog (`areas.xml`, `vendors/nec.xml`).
  public var path: String
  /// Its bytes, as in `catalog/`.
  public var bytes: [UInt8]

  /// The file at `path` holding `bytes`.
  public init(path: String, bytes: [UInt8]) {
    self.path = path
    self.bytes = bytes
  }
}
