package cn.qujiang.youth.talent.statistics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The officials' uptake statistics (roles hr-officer and policy-admin): counts only, as JSON or an Excel workbook. */
@RestController
@RequestMapping("/api/talent/statistics")
class StatisticsController {
    private final UptakeStatistics statistics;
    private final UptakeWorkbook workbook;

    StatisticsController(UptakeStatistics statistics, UptakeWorkbook workbook) {
        this.statistics = statistics;
        this.workbook = workbook;
    }

    @Operation(summary = "Per measure and category: eligible today → applied → approved in the period, decisions per "
            + "ISO week, median working days to decision, overdue today, amounts granted; from/to are days in "
            + "Asia/Shanghai, both inclusive (default: this year up to today; at most 3 years, else 400 "
            + "PERIOD_INVALID)")
    @GetMapping("/uptake")
    UptakeReport uptake(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Locale locale) {
        return statistics.report(statistics.period(from, to), locale);
    }

    // The content type is set on the answer, not declared as "produces": an error stays problem+json whatever the
    // client accepts, and a client that sends Accept: application/json still gets the file.
    @Operation(summary = "The same table as an Excel workbook (attachment), headings in the caller's language")
    @ApiResponse(responseCode = "200", description = "the workbook", content = @Content(
            mediaType = UptakeWorkbook.CONTENT_TYPE, schema = @Schema(type = "string", format = "binary")))
    @GetMapping("/uptake/export")
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Locale locale) {
        UptakePeriod period = statistics.period(from, to);
        byte[] body = workbook.write(statistics.report(period, locale), locale);
        String name = "uptake-" + period.from() + "_" + period.to() + ".xlsx";
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(UptakeWorkbook.CONTENT_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }
}
