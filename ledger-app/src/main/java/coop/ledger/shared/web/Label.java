package coop.ledger.shared.web;

import coop.ledger.shared.Labelled;

/** A vocabulary value as the API shows it: its code with Chinese and English labels. */
public record Label(String code, String zh, String en) {

    public static Label of(Labelled value) {
        return value == null ? null : new Label(value.name(), value.zh(), value.en());
    }
}
