package coop.ledger.audit;

import coop.ledger.agreement.api.AgreementAmendedEvent;
import coop.ledger.agreement.api.AgreementExpiredEvent;
import coop.ledger.agreement.api.AgreementSignedEvent;
import coop.ledger.agreement.api.AgreementSigningCorrectedEvent;
import coop.ledger.agreement.api.AgreementSupersededEvent;
import coop.ledger.agreement.api.AgreementTerminatedEvent;
import coop.ledger.agreement.api.CooperationItemCompletedEvent;
import coop.ledger.agreement.api.CooperationItemDroppedEvent;
import coop.ledger.agreement.api.CooperationItemListedEvent;
import coop.ledger.agreement.api.CooperationItemStartedEvent;
import coop.ledger.agreement.api.ObserverPromotedEvent;
import coop.ledger.agreement.api.PartyJoinedAgreementEvent;
import coop.ledger.agreement.api.PaymentCorrectedEvent;
import coop.ledger.agreement.api.PaymentRecordedEvent;
import coop.ledger.party.api.PartyRegisteredEvent;
import coop.ledger.party.api.PartyRenamedEvent;
import coop.ledger.project.api.InvestmentReportCorrectedEvent;
import coop.ledger.project.api.InvestmentReportedEvent;
import coop.ledger.project.api.ProjectCancelledEvent;
import coop.ledger.project.api.ProjectCompletedEvent;
import coop.ledger.project.api.ProjectConstructionStartedEvent;
import coop.ledger.project.api.ProjectCorrectedEvent;
import coop.ledger.project.api.ProjectFirmedUpEvent;
import coop.ledger.project.api.ProjectSignedEvent;
import coop.ledger.programme.api.ProgrammeDeclaredEvent;
import coop.ledger.programme.api.ServiceItemCompletedEvent;
import coop.ledger.programme.api.ServiceItemCorrectedEvent;
import coop.ledger.programme.api.ServiceItemListedEvent;
import coop.ledger.programme.api.ServiceItemReopenedEvent;
import coop.ledger.programme.api.ServiceItemWithdrawnEvent;
import coop.ledger.shared.Money;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * The readable summary (摘要) of every event type of the ledger, one small summariser per type. A test fails when
 * an event type has none, so a new event cannot reach the audit history as an unexplained payload.
 */
public final class EventSummaries {

    private static final Map<Class<?>, Function<Object, EventSummary>> BY_TYPE = new HashMap<>();

