/** Kira's configuration, read from environment variables; depends on nothing else in Kira. */
package com.askkira.config;
