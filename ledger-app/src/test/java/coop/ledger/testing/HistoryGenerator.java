package coop.ledger.testing;

import coop.ledger.programme.api.ServiceItemCorrectedEvent;
import coop.ledger.project.api.InvestmentReportCorrectedEvent;
import coop.ledger.project.api.ProjectCorrectedEvent;
import coop.ledger.agreement.api.AgreementSigningCorrectedEvent;
import coop.ledger.agreement.api.PaymentCorrectedEvent;
import coop.ledger.agreement.api.AgreementAmendedEvent;
import coop.ledger.agreement.api.AgreementExpiredEvent;
import coop.ledger.agreement.api.AgreementKind;
import coop.ledger.agreement.api.AgreementSignedEvent;
import coop.ledger.agreement.api.AgreementSupersededEvent;
import coop.ledger.agreement.api.AgreementTerminatedEvent;
import coop.ledger.agreement.api.CooperationItemCompletedEvent;
import coop.ledger.agreement.api.CooperationItemDroppedEvent;
import coop.ledger.agreement.api.CooperationItemListedEvent;
import coop.ledger.agreement.api.CooperationItemStartedEvent;
import coop.ledger.agreement.api.ObserverPromotedEvent;
import coop.ledger.agreement.api.ParticipantRole;
import coop.ledger.agreement.api.PartyJoinedAgreementEvent;
import coop.ledger.agreement.api.PaymentRecordedEvent;
import coop.ledger.shared.PartyKind;
import coop.ledger.party.api.PartyRegisteredEvent;
import coop.ledger.party.api.PartyRenamedEvent;
import coop.ledger.project.api.InvestmentReportedEvent;
import coop.ledger.project.api.ProjectCancelledEvent;
import coop.ledger.project.api.ProjectCompletedEvent;
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
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * A large, varied and deterministic history of every record kind (parties, agreements with cooperation lists and
 * payments, projects with batches and investment reports, programmes with batch items), as domain event messages
 * ready to append. Ids start with {@code prefix}, so it can share a store with other tests.
 */
public final class HistoryGenerator {

    private static final LocalDate START = LocalDate.of(2020, 1, 1);
    private static final CooperationDomain[] DOMAINS = CooperationDomain.values();
    private static final AgreementKind[] KINDS = AgreementKind.values();
    private static final String[] OCCASIONS = {"2020川渝国企万州行", "万达开示范区建设推进会", "川东北经济区联席会", null};

    private final Random random = new Random(20201208);
    private final String prefix;
    private final List<GenericDomainEventMessage<?>> messages = new ArrayList<>();
    private final Map<String, Integer> perKind = new TreeMap<>();
    private final List<String> parties = new ArrayList<>();

    public HistoryGenerator(String prefix) {
        this.prefix = prefix;
    }

    public List<GenericDomainEventMessage<?>> generate(int partyCount, int agreementCount, int projectCount,
                                                int programmeCount) {
        for (int i = 0; i < partyCount; i++) {
            party(i);
        }
        for (int i = 0; i < agreementCount; i++) {
            agreement(i);
        }
        for (int i = 0; i < projectCount; i++) {
            project(i);
        }
        for (int i = 0; i < programmeCount; i++) {
            programme(i);
        }
        return messages;
    }

    public Map<String, Integer> perKind() {
        return perKind;
    }

    private void party(int i) {
        String code = prefix + "-party-" + i;
        boolean department = i % 5 == 4;
        List<Object> events = new ArrayList<>();
        events.add(new PartyRegisteredEvent(code, "参与方" + i, i % 3 == 0 ? null : "Party " + i,
                department ? PartyKind.DEPARTMENT : PartyKind.values()[i % 6 == 1 ? 2 : i % 6 == 3 ? 3 : 0],
                department ? parties.get(parties.size() - 1) : null, i % 2 == 0 ? date(0, 400) : null));
        if (i % 4 == 0) {
            events.add(new PartyRenamedEvent(code, "参与方" + i, null, "新参与方" + i, "Renamed party " + i,
                    date(400, 700), "更名"));
        }
        parties.add(code);
        add("Party", code, events);
    }

