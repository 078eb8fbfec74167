package coop.ledger.shared.web;

import coop.ledger.shared.Money;

/** An amount as the API shows it: exact yuan, and the same figure as Chinese sources write it (亿元/万元). */
public record Amount(String yuan, String text) {

    public static Amount of(Money money) {
        return money == null ? null : new Amount(money.plain(), money.toChinese());
    }
}
