import ArgumentParser
import MigrationPlanning

/// The one place where the command line turns failures into messages and
/// exit codes (sysexits.h, docs/reference/diagnostics.md):
///
/// | code | meaning |
/// |---|---|
/// | 64 | bad usage: an option's value does not make sense |
/// | 65 | errors in the data (with `check --strict`, warnings too) |
/// | 66 | a file or directory that should be there is not |
/// | 70 | an internal error: migplan's fault |
/// | 73 | an output that cannot be written |
/// | 75 | another migplan is writing the plan: try again (`--wait`) |
///
/// A failure reaches the user after the diagnostics met before it: as a
/// diagnostic line (`file:line:column: error: message [id]`) when it is
/// about an input or an output; as `error: message [usage]` when it is about the
/// command line (usage, 64); as `file: message` when a command says what
/// it did not do (`refused`).
enum Exit {
  static let usage: Int32 = 64
  static let dataError: Int32 = 65
  static let noInput: Int32 = 66
  static let software: Int32 = 70
  static let cannotCreate: Int32 = 73
  static let temporaryFailure: Int32 = 75

  /// Reports `diagnostics` and the refusal to re-plan, and ends with 64:
  /// the command line asked for a day the plan has passed.
  static func refused(_ refusal: Replanning.Refusal, diagnostics: DiagnosticCollector)
    -> ExitCode
  {
    diagnostics.emit(refusal.diagnostic)
    Output.report(diagnostics)
    return ExitCode(usage)
  }

  /// Reports `diagnostics` and ends with 65.
  static func dataError(_ diagnostics: DiagnosticCollector) -> ExitCode {
    Output.report(diagnostics)
    return ExitCode(dataError)
  }

  /// 66 for a missing input, 65 for a bad one.
  static func code(for failure: InputFailure) -> Int32 {
    failure.kind == .missing ? noInput : dataError
  }

  /// Reports `diagnostics` and the failure, and ends with 66 (missing) or 65.
  static func failure(_ failure: InputFailure, _ diagnostics: DiagnosticCollector) -> ExitCode {
    diagnostics.emit(failure.diagnostic)
    Output.report(diagnostics)
    return ExitCode(code(for: failure))
  }

  /// Reports the failure, and ends with 73 (or 70 for an internal one).
  static func failure(_ failure: OutputFailure, _ diagnostics: DiagnosticCollector? = nil)
    -> ExitCode
  {
    if failure.kind == .closedPipe { Output.endQuietly() }
    let collector = diagnostics ?? DiagnosticCollector()
    collector.emit(failure.diagnostic)
    Output.report(collector)
    switch failure.kind {
    case .internal: return ExitCode(software)
    case .locked: return ExitCode(temporaryFailure)
    case .cannotCreate, .closedPipe: return ExitCode(cannotCreate)
    }
  }

  /// Reports `diagnostics`, then `error: message` (after `file: ` when the
  /// message is about one, with ` [id]` when it has one), and ends with 64.
  static func usage(
    _ message: String, file: String? = nil, id: DiagnosticKind? = nil,
    diagnostics: DiagnosticCollector? = nil
  ) -> ExitCode {
    if let diagnostics { Output.report(diagnostics) }
    Output.standardError(
      (file.map { $0 + ": " } ?? "") + "error: " + message + " [\((id ?? .usage).id)]\n")
    return ExitCode(usage)
  }

  /// Reports `diagnostics`, then `file: message` (what was not done, in
  /// words), and ends with `code`.
  static func refused(
    _ message: String, file: String, code: Int32, diagnostics: DiagnosticCollector
  ) -> ExitCode {
    Output.report(diagnostics)
    Output.standardError(file + ": " + message + "\n")
    return ExitCode(code)
  }

  /// An output that exists already and may be replaced only with `--force`.
  static func exists(_ path: String, _ message: String) -> ExitCode {
    failure(
      OutputFailure(
        .cannotCreate,
        Diagnostic(.error, .outputExists, message, at: SourceLocation(file: path))))
  }

  /// Runs a loading stage: its result, or the command ends (65 when it
  /// found errors, 66 or 65 when it failed). Diagnostics are reported only
  /// when it ends.
  static func loaded<T>(
    _ diagnostics: DiagnosticCollector, _ stage: () throws(InputFailure) -> T?
  ) throws(ExitCode) -> T {
    let result: T?
    do {
      result = try stage()
    } catch {
      throw failure(error, diagnostics)
    }
    guard let result else { throw dataError(diagnostics) }
    return result
  }

  /// Runs a writing stage, or ends the command (73, or 70).
  static func written(
    _ diagnostics: DiagnosticCollector? = nil, _ stage: () throws(OutputFailure) -> Void
  ) throws(ExitCode) {
    do {
      try stage()
    } catch {
      throw failure(error, diagnostics)
    }
  }
}
