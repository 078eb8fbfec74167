package coop.ledger.shared;

import com.fasterxml.jackson.annotation.JsonCreator;

/** A field of cooperation (合作领域) that agreements, list items and projects belong to. */
public enum CooperationDomain implements Labelled {
    TRANSPORT("交通", "transport"),
    INDUSTRY("产业", "industry"),
    ECOLOGY("生态环境", "ecology and environment"),
    PUBLIC_SERVICES("公共服务", "public services"),
    GOVERNMENT_SERVICES("政务服务", "government services"),
    MEDICAL_INSURANCE("医保", "medical insurance"),
    HEALTH("医疗卫生", "health care"),
    PLANNING("国土空间", "spatial planning and land"),
    REFORM("改革", "reform"),
    JUDICIAL("政法", "judicial and legal affairs"),
    CULTURE_TOURISM("文旅", "culture and tourism"),
    EDUCATION("教育", "education"),
    LOGISTICS("物流", "logistics"),
    FINANCE("金融", "finance"),
    INNOVATION("科技创新", "science and innovation"),
    AGRICULTURE("农业", "agriculture"),
    ENERGY("能源", "energy"),
    LIVELIHOOD("民生", "people's livelihood"),
    OTHER("其他", "other");

    private final String zh;
    private final String en;

    CooperationDomain(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    @JsonCreator
    public static CooperationDomain of(String text) {
        return Labelled.parse(CooperationDomain.class, text);
    }

    @Override
    public String zh() {
        return zh;
    }

    @Override
    public String en() {
        return en;
    }
}
