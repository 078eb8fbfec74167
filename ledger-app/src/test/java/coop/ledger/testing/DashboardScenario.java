package coop.ledger.testing;

import coop.ledger.project.api.InvestmentReportedEvent;
import coop.ledger.project.api.ProjectCancelledEvent;
import coop.ledger.project.api.ProjectConstructionStartedEvent;
import coop.ledger.project.api.ProjectFirmedUpEvent;
import coop.ledger.project.api.ProjectSignedEvent;
import coop.ledger.programme.api.ProgrammeDeclaredEvent;
import coop.ledger.programme.api.ServiceItemCompletedEvent;
import coop.ledger.programme.api.ServiceItemListedEvent;
import coop.ledger.programme.api.ServiceItemReopenedEvent;
import coop.ledger.programme.api.ServiceItemWithdrawnEvent;
import coop.ledger.shared.CooperationDomain;
import coop.ledger.shared.Money;
import coop.ledger.testing.TestData.Party;
import tools.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.util.List;

import static coop.ledger.testing.TestData.object;
import static coop.ledger.testing.TestData.strings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small ledger as the sources describe it, with fresh codes so it can share the store with other tests:
 * three agreements recorded over HTTP, four project records and two programmes appended as events.
 *
 * <ul>
 *   <li>agreements: {@code framework} (万州+开州, 云阳 observing, 2020-12-08 at {@code occasion}, INDUSTRY+TRANSPORT,
 *   items: one completed, one dropped, one listed; paid 1100万元), {@code compensation} (开州+云阳, 2021-03-01,
 *   ECOLOGY, one item started), {@code memorandum} (万州+达州, 2021-06-15, expired 2021-12-31)</li>
 *   <li>projects: {@code batch} 43 projects 1153亿元 hosted by 万州 (2020-12-08, at the occasion);
 *   {@code plant} 13.3亿元 hosted by 万州 and 开州, under construction, 2亿元 + 0.5亿元 invested;
 *   {@code resort} an intention in 云阳 without amount, firmed up at 5亿元; {@code cancelled} 1亿元 in 开州</li>
 *   <li>programmes: {@code tongban} (155 + 19 added later completed, one open, one withdrawn, one reopened) and
 *   {@code convenience} (13 of 15 completed)</li>
 * </ul>
 */
