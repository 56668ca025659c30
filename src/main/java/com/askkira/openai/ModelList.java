package com.askkira.openai;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code GET /v1/models}: OpenAI's list, holding the one model Kira is. */
public record ModelList(String object, List<Model> data) {
    public ModelList {
        data = List.copyOf(data);
    }

    /** A model as OpenAI describes one. */
    public record Model(
            String id,
            String object,
            long created,
            @JsonProperty("owned_by") String ownedBy) {}
}
