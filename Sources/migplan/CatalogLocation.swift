import Foundation
import MigrationPlanning

/// Where the catalog comes from, in the order migplan looks.
struct CatalogLocation {
  enum Source {
    case option, environment, workingDirectory, installed, builtIn
  }

  var path: String
  var source: Source

  /// How `check` names it.
  func description(_ words: ReportWords) -> String {
    switch source {
    case .option, .workingDirectory: path
    case .environment: "\(path) ($MIGPLAN_CATALOG)"
    case .installed: "\(path) (\(words.pick("インストール済み", "installed")))"
    case .builtIn: words.pick("内蔵のカタログ", "the built-in catalog")
    }
  }

  nonisolated(unsafe) static var resolved: [String: CatalogLocation] = [:]

  /// `--catalog`, then `MIGPLAN_CATALOG`, then `./catalog`, then
  /// `PREFIX/share/migplan/catalog` beside `PREFIX/bin/migplan`, then the
  /// copy built into the binary (written out once to a temporary
  /// directory named by its digest, then read like any other).
  static func resolve(_ given: String?) -> CatalogLocation {
    let key = given ?? ""
    if let known = resolved[key] { return known }
    let location = find(given)
    resolved[key] = location
    return location
  }

  static func find(_ given: String?) -> CatalogLocation {
    if let given { return CatalogLocation(path: given, source: .option) }
    if let variable = ProcessInfo.processInfo.environment["MIGPLAN_CATALOG"], !variable.isEmpty {
      return CatalogLocation(path: variable, source: .environment)
    }
    if FileCheck.exists("catalog/areas.xml") {
      return CatalogLocation(path: "catalog", source: .workingDirectory)
    }
    // Beside the binary as invoked (a symbolic link in PREFIX/bin), then
    // beside the file it resolves to.
    let invoked = CommandLine.arguments.first.flatMap { $0.contains("/") ? $0 : nil }
      .map { URL(fileURLWithPath: $0) }
    for binary in [invoked, Bundle.main.executableURL?.resolvingSymlinksInPath()] {
      guard let binary else { continue }
      let installed = binary.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("share/migplan/catalog").path
      if FileCheck.exists(installed + "/areas.xml") {
        return CatalogLocation(path: installed, source: .installed)
      }
    }
    return CatalogLocation(path: writeBuiltIn(), source: .builtIn)
  }

  /// The built-in copy as a directory in this user's private cache
  /// (`$XDG_CACHE_HOME/migplan`, else `~/.cache/migplan`: created 0700,
  /// used only when it is this user's and nobody else may write in it),
  /// written once per digest and checked on every use: every file there,
  /// of its size. A copy that fails the check (a cleaner took a file, a run
  /// died half-way) is written again. Without such a cache (no home), a
  /// private directory made for this run (mkdtemp, 0700) is removed when
  /// the run ends. Never a fixed name in a shared directory.
  static func writeBuiltIn() -> String {
    if let cache = privateCache() {
      let directory = cache + "/catalog-" + EmbeddedCatalog.digest
      if isIntact(directory) { return directory }
      let manager = FileManager.default
      try? manager.removeItem(atPath: directory)
      let staging = directory + ".\(getpid())-" + UUID().uuidString
      if write(into: staging), rename(staging, directory) == 0 || isIntact(directory) {
        try? manager.removeItem(atPath: staging)
        if isIntact(directory) { return directory }
      }
      try? manager.removeItem(atPath: staging)
    }
    var template = Array((NSTemporaryDirectory() + "migplan-catalog-XXXXXX").utf8CString)
    guard let made = mkdtemp(&template) else { return "/nonexistent/migplan-catalog" }
    let directory = String(cString: made)
    runDirectory = directory
    atexit { CatalogLocation.removeRunDirectory() }
    _ = write(into: directory)
    return directory
  }

  /// The directory made for one run, removed at exit.
  nonisolated(unsafe) static var runDirectory: String?

  /// Removes the directory made for this run, if any.
  static func removeRunDirectory() {
    if let directory = runDirectory {
      runDirectory = nil
      try? FileManager.default.removeItem(atPath: directory)
    }
  }

  /// Writes every built-in file under `directory` (created when missing).
  static func write(into directory: String) -> Bool {
    do {
      try FileManager.default.createDirectory(
        atPath: directory + "/" + InputStage.vendorsFolder, withIntermediateDirectories: true,
        attributes: [.posixPermissions: 0o700])
      for file in EmbeddedCatalog.files {
        try Data(file.text.utf8).write(to: URL(fileURLWithPath: directory + "/" + file.path))
      }
      return true
    } catch {
      return false
    }
  }

  /// This user's cache directory for migplan, made 0700 when missing; nil
  /// when there is none that is private.
  static func privateCache() -> String? {
    let environment = ProcessInfo.processInfo.environment
    let base: String
    if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
      base = xdg
    } else if let home = environment["HOME"], home.hasPrefix("/") {
      base = home + "/.cache"
    } else {
      return nil
    }
    let cache = base + "/migplan"
    if !FileCheck.isDirectory(cache) {
      try? FileManager.default.createDirectory(
        atPath: base, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
      _ = mkdir(cache, 0o700)
    }
    return isPrivate(cache) ? cache : nil
  }

  /// Whether `path` is a directory (not a link) of this user's that nobody
  /// else may write in.
  static func isPrivate(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
      && info.st_uid == geteuid() && info.st_mode & 0o022 == 0
  }

  /// Whether `directory` is private and holds every built-in file, each of
  /// its size.
  static func isIntact(_ directory: String) -> Bool {
    guard isPrivate(directory) else { return false }
    for file in EmbeddedCatalog.files {
      var info = stat()
      guard stat(directory + "/" + file.path, &info) == 0,
        Int(info.st_size) == file.text.utf8.count
      else { return false }
    }
    return true
  }
}
