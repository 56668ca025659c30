package com.askkira.guard;

/**
 * The ways an answer can leave a reader believing therapy is more, or less, confidential than the
 * library says, plus the one thing Kira must never do: diagnose the reader or advise them on
 * their own legal case.
 */
public enum LimitsRule {
    /** Says confidentiality is absolute: nothing ever leaves the room, no exceptions. */
    ABSOLUTE_CONFIDENTIALITY,
    /** Says therapy is confidential in general without naming any of its limits. */
    LIMITS_NOT_NAMED,
    /** Says a subpoena alone forces disclosure; only a court order can compel it. */
    SUBPOENA_FORCES_DISCLOSURE,
    /** Says every state, or every therapist everywhere, must warn a threatened person. */
    TARASOFF_UNIVERSAL,
    /** Says parents always, or never, see a minor's records or what the minor says. */
    PARENTS_ALWAYS_OR_NEVER,
    /** Says other members of a therapy group are legally bound to keep confidentiality. */
    GROUP_MEMBERS_BOUND,
    /** Says telehealth or a video app is automatically HIPAA compliant or secure. */
    TELEHEALTH_AUTO_COMPLIANT,
    /** States the duty to warn, minors' rules or elder-abuse reporting without saying it varies by state. */
    STATE_VARIATION_OMITTED,
    /** Diagnoses the reader or advises them on their own legal case. */
    DIAGNOSIS_OR_LEGAL_ADVICE;

    /** Broken by what the whole answer leaves out, so a sentence elsewhere in it can cure it. */
    public boolean answerLevel() {
        return this == LIMITS_NOT_NAMED || this == STATE_VARIATION_OMITTED;
    }
}
