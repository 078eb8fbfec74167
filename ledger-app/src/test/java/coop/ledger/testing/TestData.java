package coop.ledger.testing;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Parties and agreements of north-east Chongqing and east Sichuan as request bodies. Every record gets a fresh
 * code, so tests can share one store without seeing each other's records.
 */
public final class TestData {

    public static final String WAN_DA_KAI_FRAMEWORK = "万达开川渝统筹发展示范区合作框架协议";
    public static final String KAIZHOU_YUNYANG_COMPENSATION = "开州区云阳县流域生态补偿协议";
    public static final String MEDICAL_INSURANCE_FRAMEWORK = "万开云医保经办服务框架协议";
    public static final String MINGYUESHAN_GREEN_BELT = "共建明月山绿色发展示范带合作协议";
    public static final String STATE_ENTERPRISE_OCCASION = "2020川渝国企万州行";
    public static final String WAN_KAI_YUN_INDUSTRY_PROJECTS = "万开云产业协同发展项目（万州）";
    public static final String WAN_KAI_YUN_SIGNING = "万开云产业协同发展项目集中签约";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private TestData() {
    }

    /** {@code base} with a suffix no other test in this JVM gets, e.g. "wanzhou-17". */
    public static String unique(String base) {
        return base + "-" + SEQUENCE.incrementAndGet();
    }

    /** A party as a registration body; {@code parentCode} only for departments. */
    public record Party(String code, String nameZh, String nameEn, String kind, String parentCode) {

        public ObjectNode json() {
            ObjectNode body = object("code", code, "nameZh", nameZh, "nameEn", nameEn, "kind", kind);
            if (parentCode != null) {
                body.put("parentCode", parentCode);
            }
            return body;
        }

        /** This government's medical-insurance bureau (医保局). */
        public Party yibao() {
            return new Party(code + "-yibao", nameZh + "医保局", nameEn + " Medical Insurance Bureau", "DEPARTMENT",
                    code);
        }
    }

    public static Party wanzhou() {
        return government("wanzhou", "万州区", "Wanzhou District");
    }

    public static Party kaizhou() {
        return government("kaizhou", "开州区", "Kaizhou District");
    }

    public static Party yunyang() {
        return government("yunyang", "云阳县", "Yunyang County");
    }

    public static Party dazhou() {
        return government("dazhou", "达州市", "Dazhou City");
    }

    /** 上汽红岩, a state-owned enterprise that signed an intention in the Wan-Kai-Yun signing. */
    public static Party saicHongyan() {
        return new Party(unique("saic-hongyan"), "上汽红岩汽车有限公司", "SAIC-IVECO Hongyan", "STATE_OWNED_ENTERPRISE",
                null);
    }

    private static Party government(String code, String nameZh, String nameEn) {
        return new Party(unique(code), nameZh, nameEn, "GOVERNMENT", null);
    }

    /** A signing body with a fresh id, signed on 8 Dec 2020 in Wanzhou at the state-enterprise event. */
    public static ObjectNode signing(String title, String kind, List<Party> signatories, List<Party> observers) {
        ObjectNode body = object("id", unique("agreement"), "title", title, "kind", kind, "signedOn", "2020-12-08",
                "place", "万州", "occasion", STATE_ENTERPRISE_OCCASION, "summary", "川渝毗邻地区合作");
        body.set("signatories", codes(signatories));
        body.set("observers", codes(observers));
        body.set("domains", strings("INDUSTRY", "交通"));
        return body;
    }

    /**
     * A project signing body with a fresh id: the five Wan-Kai-Yun industrial projects hosted by Wanzhou, signed on
     * 23 Apr 2021, worth 13.3亿元 in total (the source gives only the total).
     */
    public static ObjectNode projectSigning(List<Party> investors, List<Party> hostParties) {
        ObjectNode body = object("id", unique("project"), "name", WAN_KAI_YUN_INDUSTRY_PROJECTS,
                "occasion", WAN_KAI_YUN_SIGNING, "domain", "产业", "agreedInvestment", "13.3亿元",
                "signedOn", "2021-04-23", "projectCount", 5, "note", "来源只报告万州5个项目的总投资");
        body.set("investors", codes(investors));
        body.set("hostParties", codes(hostParties));
        return body;
    }

    /** A JSON object from name/value pairs; null values are left out. */
    public static ObjectNode object(Object... namesAndValues) {
        ObjectNode node = Api.MAPPER.createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value != null) {
                node.set((String) namesAndValues[i], Api.MAPPER.valueToTree(value));
            }
        }
        return node;
    }

    /** The codes of a list of parties as the API names them ({@code {code, name}}). */
    public static ArrayNode codes(JsonNode parties) {
        ArrayNode array = Api.MAPPER.createArrayNode();
        parties.forEach(p -> array.add(p.path("code").asString()));
        return array;
    }

    public static ArrayNode strings(String... values) {
        ArrayNode array = Api.MAPPER.createArrayNode();
        Arrays.stream(values).forEach(array::add);
        return array;
    }

    public static ArrayNode codes(List<Party> parties) {
        return strings(parties.stream().map(Party::code).toArray(String[]::new));
    }
}
