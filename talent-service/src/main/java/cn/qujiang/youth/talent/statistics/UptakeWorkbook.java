package cn.qujiang.youth.talent.statistics;

import cn.qujiang.youth.talent.statistics.UptakeReport.GrantedAmount;
import cn.qujiang.youth.talent.statistics.UptakeReport.MeasureRow;
import cn.qujiang.youth.talent.statistics.UptakeReport.UptakeSummary;
import cn.qujiang.youth.talent.statistics.UptakeReport.WeekRow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The uptake table as an Excel workbook, headings in the caller's language: per measure (with each category's and
 * the overall sums), the decisions per week, and the amounts granted per unit. Every count and amount is a number
 * cell (sums and charts work in Excel); units are a column of their own, in words.
 */
@Component
class UptakeWorkbook {
    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final List<String> MEASURE_COLUMNS = List.of("category", "code", "measure", "eligible", "applied",
            "approved", "rejected", "infoRequested", "median", "overdue", "amount", "unit");
    private static final List<String> WEEK_COLUMNS = List.of("week", "starts", "approved", "rejected",
            "infoRequested");
    private static final List<String> AMOUNT_COLUMNS = List.of("category", "amount", "unit");

    private final MessageSource messages;

    UptakeWorkbook(MessageSource messages) {
        this.messages = messages;
    }

    byte[] write(UptakeReport report, Locale locale) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheets sheets = new Sheets(workbook, locale);
            measures(sheets, report);
            weeks(sheets, report);
            amounts(sheets, report);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the uptake workbook", e);
        }
    }

    private void measures(Sheets sheets, UptakeReport report) {
        Sheet sheet = sheets.create("measures", report, MEASURE_COLUMNS);
        for (MeasureRow measure : report.measures()) {
            Line line = sheets.next(sheet, false);
            line.text(0, measure.categoryLabel());
            line.text(1, measure.measureCode());
            line.text(2, measure.title());
            counts(line, measure.eligible(), measure.applied(), measure.approved(), measure.rejected(),
                    measure.infoRequested(), measure.medianWorkingDays(), measure.overdue());
            line.number(10, measure.amountGranted());
            line.text(11, measure.unitLabel());
        }
        for (UptakeSummary sum : sums(report)) {
            Line line = sheets.next(sheet, true);
            line.text(0, sheets.word("sum", sum.label()));
            counts(line, sum.eligible(), sum.applied(), sum.approved(), sum.rejected(), sum.infoRequested(),
                    sum.medianWorkingDays(), sum.overdue());
            if (sum.amounts().size() == 1) {  // amounts of different units do not add up: see the amounts sheet
                line.number(10, sum.amounts().get(0).amount());
                line.text(11, sum.amounts().get(0).unitLabel());
            }
        }
        sheets.note(sheet, "note");
    }

    private static void counts(Line line, long eligible, long applied, long approved, long rejected,
            long infoRequested, Double median, long overdue) {
        line.number(3, eligible);
        line.number(4, applied);
        line.number(5, approved);
        line.number(6, rejected);
        line.number(7, infoRequested);
        line.decimal(8, median);
        line.number(9, overdue);
    }

    private static void weeks(Sheets sheets, UptakeReport report) {
        Sheet sheet = sheets.create("weeks", report, WEEK_COLUMNS);
        for (WeekRow week : report.weeks()) {
            Line line = sheets.next(sheet, false);
            line.text(0, week.week());
            line.text(1, week.starts().toString());
            line.number(2, week.approved());
            line.number(3, week.rejected());
            line.number(4, week.infoRequested());
        }
    }

    private static void amounts(Sheets sheets, UptakeReport report) {
        Sheet sheet = sheets.create("amounts", report, AMOUNT_COLUMNS);
        for (UptakeSummary sum : sums(report)) {
            for (GrantedAmount amount : sum.amounts()) {
                Line line = sheets.next(sheet, sum == report.total());
                line.text(0, sum.label());
                line.number(1, amount.amount());
                line.text(2, amount.unitLabel());
            }
        }
    }

    /** The categories, then the overall sum. */
    private static List<UptakeSummary> sums(UptakeReport report) {
        List<UptakeSummary> sums = new ArrayList<>(report.categories());
        sums.add(report.total());
        return sums;
    }

    /** One row of a sheet; a sum's cells are bold. */
    private record Line(Row row, Styles styles) {
        void text(int column, String value) {
            if (value != null) {
                Cell cell = row.createCell(column);
                cell.setCellValue(value);
                cell.setCellStyle(styles.text());
            }
        }

        void number(int column, Long value) {
            if (value != null) {
                Cell cell = row.createCell(column);
                cell.setCellValue(value);
                cell.setCellStyle(styles.count());
            }
        }

        void decimal(int column, Double value) {
            if (value != null) {
                Cell cell = row.createCell(column);
                cell.setCellValue(value);
                cell.setCellStyle(styles.decimal());
            }
        }
    }

    private record Styles(CellStyle text, CellStyle count, CellStyle decimal) {
    }

    /** The sheets of one workbook in one language: titles, headings, and the styles of rows and sums. */
    private final class Sheets {
        private static final int FIRST_ROW = 3;
        private final XSSFWorkbook workbook;
        private final Locale locale;
        private final CellStyle heading;
        private final Styles plain;
        private final Styles bold;

        Sheets(XSSFWorkbook workbook, Locale locale) {
            this.workbook = workbook;
            this.locale = locale;
            heading = style(true, null);
            plain = new Styles(style(false, null), style(false, "#,##0"), style(false, "0.0"));
            bold = new Styles(heading, style(true, "#,##0"), style(true, "0.0"));
        }

        /** A sheet with the period as its title, the day "eligible" was counted on, and the column headings. */
        Sheet create(String name, UptakeReport report, List<String> columns) {
            Sheet sheet = workbook.createSheet(word("sheet." + name));
            Cell title = sheet.createRow(0).createCell(0);
            title.setCellValue(word("title", report.from().toString(), report.to().toString()));
            title.setCellStyle(heading);
            sheet.createRow(1).createCell(0).setCellValue(word("eligibleAsOf", report.eligibleAsOf().toString()));
            Row header = sheet.createRow(FIRST_ROW - 1);
            for (int i = 0; i < columns.size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(word("column." + columns.get(i)));
                cell.setCellStyle(heading);
                sheet.setColumnWidth(i, (columns.get(i).equals("measure") ? 28 : 16) * 256);
            }
            sheet.createFreezePane(0, FIRST_ROW);
            return sheet;
        }

        Line next(Sheet sheet, boolean isSum) {
            return new Line(sheet.createRow(sheet.getLastRowNum() + 1), isSum ? bold : plain);
        }

        void note(Sheet sheet, String key) {
            sheet.createRow(sheet.getLastRowNum() + 2).createCell(0).setCellValue(word(key));
        }

        String word(String key, Object... args) {
            return messages.getMessage("statistics.export." + key, args, locale);
        }

        private CellStyle style(boolean isBold, String format) {
            CellStyle style = workbook.createCellStyle();
            if (isBold) {
                Font font = workbook.createFont();
                font.setBold(true);
                style.setFont(font);
            }
            if (format != null) {
                style.setDataFormat(workbook.createDataFormat().getFormat(format));
            }
            return style;
        }
    }
}
