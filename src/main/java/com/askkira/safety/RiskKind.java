package com.askkira.safety;

/** Whose safety a crisis message is about, which decides the resources an answer leads with. */
public enum RiskKind {
    /** Suicide or self-harm: the asker's, or someone else's they tell of. */
    SELF_HARM,
    /** The asker intends or wishes to hurt another person. */
    HARM_TO_OTHERS,
    /** A child is being hurt, threatened or neglected at home. */
    CHILD_AT_RISK,
    /** Someone is being hurt, threatened or abused now. */
    ABUSE_NOW
}
