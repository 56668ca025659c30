package com.askkira.eval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Chart.js as its WebJar ships it in the jar, whichever version the build brought: for /admin and report.html. */
public final class ChartJs {
    private ChartJs() {}

    /** The classpath resource of Chart.js's UMD build. */
    public static String resource() {
        Properties pom = new Properties();
        try (InputStream in =
                ChartJs.class.getResourceAsStream("/META-INF/maven/org.webjars.npm/chart.js/pom.properties")) {
            if (in != null) {
                pom.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "/META-INF/resources/webjars/chart.js/" + pom.getProperty("version", "4.5.1") + "/dist/chart.umd.min.js";
    }
}
