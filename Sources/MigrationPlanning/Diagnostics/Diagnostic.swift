/// Where a problem is: a file, and a 1-based line and column (0 when unknown).
public struct SourceLocation: Hashable, Sendable, Comparable {
  /// The file's path as given.
  public var file: String
  /// The line, 1-based; 0 when unknown.
  public var line: Int
  /// The column, 1-based; 0 when unknown.
  public var column: Int

  /// A location in `file`.
  public init(file: String, line: Int = 0, column: Int = 0) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// By file, then line, then column.
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
  /// How bad a problem is.
  public enum Severity: String, Sendable, Comparable {
    case note, warning, error

    private var rank: Int {
      switch self {
      case .note: 0
      case .warning: 1
      case .error: 2
      }
    }

    /// Notes before warnings before errors.
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
  }

  /// Note, warning or error.
  public var severity: Severity
  /// Its kind: the stable id, its stage and its docs (`DiagnosticKind`).
  public var kind: DiagnosticKind
  /// The stable id (`unknown-area`): docs/reference/diagnostics.md.
  public var id: String { kind.id }
  /// What is wrong, in words.
  public var message: String
  /// Where.
  public var location: SourceLocation

  /// A diagnostic.
  /// - Precondition: the kind is raised with `severity` (the registry says
  ///   which).
  public init(
    _ severity: Severity, _ kind: DiagnosticKind, _ message: String, at location: SourceLocation
  ) {
    assert(kind.severities.contains(severity), "\(kind) is not raised as \(severity)")
    self.severity = severity
    self.kind = kind
    self.message = message
    self.location = location
  }

  /// `path:line:column: error: message [id]`
  public var description: String {
    Self.visible("\(location.description): \(severity.rawValue): \(message) [\(id)]")
  }

  /// `text` with every control character as a visible escape (`\u{1B}`),
  /// so that input quoted in a message can never move the cursor, retitle
  /// or clear the terminal it is printed on.
  public static func visible(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isControl) else { return text }
    var result = ""
    for scalar in text.unicodeScalars {
      if isControl(scalar) {
        result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// C0 and C1 controls and DEL (TAB included: a diagnostic is one line).
  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
  }
}

/// Collects every recoverable problem of a run; passed explicitly to each
/// stage (no global state). Only fatal problems throw.
public final class DiagnosticCollector {
  /// Every diagnostic emitted, in order.
  public private(set) var diagnostics: [Diagnostic] = []

  /// An empty collector.
  public init() {}

  /// Adds a diagnostic.
  public func emit(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

  /// Adds an error.
  public func error(_ kind: DiagnosticKind, _ message: String, at location: SourceLocation) {
    emit(Diagnostic(.error, kind, message, at: location))
  }

  /// Adds a warning.
  public func warning(_ kind: DiagnosticKind, _ message: String, at location: SourceLocation) {
    emit(Diagnostic(.warning, kind, message, at: location))
  }

  /// The errors emitted.
  public var errorCount: Int { diagnostics.count { $0.severity == .error } }
  /// The warnings emitted.
  public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
  /// Whether any error was emitted.
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
  /// Why the input could not be read.
  public enum Kind: Sendable {
    /// A file or directory that should be there is not (exit 66).
    case missing
    /// The data is bad (exit 65).
    case invalid
  }

  /// Missing or invalid.
  public var kind: Kind
  /// The diagnostic to report.
  public var diagnostic: Diagnostic

  /// A failure of `kind`, reported as `diagnostic`.
  public init(_ kind: Kind, _ diagnostic: Diagnostic) {
    self.kind = kind
    self.diagnostic = diagnostic
  }
}

/// A problem that stops a command while it writes: nothing was written, or
/// the file it replaces is untouched (exit 73, or 70 when `internal`).
public struct OutputFailure: Error, Sendable {
  /// Why the output could not be written.
  public enum Kind: Sendable {
    /// The output cannot be created or replaced (exit 73).
    case cannotCreate
    /// migplan produced something it cannot read back: a bug (exit 70).
    case `internal`
    /// The reader of a pipe went away: end quietly, as a shell tool does.
    case closedPipe
    /// Another migplan holds the plan's lock and did not let go in time
    /// (exit 75).
    case locked
  }

  /// Cannot create, or internal.
  public var kind: Kind
  /// The diagnostic to report.
  public var diagnostic: Diagnostic

  /// A failure of `kind`, reported as `diagnostic`.
  public init(_ kind: Kind, _ diagnostic: Diagnostic) {
    self.kind = kind
    self.diagnostic = diagnostic
  }

  /// An output that cannot be written, with the id `output-unwritable`.
  static func unwritable(_ path: String, _ message: String) -> OutputFailure {
    // An empty name (`-o ""`) is shown as what was typed.
    if path.isEmpty {
      return OutputFailure(
        .cannotCreate,
        Diagnostic(
          .error, .outputUnwritable, "the output's name is empty: give the file to write",
          at: SourceLocation(file: "-o \"\"")))
    }
    return OutputFailure(
      .cannotCreate,
      Diagnostic(.error, .outputUnwritable, message, at: SourceLocation(file: path)))
  }
}
