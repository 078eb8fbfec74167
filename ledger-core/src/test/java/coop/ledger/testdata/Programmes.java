package coop.ledger.testdata;

import coop.ledger.programme.api.DeclareProgrammeCommand;
import coop.ledger.programme.api.ListServiceItemCommand;
import coop.ledger.programme.api.ProgrammeDeclaredEvent;
import coop.ledger.programme.api.ServiceItemListedEvent;

import java.time.LocalDate;
import java.util.List;

import static coop.ledger.testdata.Parties.KAIZHOU;
import static coop.ledger.testdata.Parties.WANZHOU;
import static coop.ledger.testdata.Parties.WANZHOU_YIBAO;
import static coop.ledger.testdata.Parties.YUNYANG;

/**
 * The Wan-Kai-Yun convenience programme of the sources (万开云同城化便捷服务事项, 2021: 15 items, 13 completed),
 * grouped in two categories, with its medical-insurance transfer item. Each builder starts from the sample and
 * yields the command and the event it should produce.
 */
public final class Programmes {

    public static final String WKY = "wky-convenience-2021";
    public static final String WKY_NAME = "万开云同城化便捷服务事项";
    public static final LocalDate WKY_DECLARED_ON = LocalDate.of(2021, 3, 1);
    public static final String GOV_SERVICES = "政务服务";
    public static final String MEDICAL_INSURANCE = "医保";

    public static final String YIBAO_TRANSFER = "yibao-transfer";
    public static final LocalDate YIBAO_TRANSFER_LISTED_ON = LocalDate.of(2021, 3, 15);

    private Programmes() {
    }

    public static ProgrammeDeclaredEvent wkyDeclared() {
        return declaration().event();
    }

    public static ServiceItemListedEvent yibaoTransferListed() {
        return listing().event();
    }

    public static Declaring declaration() {
        return new Declaring();
    }

    public static Listing listing() {
        return new Listing();
    }

    /** The declaration of the Wan-Kai-Yun programme for 2021, unless told otherwise. */
    public static final class Declaring {
        private String programmeId = WKY;
        private String name = WKY_NAME;
        private List<String> participants = List.of(WANZHOU, KAIZHOU, YUNYANG);
        private String period = "2021";
        private List<String> categories = List.of(GOV_SERVICES, MEDICAL_INSURANCE);
        private LocalDate declaredOn = WKY_DECLARED_ON;
        private String note = "年度15项便捷服务事项";

        public Declaring id(String value) {
            programmeId = value;
            return this;
        }

        public Declaring name(String value) {
            name = value;
            return this;
        }

        public Declaring participants(String... codes) {
            participants = List.of(codes);
            return this;
        }

        /** Lists may hold null or repeated values here, to test the rules about them. */
        public Declaring participants(List<String> codes) {
            participants = codes;
            return this;
        }

        public Declaring period(String value) {
            period = value;
            return this;
        }

        public Declaring categories(String... values) {
            categories = List.of(values);
            return this;
        }

        public Declaring declaredOn(LocalDate value) {
            declaredOn = value;
            return this;
        }

        public Declaring note(String value) {
            note = value;
            return this;
        }

        public DeclareProgrammeCommand command() {
            return new DeclareProgrammeCommand(programmeId, name, participants, period, categories, declaredOn, note);
        }

        public ProgrammeDeclaredEvent event() {
            return new ProgrammeDeclaredEvent(programmeId, name, participants, period, categories, declaredOn, note);
        }
    }

    /** Listing the medical-insurance transfer item (医保关系转移接续) on the Wan-Kai-Yun programme. */
    public static final class Listing {
        private String itemId = YIBAO_TRANSFER;
        private String name = "医保关系转移接续";
        private String category = MEDICAL_INSURANCE;
        private List<String> responsibleParties = List.of(WANZHOU_YIBAO, KAIZHOU);
        private LocalDate targetOn = LocalDate.of(2021, 12, 31);
        private boolean addedLater = false;
        private int itemCount = 1;
        private LocalDate listedOn = YIBAO_TRANSFER_LISTED_ON;
        private String note = null;
        private Long expectedVersion = null;
        private Boolean listSizeUnknown = null;

        /** The item stands for the known part of a list whose size the source does not give. */
        public Listing listSizeUnknown() {
            listSizeUnknown = true;
            return this;
        }

        public Listing itemId(String value) {
            itemId = value;
            return this;
        }

        public Listing name(String value) {
            name = value;
            return this;
        }

        public Listing category(String value) {
            category = value;
            return this;
        }

        public Listing responsible(String... codes) {
            responsibleParties = List.of(codes);
            return this;
        }

        public Listing targetOn(LocalDate value) {
            targetOn = value;
            return this;
        }

        public Listing addedLater() {
            addedLater = true;
            return this;
        }

        public Listing itemCount(int value) {
            itemCount = value;
            return this;
        }

        public Listing listedOn(LocalDate value) {
            listedOn = value;
            return this;
        }

        public Listing note(String value) {
            note = value;
            return this;
        }

        public Listing expectedVersion(Long value) {
            expectedVersion = value;
            return this;
        }

        public ListServiceItemCommand command() {
            return new ListServiceItemCommand(WKY, itemId, name, category, responsibleParties, targetOn, addedLater,
                    itemCount, listedOn, note, expectedVersion, listSizeUnknown);
        }

        /** The command as a client that leaves out addedLater and itemCount sends it. */
        public ListServiceItemCommand commandWithDefaults() {
            return new ListServiceItemCommand(WKY, itemId, name, category, responsibleParties, targetOn, null, null,
                    listedOn, note, expectedVersion);
        }

        public ServiceItemListedEvent event() {
            return new ServiceItemListedEvent(WKY, itemId, name, category, responsibleParties, targetOn, addedLater,
                    itemCount, listedOn, note, listSizeUnknown);
        }
    }
}
