package cn.qujiang.youth.talent.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qujiang.youth.talent.ServiceMessages;
import cn.qujiang.youth.talent.statistics.UptakeReport.GrantedAmount;
import cn.qujiang.youth.talent.statistics.UptakeReport.MeasureRow;
import cn.qujiang.youth.talent.statistics.UptakeReport.UptakeSummary;
import cn.qujiang.youth.talent.statistics.UptakeReport.WeekRow;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The workbook an official opens in Excel: headings in their language, numbers as numbers, units in words. */
class UptakeWorkbookTest {
    private static final UptakeReport REPORT = new UptakeReport(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 11, 29),
            LocalDate.of(2026, 11, 29), Instant.parse("2026-11-29T08:00:00Z"),
            List.of(new MeasureRow("QJY-02", "高校毕业生生活补贴", "EMPLOYMENT", "就业", 1520, 310, 240, 31, 12, 3.5, 4,
                    240_000L, "CNY_PER_MONTH", "元/月", "每月 240,000 元"),
                    new MeasureRow("QJY-20", "租房优惠", "HOUSING", "安居", 80, 12, 10, 0, 0, null, 0, null, null, null,
                            null)),
            List.of(new UptakeSummary("EMPLOYMENT", "就业", 1520, 310, 240, 31, 12, 3.5, 4,
                    List.of(new GrantedAmount("CNY_PER_MONTH", "元/月", 240_000, "每月 240,000 元"))),
                    new UptakeSummary("HOUSING", "安居", 80, 12, 10, 0, 0, null, 0, List.of())),
            new UptakeSummary("ALL", "全部政策", 1600, 322, 250, 31, 12, 3.5, 4,
                    List.of(new GrantedAmount("CNY_PER_MONTH", "元/月", 240_000, "每月 240,000 元"))),
            List.of(new WeekRow("2026-W48", LocalDate.of(2026, 11, 23), 17, 2, 1)));

    private final UptakeWorkbook workbook = new UptakeWorkbook(ServiceMessages.load());

    @Test
    void theMeasuresSheetHasChineseHeadingsNumberCellsAndTheUnitInWords() throws IOException {
        try (Workbook book = open(workbook.write(REPORT, Locale.CHINESE))) {
            assertThat(sheetNames(book)).containsExactly("按政策", "每周审核", "发放数量");
            Sheet measures = book.getSheet("按政策");
            assertThat(text(measures.getRow(0))).containsExactly("青年政策兑现统计（2026-01-01 至 2026-11-29）");
            assertThat(text(measures.getRow(2))).containsExactly("分类", "政策编号", "政策名称", "目前符合条件（人）",
                    "已申请（件）", "已通过（件）", "未通过（件）", "要求补充材料（次）", "审核用时中位数（工作日）",
                    "目前超期未办（件）", "发放数量", "单位");
            Row grant = measures.getRow(3);
            assertThat(text(grant)).startsWith("就业", "QJY-02", "高校毕业生生活补贴").endsWith("元/月");
            assertThat(grant.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(numbers(grant, 3, 10)).containsExactly(1520.0, 310.0, 240.0, 31.0, 12.0, 3.5, 4.0, 240_000.0);
            Row discount = measures.getRow(4);
            assertThat(discount.getCell(8)).as("no decision to time: blank, not 0").isNull();
            assertThat(discount.getCell(10)).as("a discount does not add up").isNull();
            assertThat(text(measures.getRow(5))).startsWith("就业合计");
            assertThat(text(measures.getRow(7))).startsWith("全部政策合计");
            assertThat(numbers(measures.getRow(7), 3, 7)).containsExactly(1600.0, 322.0, 250.0, 31.0, 12.0);
            Sheet weeks = book.getSheet("每周审核");
            assertThat(text(weeks.getRow(3))).startsWith("2026-W48", "2026-11-23");
            assertThat(numbers(weeks.getRow(3), 2, 4)).containsExactly(17.0, 2.0, 1.0);
        }
    }

    @Test
    void anEnglishReaderGetsEnglishHeadings() throws IOException {
        try (Workbook book = open(workbook.write(REPORT, Locale.ENGLISH))) {
            assertThat(sheetNames(book)).containsExactly("By measure", "Decisions per week", "Amounts granted");
            assertThat(text(book.getSheetAt(0).getRow(2))).contains("Eligible today", "Median working days to decision",
                    "Unit");
            assertThat(text(book.getSheetAt(2).getRow(3))).containsExactly("就业", "元/月");
        }
    }

    private static Workbook open(byte[] bytes) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    private static List<String> sheetNames(Workbook book) {
        List<String> names = new ArrayList<>();
        book.forEach(sheet -> names.add(sheet.getSheetName()));
        return names;
    }

    /** The texts of a row, numbers left out. */
    private static List<String> text(Row row) {
        List<String> texts = new ArrayList<>();
        for (Cell cell : row) {
            if (cell.getCellType() == CellType.STRING) {
                texts.add(cell.getStringCellValue());
            }
        }
        return texts;
    }

    private static List<Double> numbers(Row row, int first, int last) {
        List<Double> values = new ArrayList<>();
        for (int i = first; i <= last; i++) {
            values.add(row.getCell(i).getNumericCellValue());
        }
        return values;
    }
}
