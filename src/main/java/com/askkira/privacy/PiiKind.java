package com.askkira.privacy;

/**
 * The kinds of personal identifier the redactor replaces, each with the token that stands in for
 * it. Ages are deliberately absent: "I'm 15" decides which rules on minors apply, so it is neither
 * detected nor redacted.
 */
public enum PiiKind {
    NAME("[name]"),
    PHONE("[phone]"),
    EMAIL("[email]"),
    ADDRESS("[address]"),
    DATE_OF_BIRTH("[date of birth]"),
    SSN("[ssn]"),
    CARD_NUMBER("[card number]"),
    ID_NUMBER("[id number]"),
    URL("[url]"),
    /** A user name on a social network or chat service: "@jane.doe", "my insta is janedoe99". */
    SOCIAL_HANDLE("[handle]"),
    IP_ADDRESS("[ip address]");

    private final String token;

    PiiKind(String token) {
        this.token = token;
    }

    /** What replaces an identifier of this kind: lower case, bracketed, readable in a sentence. */
    public String token() {
        return token;
    }
}
