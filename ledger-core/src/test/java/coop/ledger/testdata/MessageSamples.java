package coop.ledger.testdata;

import coop.ledger.agreement.api.AgreementAmendedEvent;
import coop.ledger.agreement.api.AgreementExpiredEvent;
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
import coop.ledger.shared.CooperationDomain;

import java.time.LocalDate;
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
