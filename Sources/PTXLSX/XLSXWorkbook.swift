import CXLSXWriter
import Foundation
import PTSource
import PTReports
import PTSyntax

/// Why a workbook could not be written, in libxlsxwriter's words.
public struct XLSXError: Error, Sendable {
    public let message: String
}

/// Report tables → an Excel workbook (.xlsx) through libxlsxwriter: one sheet per table, a
/// styled header row, the top row frozen, an autofilter over the table, numbers stored as
/// numbers and dates as dates. The only module that imports CXLSXWriter.
public enum XLSXWorkbook {
    /// Excel's limit for text in one cell.
    static let maxCellCharacters = 32_767

    /// The workbook's bytes. `created` fixes the document's creation date, so the same tables
    /// give the same bytes.
    public static func data(sheets: [ReportTable], title: String, created: DateValue) throws(XLSXError) -> Data {
        let folder = FileManager.default.temporaryDirectory.path
        let path = folder + "/programteori-\(getpid())-\(UInt64.random(in: 0...UInt64.max)).xlsx"
        defer { unlink(path) }
        try write(sheets: sheets, title: title, created: created, to: path)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw XLSXError(message: "the workbook was written but cannot be read back")
        }
        return data
    }

    static func write(sheets: [ReportTable], title: String, created: DateValue, to path: String) throws(XLSXError) {
        guard let workbook = workbook_new(path) else { throw XLSXError(message: "libxlsxwriter could not create the workbook") }
        var errors: [String] = []

        let header = workbook_add_format(workbook)
        format_set_bold(header)
        format_set_font_color(header, 0xFFFFFF)
        format_set_bg_color(header, 0x2F4A6F)
        format_set_border(header, UInt8(LXW_BORDER_THIN.rawValue))
        format_set_text_wrap(header)
        format_set_align(header, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        let text = workbook_add_format(workbook)
        format_set_text_wrap(text)
        format_set_align(text, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        let number = workbook_add_format(workbook)
        format_set_align(number, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        format_set_num_format(number, "General")
        var dateFormats: [String: UnsafeMutablePointer<lxw_format>] = [:]
        for pattern in ["yyyy-mm-dd", "yyyy-mm", "yyyy"] {
            let format = workbook_add_format(workbook)!
            format_set_num_format(format, pattern)
            format_set_align(format, UInt8(LXW_ALIGN_LEFT.rawValue))
            format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
            dateFormats[pattern] = format
        }

        for table in sheets {
            guard let sheet = workbook_add_worksheet(workbook, String(table.name.prefix(31))) else {
                errors.append("cannot add the sheet \(table.name)")
                continue
            }
            for (column, spec) in table.columns.enumerated() {
                worksheet_set_column(sheet, lxw_col_t(column), lxw_col_t(column), Double(spec.width), nil)
                worksheet_write_string(sheet, 0, lxw_col_t(column), cellText(spec.header), header)
            }
            for (offset, row) in table.rows.enumerated() {
                let rowNumber = lxw_row_t(offset + 1)
                for (column, cell) in row.enumerated() {
                    let col = lxw_col_t(column)
                    let result: lxw_error
                    switch cell {
                    case .text(let value):
                        result = worksheet_write_string(sheet, rowNumber, col, cellText(value), text)
                    case .number(let value):
                        result = worksheet_write_number(sheet, rowNumber, col, value, number)
                    case .date(let value):
                        var moment = lxw_datetime(year: Int32(value.year), month: Int32(value.month ?? 1), day: Int32(value.day ?? 1),
                                                  hour: 0, min: 0, sec: 0)
                        let pattern = value.day != nil ? "yyyy-mm-dd" : value.month != nil ? "yyyy-mm" : "yyyy"
                        result = worksheet_write_datetime(sheet, rowNumber, col, &moment, dateFormats[pattern])
                    case .empty:
                        result = LXW_NO_ERROR
                    }
                    if result != LXW_NO_ERROR { errors.append(String(cString: lxw_strerror(result))) }
                }
            }
            worksheet_freeze_panes(sheet, 1, 0)
            if !table.columns.isEmpty {
                worksheet_autofilter(sheet, 0, 0, lxw_row_t(max(table.rows.count, 1)), lxw_col_t(table.columns.count - 1))
            }
        }

        let titleText = strdup(cellText(title))
        let generator = strdup("programteori")
        defer { free(titleText); free(generator) }
        var properties = lxw_doc_properties()
        properties.title = titleText
        properties.comments = generator
        properties.created = time_t(created.startDayNumber) * 86_400
        workbook_set_properties(workbook, &properties)

        let closed = workbook_close(workbook)
        if closed != LXW_NO_ERROR { errors.append(String(cString: lxw_strerror(closed))) }
        if !errors.isEmpty { throw XLSXError(message: errors.joined(separator: "; ")) }
    }

    /// Text Excel accepts in a cell: no control characters other than tab and line breaks
    /// (XML 1.0 cannot hold them), at most 32 767 characters.
    static func cellText(_ value: String) -> String {
        var cleaned = value.unicodeScalars.filter { scalar in
            scalar == "\t" || scalar == "\n" || scalar == "\r" || (scalar.value >= 0x20 && scalar.value != 0x7F && scalar.value != 0xFFFE && scalar.value != 0xFFFF)
        }.reduce(into: "") { $0.unicodeScalars.append($1) }
        if cleaned.count > maxCellCharacters { cleaned = String(cleaned.prefix(maxCellCharacters - 1)) + "…" }
        return cleaned
    }
}

extension IndicatorPlan {
    /// The plan as a workbook: the indicators, then every element.
    public func xlsx(language: Language, created: DateValue) throws(XLSXError) -> Data {
        try XLSXWorkbook.data(sheets: [table(language: language), elementsTable(language: language)], title: title, created: created)
    }
}
