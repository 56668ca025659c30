package com.askkira.privacy;

import java.util.List;

/** One family of identifiers: finds where each stands in a text. Findings may overlap; the redactor resolves them. */
interface PiiDetector {
    List<Finding> detect(String text);
}