    private void agreement(int i) {
        String id = prefix + "-agreement-" + i;
        List<String> signatories = pick(2 + random.nextInt(3));
        List<String> observers = random.nextInt(4) == 0 ? pick(1).stream()
                .filter(o -> !signatories.contains(o)).toList() : List.of();
        LocalDate signed = date(0, 500);
        Set<CooperationDomain> domains = EnumSet.noneOf(CooperationDomain.class);
        for (int d = 0; d <= random.nextInt(3); d++) {
            domains.add(DOMAINS[random.nextInt(DOMAINS.length)]);
        }
        List<Object> events = new ArrayList<>();
        events.add(new AgreementSignedEvent(id, "合作协议" + i, KINDS[random.nextInt(KINDS.length)], signatories,
                observers, signed, "万州", OCCASIONS[random.nextInt(OCCASIONS.length)], domains, null));
        List<String> joined = new ArrayList<>(signatories);
        joined.addAll(observers);
        if (random.nextInt(3) == 0) {
            String newcomer = pick(1).get(0);
            if (!joined.contains(newcomer)) {
                events.add(new PartyJoinedAgreementEvent(id, newcomer,
                        random.nextBoolean() ? ParticipantRole.SIGNATORY : ParticipantRole.OBSERVER,
                        signed.plusDays(30)));
                joined.add(newcomer);
            }
        }
        if (!observers.isEmpty() && random.nextBoolean()) {
            events.add(new ObserverPromotedEvent(id, observers.get(0), signed.plusDays(60)));
        }
        int items = 2 + random.nextInt(7);
        for (int n = 0; n < items; n++) {
            String item = "item-" + n;
            events.add(new CooperationItemListedEvent(id, item, "合作事项" + n,
                    random.nextBoolean() ? DOMAINS[random.nextInt(DOMAINS.length)] : null,
                    List.of(signatories.get(n % signatories.size())), null, signed.plusDays(n),
                    random.nextInt(8) == 0 ? 2 + random.nextInt(90) : null, null));
            int fate = random.nextInt(10);
            if (fate < 7) {
                events.add(new CooperationItemStartedEvent(id, item, signed.plusDays(40 + n)));
            }
            if (fate < 5) {
                events.add(new CooperationItemCompletedEvent(id, item, signed.plusDays(200 + n), "已完成"));
            } else if (fate == 9) {
                events.add(new CooperationItemDroppedEvent(id, item, signed.plusDays(100 + n), "取消"));
            }
        }
        int payments = random.nextInt(3);
        for (int p = 0; p < payments; p++) {
            events.add(new PaymentRecordedEvent(id, "pay-" + p, signatories.get(0), signatories.get(1),
                    new Money(BigDecimal.valueOf(random.nextInt(100_000_000) + 1, random.nextInt(3))),
                    signed.plusDays(90 + p), null));
        }
        if (payments > 0 && random.nextInt(3) == 0) {
            events.add(new PaymentCorrectedEvent(id, "pay-0", 1, null, null,
                    new Money(BigDecimal.valueOf(random.nextInt(100_000_000) + 1, 2)), null, "金额录错",
                    signed.plusDays(90)));
        }
        if (random.nextInt(6) == 0) {
            LocalDate corrected = signed.plusDays(1);
            events.add(new AgreementSigningCorrectedEvent(id, 0, null, corrected, null,
                    OCCASIONS[random.nextInt(OCCASIONS.length)], "签约信息录错", corrected));
        }
        if (random.nextInt(5) == 0) {
            events.add(new AgreementAmendedEvent(id, signed.plusDays(300), random.nextBoolean() ? "修订协议" + i : null,
                    null, random.nextBoolean() ? Set.of(CooperationDomain.REFORM) : null, "修订", "调整"));
        }
        int closure = random.nextInt(12);
        if (closure == 0) {
            events.add(new AgreementExpiredEvent(id, signed.plusDays(700)));
        } else if (closure == 1) {
            events.add(new AgreementTerminatedEvent(id, signed.plusDays(500), "终止"));
        } else if (closure == 2 && i > 0) {
            events.add(new AgreementSupersededEvent(id, prefix + "-agreement-" + (i - 1), signed.plusDays(600), null));
        }
        add("Agreement", id, events);
    }

