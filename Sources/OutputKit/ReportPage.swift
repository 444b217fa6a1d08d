/// The page around every report: one stylesheet, no scripts, no network.
public enum ReportPage {
    public static let style = """
        body { font-family: system-ui, "Noto Sans CJK SC", sans-serif; margin: 2rem auto; max-width: 1100px; padding: 0 1rem; color: #222; }
        h1 { font-size: 1.5rem; } p.meta { color: #555; }
        table { border-collapse: collapse; margin: 1rem 0 2rem; } td, th { padding: 0.3rem 0.6rem; border-bottom: 1px solid #ddd; text-align: right; }
        td:first-child, th:first-child { text-align: left; } td.significant { font-weight: 600; }
        figure { margin: 0 0 2rem; } svg.chart { width: 100%; height: auto; background: #fff; }
        .chart-title { font-size: 15px; font-weight: 600; } .tick { font-size: 11px; fill: #444; } .zone-label { fill: #222; } .axis-label { font-size: 12px; fill: #222; }
        .legend-label { font-size: 11px; } .grid { stroke: #e6e6e6; } .axis { stroke: #666; }
        h2 { font-size: 1.15rem; margin-top: 1.5rem; } caption { text-align: left; font-weight: 600; padding: 0.3rem 0; }
        tr.pass td.verdict, td.pass { background: #d9f0d3; } tr.fail td.verdict, td.fail { background: #f4c7c3; }
        tr.inconclusive td.verdict, td.inconclusive { background: #fdf0c2; } table.target-grid td { font-size: 0.85rem; }
        table.targets td:nth-child(2), table.cost td:nth-child(2) { text-align: left; } div.scroll { overflow-x: auto; }
        .series { stroke-width: 2.5; } .band { opacity: 0.18; stroke: none; } .target { stroke: #D55E00; stroke-dasharray: 6 4; stroke-width: 1.5; }
        """

    /// A complete page: title, a line about the run, a table, then the charts.
    public static func html(title: String, meta: String, table: String, charts: [String]) -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(SVG.escape(title))</title>
        <style>
        \(style)
        </style></head>
        <body>
        <h1>\(SVG.escape(title))</h1>
        <p class="meta">\(meta)</p>
        \(table)
        \(charts.map { "<figure>\($0)</figure>" }.joined(separator: "\n"))
        </body></html>

        """
    }
}
