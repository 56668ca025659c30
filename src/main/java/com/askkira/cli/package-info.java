/** The command line: serve, index, ask, search. */
package com.askkira.cli;
