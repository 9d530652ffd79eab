/// Writes a baseline as `baselines/NAME.xml` (docs/reference/baseline.md).
public enum BaselineWriter {
  /// The namespace of baseline files.
  public static let namespace = "urn:migplan:baseline:1"

  /// The baseline as XML text.
  public static func xml(_ baseline: Baseline) -> String {
    var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>"]
    lines.append(
      "<!-- Saved by migplan baseline save: the schedule as planned on \(baseline.asOf.iso). -->")
    lines.append(
      "<baseline xmlns=\"\(namespace)\" name=\"\(PlanWriter.escape(baseline.name))\" "
        + "municipality=\"\(PlanWriter.escape(baseline.municipality))\" asOf=\"\(baseline.asOf.iso)\">"
    )
    for system in baseline.systems {
      lines.append(
        "  <system id=\"\(PlanWriter.escape(system.id))\" goLive=\"\(system.goLive.iso)\" "
          + "deadline=\"\(system.deadline.iso)\">")
      for task in system.tasks {
        lines.append(
          "    <task step=\"\(PlanWriter.escape(task.step))\" start=\"\(task.start.iso)\" end=\"\(task.end.iso)\"/>"
        )
      }
      lines.append("  </system>")
    }
    lines.append("</baseline>")
    return lines.joined(separator: "\n") + "\n"
  }
}
