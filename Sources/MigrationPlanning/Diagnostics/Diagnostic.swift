/// Where a problem is: a file, and a 1-based line and column (0 when unknown).
public struct SourceLocation: Hashable, Sendable, Comparable {
  public var file: String
  public var line: Int
  public var column: Int

  public init(file: String, line: Int = 0, column: Int = 0) {
    self.file = file
    self.line = line
    self.column = column
  }

  public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
    (a.file, a.line, a.column) < (b.file, b.line, b.column)
  }

  /// `file:line:column`, leaving out what is unknown.
  public var description: String {
    if line <= 0 { return file }
    if column <= 0 { return "\(file):\(line)" }
    return "\(file):\(line):\(column)"
  }
}

/// One problem found in the input, as a value: a severity, a stable id that
/// tests and users can refer to, a message and a location.
public struct Diagnostic: Hashable, Sendable {
  public enum Severity: String, Sendable, Comparable {
    case note, warning, error

    private var rank: Int {
      switch self {
      case .note: 0
      case .warning: 1
      case .error: 2
      }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
  }

  public var severity: Severity
  public var id: String
  public var message: String
  public var location: SourceLocation

  public init(_ severity: Severity, _ id: String, _ message: String, at location: SourceLocation) {
    self.severity = severity
    self.id = id
    self.message = message
    self.location = location
  }

  /// `path:line:column: error: message [id]`
  public var description: String {
    "\(location.description): \(severity.rawValue): \(message) [\(id)]"
  }
}

/// Collects every recoverable problem of a run; passed explicitly to each
/// stage (no global state). Only fatal problems throw.
public final class DiagnosticCollector {
  public private(set) var diagnostics: [Diagnostic] = []

  public init() {}

  public func emit(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

  public func error(_ id: String, _ message: String, at location: SourceLocation) {
    emit(Diagnostic(.error, id, message, at: location))
  }

  public func warning(_ id: String, _ message: String, at location: SourceLocation) {
    emit(Diagnostic(.warning, id, message, at: location))
  }

  public var errorCount: Int { diagnostics.count { $0.severity == .error } }
  public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
  public var hasErrors: Bool { errorCount > 0 }

  /// Diagnostics in a stable order: by file, line, column, then id.
  public var sorted: [Diagnostic] {
    diagnostics.enumerated().sorted { a, b in
      if a.element.location != b.element.location {
        return a.element.location < b.element.location
      }
      if a.element.id != b.element.id { return a.element.id < b.element.id }
      return a.offset < b.offset
    }.map(\.element)
  }
}

/// A problem that stops a stage: the input could not be read at all.
public struct InputFailure: Error, Sendable {
  public enum Kind: Sendable {
    /// A file or directory that should be there is not (exit 66).
    case missing
    /// The data is bad (exit 65).
    case invalid
  }

  public var kind: Kind
  public var diagnostic: Diagnostic

  public init(_ kind: Kind, _ diagnostic: Diagnostic) {
    self.kind = kind
    self.diagnostic = diagnostic
  }
}

/// A problem that stops a command while it writes: nothing was written, or
/// the file it replaces is untouched (exit 73, or 70 when `internal`).
public struct OutputFailure: Error, Sendable {
  public enum Kind: Sendable {
    /// The output cannot be created or replaced (exit 73).
    case cannotCreate
    /// migplan produced something it cannot read back: a bug (exit 70).
    case `internal`
  }

  public var kind: Kind
  public var diagnostic: Diagnostic

  public init(_ kind: Kind, _ diagnostic: Diagnostic) {
    self.kind = kind
    self.diagnostic = diagnostic
  }

  /// An output that cannot be written, with the id `output-unwritable`.
  static func unwritable(_ path: String, _ message: String) -> OutputFailure {
    OutputFailure(
      .cannotCreate,
      Diagnostic(.error, "output-unwritable", message, at: SourceLocation(file: path)))
  }
}
