import Foundation
import Testing

/// `migplan report`: the HTML page, byte for byte, and as a browser sees it.
@Suite struct ReportCommandTests {
  /// Runs headless Chromium; the README's test command installs it.
  static func chromium(_ arguments: [String]) throws -> MigplanRun {
    let candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
    let browser = try #require(
      candidates.first { FileManager.default.isExecutableFile(atPath: $0) },
      "headless Chromium is needed: ./test installs it (apt-get install chromium)")
    // A profile of its own: tests run in parallel.
    let profile = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: profile) }
    return try CLI.run(
      [
        "120", browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-extensions", "--hide-scrollbars", "--host-resolver-rules=MAP * ~NOTFOUND",
        "--user-data-dir=" + profile,
      ] + arguments, executable: "/usr/bin/timeout")
  }

  static func systemNames() throws -> [String] {
    let plan = try String(
      contentsOfFile: CLI.repository + "/plans/shinagawa/plan.xml", encoding: .utf8)
    return plan.components(separatedBy: "<system ").dropFirst().compactMap { element in
      element.components(separatedBy: "name=\"").dropFirst().first?.components(separatedBy: "\"")
        .first
    }
  }

  @Test func thePageOfTheDefaultPlan() throws {
    let run = try CLI.run(["report"])
    #expect(run.status == 0, "\(run.stderr)")
    try Golden.check("report.html", run.stdout)
  }

  @Test func theSameBytesAndNothingFromOutside() throws {
    let first = try CLI.run(["report"])
    let second = try CLI.run(["report"])
    #expect(first.stdout == second.stdout)
    #expect(first.stdout.utf8.count < 2_000_000)
    let page = first.stdout
    // The only URL is SVG's namespace name, which nothing fetches.
    let urls = page.components(separatedBy: "http").dropFirst().map { String($0.prefix(30)) }
    #expect(urls.allSatisfy { $0.hasPrefix("://www.w3.org/2000/svg\"") }, "\(urls)")
    for reference in ["src=", "href=", "<script", "<link", "@import", "<img", "<iframe"] {
      #expect(!page.contains(reference), "\(reference)")
    }
    let styles = page.components(separatedBy: "url(").dropFirst()
    #expect(styles.allSatisfy { $0.hasPrefix("#") })
  }

  @Test func hostileNamesAreText() throws {
    let plan = try CLI.editedPlan {
      $0.replacingOccurrences(
        of: "name=\"選挙システム\"",
        with: "name=\"&lt;script&gt;alert('x')&lt;/script&gt; &amp; &quot;q&quot;\""
      )
      .replacingOccurrences(of: "municipality=\"品川区\"", with: "municipality=\"品川区&lt;b&gt;\"")
    }
    defer { try? FileManager.default.removeItem(atPath: plan) }
    let run = try CLI.run(["report", "--plan", plan, "-o", plan + "/r.html"])
    #expect(run.status == 0, "\(run.stderr)")
    let page = try String(contentsOfFile: plan + "/r.html", encoding: .utf8)
    #expect(!page.contains("<script") && !page.contains("<b>"))
    #expect(page.contains("&lt;script&gt;alert('x')&lt;/script&gt; &amp; \"q\""))
    #expect(page.contains("品川区&lt;b&gt;"))
    // In the browser: text, not an element.
    let dom = try Self.chromium(["--dump-dom", "file://" + plan + "/r.html"])
    #expect(dom.status == 0, "\(dom.stderr)")
    #expect(!dom.stdout.contains("<script") && dom.stdout.contains("&lt;script&gt;alert('x')"))
  }

  @Test func chromiumSeesEverySystemTheChartAndTheTable() throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let run = try CLI.run(["report", "-o", directory + "/r.html"])
    #expect(run.status == 0, "\(run.stderr)")
    let dom = try Self.chromium(["--dump-dom", "file://" + directory + "/r.html"])
    #expect(dom.status == 0, "\(dom.stderr)")
    let page = dom.stdout
    let names = try Self.systemNames()
    #expect(names.count == 17)
    for name in names { #expect(page.contains(name), "\(name)") }
    let groups = page.components(separatedBy: "<g class=\"system\"").dropFirst()
    #expect(groups.count == 17)
    #expect(
      groups.allSatisfy { $0.components(separatedBy: "</g>")[0].contains("<rect class=\"bar ") })
    #expect(page.contains("class=\"gantt-alt\""))
    #expect(page.contains("<section id=\"kpi\">") && page.contains("<section id=\"proposals\">"))
    #expect(page.contains("2026-03-31 (R7年度)"))
    // Printing: A4 landscape pages.
    let pdf = directory + "/r.pdf"
    let printed = try Self.chromium(
      ["--no-pdf-header-footer", "--print-to-pdf=" + pdf, "file://" + directory + "/r.html"])
    #expect(printed.status == 0, "\(printed.stderr)")
    let info = Process()
    info.executableURL = URL(fileURLWithPath: "/usr/bin/pdfinfo")
    info.arguments = [pdf]
    let pipe = Pipe()
    info.standardOutput = pipe
    try info.run()
    let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    info.waitUntilExit()
    let size = try #require(text.split(separator: "\n").first { $0.hasPrefix("Page size:") })
    #expect(size.contains("(A4)"), "\(size)")
    let numbers = size.split(separator: " ").compactMap { Double($0) }
    #expect(numbers.count >= 2 && numbers[0] > numbers[1], "landscape: \(size)")
  }

  /// The costs chart as Chromium lays it out. A script added to a copy
  /// of the page (the page has none) measures it: each year's stacked
  /// bar is as tall, against FY2018's, as its total is in `costs`; the
  /// FY2018 line meets FY2018's bar; the −30 % line is at 70 % of its
  /// height; every year and both lines have their labels.
  @Test func chromiumDrawsTheCostChart() throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let run = try CLI.run(["report"], environment: CLI.shippedDay)
    #expect(run.status == 0, "\(run.stderr)")
    let script = """
      <script>
      const svg = document.querySelector('#costs svg.cost-chart');
      const middle = (e) => { const b = e.getBoundingClientRect(); return b.top + b.height / 2; };
      const stacks = {};
      for (const rect of svg.querySelectorAll('rect')) {
        const label = rect.querySelector('title').textContent.split(' ')[0];
        stacks[label] = (stacks[label] || 0) + rect.getBoundingClientRect().height;
      }
      const pre = document.createElement('pre');
      pre.id = 'measure';
      pre.textContent = JSON.stringify({
        width: svg.getBoundingClientRect().width,
        axis: middle(svg.querySelector('line.axis')),
        reference: middle(svg.querySelector('line.cost-reference')),
        target: middle(svg.querySelector('line.cost-target')),
        stacks: stacks,
        ticks: [...svg.querySelectorAll('text.tick')].filter((t) => t.getBoundingClientRect().width > 0).map((t) => t.textContent)
      });
      document.body.appendChild(pre);
      </script>
      """
    try run.stdout.replacingOccurrences(of: "</body>", with: script + "</body>")
      .write(toFile: directory + "/measured.html", atomically: true, encoding: .utf8)
    let dom = try Self.chromium([
      "--window-size=1280,900", "--dump-dom", "file://" + directory + "/measured.html",
    ])
    #expect(dom.status == 0, "\(dom.stderr)")
    let measured = try #require(
      dom.stdout.components(separatedBy: "<pre id=\"measure\">").dropFirst().first?
        .components(separatedBy: "</pre>").first)
    struct Measure: Decodable {
      var width: Double
      var axis: Double
      var reference: Double
      var target: Double
      var stacks: [String: Double]
      var ticks: [String]
    }
    let chart = try JSONDecoder().decode(Measure.self, from: Data(measured.utf8))
    let costs = try CostsCommandTests.report()
    #expect(chart.width > 600, "laid out at the page's width: \(chart.width)")
    #expect(
      chart.ticks.count == 15 && chart.ticks.first == "H30年度" && chart.ticks[12] == "R12年度"
        && chart.ticks.suffix(2) == ["2018年度", "−30%"],
      "the years and the two lines' labels: \(chart.ticks)")
    let reference = try #require(chart.stacks["H30年度"])
    #expect(abs(chart.axis - reference - chart.reference) < 1.5, "the FY2018 line meets its bar")
    #expect(abs((chart.axis - chart.target) - 0.7 * (chart.axis - chart.reference)) < 1.5)
    for (tick, year) in zip(chart.ticks, costs.years) {
      let height = try #require(chart.stacks[tick], "\(tick)")
      let drawn = height / reference
      let figures = Double(year.total) / Double(costs.reference)
      #expect(abs(drawn - figures) < 0.01, "\(tick): drawn \(drawn), figures \(figures)")
    }
  }

  @Test func aBaselineAddsItsMarkersAndTheSlip() throws {
    let plan = try CLI.editedPlan { $0 }
    defer { try? FileManager.default.removeItem(atPath: plan) }
    let saved = try CLI.run(["baseline", "save", "b1", "--plan", plan])
    #expect(saved.status == 0, "\(saved.stderr)")
    // Re-planned a year later, every system slips against the baseline.
    let run = try CLI.run(["report", "--plan", plan, "--baseline", "b1", "--as-of", "2025-01-31"])
    #expect(run.status == 0, "\(run.stderr)")
    // One marker per system, and the legend's.
    #expect(run.stdout.components(separatedBy: "<polygon class=\"baseline\"").count - 1 == 18)
    #expect(run.stdout.contains("<dt>基準計画</dt><dd>b1 (2024-01-31)</dd>"))
    let slipped = try #require(
      run.stdout.components(separatedBy: "基準計画より遅れたシステム</th><td>").dropFirst().first)
    #expect(!slipped.hasPrefix("0<"), "\(slipped.prefix(40))")
  }

  @Test func englishPage() throws {
    let run = try CLI.run(["report", "--lang", "en"])
    #expect(run.status == 0)
    #expect(run.stdout.contains("<html lang=\"en\">"))
    #expect(run.stdout.contains("Migration schedule") && run.stdout.contains("FY2025"))
    #expect(run.stdout.contains("class=\"status on-track\">on track<"))
    // migplan's own words are English (the plan's data, such as KPI names, stay as written).
    #expect(!run.stdout.contains(">予定通り<") && !run.stdout.contains("(R7年度)"))
    #expect(!run.stdout.contains("移行スケジュール") && !run.stdout.contains("基準日"))
  }

  @Test func aPortfolioPage() throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let imported = try CLI.run([
      "import", "Tests/MigplanCLITests/Tables/other-town.csv", "--name", "別町", "--as-of",
      "2024-06-30", "-o", directory + "/b",
    ])
    #expect(imported.status == 0, "\(imported.stderr)")
    let run = try CLI.run(["report", "plans/shinagawa", directory + "/b"])
    #expect(run.status == 0, "\(run.stderr)")
    let page = run.stdout
    #expect(page.contains("<section id=\"vendor-load\">") && page.contains("<g class=\"vendor\">"))
    #expect(
      page.contains("<th scope=\"row\">品川区</th>") && page.contains("<th scope=\"row\">別町</th>"))
    #expect(page.contains("<section id=\"binding\">"))
  }

  /// A long plan prints as several charts, each with its axis, so that no
  /// row is cut across pages; a 特定移行支援 deadline after the common one
  /// widens the chart to show it.
  @Test func aLongPlanIsDrawnInBlocksAndLaterDeadlinesShow() throws {
    let plan = try CLI.editedPlan { text in
      // Each system twice more, under new ids (the areas stay served).
      let parts = text.components(separatedBy: "</system>")
      var copies = ""
      for copy in ["b", "c"] {
        for part in parts.dropLast() {
          guard let start = part.range(of: "<system ") else { continue }
          let element = String(part[start.lowerBound...]) + "</system>"
          copies +=
            element.replacingOccurrences(of: "<system id=\"", with: "<system id=\"\(copy)-")
            .replacingOccurrences(of: " name=\"", with: " name=\"\(copy)-") + "\n"
        }
      }
      return text.replacingOccurrences(of: "</plan>", with: copies + "</plan>")
        .replacingOccurrences(
          of: "<system id=\"koseki\"",
          with: "<system id=\"koseki\" tokuteiDeadline=\"2029-03-31\"")
    }
    defer { try? FileManager.default.removeItem(atPath: plan) }
    let run = try CLI.run(["report", "--plan", plan, "-o", plan + "/r.html"])
    #expect(run.status == 0, "\(run.stderr)")
    let page = try String(contentsOfFile: plan + "/r.html", encoding: .utf8)
    let charts = page.components(separatedBy: "<svg class=\"gantt\"").dropFirst()
    #expect(charts.count == 3, "51 systems: 22 + 22 + 7 rows")
    for chart in charts {
      let body = chart.components(separatedBy: "</svg>")[0]
      #expect(body.contains("class=\"year\""), "every chart has its axis")
      #expect(body.components(separatedBy: "<g class=\"system\"").count - 1 <= 22)
    }
    #expect(page.contains("<title>特定移行支援の期限 2029-03-31</title>"))
    #expect(page.contains("R10年度"), "the chart runs to the later deadline's fiscal year")
  }

  /// Planned from today, after the common deadline: the missed deadline
  /// stays on the chart.
  @Test func afterTheDeadlineTheDeadlineStaysOnTheChart() throws {
    let run = try CLI.run(["report", "--as-of", "2026-11-27"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("<line class=\"deadline\""))
    #expect(run.stdout.contains("<title>期限 2026-03-31</title>"))
    #expect(run.stdout.contains(">R7年度<"))
  }
}
