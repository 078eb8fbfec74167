package coop.ledger.testdata;

import coop.ledger.agreement.api.AgreementAmendedEvent;
import coop.ledger.agreement.api.AgreementExpiredEvent;
import coop.ledger.agreement.api.AgreementSigningCorrectedEvent;
import coop.ledger.agreement.api.CorrectAgreementSigningCommand;
import coop.ledger.agreement.api.CorrectPaymentCommand;
import coop.ledger.agreement.api.PaymentCorrectedEvent;
import coop.ledger.project.api.CorrectInvestmentReportCommand;
import coop.ledger.project.api.CorrectProjectCommand;
import coop.ledger.project.api.InvestmentReportCorrectedEvent;
import coop.ledger.project.api.ProjectCorrectedEvent;
import coop.ledger.programme.api.CorrectServiceItemCommand;
import coop.ledger.programme.api.ServiceItemCorrectedEvent;
import coop.ledger.agreement.api.AgreementSupersededEvent;
import coop.ledger.agreement.api.AgreementTerminatedEvent;
import coop.ledger.agreement.api.AmendAgreementCommand;
import coop.ledger.agreement.api.CompleteCooperationItemCommand;
import coop.ledger.agreement.api.CooperationItemCompletedEvent;
import coop.ledger.agreement.api.CooperationItemDroppedEvent;
import coop.ledger.agreement.api.CooperationItemStartedEvent;
import coop.ledger.agreement.api.DropCooperationItemCommand;
import coop.ledger.agreement.api.ExpireAgreementCommand;
import coop.ledger.agreement.api.FindAgreementQuery;
import coop.ledger.agreement.api.JoinAgreementCommand;
import coop.ledger.agreement.api.ObserverPromotedEvent;
import coop.ledger.agreement.api.ParticipantRole;
import coop.ledger.agreement.api.PartyJoinedAgreementEvent;
import coop.ledger.agreement.api.PromoteObserverCommand;
import coop.ledger.agreement.api.StartCooperationItemCommand;
import coop.ledger.agreement.api.SupersedeAgreementCommand;
import coop.ledger.agreement.api.TerminateAgreementCommand;
import coop.ledger.party.api.FindPartyQuery;
import coop.ledger.party.api.PartyRenamedEvent;
import coop.ledger.party.api.RenamePartyCommand;
import coop.ledger.project.api.CancelProjectCommand;

import coop.ledger.project.api.CompleteProjectCommand;
import coop.ledger.project.api.FindProjectQuery;
import coop.ledger.project.api.FirmUpProjectCommand;
import coop.ledger.project.api.InvestmentReportedEvent;
import coop.ledger.project.api.ProjectCancelledEvent;
import coop.ledger.project.api.ProjectCompletedEvent;
import coop.ledger.project.api.ProjectConstructionStartedEvent;
import coop.ledger.project.api.ProjectFirmedUpEvent;
import coop.ledger.project.api.ProjectSignedEvent;
import coop.ledger.project.api.ReportInvestmentCommand;
import coop.ledger.project.api.SignProjectCommand;
import coop.ledger.project.api.StartProjectConstructionCommand;
import coop.ledger.programme.api.CompleteServiceItemCommand;
import coop.ledger.programme.api.FindProgrammeQuery;
import coop.ledger.programme.api.ProgrammeDeclaredEvent;
import coop.ledger.programme.api.ReopenServiceItemCommand;
import coop.ledger.programme.api.ServiceItemCompletedEvent;
import coop.ledger.programme.api.ServiceItemListedEvent;
import coop.ledger.programme.api.ServiceItemReopenedEvent;
import coop.ledger.programme.api.ServiceItemWithdrawnEvent;
import coop.ledger.programme.api.WithdrawServiceItemCommand;
import coop.ledger.shared.CooperationDomain;
import coop.ledger.shared.Money;
import coop.ledger.shared.Provenance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static coop.ledger.testdata.Agreements.GOV_SERVICES;
import static coop.ledger.testdata.Agreements.GOV_SERVICES_2021;
import static coop.ledger.testdata.Agreements.TONGBAN;
import static coop.ledger.testdata.Parties.LIANGPING;
import static coop.ledger.testdata.Parties.WANZHOU_YIBAO;
import static coop.ledger.testdata.Parties.YUNYANG;

/** One sample of every command, event and query, with Chinese text, for tests that must see them all. */
public final class MessageSamples {

    private static final LocalDate DAY = LocalDate.of(2021, 4, 23);
    private static final Map<Class<?>, Object> BY_TYPE = all().stream()
            .collect(Collectors.toMap(Object::getClass, Function.identity()));

    private MessageSamples() {
    }

