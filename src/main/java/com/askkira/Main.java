package com.askkira;

import com.askkira.cli.KiraCommand;
import com.askkira.config.InvalidConfigException;
import com.askkira.corpus.InvalidDocumentException;
import com.askkira.pipeline.KiraException;
import picocli.CommandLine;

/** Entry point: runs a command and reports a failure as one clear line (KIRA_DEBUG=1 adds the stack trace). */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new KiraCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            boolean known = e instanceof InvalidConfigException
                    || e instanceof InvalidDocumentException
                    || e instanceof KiraException;
            commandLine
                    .getErr()
                    .println("ask-kira: " + (known ? "" : e.getClass().getSimpleName() + ": ") + e.getMessage());
            if (!known && System.getenv("KIRA_DEBUG") != null) {
                e.printStackTrace(commandLine.getErr());
            }
            return known ? 2 : 1;
        });
        System.exit(cli.execute(args));
    }
}
