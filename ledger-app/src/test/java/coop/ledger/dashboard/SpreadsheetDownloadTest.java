package coop.ledger.dashboard;

import coop.ledger.testing.DashboardScenario;
import coop.ledger.testing.DashboardTest;
import coop.ledger.testing.Reply;
import coop.ledger.testing.TestUsers;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.StreamSupport;

import static coop.ledger.dashboard.ListQueryTest.encode;
import static coop.ledger.dashboard.ListQueryTest.ok;
import static coop.ledger.testing.Problems.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every list and statistics view of the dashboard downloads as CSV (UTF-8 with BOM) and as XLSX: both files are read
 * back (commons-csv, fastexcel-reader) and compared cell by cell with each other and, column by column, with the JSON
 * answer of the same query, filters included.
 */
class SpreadsheetDownloadTest extends DashboardTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static DashboardScenario s;

    @LocalServerPort
    private int port;

    @BeforeEach
    void recordTheScenarioOnce() {
        if (s == null) {
            s = DashboardScenario.record(this);
        }
    }

    @Test
    void project_list_downloads_with_the_json_rows_names_and_exact_amounts() throws Exception {
        String query = "/api/projects?party=" + s.wanzhou().code() + "&sort=agreedInvestment,desc&size=200";
        Table table = sameInBothFiles(query, "projects");

        JsonNode items = ok(api.get(query).as(TestUsers.VIEWER).send()).path("items");
        assertThat(items.size()).isEqualTo(2);
        table.matches(items, Map.of(
                "编号 / ID", row -> row.path("id").asString(),
                "名称 / Name", row -> row.path("name").asString(),
                "状态 / Status", row -> row.path("status").path("zh").asString(),
                "东道方 / Hosts", row -> names(row.path("hostParties")),
                "签约日期 / Signed on", row -> row.path("signedOn").asString(),
                "项目数 / Projects", row -> row.path("projectCount").asString(),
                "协议投资 / Agreed investment", row -> row.path("agreedInvestment").path("text").asString(),
                "协议投资（元） / Agreed investment (yuan)", row -> row.path("agreedInvestment").path("yuan").asString(),
                "实际投资（元） / Actual investment (yuan)", row -> row.path("actualInvestment").path("yuan").asString("")));
        // the 43 projects of the signing event, exactly as the sources give them
        assertThat(table.column("协议投资 / Agreed investment")).contains("1153亿元");
        assertThat(table.column("协议投资（元） / Agreed investment (yuan)")).contains("115300000000");
        assertThat(table.column("东道方 / Hosts")).contains("万州区、开州区");
    }

    @Test
    void agreement_programme_and_party_lists_download_with_their_filters() throws Exception {
        String agreements = "/api/agreements?party=" + s.wanzhou().code() + "&status=IN_FORCE,EXPIRED";
        Table agreementTable = sameInBothFiles(agreements, "agreements");
        agreementTable.matches(ok(api.get(agreements).as(TestUsers.VIEWER).send()).path("items"), Map.of(
                "编号 / ID", row -> row.path("id").asString(),
                "协议名称 / Title", row -> row.path("title").asString(),
                "状态 / Status", row -> row.path("status").path("zh").asString(),
                "签约方 / Signatories", row -> names(row.path("signatories")),
                "合作清单完成 / Cooperation items completed", row -> row.path("items").path("completed").asString(),
                "支付合计 / Payments total", row -> row.path("paymentsTotal").path("text").asString(""),
                "支付合计（元） / Payments total (yuan)", row -> row.path("paymentsTotal").path("yuan").asString("")));
        assertThat(agreementTable.column("状态 / Status")).containsExactlyInAnyOrder("生效中", "已到期");
        assertThat(agreementTable.column("支付合计 / Payments total")).contains("1100万元");

        String programmes = "/api/programmes?party=" + s.wanzhou().code();
        sameInBothFiles(programmes, "programmes").matches(
                ok(api.get(programmes).as(TestUsers.VIEWER).send()).path("items"), Map.of(
                        "编号 / ID", row -> row.path("id").asString(),
                        "名称 / Name", row -> row.path("name").asString(),
                        "完成 / Completed", row -> row.path("items").path("completed").asString(),
                        "完成率 / Completion rate", row -> row.path("items").path("completionRate").asString()));

        String parties = "/api/parties?kind=GOVERNMENT,DEPARTMENT&size=200";
        Table partyTable = sameInBothFiles(parties, "parties");
        partyTable.matches(ok(api.get(parties).as(TestUsers.VIEWER).send()).path("items"), Map.of(
                "代码 / Code", row -> row.path("code").asString(),
                "中文名称 / Chinese name", row -> row.path("nameZh").asString(),
                "类型 / Kind", row -> row.path("kind").path("zh").asString()));
        assertThat(partyTable.column("类型 / Kind")).containsOnly("政府", "部门");
    }

    @Test
    void statistics_download_their_groups_and_the_total_row() throws Exception {
        String projects = "/api/stats/projects?groupBy=host&party=" + s.stateEnterprise().code();
        Table projectTable = sameInBothFiles(projects, "stats-projects-by-host");
        projectTable.matches(groupsAndTotal(ok(api.get(projects).as(TestUsers.VIEWER).send())), Map.of(
                "分组 / Group", row -> row.path("key").asString(""),
                "名称 / Name", row -> row.path("label").path("zh").asString(),
                "项目数 / Projects", row -> row.path("projects").asString(),
                "协议投资 / Agreed investment", row -> row.path("agreedInvestment").path("text").asString(""),
                "协议投资（元） / Agreed investment (yuan)", row -> row.path("agreedInvestment").path("yuan").asString(""),
                "已取消项目数 / Cancelled projects", row -> row.path("cancelled").path("projects").asString()));
        assertThat(projectTable.rows.get(projectTable.rows.size() - 1).subList(1, 3)).containsExactly("合计", "44");

        String agreements = "/api/stats/agreements?groupBy=domain&party=" + s.wanzhou().code() + "&domain="
                + encode("产业") + ",TRANSPORT";
        sameInBothFiles(agreements, "stats-agreements-by-domain").matches(
                groupsAndTotal(ok(api.get(agreements).as(TestUsers.VIEWER).send())), Map.of(
                        "分组 / Group", row -> row.path("key").asString(""),
                        "协议数 / Agreements", row -> row.path("agreements").asString(),
                        "完成率 / Completion rate", row -> row.path("items").path("completionRate").asString(""),
                        "支付合计（元） / Payments total (yuan)", row -> row.path("paymentsTotal").path("yuan").asString("")));

        String programmes = "/api/stats/programmes?groupBy=programme&party=" + s.wanzhou().code();
        sameInBothFiles(programmes, "stats-programmes-by-programme").matches(
                groupsAndTotal(ok(api.get(programmes).as(TestUsers.VIEWER).send())), Map.of(
                        "分组 / Group", row -> row.path("key").asString(""),
                        "计划 / Planned", row -> row.path("planned").asString(),
                        "完成 / Completed", row -> row.path("completed").asString(),
                        "撤回 / Withdrawn", row -> row.path("withdrawn").asString(),
                        "完成率 / Completion rate", row -> row.path("completionRate").asString("")));
    }

    @Test
    void the_accept_header_chooses_a_file_too_and_json_stays_the_default() throws Exception {
        String path = "/api/stats/projects?groupBy=domain";
        HttpResponse<byte[]> csv = download(path, "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");

        HttpResponse<byte[]> anything = download(path, "*/*");
        assertThat(anything.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        HttpResponse<byte[]> browser = download(path, "text/html,application/xhtml+xml,*/*;q=0.8");
        assertThat(browser.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        // a generated client names every type the document lists for the answer; it must get JSON, not a file
        HttpResponse<byte[]> client = download(path, "text/csv, application/vnd.openxmlformats-officedocument"
                + ".spreadsheetml.sheet, application/json");
        assertThat(client.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        HttpResponse<byte[]> prefersCsv = download(path, "text/csv, application/json;q=0.5");
        assertThat(prefersCsv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    }

    @Test
    void a_file_holds_the_whole_filtered_list_unless_page_and_size_cut_it() throws Exception {
        long total = ok(api.get("/api/parties?size=2").as(TestUsers.VIEWER).send()).path("total").asLong();
        assertThat(total).as("more parties than a page of 2").isGreaterThan(2);

        assertThat(sameInBothFiles("/api/parties", "parties").rows).hasSize((int) total);
        assertThat(sameInBothFiles("/api/parties?size=2", "parties").rows).hasSize(2);
        // a file may ask for more rows than a JSON page may hold
        assertThat(sameInBothFiles("/api/parties?size=1000", "parties").rows).hasSize((int) total);
        assertInvalid(api.get("/api/parties?size=1000").as(TestUsers.VIEWER).send(), 400, "size");
        assertInvalid(api.get("/api/parties?size=100001&format=csv").as(TestUsers.VIEWER).send(), 400, "size");
    }

    @Test
    void a_bad_format_or_filter_is_refused_as_problem_json_naming_the_parameter() {
        assertInvalid(api.get("/api/projects?format=pdf").as(TestUsers.VIEWER).send(), 400, "format");
        Reply badFilter = api.get("/api/projects?format=csv&status=FINISHED").as(TestUsers.VIEWER)
                .header("Accept", "*/*").send();
        assertThat(badFilter.status()).isEqualTo(400);
        assertThat(badFilter.contentType()).startsWith("application/problem+json");
        assertThat(badFilter.errorFields()).contains("status");
        // an endpoint without a sheet does not take the parameter at all
        assertInvalid(api.get("/api/summary?format=csv").as(TestUsers.VIEWER).send(), 400, "format");
    }

    @Test
    void the_openapi_document_lists_the_file_types_and_the_format_parameter() throws Exception {
        // without Api's 30 s limit: the first rendering of the document can take longer on a busy machine
        HttpResponse<byte[]> document = download("/v3/api-docs", "application/json");
        assertThat(document.statusCode()).isEqualTo(200);
        JsonNode paths = JsonMapper.builder().build().readTree(document.body()).path("paths");
        for (String path : List.of("/api/projects", "/api/agreements", "/api/programmes", "/api/parties",
                "/api/stats/projects", "/api/stats/agreements", "/api/stats/programmes")) {
            JsonNode get = paths.path(path).path("get");
            assertThat(get.path("responses").path("200").path("content").propertyNames()).as(path)
                    .contains("text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            assertThat(StreamSupport.stream(get.path("parameters").spliterator(), false)
                    .filter(p -> p.path("name").asString().equals("format"))
                    .map(p -> p.path("schema").path("enum").toString())).as(path)
                    .containsExactly("[\"json\",\"csv\",\"xlsx\"]");
        }
        assertThat(paths.path("/api/summary").path("get").path("responses").path("200").path("content")
                .has("text/csv")).isFalse();
    }

    /** Downloads the query as CSV and as XLSX, checks the files and that both hold the same table. */
    private Table sameInBothFiles(String query, String fileName) throws IOException, InterruptedException {
        String separator = query.contains("?") ? "&" : "?";
        HttpResponse<byte[]> csv = download(query + separator + "format=csv", null);
        assertThat(csv.statusCode()).as("%s: %s", query, new String(csv.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment;").contains("filename=\"" + fileName + ".csv\"");
        byte[] bytes = csv.body();
        assertThat(Arrays.copyOf(bytes, 3)).as("UTF-8 byte order mark").containsExactly(0xEF, 0xBB, 0xBF);
        Table fromCsv = Table.ofCsv(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));

        HttpResponse<byte[]> xlsx = download(query + separator + "format=xlsx", null);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type"))
                .hasValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("filename=\"" + fileName + ".xlsx\"");
        Table fromXlsx = Table.ofXlsx(xlsx.body());

        assertThat(fromXlsx.heading).isEqualTo(fromCsv.heading);
        assertThat(fromXlsx.rows).isEqualTo(fromCsv.rows);
        return fromCsv;
    }

    private HttpResponse<byte[]> download(String path, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", TestUsers.basic(TestUsers.VIEWER));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static List<JsonNode> groupsAndTotal(JsonNode stats) {
        List<JsonNode> rows = new ArrayList<>();
        stats.path("groups").forEach(rows::add);
        rows.add(stats.path("total"));
        return rows;
    }

    private static String names(JsonNode parties) {
        List<String> names = new ArrayList<>();
        parties.forEach(p -> names.add(p.path("name").isNull() || p.path("name").isMissingNode()
                ? p.path("code").asString() : p.path("name").asString()));
        return String.join("、", names);
    }

    /** A sheet read back: the heading and the cells as text (numbers in their plain form, dates as yyyy-MM-dd). */
    private record Table(List<String> heading, List<List<String>> rows) {

        static Table ofCsv(String text) throws IOException {
            List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(text)).getRecords();
            List<List<String>> rows = records.stream().skip(1)
                    .map(r -> r.toList().stream().map(Table::plain).toList()).toList();
            return new Table(records.get(0).toList(), rows);
        }

        static Table ofXlsx(byte[] file) throws IOException {
            try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(file))) {
                List<Row> sheet = workbook.getFirstSheet().read();
                List<String> heading = sheet.get(0).stream().map(Cell::getText).toList();
                List<List<String>> rows = new ArrayList<>();
                for (Row row : sheet.subList(1, sheet.size())) {
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < heading.size(); c++) {
                        Cell cell = c < row.getCellCount() ? row.getCell(c) : null; // empty cells at the end are absent
                        if (cell == null || cell.getType() == CellType.EMPTY) {
                            cells.add("");
                        } else if (cell.getType() == CellType.NUMBER && heading.get(c).contains("日期")) {
                            cells.add(row.getCellAsDate(c).orElseThrow().toLocalDate().toString());
                        } else {
                            cells.add(plain(cell.getText()));
                        }
                    }
                    rows.add(cells);
                }
                return new Table(heading, rows);
            }
        }

        /** Numbers compare by value: 0.5000 in the CSV is 0.5 in the workbook. */
        private static String plain(String text) {
            return text.matches("-?\\d+(\\.\\d+)?") ? new BigDecimal(text).stripTrailingZeros().toPlainString() : text;
        }

        List<String> column(String name) {
            int index = heading.indexOf(name);
            assertThat(index).as("column %s in %s", name, heading).isNotNegative();
            return rows.stream().map(row -> row.get(index)).toList();
        }

        /** Row by row, each named column holds what the JSON answer holds. */
        void matches(Iterable<JsonNode> json, Map<String, Function<JsonNode, String>> columns) {
            List<JsonNode> expected = new ArrayList<>();
            json.forEach(expected::add);
            assertThat(rows).hasSameSizeAs(expected);
            Map<String, List<String>> wanted = new LinkedHashMap<>();
            columns.forEach((name, value) -> wanted.put(name, expected.stream().map(value).map(Table::plain).toList()));
            wanted.forEach((name, values) -> assertThat(column(name)).as(name).isEqualTo(values));
        }
    }
}