    public static Optional<Object> of(Class<?> type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    public static List<Object> all() {
        List<Object> all = new ArrayList<>(foundation());
        all.addAll(projects());
        all.addAll(programmes());
        all.addAll(corrections());
        return List.copyOf(all);
    }

    /** Signed projects (签约项目): the Wan-Kai-Yun industrial signing, where the source reports only totals. */
    private static List<Object> projects() {
        String project = "wky-2021-wanzhou";
        return List.of(
                new ProjectSignedEvent(project, "万开云产业协同发展项目（万州）", List.of("wky-investors"),
                        List.of("wanzhou"), "万开云产业协同发展项目集中签约", null, CooperationDomain.INDUSTRY,
                        Money.parse("13.3亿元"), DAY, false, 5, "来源只报告万州5个项目的总投资",
                        Money.parse("40.27亿元"), new Provenance("002_d845902defb982b8.txt",
                        "其中万州签约项目 5 个，总投资 13.3 亿元",
                        List.of(new Provenance.Inferred("signedOn", "来源未报道签约日期")))),
                new ProjectFirmedUpEvent(project, DAY, Money.parse("13.5亿元")),
                new ProjectConstructionStartedEvent(project, DAY),
                new ProjectCompletedEvent(project, DAY),
                new ProjectCancelledEvent(project, DAY, "企业调整投资计划"),
                new InvestmentReportedEvent(project, "2021-q3", Money.parse("1100万元"), DAY, "第三季度完成投资"),
                new SignProjectCommand(project, "万开云产业协同发展项目（万州）", List.of("wky-investors"),
                        List.of("wanzhou"), "万开云产业协同发展项目集中签约", GOV_SERVICES, CooperationDomain.INDUSTRY,
                        Money.parse("13.3亿元"), DAY, true, 5, "来源只报告万州5个项目的总投资"),
                new FirmUpProjectCommand(project, DAY, Money.parse("13.5亿元"), 1L),
                new StartProjectConstructionCommand(project, DAY, 2L),
                new CompleteProjectCommand(project, DAY, 3L),
                new CancelProjectCommand(project, DAY, "企业调整投资计划", null),
                new ReportInvestmentCommand(project, "2021-q3", Money.parse("1100万元"), DAY, "第三季度完成投资", 4L),
                new FindProjectQuery(project));
    }

    /** Public-service programmes: 川渝通办, where the source reports 155 items completed and 19 added later. */
    private static List<Object> programmes() {
        String programme = "chuanyu-tongban";
        return List.of(
                new ProgrammeDeclaredEvent(programme, "川渝通办", List.of("chongqing", "sichuan"), "2020-2021",
                        List.of("政务服务"), DAY, null),
                new ServiceItemListedEvent(programme, "added-later", "清单外新增通办事项", "政务服务",
                        List.of("kaizhou"), DAY, true, 19, DAY, "来源只报告总数"),
                new ServiceItemCompletedEvent(programme, "added-later", DAY, "开州区政务服务中心通报"),
                new ServiceItemWithdrawnEvent(programme, "added-later", DAY, "并入国家清单"),
                new ServiceItemReopenedEvent(programme, "added-later", DAY, "误记为完成"),
                Programmes.declaration().command(),
                Programmes.listing().addedLater().itemCount(19).note("来源只报告总数").expectedVersion(1L).command(),
                new CompleteServiceItemCommand(programme, "added-later", DAY, "开州区政务服务中心通报", 2L),
                new WithdrawServiceItemCommand(programme, "added-later", DAY, "并入国家清单", null),
                new ReopenServiceItemCommand(programme, "added-later", DAY, "误记为完成", null),
                new FindProgrammeQuery(programme));
    }

    /** Corrections (更正) of mis-recorded facts, each citing the event it corrects. */
    private static List<Object> corrections() {
        String project = "wky-2021-wanzhou";
        String programme = "chuanyu-tongban";
        return List.of(
                new CorrectPaymentCommand(Agreements.PENGXI, Agreements.PENGXI_PAYMENT, 1L, null, null,
                        Money.parse("110万元"), null, "录入时金额多写一位", 2L),
                new PaymentCorrectedEvent(Agreements.PENGXI, Agreements.PENGXI_PAYMENT, 1, null, null,
                        Money.parse("110万元"), null, "录入时金额多写一位", DAY),
                new CorrectAgreementSigningCommand(GOV_SERVICES, 0L, null, DAY, "达州", "川渝合作签约活动",
                        "以协议文本为准", null),
                new AgreementSigningCorrectedEvent(GOV_SERVICES, 0, null, DAY, "达州", "川渝合作签约活动", "以协议文本为准", DAY),
                new CorrectProjectCommand(project, 0L, Money.parse("13.5亿元"), DAY, List.of("wanzhou", "kaizhou"),
                        List.of("wky-investors"), "万开云产业协同发展项目集中签约", CooperationDomain.INDUSTRY, 6,
                        "以签约通稿为准", null, Money.parse("20亿元"), false, true),
                new ProjectCorrectedEvent(project, 0, Money.parse("13.5亿元"), DAY, List.of("wanzhou", "kaizhou"),
                        List.of("wky-investors"), "万开云产业协同发展项目集中签约", CooperationDomain.INDUSTRY, 6,
                        "以签约通稿为准", DAY, Money.parse("20亿元"), null, true),
                new CorrectInvestmentReportCommand(project, "2021-q3", 5L, Money.parse("1000万元"), DAY, "统计口径更正",
                        7L),
                new InvestmentReportCorrectedEvent(project, "2021-q3", 5, Money.parse("1000万元"), DAY, "统计口径更正", DAY),
                new CorrectServiceItemCommand(programme, "added-later", 1L, 20, DAY, "政务服务", "按清单原文更正", null),
                new ServiceItemCorrectedEvent(programme, "added-later", 1, 20, DAY, "政务服务", "按清单原文更正", DAY));
    }

    private static List<Object> foundation() {
        return List.of(
                Parties.registerWanzhouYibao(),
                Parties.wanzhouYibaoRegistered(),
                new RenamePartyCommand(WANZHOU_YIBAO, "重庆市万州区医疗保障局", null, DAY, "规范机构全称", 1L),
                new PartyRenamedEvent(WANZHOU_YIBAO, "万州区医保局", "Wanzhou Medical Insurance Bureau",
                        "重庆市万州区医疗保障局", null, DAY, "规范机构全称"),
                new FindPartyQuery(WANZHOU_YIBAO),

                Agreements.signing().occasion("2020川渝国企万州行").command(),
                Agreements.govServicesSigned(),
                new JoinAgreementCommand(GOV_SERVICES, LIANGPING, ParticipantRole.OBSERVER, DAY, 2L),
                new PartyJoinedAgreementEvent(GOV_SERVICES, LIANGPING, ParticipantRole.OBSERVER, DAY),
                new PromoteObserverCommand(GOV_SERVICES, YUNYANG, DAY, 3L),
                new ObserverPromotedEvent(GOV_SERVICES, YUNYANG, DAY),
                Agreements.listing().expectedVersion(4L).command(),
                Agreements.tongbanListed(),
                new StartCooperationItemCommand(GOV_SERVICES, TONGBAN, DAY, null),
                new CooperationItemStartedEvent(GOV_SERVICES, TONGBAN, DAY),
                new CompleteCooperationItemCommand(GOV_SERVICES, TONGBAN, DAY, "川渝通办事项已上线运行", null),
                new CooperationItemCompletedEvent(GOV_SERVICES, TONGBAN, DAY, "川渝通办事项已上线运行"),
                new DropCooperationItemCommand(GOV_SERVICES, TONGBAN, DAY, "并入川渝通办清单", null),
                new CooperationItemDroppedEvent(GOV_SERVICES, TONGBAN, DAY, "并入川渝通办清单"),
                new AmendAgreementCommand(GOV_SERVICES, DAY, null, "增加医保经办同城化内容",
                        Set.of(CooperationDomain.GOVERNMENT_SERVICES, CooperationDomain.MEDICAL_INSURANCE),
                        "增加医保经办9类17项业务", "落实万开云医保经办服务框架协议", null),
                new AgreementAmendedEvent(GOV_SERVICES, DAY, null, "增加医保经办同城化内容",
                        Set.of(CooperationDomain.GOVERNMENT_SERVICES, CooperationDomain.MEDICAL_INSURANCE),
                        "增加医保经办9类17项业务", "落实万开云医保经办服务框架协议"),
                new SupersedeAgreementCommand(GOV_SERVICES, GOV_SERVICES_2021, DAY, "签订新一轮合作协议", null),
                new AgreementSupersededEvent(GOV_SERVICES, GOV_SERVICES_2021, DAY, "签订新一轮合作协议"),
                new ExpireAgreementCommand(GOV_SERVICES, DAY, null),
                new AgreementExpiredEvent(GOV_SERVICES, DAY),
                new TerminateAgreementCommand(GOV_SERVICES, DAY, "并入万达开川渝统筹发展示范区工作机制", null),
                new AgreementTerminatedEvent(GOV_SERVICES, DAY, "并入万达开川渝统筹发展示范区工作机制"),
                Agreements.payment().command(),
                Agreements.payment().event(),
                new FindAgreementQuery(GOV_SERVICES));
    }
}