    private void project(int i) {
        String id = prefix + "-project-" + i;
        boolean intention = random.nextInt(6) == 0;
        boolean batch = random.nextInt(10) == 0;
        Money agreed = random.nextInt(8) == 0 ? null
                : new Money(BigDecimal.valueOf(random.nextInt(2_000_000) + 1, 0).multiply(BigDecimal.valueOf(10_000)));
        LocalDate signed = date(0, 600);
        List<Object> events = new ArrayList<>();
        events.add(new ProjectSignedEvent(id, "签约项目" + i, pick(1 + random.nextInt(2)), pick(1 + random.nextInt(2)),
                OCCASIONS[random.nextInt(OCCASIONS.length)], null, DOMAINS[random.nextInt(DOMAINS.length)], agreed,
                signed, intention, batch ? 2 + random.nextInt(40) : 1, batch ? "来源只报告总数" : null));
        if (random.nextInt(6) == 0) {
            events.add(new ProjectCorrectedEvent(id, 0, agreed == null ? null : Money.parse(random.nextInt(50) + 1 + "亿元"),
                    signed.plusDays(2), random.nextBoolean() ? pick(2) : null, null,
                    OCCASIONS[random.nextInt(OCCASIONS.length)], null, batch ? 1 + random.nextInt(40) : null,
                    "签约信息录错", signed.plusDays(2)));
        }
        if (intention && random.nextBoolean()) {
            events.add(new ProjectFirmedUpEvent(id, signed.plusDays(30),
                    random.nextBoolean() ? Money.parse(random.nextInt(100) + 1 + "亿元") : null));
        }
        int fate = random.nextInt(10);
        if (fate < 7) {
            events.add(new ProjectConstructionStartedEvent(id, signed.plusDays(60)));
            int reports = random.nextInt(4);
            for (int r = 0; r < reports; r++) {
                events.add(new InvestmentReportedEvent(id, "report-" + r,
                        new Money(BigDecimal.valueOf(random.nextInt(50_000_000) + 1, 2)), signed.plusDays(90 + r * 30),
                        null));
            }
            if (reports > 0 && random.nextInt(3) == 0) {
                events.add(new InvestmentReportCorrectedEvent(id, "report-0", 1,
                        new Money(BigDecimal.valueOf(random.nextInt(50_000_000) + 1, 2)), null, "报表更正",
                        signed.plusDays(90)));
            }
            if (fate < 3) {
                events.add(new ProjectCompletedEvent(id, signed.plusDays(400)));
            }
        } else if (fate == 9) {
            events.add(new ProjectCancelledEvent(id, signed.plusDays(100), "取消"));
        }
        add("Project", id, events);
    }

    private void programme(int i) {
        String id = prefix + "-programme-" + i;
        LocalDate declared = date(0, 300);
        List<Object> events = new ArrayList<>();
        events.add(new ProgrammeDeclaredEvent(id, "公共服务事项清单" + i, pick(2 + random.nextInt(3)), "2021",
                List.of("政务服务", "医保", "社保"), declared, null));
        int items = 20 + random.nextInt(40);
        for (int n = 0; n < items; n++) {
            String item = "item-" + n;
            int count = random.nextInt(8) == 0 ? 2 + random.nextInt(100) : 1;
            events.add(new ServiceItemListedEvent(id, item, "事项" + n, n % 4 == 0 ? null : "政务服务",
                    pick(1), declared.plusDays(180), n % 7 == 0, count, declared.plusDays(n % 30), null));
            if (random.nextInt(15) == 0) {
                events.add(new ServiceItemCorrectedEvent(id, item, 1, count > 1 ? count + 1 : null,
                        declared.plusDays(200), random.nextBoolean() ? "医保" : null, "录入错误",
                        declared.plusDays(n % 30)));
            }
            int fate = random.nextInt(20);
            if (fate < 14) {
                events.add(new ServiceItemCompletedEvent(id, item, declared.plusDays(100 + n), "已办结"));
                if (fate == 0) {
                    events.add(new ServiceItemReopenedEvent(id, item, declared.plusDays(150 + n), "误报"));
                }
            } else if (fate == 19) {
                events.add(new ServiceItemWithdrawnEvent(id, item, declared.plusDays(50 + n), "撤回"));
            }
        }
        add("Programme", id, events);
    }

    private void add(String type, String id, List<Object> events) {
        for (int seq = 0; seq < events.size(); seq++) {
            messages.add(new GenericDomainEventMessage<>(type, id, seq, events.get(seq),
                    MetaData.with("recordedBy", "replay-test")));
        }
        perKind.merge(type, events.size(), Integer::sum);
    }

    private List<String> pick(int n) {
        List<String> chosen = new ArrayList<>();
        while (chosen.size() < n) {
            String code = parties.get(random.nextInt(parties.size()));
            if (!chosen.contains(code)) {
                chosen.add(code);
            }
        }
        return chosen;
    }

    private LocalDate date(int fromDay, int toDay) {
        return START.plusDays(fromDay + random.nextInt(toDay - fromDay));
    }
}
