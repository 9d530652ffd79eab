import ArgumentParser
import Foundation
import MigrationPlanning

/// Writing to the standard streams, and the exit codes of sysexits.h.
enum Output {
  static let dataError: Int32 = 65
  static let noInput: Int32 = 66

  static func standardOutput(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }

  static func standardError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }

  /// Prints every diagnostic, sorted, to standard error.
  static func report(_ diagnostics: DiagnosticCollector) {
    let text = diagnostics.sorted.map { $0.description + "\n" }.joined()
    standardError(text)
  }

  /// Loads the inputs or ends the command with the right exit code.
  static func loadInputs(_ options: InputOptions, diagnostics: DiagnosticCollector) throws
    -> PlanInputs
  {
    let loaded: PlanInputs?
    do {
      loaded = try InputStage.load(
        catalogDirectory: options.catalog, planDirectory: options.plan, diagnostics: diagnostics)
    } catch {
      diagnostics.emit(error.diagnostic)
      report(diagnostics)
      throw ExitCode(error.kind == .missing ? noInput : dataError)
    }
    guard let inputs = loaded else {
      report(diagnostics)
      throw ExitCode(dataError)
    }
    return inputs
  }
}

extension Output {
  /// Schedules the plan, or ends the command (exit 65) with the diagnostics.
  /// Warnings are printed either way.
  static func schedule(_ inputs: PlanInputs, diagnostics: DiagnosticCollector) throws
    -> MigrationSchedule
  {
    let scheduler = MigrationScheduler(
      catalog: inputs.catalog, plan: inputs.plan, vendors: inputs.vendors)
    let schedule = scheduler.schedule(diagnostics: diagnostics)
    report(diagnostics)
    guard let schedule, !diagnostics.hasErrors else { throw ExitCode(dataError) }
    return schedule
  }
}
