package com.askkira.config;

/** A setting in the environment that Kira cannot start with; its message names the variable. */
public final class InvalidConfigException extends RuntimeException {
    public InvalidConfigException(String message) {
        super(message);
    }
}
