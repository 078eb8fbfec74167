package coop.ledger.shared.sheet;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Writes a sheet's heading and cells as CSV or as an XLSX workbook. */
final class SheetWriters {

    /** Excel and WPS read a CSV file as UTF-8 only when it starts with the byte order mark. */
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private SheetWriters() {
    }

    static void csv(List<String> heading, List<List<Object>> rows, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write(BYTE_ORDER_MARK);
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT);
        printer.printRecord(heading);
        for (List<Object> row : rows) {
            List<String> cells = new ArrayList<>(row.size());
            for (Object cell : row) {
                cells.add(cell == null ? "" : cell instanceof BigDecimal d ? d.toPlainString() : cell.toString());
            }
            printer.printRecord(cells);
        }
        printer.flush();
    }

    static void xlsx(String sheetName, List<String> heading, List<List<Object>> rows, OutputStream out)
            throws IOException {
        Workbook workbook = new Workbook(out, "Cooperation Ledger", "1.0");
        Worksheet sheet = workbook.newWorksheet(sheetName);
        for (int c = 0; c < heading.size(); c++) {
            sheet.value(0, c, heading.get(c));
            sheet.style(0, c).bold().set();
        }
        sheet.freezePane(0, 1);
        for (int r = 0; r < rows.size(); r++) {
            List<Object> row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                Object cell = row.get(c);
                if (cell instanceof Number number) {
                    sheet.value(r + 1, c, number);
                } else if (cell instanceof LocalDate date) {
                    sheet.value(r + 1, c, date);
                    sheet.style(r + 1, c).format("yyyy-mm-dd").set();
                } else if (cell != null) {
                    sheet.value(r + 1, c, cell.toString());
                }
            }
        }
        workbook.finish();
    }
}