public record DashboardScenario(String occasion, Party wanzhou, Party kaizhou, Party yunyang, Party dazhou,
                                Party wanzhouYibao, Party stateEnterprise, Party privateEnterprise, String framework,
                                String compensation, String memorandum, String batch, String plant, String resort,
                                String cancelled, String tongban, String convenience) {

    public static DashboardScenario record(DashboardTest test) {
        String occasion = TestData.unique("2020川渝国企万州行");
        Party wanzhou = TestData.wanzhou();
        Party kaizhou = TestData.kaizhou();
        Party yunyang = TestData.yunyang();
        Party dazhou = TestData.dazhou();
        Party yibao = wanzhou.yibao();
        Party soe = new Party(TestData.unique("cq-soe"), "重庆国有投资集团", "Chongqing State Investment Group",
                "STATE_OWNED_ENTERPRISE", null);
        Party pe = new Party(TestData.unique("pe"), "民营制造公司", "Private Manufacturing Co.", "PRIVATE_ENTERPRISE",
                null);
        test.register(wanzhou, kaizhou, yunyang, dazhou, yibao, soe, pe);

        ObjectNode frameworkSigning = TestData.signing(TestData.WAN_DA_KAI_FRAMEWORK, "FRAMEWORK",
                List.of(wanzhou, kaizhou), List.of(yunyang));
        frameworkSigning.put("occasion", occasion);
        String framework = test.sign(frameworkSigning);
        String path = "/api/agreements/" + framework;
        ok(test.api.post(path + "/items", object("itemId", "yibao-1", "description", "异地就医直接结算",
                "domain", "MEDICAL_INSURANCE", "responsibleParties", List.of(yibao.code()),
                "listedOn", "2021-01-05")).send());
        ok(test.api.post(path + "/items", object("itemId", "road-1", "description", "高速公路规划对接",
                "responsibleParties", List.of(kaizhou.code()), "listedOn", "2021-01-05")).send());
        ok(test.api.post(path + "/items", object("itemId", "park-1", "description", "共建产业园区",
                "responsibleParties", List.of(wanzhou.code(), kaizhou.code()), "listedOn", "2021-01-05")).send());
        ok(test.api.post(path + "/items/yibao-1/start", object("startedOn", "2021-02-01")).send());
        ok(test.api.post(path + "/items/yibao-1/complete", object("completedOn", "2021-06-30",
                "evidence", "已实现直接结算")).send());
        ok(test.api.post(path + "/items/road-1/drop", object("droppedOn", "2021-03-01", "reason", "并入交通专项")).send());
        ok(test.api.post(path + "/payments", object("payer", wanzhou.code(), "payee", kaizhou.code(),
                "amount", "1100万元", "paidOn", "2021-09-30")).send());

        ObjectNode compensationSigning = TestData.signing(TestData.KAIZHOU_YUNYANG_COMPENSATION,
                "ECOLOGICAL_COMPENSATION", List.of(kaizhou, yunyang), List.of());
        compensationSigning.put("signedOn", "2021-03-01");
        compensationSigning.remove("occasion");
        compensationSigning.set("domains", strings("ECOLOGY"));
        String compensation = test.sign(compensationSigning);
        ok(test.api.post("/api/agreements/" + compensation + "/items", object("itemId", "water-1",
                "description", "断面水质监测", "responsibleParties", List.of(yunyang.code()),
                "listedOn", "2021-03-01")).send());
        ok(test.api.post("/api/agreements/" + compensation + "/items/water-1/start",
                object("startedOn", "2021-04-01")).send());

        ObjectNode memorandumSigning = TestData.signing("万达合作备忘录", "MEMORANDUM", List.of(wanzhou, dazhou),
                List.of());
        memorandumSigning.put("signedOn", "2021-06-15");
        memorandumSigning.remove("occasion");
        memorandumSigning.set("domains", strings("LOGISTICS"));
        String memorandum = test.sign(memorandumSigning);
        ok(test.api.post("/api/agreements/" + memorandum + "/expiry", object("expiredOn", "2021-12-31")).send());

        String batch = TestData.unique("soe-batch");
        test.project(batch, new ProjectSignedEvent(batch, "川渝国企万州行签约项目", List.of(soe.code()),
                List.of(wanzhou.code()), occasion, framework, CooperationDomain.INDUSTRY, Money.parse("1153亿元"),
                LocalDate.of(2020, 12, 8), false, 43, "来源只报告总数"));
        String plant = TestData.unique("plant");
        test.project(plant, new ProjectSignedEvent(plant, "万开新材料产业园", List.of(pe.code()),
                        List.of(wanzhou.code(), kaizhou.code()), null, null, CooperationDomain.INDUSTRY,
                        Money.parse("13.3亿元"), LocalDate.of(2021, 4, 1), false, 1, null),
                new ProjectConstructionStartedEvent(plant, LocalDate.of(2021, 5, 1)),
                new InvestmentReportedEvent(plant, "r1", Money.parse("2亿元"), LocalDate.of(2021, 6, 30), null),
                new InvestmentReportedEvent(plant, "r2", Money.parse("0.5亿元"), LocalDate.of(2021, 9, 30), null));
        String resort = TestData.unique("resort");
        test.project(resort, new ProjectSignedEvent(resort, "云阳文旅度假区", List.of(soe.code()),
                        List.of(yunyang.code()), null, null, CooperationDomain.CULTURE_TOURISM, null,
                        LocalDate.of(2021, 5, 1), true, 1, null),
                new ProjectFirmedUpEvent(resort, LocalDate.of(2021, 7, 1), Money.parse("5亿元")));
        String cancelled = TestData.unique("cancelled");
        test.project(cancelled, new ProjectSignedEvent(cancelled, "开州物流中心", List.of(pe.code()),
                        List.of(kaizhou.code()), null, null, CooperationDomain.LOGISTICS, Money.parse("1亿元"),
                        LocalDate.of(2021, 2, 1), false, 1, null),
                new ProjectCancelledEvent(cancelled, LocalDate.of(2021, 8, 1), "用地未落实"));

        String tongban = TestData.unique("chuanyu-tongban");
        test.programme(tongban, new ProgrammeDeclaredEvent(tongban, "川渝通办", List.of(wanzhou.code(), dazhou.code()),
                        "2020-2022", List.of("政务服务", "医保"), LocalDate.of(2021, 1, 10), null),
                listed(tongban, "first-list", "第一批通办事项", "政务服务", List.of(wanzhou.code()), false, 155),
                new ServiceItemCompletedEvent(tongban, "first-list", LocalDate.of(2021, 12, 31), "全部实现"),
                listed(tongban, "extra", "清单外新增事项", "政务服务", List.of(dazhou.code()), true, 19),
                new ServiceItemCompletedEvent(tongban, "extra", LocalDate.of(2021, 12, 31), "全部实现"),
                listed(tongban, "yibao-transfer", "医保关系转移接续", "医保", List.of(yibao.code()), false, 1),
                listed(tongban, "withdrawn", "已撤回事项", "医保", List.of(yibao.code()), false, 1),
                new ServiceItemWithdrawnEvent(tongban, "withdrawn", LocalDate.of(2021, 5, 1), "政策调整"),
                listed(tongban, "reopened", "误报完成事项", "政务服务", List.of(wanzhou.code()), false, 1),
                new ServiceItemCompletedEvent(tongban, "reopened", LocalDate.of(2021, 6, 1), "误报"),
                new ServiceItemReopenedEvent(tongban, "reopened", LocalDate.of(2021, 6, 2), "误报完成"));
        String convenience = TestData.unique("wky-convenience");
        test.programme(convenience, new ProgrammeDeclaredEvent(convenience, "万开云同城化便捷服务事项",
                        List.of(wanzhou.code(), kaizhou.code(), yunyang.code()), "2021", List.of(),
                        LocalDate.of(2021, 2, 1), null),
                listed(convenience, "done", "已办结便捷事项", null, List.of(kaizhou.code()), false, 13),
                new ServiceItemCompletedEvent(convenience, "done", LocalDate.of(2021, 11, 30), "13项完成"),
                listed(convenience, "open", "推进中便捷事项", null, List.of(yunyang.code()), false, 2));
        test.awaitProjections();
        return new DashboardScenario(occasion, wanzhou, kaizhou, yunyang, dazhou, yibao, soe, pe, framework,
                compensation, memorandum, batch, plant, resort, cancelled, tongban, convenience);
    }

    private static ServiceItemListedEvent listed(String programme, String item, String name, String category,
                                                 List<String> responsible, boolean addedLater, int count) {
        return new ServiceItemListedEvent(programme, item, name, category, responsible, LocalDate.of(2021, 2, 1),
                addedLater, count, LocalDate.of(2021, 1, 10), count > 1 ? "来源只报告总数" : null);
    }

    private static void ok(Reply reply) {
        assertThat(reply.status()).as("%s", reply).isIn(200, 201);
    }
}
