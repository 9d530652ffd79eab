import ArgumentParser
import Foundation
import MigrationPlanning

/// Writing to the standard streams, and the exit codes of sysexits.h.
enum Output {
  static let usage: Int32 = 64
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
        catalogDirectory: options.catalog, planDirectory: PlanLocation.directory(of: options.plan),
        diagnostics: diagnostics)
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
  /// Loads the inputs and schedules the plan, or ends the command. With
  /// `--as-of`, the plan is re-planned from that day (and a plan that
  /// expected more done by then says how stale it is).
  static func scheduled(_ options: InputOptions, asOf day: AsOfOption) throws -> (
    PlanInputs, MigrationSchedule
  ) {
    let diagnostics = DiagnosticCollector()
    var loaded = try loadInputs(options, diagnostics: diagnostics)
    try replan(&loaded, from: day.date, diagnostics: diagnostics)
    return (loaded, try schedule(loaded, diagnostics: diagnostics))
  }

  /// Moves the inputs' plan to `day`: refused (exit 64) before the plan's
  /// own as-of date; a `plan-stale` warning when the plan's own schedule
  /// expected steps done by then that it does not record.
  static func replan(
    _ inputs: inout PlanInputs, from day: CivilDate?, diagnostics: DiagnosticCollector
  ) throws {
    guard let day, day != inputs.plan.asOf else { return }
    let plan = inputs.plan
    guard day > plan.asOf else {
      report(diagnostics)
      standardError(
        "error: --as-of \(day.iso) is before the plan's as-of date \(plan.asOf.iso): facts after it "
          + "are already recorded; re-plan from \(plan.asOf.iso) or later\n")
      throw ExitCode(usage)
    }
    let base = MigrationScheduler(catalog: inputs.catalog, plan: plan, vendors: inputs.vendors)
      .schedule(diagnostics: DiagnosticCollector())
    if let base {
      Replanning.checkStaleness(plan: plan, base: base, day: day, diagnostics: diagnostics)
    }
    inputs.plan = plan.replanned(from: day)
  }

  /// The baseline `--baseline` names, or nil; ends the command when it
  /// cannot be read.
  static func baseline(_ option: BaselineOption, planDirectory: String) throws -> Baseline? {
    guard let name = option.baseline else { return nil }
    let diagnostics = DiagnosticCollector()
    do {
      guard
        let baseline = try BaselineLoader.load(
          name: name, planDirectory: planDirectory, diagnostics: diagnostics)
      else {
        report(diagnostics)
        throw ExitCode(dataError)
      }
      return baseline
    } catch let failure as InputFailure {
      diagnostics.emit(failure.diagnostic)
      report(diagnostics)
      throw ExitCode(failure.kind == .missing ? noInput : dataError)
    }
  }

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

extension Output {
  /// Writes `text` to `path` atomically: a temporary file beside it, synced,
  /// then renamed over it. A failure leaves an existing file untouched.
  static func writeAtomically(_ text: String, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    let directory = url.deletingLastPathComponent().path
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory),
      isDirectory.boolValue
    else {
      standardError("\(path): error: no such directory: \(directory) [output-unwritable]\n")
      throw ExitCode(Output.cannotCreate)
    }
    let temporary = directory + "/." + url.lastPathComponent + ".migplan-\(getpid()).tmp"
    let data = Data(text.utf8)
    guard FileManager.default.createFile(atPath: temporary, contents: nil),
      let handle = FileHandle(forWritingAtPath: temporary)
    else {
      standardError("\(path): error: cannot write in \(directory) [output-unwritable]\n")
      throw ExitCode(Output.cannotCreate)
    }
    do {
      try handle.write(contentsOf: data)
      try handle.synchronize()
      try handle.close()
      if rename(temporary, path) != 0 { throw CocoaError(.fileWriteUnknown) }
    } catch {
      try? FileManager.default.removeItem(atPath: temporary)
      standardError("\(path): error: cannot write the file [output-unwritable]\n")
      throw ExitCode(Output.cannotCreate)
    }
  }

  /// Standard output, or a file written atomically.
  static func emit(_ text: String, to path: String?) throws {
    if let path { try writeAtomically(text, to: path) } else { standardOutput(text) }
  }

  /// sysexits.h EX_CANTCREAT.
  static let cannotCreate: Int32 = 73
}
