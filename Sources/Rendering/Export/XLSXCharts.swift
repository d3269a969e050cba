import CXlsxWriter
import Foundation
import Model
import GtkKit

/// Native Excel charts beside the summary tables (editable in Excel, WPS and LibreOffice, and
/// drawn from the sheet's own cells, so they follow any edit made there):
/// - `summary`: per kind, a stacked column chart of the jurisdictions disclosed / not disclosed /
///   delegated (prefecture, division) per year, in the app's status colours;
/// - `coverage`: per kind, a stacked column chart of what the disclosed lists cover;
/// - `item-rates`: a bar chart of each required item's disclosure rate, when any rate exists.
/// Series whose values are all zero are left out.
package struct XLSXCharts {
    /// One chart: a category column and value columns over the body rows of a sheet.
    package struct Plan: Equatable {
        package var type: UInt8
        package var title: String
        package var categoryColumn: Int
        package var series: [(column: Int, name: String, colour: RGB)]
        package var percent = false

        package static func == (a: Plan, b: Plan) -> Bool {
            a.type == b.type && a.title == b.title && a.categoryColumn == b.categoryColumn && a.percent == b.percent
                && a.series.map(\.column) == b.series.map(\.column) && a.series.map(\.name) == b.series.map(\.name)
        }
        package init(type: UInt8, title: String, categoryColumn: Int, series: [(column: Int, name: String, colour: RGB)], percent: Bool = false) {
            self.type = type
            self.title = title
            self.categoryColumn = categoryColumn
            self.series = series
            self.percent = percent
        }
    }

    /// The charts a table gets (none for most tables).
    package static func plans(for table: Table) -> [Plan] {
        guard table.rowCount > 0, ["summary", "coverage", "item-rates"].contains(table.id) else { return [] }
        let rows = table.rows
        switch table.id {
        case "summary", "coverage":
            let names = table.flatColumnNames
            let lower = table.header.count > 1 ? table.expandedHeader[1] : names
            return table.headerBlocks.filter { $0.row == 0 && $0.columns > 1 }.map { block in
                // Coverage blocks end with their total (disclosed cells), which is not a share.
                // Summary blocks have a share beside each count: the counts are the series.
                let step = table.id == "summary" ? 2 : 1
                let columns = Array(stride(from: block.column, to: block.column + block.columns - (table.id == "coverage" ? 1 : 0), by: step))
                // Each category keeps its own colour, the app's, whichever series are left out.
                let series = columns.filter { c in rows.contains { number($0[c]) != 0 } }.map { c in
                    (column: c, name: lower[c].isEmpty ? names[c] : lower[c], colour: colour(table.id, rows[0][c], category: c - block.column))
                }
                let title = table.id == "coverage" ? block.text + parenthesised(tr("List coverage")) : block.text
                return Plan(type: lxw8(LXW_CHART_COLUMN_STACKED), title: title, categoryColumn: 0, series: series)
            }.filter { !$0.series.isEmpty }
        case "item-rates":
            let rateColumn = 4
            guard rows.contains(where: { if case .percent = $0[rateColumn].value { return true } else { return false } })
            else { return [] }
            return [Plan(type: lxw8(LXW_CHART_BAR), title: table.title, categoryColumn: 0,
                         series: [(column: rateColumn, name: table.flatColumnNames[rateColumn], colour: Palette.fill(.disclosed))],
                         percent: true)]
        default:
            return []
        }
    }

    /// The colour of a category: a status's colour, a coverage category's fill as the coverage
    /// chart draws it, else the palette's colour of the category's place in its block.
    package static func colour(_ table: String, _ cell: TableCell, category: Int) -> RGB {
        if let status = cell.status { return Palette.fill(status) }
        if table == "coverage", ChartFills.coverage.indices.contains(category) { return ChartFills.coverage[category].color }
        return Palette.categorical[category % Palette.categorical.count]
    }

    private static func number(_ cell: TableCell) -> Double {
        switch cell.value {
        case .integer(let n): return Double(n)
        case .percent(let p): return p
        default: return 0
        }
    }

    /// Adds the table's charts to the right of it, one under the other.
    package static func insert(for sheet: XLSXSheet, named sheetName: String, in workbook: UnsafeMutablePointer<lxw_workbook>) {
        let plans = plans(for: sheet.table)
        let first = lxw_row_t(sheet.firstBodyRow), last = lxw_row_t(sheet.lastBodyRow)
        var top = 0.0  // pixels below the sheet's top-left corner: charts stack downwards
        for plan in plans {
            guard let chart = workbook_add_chart(workbook, plan.type) else { continue }
            chart_title_set_name(chart, plan.title)
            chart_legend_set_position(chart, lxw8(LXW_CHART_LEGEND_BOTTOM))
            if plan.series.count == 1 { chart_legend_set_position(chart, lxw8(LXW_CHART_LEGEND_NONE)) }
            for s in plan.series {
                guard let series = chart_add_series(chart, nil, nil) else { continue }
                chart_series_set_categories(series, sheetName, first, lxw_col_t(plan.categoryColumn), last, lxw_col_t(plan.categoryColumn))
                chart_series_set_values(series, sheetName, first, lxw_col_t(s.column), last, lxw_col_t(s.column))
                chart_series_set_name(series, s.name)
                var fill = lxw_chart_fill(color: s.colour.lxw, none: 0, transparency: 0)
                chart_series_set_fill(series, &fill)
                chart_series_set_labels(series)
                // Zero-height segments get no "0" label.
                chart_series_set_labels_num_format(series, plan.percent ? "0%" : "0;-0;;@")
            }
            // In a bar chart libxlsxwriter's x axis is the (horizontal) value axis.
            let horizontal = plan.type == lxw8(LXW_CHART_BAR)
            if let values = chart_axis_get(chart, horizontal ? LXW_CHART_AXIS_TYPE_X : LXW_CHART_AXIS_TYPE_Y) {
                chart_axis_set_min(values, 0)
                if plan.percent {
                    chart_axis_set_num_format(values, "0%")
                    chart_axis_set_max(values, 1)
                }
            }
            // Categories top to bottom in the table's order.
            if horizontal, let categories = chart_axis_get(chart, LXW_CHART_AXIS_TYPE_Y) { chart_axis_set_reverse(categories) }
            var options = lxw_chart_options()
            options.x_offset = 10
            options.y_offset = Int32(top)
            options.x_scale = 1.25
            // Bar charts grow with their categories (default height 288 px for about 10).
            options.y_scale = plan.type == lxw8(LXW_CHART_BAR) ? max(1.1, Double(sheet.table.rowCount) / 9) : 1.1
            top += 288 * options.y_scale + 16
            worksheet_insert_chart_opt(sheet.worksheet, 0, lxw_col_t(sheet.table.columnCount + 1), chart, &options)
        }
    }
    package init() {}
}
