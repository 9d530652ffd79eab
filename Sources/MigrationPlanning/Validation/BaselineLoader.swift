/// Reads a plan's baselines (`baselines/NAME.xml`) through the same safe
/// XML reader as every other file. Ids: `baseline-missing`,
/// `bad-baseline-name`, and the reader's and fields' own.
public enum BaselineLoader {
  /// The file of baseline `name` in a plan directory.
  public static func path(planDirectory: String, name: String) -> String {
    planDirectory + "/" + Baseline.folder + "/" + name + ".xml"
  }

  /// The names of a plan's baselines, sorted.
  public static func names(planDirectory: String) -> [String] {
    FileCheck.files(in: planDirectory + "/" + Baseline.folder, extension: "xml")
      .map { String($0.split(separator: "/").last ?? "").dropLast(4) }
      .map(String.init)
      .filter(Baseline.isValidName)
      .sorted()
  }

  /// Reads baseline `name`; nil (with diagnostics) when it is not usable.
  public static func load(
    name: String, planDirectory: String, diagnostics: DiagnosticCollector
  ) throws(InputFailure) -> Baseline? {
    guard Baseline.isValidName(name) else {
      throw InputFailure(
        .invalid,
        Diagnostic(
          .error, .badBaselineName,
          "'\(name)' is not a baseline name (1–64 of A-Z a-z 0-9 - _ ., not starting with '.')",
          at: SourceLocation(file: planDirectory)))
    }
    let file = path(planDirectory: planDirectory, name: name)
    guard FileCheck.exists(file) else {
      let known = names(planDirectory: planDirectory)
      throw InputFailure(
        .missing,
        Diagnostic(
          .error, .baselineMissing,
          "no baseline '\(name)' in this plan; "
            + (known.isEmpty
              ? "save one with 'migplan baseline save \(name)'"
              : "saved: " + known.joined(separator: ", ")),
          at: SourceLocation(file: file)))
    }
    return try load(file: file, diagnostics: diagnostics)
  }

  /// Reads one baseline file.
  public static func load(file: String, diagnostics: DiagnosticCollector) throws(InputFailure)
    -> Baseline?
  {
    try XMLDocumentReader.load(
      path: file, rootName: "baseline", namespace: BaselineWriter.namespace,
      diagnostics: diagnostics
    ) { read($0, diagnostics: diagnostics) }
  }

  /// Reads a baseline held in memory; `path` names it in diagnostics.
  public static func load(bytes: [UInt8], path: String, diagnostics: DiagnosticCollector)
    -> Baseline?
  {
    XMLDocumentReader.load(
      bytes: bytes, path: path, rootName: "baseline", namespace: BaselineWriter.namespace,
      diagnostics: diagnostics
    ) { read($0, diagnostics: diagnostics) }
  }

  static func read(_ root: XMLElementNode, diagnostics: DiagnosticCollector) -> Baseline? {
    let fields = ElementFields(
      root, attributes: ["name", "municipality", "asOf"], children: ["system"],
      diagnostics: diagnostics)
    let name = fields.required("name")
    let municipality = fields.required("municipality")
    let asOf = fields.date("asOf")
    var systems: [Baseline.System] = []
    var ids = DuplicateCheck("system")
    for node in root.children("system") {
      let systemFields = ElementFields(
        node, attributes: ["id", "goLive", "deadline"], children: ["task"],
        diagnostics: diagnostics)
      let id = systemFields.identifier("id")
      let goLive = systemFields.date("goLive")
      let deadline = systemFields.date("deadline")
      var tasks: [(step: String, start: CivilDate, end: CivilDate)] = []
      for child in node.children("task") {
        let taskFields = ElementFields(
          child, attributes: ["step", "start", "end"], children: [], diagnostics: diagnostics)
        guard let step = taskFields.identifier("step"), let start = taskFields.date("start"),
          let end = taskFields.date("end")
        else { continue }
        if end < start {
          diagnostics.error(
            .badDateOrder, "'end' must not be before 'start'", at: child.location(of: "end"))
          continue
        }
        tasks.append((step, start, end))
      }
      guard let id, let goLive, let deadline,
        ids.insert(id, at: node.location(of: "id"), diagnostics: diagnostics)
      else { continue }
      systems.append(Baseline.System(id: id, goLive: goLive, deadline: deadline, tasks: tasks))
    }
    guard let name, let municipality, let asOf else { return nil }
    return Baseline(name: name, municipality: municipality, asOf: asOf, systems: systems)
  }
}
