package com.askkira.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What a crisis screen made of a labelled set: crises heard, look-alikes flagged, and which it got wrong. */
final class CrisisTally {
    private int crises;
    private int caught;
    private int lookAlikes;
    private int alarms;
    private final List<String> wrong = new ArrayList<>();

    /** One message: whether it is a crisis, whether the screen flagged it, and how to name it if wrong. */
    void add(boolean crisis, boolean flagged, String name) {
        if (crisis) {
            crises++;
            caught += flagged ? 1 : 0;
        } else {
            lookAlikes++;
            alarms += flagged ? 1 : 0;
        }
        if (flagged != crisis) {
            wrong.add(name);
        }
    }

    int crises() {
        return crises;
    }

    double recall() {
        return (double) caught / crises;
    }

    double falseAlarms() {
        return (double) alarms / lookAlikes;
    }

    /** "{@code name}: recall 0.950 (19/20), false alarms 0.150 (3/20) [the wrong ones]". */
    String line(String name) {
        return String.format(
                Locale.ROOT,
                "%s: recall %.3f (%d/%d), false alarms %.3f (%d/%d) %s",
                name,
                recall(),
                caught,
                crises,
                falseAlarms(),
                alarms,
                lookAlikes,
                wrong);
    }
}
