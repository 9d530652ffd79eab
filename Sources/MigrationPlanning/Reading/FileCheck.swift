#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Checks a path before anything opens it.
public enum FileCheck {
  /// Throws unless `path` is an existing regular file (not a directory, a
  /// device or a FIFO, which could block a read forever).
  static func requireRegularFile(_ path: String) throws(InputFailure) {
    var info = stat()
    guard stat(path, &info) == 0 else {
      throw InputFailure(
        .missing, Diagnostic(.error, .fileMissing, "no such file", at: SourceLocation(file: path))
      )
    }
    let kind = info.st_mode & S_IFMT
    if kind == S_IFDIR {
      throw InputFailure(
        .invalid,
        Diagnostic(
          .error, .fileIsDirectory, "is a directory, not a file",
          at: SourceLocation(file: path)))
    }
    guard kind == S_IFREG else {
      throw InputFailure(
        .invalid,
        Diagnostic(
          .error, .fileNotRegular, "is not a regular file", at: SourceLocation(file: path)))
    }
  }

  /// Whether `path` is an existing directory.
  public static func isDirectory(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
  }

  /// Whether anything exists at `path`.
  public static func exists(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0
  }
}

extension StringProtocol {
  /// The string without leading and trailing white space (spaces, tabs, line
  /// ends, and the ideographic space U+3000).
  func trimmingWhitespace() -> String {
    let isSpace: (Character) -> Bool = { $0.isWhitespace }
    guard let start = firstIndex(where: { !isSpace($0) }),
      let end = lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(self[start...end])
  }
}

extension FileCheck {
  /// Regular files of a directory with an extension, sorted by name (bytes).
  public static func files(in directory: String, extension suffix: String) -> [String] {
    guard let handle = opendir(directory) else { return [] }
    defer { closedir(handle) }
    var names: [String] = []
    while let entry = readdir(handle) {
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      if name.hasSuffix("." + suffix) && !name.hasPrefix(".") { names.append(name) }
    }
    return names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }.map {
      directory + "/" + $0
    }
  }
}

extension FileCheck {
  /// The bytes of a regular file of at most `limit` bytes: nil (with a
  /// `file-too-large` diagnostic) when it is larger.
  public static func readBounded(_ path: String, limit: Int, diagnostics: DiagnosticCollector)
    throws(InputFailure) -> [UInt8]?
  {
    try requireRegularFile(path)
    guard let file = fopen(path, "rb") else {
      throw InputFailure(
        .missing,
        Diagnostic(.error, .fileUnreadable, "cannot open file", at: SourceLocation(file: path)))
    }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = fread(&chunk, 1, chunk.count, file)
      if count == 0 { break }
      bytes.append(contentsOf: chunk[0..<count])
      if bytes.count > limit {
        diagnostics.error(
          .fileTooLarge, "file is larger than \(limit >> 20) MB", at: SourceLocation(file: path))
        return nil
      }
    }
    return bytes
  }
}
