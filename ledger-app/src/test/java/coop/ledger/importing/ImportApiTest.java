package coop.ledger.importing;

import coop.ledger.testing.LedgerHttpTest;
import coop.ledger.testing.Reply;
import coop.ledger.testing.TestData;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Bulk import over HTTP: good, bad and duplicate rows, JSON and CSV, and files that are not files at all. */
class ImportApiTest extends LedgerHttpTest {

    /** Two parties, an agreement with a completed item and a payment; {@code suffix} keeps ids unique per test. */
    private static String dataset(String s) {
        return """
                {"dataset": "test",
                 "parties": [
                   {"code": "imp-kz-%1$s", "nameZh": "开州区", "kind": "GOVERNMENT"},
                   {"code": "imp-yy-%1$s", "nameZh": "云阳县", "kind": "政府"}
                 ],
                 "agreements": [
                   {"id": "imp-pengxi-%1$s", "title": "澎溪河流域横向生态保护补偿协议", "kind": "生态补偿协议",
                    "signatories": ["imp-kz-%1$s", "imp-yy-%1$s"], "signedOn": "2021-03-01",
                    "items": [
                      {"itemId": "monitoring", "description": "断面监测数据共享", "listedOn": "2021-03-01",
                       "completedOn": "2021-05-20", "evidence": "三地监测数据共享平台上线"},
                      {"itemId": "batch", "description": "来源只报告总数的事项", "itemCount": 11, "listedOn": "2021-03-01"}
                    ],
                    "payments": [
                      {"paymentId": "paid", "payer": "imp-yy-%1$s", "payee": "imp-kz-%1$s", "amount": "1100万元",
                       "paidOn": "2021-09-30"}
                    ]}
                 ]}
                """.formatted(s);
    }

    private Reply importJson(String body) {
        return api.post("/api/imports", null).body(body, "application/json").send();
    }