    static {
        on(PartyRegisteredEvent.class, e -> of("登记参与方 " + e.nameZh() + "（" + e.kind().zh() + "）",
                "party " + e.code() + " registered as " + e.nameZh() + " (" + e.kind().en() + ")"));
        on(PartyRenamedEvent.class, e -> of("更名：" + e.previousNameZh() + " → " + e.nameZh(),
                "renamed from " + e.previousNameZh() + " to " + e.nameZh()));

        on(AgreementSignedEvent.class, e -> of("签订" + e.kind().zh() + "《" + e.title() + "》，签约方 "
                        + String.join("、", e.signatories()),
                "signed " + e.kind().en() + " \"" + e.title() + "\" by " + String.join(", ", e.signatories())));
        on(PartyJoinedAgreementEvent.class, e -> of(e.partyCode() + " 以" + e.role().zh() + "身份加入",
                e.partyCode() + " joined as " + e.role().en()));
        on(ObserverPromotedEvent.class, e -> of("观察员 " + e.partyCode() + " 成为签约方",
                "observer " + e.partyCode() + " became a signatory"));
        on(CooperationItemListedEvent.class, e -> of("列入合作事项 " + e.itemId() + "：" + e.description(),
                "cooperation item " + e.itemId() + " listed: " + e.description()));
        on(CooperationItemStartedEvent.class, e -> of("合作事项 " + e.itemId() + " 开始推进",
                "work on cooperation item " + e.itemId() + " started"));
        on(CooperationItemCompletedEvent.class, e -> of("合作事项 " + e.itemId() + " 完成：" + e.evidence(),
                "cooperation item " + e.itemId() + " completed: " + e.evidence()));
        on(CooperationItemDroppedEvent.class, e -> of("合作事项 " + e.itemId() + " 取消：" + e.reason(),
                "cooperation item " + e.itemId() + " dropped: " + e.reason()));
        on(AgreementAmendedEvent.class, e -> of("协议修订：" + e.description(), "amended: " + e.description()));
        on(AgreementSupersededEvent.class, e -> of("被协议 " + e.supersededBy() + " 取代",
                "superseded by agreement " + e.supersededBy()));
        on(AgreementExpiredEvent.class, e -> of("协议到期", "expired at the end of its term"));
        on(AgreementTerminatedEvent.class, e -> of("协议终止：" + e.reason(), "terminated: " + e.reason()));
        on(PaymentRecordedEvent.class, e -> of("付款 " + e.paymentId() + "：" + e.payer() + " 向 " + e.payee() + " 支付 "
                        + e.amount().toChinese(),
                "payment " + e.paymentId() + ": " + e.payer() + " paid " + e.payee() + " " + yuan(e.amount())));
        on(PaymentCorrectedEvent.class, e -> corrected("付款 " + e.paymentId(), "payment " + e.paymentId(),
                e.correctsSequence(), changes()
                        .add("付款方", "payer", e.payer())
                        .add("收款方", "payee", e.payee())
                        .add("金额", "amount", e.amount())
                        .add("付款日期", "paid on", e.paidOn())));
        on(AgreementSigningCorrectedEvent.class, e -> corrected("签约信息", "signing", e.correctsSequence(), changes()
                .add("标题", "title", e.title())
                .add("签约日期", "signed on", e.signedOn())
                .add("地点", "place", e.place())
                .add("签约活动", "occasion", e.occasion())));

        on(ProjectSignedEvent.class, e -> of((e.intention() ? "签订意向性协议" : "签约项目") + "《" + e.name() + "》"
                        + (e.projectCount() > 1 ? e.projectCount() + "个" : "")
                        + (e.agreedInvestment() == null ? "" : "，协议投资 " + e.agreedInvestment().toChinese()),
                (e.intention() ? "intention signed: " : "project signed: ") + e.name()
                        + (e.projectCount() > 1 ? " (" + e.projectCount() + " projects)" : "")
                        + (e.agreedInvestment() == null ? "" : ", agreed investment " + yuan(e.agreedInvestment()))));
        on(ProjectFirmedUpEvent.class, e -> of("意向转为正式签约"
                        + (e.agreedInvestment() == null ? "" : "，协议投资 " + e.agreedInvestment().toChinese()),
                "intention firmed up" + (e.agreedInvestment() == null ? ""
                        : ", agreed investment " + yuan(e.agreedInvestment()))));
        on(ProjectConstructionStartedEvent.class, e -> of("项目开工", "construction started"));
        on(ProjectCompletedEvent.class, e -> of("项目建成投用", "completed, in operation"));
        on(ProjectCancelledEvent.class, e -> of("项目取消：" + e.reason(), "cancelled: " + e.reason()));
        on(InvestmentReportedEvent.class, e -> of("报告实际投资 " + e.reportId() + "：" + e.amount().toChinese(),
                "actual investment reported (" + e.reportId() + "): " + yuan(e.amount())));
        on(ProjectCorrectedEvent.class, e -> corrected("项目签约信息", "project signing", e.correctsSequence(),
                changes()
                        .add("协议投资", "agreed investment", e.agreedInvestment())
                        .add("签约日期", "signed on", e.signedOn())
                        .add("落地方", "host parties", e.hostParties())
                        .add("投资方", "investors", e.investors())
                        .add("签约活动", "occasion", e.occasion())
                        .add("领域", "domain", e.domain() == null ? null : e.domain().zh() + "/" + e.domain().en())
                        .add("项目个数", "project count", e.projectCount())));
        on(InvestmentReportCorrectedEvent.class, e -> corrected("投资报告 " + e.reportId(),
                "investment report " + e.reportId(), e.correctsSequence(), changes()
                        .add("金额", "amount", e.amount())
                        .add("报告日期", "reported on", e.reportedOn())));

        on(ProgrammeDeclaredEvent.class, e -> of("发布事项清单《" + e.name() + "》（" + e.period() + "）",
                "programme \"" + e.name() + "\" declared for " + e.period()));
        on(ServiceItemListedEvent.class, e -> of((e.addedLater() ? "清单外新增事项 " : "列入事项 ") + e.itemId() + "："
                        + e.name() + (e.itemCount() > 1 ? "（" + e.itemCount() + "项）" : ""),
                (e.addedLater() ? "item added later " : "item listed ") + e.itemId() + ": " + e.name()
                        + (e.itemCount() > 1 ? " (" + e.itemCount() + " items)" : "")));
        on(ServiceItemCompletedEvent.class, e -> of("事项 " + e.itemId() + " 完成：" + e.evidence(),
                "item " + e.itemId() + " completed: " + e.evidence()));
        on(ServiceItemWithdrawnEvent.class, e -> of("事项 " + e.itemId() + " 撤回：" + e.reason(),
                "item " + e.itemId() + " withdrawn: " + e.reason()));
        on(ServiceItemReopenedEvent.class, e -> of("事项 " + e.itemId() + " 重新打开：" + e.reason(),
                "item " + e.itemId() + " reopened: " + e.reason()));
        on(ServiceItemCorrectedEvent.class, e -> corrected("事项 " + e.itemId(), "item " + e.itemId(),
                e.correctsSequence(), changes()
                        .add("事项数", "item count", e.itemCount())
                        .add("目标日期", "target date", e.targetOn())
                        .add("类别", "category", e.category())));
    }

