package com.askkira.safety;

import java.util.List;

/** The {@code safety} block of an answer: whether the message signals risk now, and the resources shown. */
public record Safety(boolean crisis, List<CrisisResource> resources) {
    public Safety {
        resources = List.copyOf(resources);
    }

    public static Safety none() {
        return new Safety(false, List.of());
    }
}