    @Test
    void records_every_row_through_the_same_rules_as_the_api() {
        String s = TestData.unique("a");

        Reply reply = importJson(dataset(s));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().get("rows").asLong()).isEqualTo(6);
        assertThat(reply.json().get("recorded").asLong()).isEqualTo(6);
        assertThat(reply.json().get("rejected").asLong()).isZero();
        JsonNode agreement = agreement("imp-pengxi-" + s).json();
        assertThat(agreement.get("title").asString()).isEqualTo("澎溪河流域横向生态保护补偿协议");
        assertThat(agreement.at("/itemCounts/completed").asLong()).isEqualTo(1);
        assertThat(agreement.at("/itemCounts/total").asLong()).isEqualTo(12);
        assertThat(agreement.at("/paymentsTotal/text").asString()).isEqualTo("1100万元");
        assertThat(agreement.at("/version").asLong()).isEqualTo(5);
    }

    @Test
    void importing_the_same_file_again_records_nothing_twice() {
        String s = TestData.unique("b");
        importJson(dataset(s));

        Reply again = importJson(dataset(s));

        assertThat(again.json().get("recorded").asLong()).isZero();
        assertThat(again.json().get("alreadyRecorded").asLong()).isEqualTo(6);
        assertThat(again.json().get("rejected").asLong()).isZero();
        assertThat(agreement("imp-pengxi-" + s).json().at("/version").asLong()).isEqualTo(5);
    }

    @Test
    void reports_each_bad_row_with_its_line_and_reason_and_records_the_others() {
        String s = TestData.unique("c");
        String body = """
                {"parties": [
                   {"code": "imp-ok-%1$s", "nameZh": "万州区", "kind": "GOVERNMENT"},
                   {"code": "imp-bad-%1$s", "nameZh": "达州市", "kind": "GOVERNMENT",
                    "establishedOn": "2020-13-45"},
                   {"code": "imp-dept-%1$s", "nameZh": "医保局", "kind": "DEPARTMENT"}
                 ],
                 "agreements": [
                   {"id": "imp-lonely-%1$s", "title": "单方协议", "kind": "MEMORANDUM",
                    "signatories": ["imp-ok-%1$s", "imp-missing-%1$s"], "signedOn": "2021-01-01",
                    "items": [{"itemId": "x", "description": "无", "listedOn": "2021-01-01"}]},
                   {"id": "imp-money-%1$s", "title": "金额错误", "kind": "MEMORANDUM",
                    "signatories": ["imp-ok-%1$s", "imp-ok2-%1$s"], "signedOn": "2021-01-01", "surprise": 1}
                 ]}
                """.formatted(s);

        Reply reply = importJson(body);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("recorded").asLong()).isEqualTo(1);
        assertThat(reply.json().get("rejected").asLong()).isEqualTo(5);
        JsonNode rejections = reply.json().get("rejections");
        assertThat(rejections.get(0).get("line").asLong()).isEqualTo(3);
        assertThat(rejections.get(0).get("field").asString()).isEqualTo("establishedOn");
        assertThat(rejections.toString()).doesNotContain("coop.ledger", "`", "Exception");
        assertThat(rejections.get(1).get("line").asLong()).isEqualTo(5);
        assertThat(rejections.get(1).get("rule").asString()).isEqualTo("party.department-needs-parent");
        assertThat(rejections.get(2).get("line").asLong()).isEqualTo(8);
        assertThat(rejections.get(2).get("rule").asString()).isEqualTo("party.unknown");
        assertThat(rejections.get(3).get("path").asString()).isEqualTo("agreements[0].items[0]");
        assertThat(rejections.get(3).get("reason").asString()).contains("was rejected");
        assertThat(rejections.get(4).get("field").asString()).isEqualTo("surprise");
        assertThat(api.get("/api/parties/imp-ok-" + s).send().status()).isEqualTo(200);
        assertThat(api.get("/api/parties/imp-bad-" + s).send().status()).isEqualTo(404);
    }

    @Test
    void refuses_rows_whose_text_the_api_would_refuse_and_keeps_line_breaks_in_free_text() {
        String s = TestData.unique("t");
        String body = """
                {"parties": [
                   {"code": "imp-nul-%1$s", "nameZh": "a\\u0000b", "kind": "GOVERNMENT"},
                   {"code": "imp-esc-%1$s", "nameZh": "\\u0007\\u001b[31m", "kind": "GOVERNMENT"},
                   {"code": "imp-half-%1$s", "nameZh": "\\ud800", "kind": "GOVERNMENT"},
                   {"code": " imp-pad-%1$s", "nameZh": "万州区", "kind": "GOVERNMENT"},
                   {"code": "imp-wz-%1$s", "nameZh": "万州区", "kind": "GOVERNMENT"},
                   {"code": "imp-kz-%1$s", "nameZh": "开州区", "kind": "GOVERNMENT"}
                 ],
                 "agreements": [
                   {"id": "imp-lines-%1$s", "title": "多行摘要", "kind": "MEMORANDUM", "signedOn": "2021-01-01",
                    "signatories": ["imp-wz-%1$s", "imp-kz-%1$s"], "summary": "第一行\\r\\n\\t第二行"}
                 ]}
                """.formatted(s);

        Reply reply = importJson(body);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().get("recorded").asLong()).isEqualTo(3);
        assertThat(reply.json().get("rejected").asLong()).isEqualTo(4);
        JsonNode rejections = reply.json().get("rejections");
        assertThat(rejections.findValuesAsString("field")).containsExactly("nameZh", "nameZh", "nameZh", "code");
        assertThat(rejections.get(0).get("reason").asString()).contains("control characters (U+0000");
        assertThat(rejections.get(1).get("reason").asString()).contains("control characters (U+0007");
        assertThat(rejections.get(2).get("reason").asString()).contains("half of a surrogate pair");
        assertThat(api.get("/api/parties/imp-nul-" + s).send().status()).isEqualTo(404);
        assertThat(agreement("imp-lines-" + s).json().get("summary").asString()).isEqualTo("第一行\r\n\t第二行");
    }

    @Test
    void refuses_a_file_that_gives_a_key_twice() {
        Reply reply = importJson("{\"parties\": [{\"code\": \"imp-dup\", \"code\": \"imp-dup2\"}]}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.errorFields()).containsExactly("file");
        assertThat(reply.json().get("detail").asString()).contains("Duplicate");
    }

    @Test
    void imports_csv_rows_with_lists_separated_by_bars() {
        String s = TestData.unique("d");
        String csv = """
                record,code,nameZh,kind,id,title,signatories,signedOn,agreementId,itemId,description,listedOn
                party,imp-wz-%1$s,万州区,GOVERNMENT,,,,,,,,
                party,imp-dz-%1$s,达州市,GOVERNMENT,,,,,,,,
                agreement,,,FRAMEWORK,imp-plan-%1$s,万达开国土空间规划协同合作框架协议,imp-wz-%1$s|imp-dz-%1$s,2020-06-16,,,,
                agreement-item,,,,,,,,imp-plan-%1$s,joint,"规划共编,共享",2020-06-16
                agreement-item,,,,,,,,imp-plan-%1$s,late,未来事项,2999-01-01
                """.formatted(s);

        Reply reply = api.post("/api/imports", null).body(csv, "text/csv").send();

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().get("recorded").asLong()).isEqualTo(4);
        assertThat(reply.json().at("/rejections/0/line").asLong()).isEqualTo(6);
        assertThat(reply.json().at("/rejections/0/rule").asString()).isEqualTo("business-date.in-future");
        assertThat(agreement("imp-plan-" + s).json().at("/items/0/description").asString()).isEqualTo("规划共编,共享");
    }

    @Test
    void refuses_a_file_that_is_not_json_with_a_problem() {
        Reply reply = importJson("{not json");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.errorFields()).containsExactly("file");
    }

    @Test
    void refuses_an_unknown_section_rather_than_skipping_it() {
        Reply reply = importJson("{\"partys\": [{\"code\": \"x\"}]}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().at("/rejections/0/kind").asString()).isEqualTo("unknown");
        assertThat(reply.json().at("/rejections/0/path").asString()).isEqualTo("partys");
    }

    @Test
    void only_administrators_import() {
        Reply reply = api.post("/api/imports", null).as("viewer").body(dataset("v"), "application/json").send();

        assertThat(reply.status()).isEqualTo(403);
    }
}
