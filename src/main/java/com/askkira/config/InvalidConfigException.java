package com.askkira.config;

/**
 * A setting in the environment that Kira cannot start with; its message names the variable. An
 * illegal argument, so code that checks one value (an origin, a host) can throw it to any caller.
 */
public final class InvalidConfigException extends IllegalArgumentException {
    public InvalidConfigException(String message) {
        super(message);
    }
}
