package com.askkira.safety;

/** A service a person at risk can reach now, with how to reach it ("call or text 988"). */
public record CrisisResource(String name, String contact, String href, String when) {}