    private EventSummaries() {
    }

    /** The summary of {@code event}, or empty when its type has no summariser. */
    public static Optional<EventSummary> of(Object event) {
        Function<Object, EventSummary> summariser = BY_TYPE.get(event.getClass());
        return summariser == null ? Optional.empty() : Optional.of(summariser.apply(event));
    }

    /** The summary of {@code event}, or its type name when it has none (never fails on history it cannot explain). */
    public static EventSummary describe(Object event) {
        return of(event).orElseGet(() -> new EventSummary(event.getClass().getSimpleName(),
                event.getClass().getSimpleName()));
    }

    @SuppressWarnings("unchecked")
    private static <E> void on(Class<E> type, Function<E, EventSummary> summariser) {
        BY_TYPE.put(type, event -> summariser.apply((E) event));
    }

    private static EventSummary of(String zh, String en) {
        return new EventSummary(zh, en);
    }

    private static String yuan(Money amount) {
        return amount.plain() + " yuan (" + amount.toChinese() + ")";
    }

    private static EventSummary corrected(String whatZh, String whatEn, long sequence, Changes changes) {
        return of("更正" + whatZh + "（更正第 " + sequence + " 号事件）：" + changes.zh,
                "corrected " + whatEn + " (corrects event " + sequence + "): " + changes.en);
    }

    private static Changes changes() {
        return new Changes();
    }

    /** The values a correction sets, as "field → value" in both languages. */
    private static final class Changes {
        private final StringJoiner zh = new StringJoiner("，");
        private final StringJoiner en = new StringJoiner(", ");

        Changes add(String fieldZh, String fieldEn, Object value) {
            if (value != null) {
                String text = value instanceof Money money ? money.toChinese()
                        : value instanceof List<?> list ? String.join("、", list.stream().map(String::valueOf).toList())
                        : String.valueOf(value);
                String textEn = value instanceof Money money ? yuan(money)
                        : value instanceof List<?> list ? String.join(", ", list.stream().map(String::valueOf).toList())
                        : String.valueOf(value);
                zh.add(fieldZh + "改为 " + text);
                en.add(fieldEn + " → " + textEn);
            }
            return this;
        }
    }
}
